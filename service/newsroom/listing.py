"""List pages whose filters name another resource (a side by id or slug, a speaker)."""

from collections.abc import Iterable, Iterator

from bson import ObjectId

from service.claims.repository import UNATTRIBUTED
from service.newsroom.desk import Desk

# Claims exported are looked up with their article and side this many at a time.
EXPORT_BATCH = 500
ARTICLE_CONTEXT = ("title", "url", "source", "authors", "language", "published_at")


class Listing(Desk):
    """Pages of articles and claims, with side filters resolved to ids."""

    def article_page(self, args: dict) -> tuple[list[dict], int]:
        """One page of articles matching ``args`` and the total."""
        query = self._article_query(args)
        return self.articles.find_page(query, args["sort"], args["page"], args["per_page"])

    def article_stream(self, args: dict) -> Iterator[dict]:
        """Every article matching ``args``, in sort order, lazily (an export)."""
        query = self._article_query(args)
        return self.articles.find_matching(query, self.articles.order(args["sort"]))

    def _article_query(self, args: dict) -> dict:
        """The article query of ``args``, side filters resolved."""
        side_ids = self.sides.resolve(args["side"]) if args.get("side") else None
        return self.articles.query(args, side_ids)

    def claim_page(self, args: dict, **fixed) -> tuple[list[dict], int]:
        """One page of claims matching the filters in ``args`` plus ``fixed`` ones."""
        query = self._claim_query(args, **fixed)
        return self.claims.find_page(query, args["sort"], args["page"], args["per_page"])

    def claim_stream(self, args: dict, **fixed) -> Iterator[dict]:
        """Every claim matching ``args`` plus ``fixed`` filters, in sort order, lazily."""
        query = self._claim_query(args, **fixed)
        return self.claims.find_matching(query, self.claims.order(args["sort"]))

    def _claim_query(self, args: dict, **fixed) -> dict:
        """The claim query of ``args`` and ``fixed`` filters, side filters resolved."""
        side_ids = self._claim_sides(args.get("side"))
        if "side_id" in fixed:
            side_ids = (
                [fixed["side_id"]] if side_ids is None or fixed["side_id"] in side_ids else []
            )
        if "speaker_id" in fixed:
            wanted = args.get("speaker_id")
            args["speaker_id"] = (
                [] if wanted and fixed["speaker_id"] not in wanted else [fixed["speaker_id"]]
            )
        if "article_id" in fixed:
            wanted = args.get("article_id")
            args["article_id"] = (
                [] if wanted and fixed["article_id"] not in wanted else [fixed["article_id"]]
            )
        return self.claims.query(args, side_ids)

    def _claim_sides(self, values: list[str] | None) -> list[ObjectId | None] | None:
        """The side ids a ``side`` filter names; None (no side) for ``none``."""
        if not values:
            return None
        named = [v for v in values if v != UNATTRIBUTED]
        side_ids: list[ObjectId | None] = list(self.sides.resolve(named)) if named else []
        if UNATTRIBUTED in values:
            side_ids.append(None)
        return side_ids

    def article_claims(self, args: dict, article_id: ObjectId) -> tuple[list[dict], int]:
        """A page of an article's claims (NotFound without the article)."""
        self.articles.get(article_id)
        return self.claim_page(args, article_id=article_id)

    def article_claim_stream(self, args: dict, article_id: ObjectId) -> Iterator[dict]:
        """All of an article's claims, lazily (NotFound at once without the article)."""
        self.articles.get(article_id)
        return self.claim_stream(args, article_id=article_id)

    def side_claims(self, args: dict, side_id: ObjectId) -> tuple[list[dict], int]:
        """A page of a side's claims (NotFound without the side)."""
        self.sides.get(side_id)
        return self.claim_page(args, side_id=side_id)

    def side_claim_stream(self, args: dict, side_id: ObjectId) -> Iterator[dict]:
        """All of a side's claims, lazily (NotFound at once without the side)."""
        self.sides.get(side_id)
        return self.claim_stream(args, side_id=side_id)

    def speaker_claims(self, args: dict, speaker_id: ObjectId) -> tuple[list[dict], int]:
        """A page of a speaker's claims (NotFound without the speaker)."""
        self.speakers.get(speaker_id)
        return self.claim_page(args, speaker_id=speaker_id)

    def speaker_claim_stream(self, args: dict, speaker_id: ObjectId) -> Iterator[dict]:
        """All of a speaker's claims, lazily (NotFound at once without the speaker)."""
        self.speakers.get(speaker_id)
        return self.claim_stream(args, speaker_id=speaker_id)

    def speaker_page(self, args: dict) -> tuple[list[dict], int]:
        """One page of speakers matching ``args`` (a side filter by id or slug)."""
        side_ids = self.sides.resolve(args["side"]) if args.get("side") else None
        query = self.speakers.query(args, side_ids)
        return self.speakers.find_page(query, args["sort"], args["page"], args["per_page"])

    def claim_records(
        self, claims: Iterable[dict], batch: int = EXPORT_BATCH
    ) -> Iterator[tuple[dict, dict | None, dict | None]]:
        """Each claim with its article and side, looked up a batch of claims at a time."""
        chunk: list[dict] = []
        for claim in claims:
            chunk.append(claim)
            if len(chunk) == batch:
                yield from self._with_context(chunk)
                chunk = []
        yield from self._with_context(chunk)

    def _with_context(self, chunk: list[dict]) -> Iterator[tuple[dict, dict | None, dict | None]]:
        """(claim, article, side) for a batch of claims, with two queries."""
        if not chunk:
            return
        articles = self.articles.by_ids({c["article_id"] for c in chunk}, ARTICLE_CONTEXT)
        sides = self.sides.by_ids({c.get("side_id") for c in chunk}, ("name",))
        for claim in chunk:
            side_id = claim.get("side_id")
            side = sides.get(side_id) if side_id is not None else None
            yield claim, articles.get(claim["article_id"]), side
