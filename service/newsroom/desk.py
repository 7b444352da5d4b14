"""The three repositories a newsroom operation works across, and the counters they share."""

from collections import Counter

from bson import ObjectId

from service.articles.repository import ArticleRepository
from service.claims.repository import ClaimRepository
from service.sides.repository import SideRepository


class Desk:
    """Articles, claims and sides of one database, with the counters kept between them."""

    def __init__(self, db):
        self.articles = ArticleRepository(db)
        self.claims = ClaimRepository(db)
        self.sides = SideRepository(db)

    def store_claims(self, docs: list[dict]) -> list[dict]:
        """Insert claims already checked against their article; count them on both sides."""
        if not docs:
            return docs
        self.claims.insert_many(docs)
        self.detach_vanished_sides(docs)
        for article_id in {d["article_id"] for d in docs}:
            mine = [d for d in docs if d["article_id"] == article_id]
            self.articles.add_claims(
                article_id, len(mine), list({d["side_id"] for d in mine} - {None})
            )
        self._count_for_sides(docs, +1)
        return docs

    def detach_vanished_sides(self, docs: list[dict]) -> None:
        """Unattribute claims whose side was deleted while they were being written."""
        live = self.sides.existing({d["side_id"] for d in docs} - {None})
        gone = [d for d in docs if d["side_id"] is not None and d["side_id"] not in live]
        if gone:
            self.claims.unattribute([d["_id"] for d in gone])
        for doc in gone:
            doc.update(side_id=None, side_evidence=None)

    def _count_for_sides(self, docs: list[dict], delta: int) -> None:
        """Add ``delta`` per claim to the claim_count of each claim's side."""
        per_side = Counter(d["side_id"] for d in docs if d["side_id"] is not None)
        for side_id, count in per_side.items():
            self.sides.add_claims(side_id, delta * count)

    def claim_deleted(self, claim: dict) -> None:
        """Keep the counters in step after ``claim`` was deleted."""
        self._count_for_sides([claim], -1)
        if claim["side_id"] is None:
            self.articles.add_claims(claim["article_id"], -1, [])
        else:  # the article's side_ids may lose this side: recount it (count included)
            self.refresh_counters({claim["article_id"]}, set())

    def refresh_counters(self, article_ids: set, side_ids: set) -> None:
        """Recount ``claim_count`` / ``side_ids`` on the articles and sides touched."""
        for article_id in article_ids:
            count = self.claims.count_for_article(article_id)
            self.articles.set_counters(
                article_id, count, self.claims.side_ids_for_article(article_id)
            )
        for side_id in side_ids - {None}:
            self.sides.set_claim_count(side_id, self.claims.count_for_side(side_id))

    def detach_side(self, side_id: ObjectId) -> None:
        """Make the claims of a side unattributed and recount their articles."""
        self.refresh_counters(self.claims.detach_side(side_id), set())
