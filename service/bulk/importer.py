"""A bulk import run: NDJSON lines in, one result per line out, in input order."""

from collections.abc import Iterator

import marshmallow as ma
from pymongo.errors import PyMongoError

from service.articles.schemas import ArticleCreateSchema
from service.bulk.ndjson import Line, count_lines, lines
from service.errors import DomainError, TooLarge
from service.formats.errors import InvalidDocument
from service.formats.ninjs import ninjs_to_article
from service.http.media import article_from_source
from service.newsroom.bulk import BulkIngest
from service.problems import domain_problem_body, flatten_messages, problem_body, validation_body


class BulkImport:
    """Validates and stores the articles of an NDJSON body, batch by batch."""

    def __init__(
        self, ingest: BulkIngest, extract: bool, actor: str | None, settings, ninjs: bool = False
    ):
        self.ingest = ingest
        self.ninjs = ninjs
        self.extract = extract
        self.actor = actor
        self.batch = max(settings["BULK_BATCH"], 1)
        self.max_lines = settings["BULK_MAX_LINES"]
        self.schema = ArticleCreateSchema()

    def check_size(self, raw: bytes) -> None:
        """TooLarge (413) beyond the line limit, before anything is stored."""
        if count_lines(raw) > self.max_lines:
            raise TooLarge(f"More than {self.max_lines} lines; split the import")

    def results(self, raw: bytes) -> Iterator[dict]:
        """One result per non-blank line; a bad line fails alone."""
        pending: list[Line] = []
        for line in lines(raw):
            pending.append(line)
            if len(pending) == self.batch:
                yield from self._run(pending)
                pending = []
        yield from self._run(pending)

    def _run(self, batch: list[Line]) -> Iterator[dict]:
        """Validate a batch, store its valid articles together, answer in order."""
        answers: dict[int, dict] = {}
        valid: list[tuple[int, dict]] = []
        for line in batch:
            if line.data is None:
                answers[line.number] = problem_body(line.status or 400, line.detail)
                continue
            try:
                valid.append((line.number, self._load(line.data)))
            except InvalidDocument as exc:
                answers[line.number] = validation_body(exc.errors, exc.detail)
            except ma.ValidationError as exc:
                answers[line.number] = validation_body(flatten_messages(exc.messages))
        stored = self._store([data for _, data in valid])
        for (number, _), outcome in zip(valid, stored, strict=True):
            answers[number] = outcome
        for line in batch:
            yield {"line": line.number, **self._line(answers[line.number])}

    def _load(self, data: dict) -> dict:
        """The article fields of one line, read as ninjs (the original kept) when asked."""
        if not self.ninjs:
            return self.schema.load(data)
        return article_from_source(self.schema.load(ninjs_to_article(data)), data)

    def _store(self, items: list[dict]) -> list[dict]:
        """The stored article or the problem of each item (503s if the database is away)."""
        try:
            outcomes = self.ingest.create_many(items, self.extract, self.actor)
        except PyMongoError:
            detail = "The database is unavailable; this line was not stored. Send it again."
            return [problem_body(503, detail) for _ in items]
        return [
            domain_problem_body(o) if isinstance(o, DomainError) else {"_id": o["_id"]}
            for o in outcomes
        ]

    @staticmethod
    def _line(outcome: dict) -> dict:
        """``{"status": 201, "id"}`` or ``{"status", "problem"}``."""
        if "_id" in outcome:
            return {"status": 201, "id": str(outcome["_id"])}
        return {"status": outcome["status"], "problem": outcome}
