"""The repositories a newsroom operation works across, and the counters they share."""

from bson import ObjectId

from service.articles.repository import ArticleRepository
from service.claims.repository import ClaimRepository
from service.sides.repository import SideRepository
from service.speakers.repository import SpeakerRepository


def speaker_id(claim: dict) -> ObjectId | None:
    """The id of the speaker a claim is resolved to (None for none)."""
    return (claim.get("speaker") or {}).get("id")


class Desk:
    """Articles, claims, sides and speakers of one database, with the counters between them."""

    def __init__(self, db):
        self.articles = ArticleRepository(db)
        self.claims = ClaimRepository(db)
        self.sides = SideRepository(db)
        self.speakers = SpeakerRepository(db)

    def store_claims(self, docs: list[dict]) -> set[ObjectId]:
        """Insert claims already checked against their article and recount what they
        touched; the ids of their articles found deleted after the insert."""
        self.claims.insert_many(docs)
        self.detach_vanished_sides(docs)
        return self.refresh_counters(
            {d["article_id"] for d in docs},
            {d["side_id"] for d in docs},
            {speaker_id(d) for d in docs},
        )

    def detach_vanished_sides(self, docs: list[dict]) -> None:
        """Unattribute claims whose side was deleted while they were being written."""
        live = self.sides.existing({d["side_id"] for d in docs} - {None})
        gone = [d for d in docs if d["side_id"] is not None and d["side_id"] not in live]
        if gone:
            self.claims.unattribute([d["_id"] for d in gone])
        for doc in gone:
            doc.update(side_id=None, side_evidence=None)

    def claim_deleted(self, claim: dict) -> None:
        """Keep the counters in step after ``claim`` was deleted."""
        self.refresh_counters({claim["article_id"]}, {claim["side_id"]}, {speaker_id(claim)})

    def refresh_counters(
        self, article_ids: set, side_ids: set, speaker_ids=frozenset()
    ) -> set[ObjectId]:
        """Recount ``claim_count`` / ``side_ids`` of the articles, ``claim_count`` of the
        sides and ``claim_count`` / ``first_seen`` / ``last_seen`` of the speakers touched,
        exactly under concurrency.

        Each recount takes a ticket on the document before it counts, and is stored only
        over a count with an older ticket. Every claim write comes before its writer's
        ticket, so the holder of the newest ticket counted them all, and its count is the
        one that stays. Returns the ids of the articles found gone (a write that comes
        before the ticket and finds its article gone may be left behind).
        """
        gone = set()
        for article_id in article_ids:
            ticket = self.articles.count_ticket(article_id)
            if ticket is None:
                gone.add(article_id)
                continue
            per_side = self.claims.count_by_side(article_id)
            sides = sorted(side for side in per_side if side is not None)
            self.articles.set_counters(article_id, sum(per_side.values()), sides, ticket)
        for side_id in side_ids - {None}:
            ticket = self.sides.count_ticket(side_id)
            if ticket is not None:
                self.sides.set_claim_count(side_id, self.claims.count_for_side(side_id), ticket)
        for speaker in set(speaker_ids) - {None}:
            ticket = self.speakers.count_ticket(speaker)
            if ticket is not None:
                self.speakers.set_counters(speaker, self.claims.speaker_counts(speaker), ticket)
        return gone

    def detach_side(self, side_id: ObjectId) -> None:
        """Make the claims of a side unattributed and recount their articles."""
        self.refresh_counters(self.claims.detach_side(side_id), set())
