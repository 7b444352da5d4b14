"""Articles in, claims out: runs the extractor and stores what it finds."""

import logging

from bson import ObjectId
from pymongo.errors import PyMongoError

from service.articles.repository import ArticleRepository
from service.claims.repository import ClaimRepository, locate
from service.errors import Conflict, NotFound
from service.http.fields import utcnow
from service.sides.repository import SideRepository

log = logging.getLogger(__name__)
CLAIM_FIELDS = ("text", "kind", "speaker", "cue", "span", "speaker_span", "confidence")


class Ingest:
    """Creates, changes and re-extracts articles, keeping their extracted claims in step."""

    def __init__(self, db, extractor=None, auto_sides: bool = True):
        self.articles = ArticleRepository(db)
        self.claims = ClaimRepository(db)
        self.sides = SideRepository(db)
        self.extractor = extractor
        self.auto_sides = auto_sides

    def _extract(self, text: str) -> tuple[list[dict], list[dict], dict]:
        """Run the extractor: (claims, sides to create, extraction record)."""
        if self.extractor is None:
            return [], [], {"status": "skipped", "extractor": None, "extracted_at": None}
        record = {
            "extractor": f"{self.extractor.name}/{self.extractor.version}",
            "extracted_at": utcnow(),
            "error": None,
        }
        try:
            result = self.extractor.extract(
                text, sides=self.sides.registry(), auto_sides=self.auto_sides
            )
        except PyMongoError:
            raise
        except Exception as exc:  # the extractor's failure is recorded, the article kept
            log.exception("extraction failed")
            return [], [], {**record, "status": "failed", "error": f"{type(exc).__name__}: {exc}"}
        return result.claims, result.new_sides, {**record, "status": "done"}

    def _side_ids(self, found: list[dict], new_sides: list[dict], actor) -> list[dict]:
        """Create the auto sides the claims need and give every claim its ``side_id``."""
        created = {}
        for side in new_sides:
            try:
                doc = self.sides.create(side, actor, origin="auto")
            except Conflict:
                doc = self.sides.find_by_name(side["name"])
            if doc is not None:
                created[side["name"]] = doc["_id"]
        for claim in found:
            side_id = claim.get("side_id")
            claim["side_id"] = ObjectId(side_id) if side_id else created.get(claim.get("side_name"))
        return found

    def _documents(self, found: list[dict], article: dict, actor) -> list[dict]:
        """Claim documents for the extractor's claims."""
        return [
            self.claims.new_document(
                {**{k: c.get(k) for k in CLAIM_FIELDS}, "side_id": c["side_id"]},
                article,
                "extracted",
                actor,
            )
            for c in found
        ]

    def create_article(self, data: dict, extract: bool, actor: str | None) -> dict:
        """Store an article and, unless told not to, its extracted claims."""
        doc = self.articles.prepare(data)
        found, new_sides, record = self._extract(doc["body"]) if extract else ([], [], None)
        doc["extraction"] = record or {"status": "skipped", "extractor": None, "extracted_at": None}
        found = self._side_ids(found, new_sides, actor)
        article = self.articles.insert(doc, actor)
        try:
            self.claims.insert_many(self._documents(found, article, actor))
        except PyMongoError:
            # Half an ingest must not look complete: take the article back out.
            self.claims.delete_for_article(article["_id"])
            self.articles.collection.delete_one({"_id": article["_id"]})
            raise
        return self.articles.get(article["_id"])

    def update_article(self, article: dict, changes: dict, actor: str | None) -> dict:
        """Merge-patch an article; a new body re-extracts its claims."""
        updated = self.articles.update(article, changes, actor)
        if "body" in changes and changes["body"] != article["body"]:
            self.reextract(updated, actor, old_body=article["body"])
            updated = self.articles.get(updated["_id"])
        return updated

    def reextract(self, article: dict, actor: str | None, old_body: str | None = None) -> list:
        """Replace the unreviewed extracted claims; keep and re-locate all others."""
        found, new_sides, record = self._extract(article["body"])
        found = self._side_ids(found, new_sides, actor)
        replaceable = {"origin": "extracted", "review.status": "unreviewed"}
        if record["status"] == "done":
            stale_sides = self.claims.delete_for_article(article["_id"], replaceable)
        else:
            stale_sides = set()
        kept = self.claims.for_article(article["_id"])
        if old_body is not None:
            self._relocate(kept, old_body, article["body"])
        taken = {(c["span"] or {}).get("start") for c in kept}
        fresh = [c for c in found if c["span"]["start"] not in taken]
        self.claims.insert_many(self._documents(fresh, article, actor))
        if self.articles.collection.find_one({"_id": article["_id"]}, {"_id": 1}) is None:
            self.claims.delete_for_article(article["_id"])  # deleted meanwhile: no orphans
            raise NotFound(f"No article with id {article['_id']}")
        self.claims.refresh_counters({article["_id"]}, stale_sides)
        self.articles.set_extraction(article["_id"], record)
        return self.claims.for_article(article["_id"])

    def _relocate(self, kept: list[dict], old_body: str, new_body: str) -> None:
        """Move the spans of kept claims to where their text now stands (null when gone)."""
        for claim in kept:
            spans = {}
            for field, text in (
                ("span", claim["text"]),
                ("speaker_span", _slice(old_body, claim.get("speaker_span"))),
            ):
                near = (claim.get(field) or {}).get("start", 0)
                spans[field] = locate(new_body, text, near) if text else None
            self.claims.collection.update_one({"_id": claim["_id"]}, {"$set": spans})
            claim.update(spans)

    def preview(self, text: str) -> dict:
        """The claims extraction would store for ``text`` and its record, storing nothing."""
        found, _new_sides, record = self._extract(text)
        for claim in found:
            claim["side_id"] = ObjectId(claim["side_id"]) if claim.get("side_id") else None
            claim.update(origin="extracted", review={"status": "unreviewed"})
        return {"claims": found, "extraction": record}


def _slice(body: str, span: dict | None) -> str | None:
    """The text a span covers, if any."""
    return body[span["start"] : span["end"]] if span else None
