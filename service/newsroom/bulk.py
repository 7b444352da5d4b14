"""Many articles at once: validated, extracted in one batch, stored one by one."""

from service.errors import DomainError
from service.newsroom.ingest import Ingest, Run


class BulkIngest(Ingest):
    """Stores a batch of articles as ``create_article`` would, extracting them together."""

    def create_many(
        self, items: list[dict], extract: bool, actor: str | None
    ) -> list[dict | DomainError]:
        """Each article stored, or the domain error that kept it out (in input order)."""
        results: list[dict | DomainError | None] = [None] * len(items)
        prepared: list[tuple[int, dict]] = []
        for index, data in enumerate(items):
            try:
                prepared.append((index, self.articles.prepare(data)))
            except DomainError as exc:
                results[index] = exc
        runs: list[Run] = (
            self.extract_many([doc["body"] for _, doc in prepared])
            if extract
            else [Run("skipped") for _ in prepared]
        )
        for (index, doc), run in zip(prepared, runs, strict=True):
            try:
                results[index] = self.store_new(doc, run, actor)
            except DomainError as exc:  # e.g. the same body twice in one batch
                results[index] = exc
        return [r for r in results if r is not None]
