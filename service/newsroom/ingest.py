"""Articles in, claims out: runs the extractor and stores what it finds."""

import logging

from bson import ObjectId
from pymongo.errors import PyMongoError

from service.claims.repository import locate
from service.clock import utcnow
from service.errors import Conflict, NotFound
from service.extraction.types import ClaimExtractor, ExtractedClaim, NewSide
from service.newsroom.desk import Desk

log = logging.getLogger(__name__)
# What extraction found: claims, sides to create, and the record of the run.
Extraction = tuple[list[ExtractedClaim], list[NewSide], dict]


def skipped() -> Extraction:
    """No extraction ran."""
    return [], [], {"status": "skipped", "extractor": None, "extracted_at": None}


# What of an extracted claim is stored; side_id and side_name are resolved first.
CLAIM_FIELDS = (
    "text",
    "kind",
    "speaker",
    "cue",
    "span",
    "speaker_span",
    "confidence",
    "side_evidence",
)


class Ingest(Desk):
    """Creates, changes and re-extracts articles, keeping their extracted claims in step."""

    def __init__(self, db, extractor: ClaimExtractor | None = None, auto_sides: bool = True):
        super().__init__(db)
        self.extractor = extractor
        self.auto_sides = auto_sides

    def extract_many(self, texts: list[str]) -> list[Extraction]:
        """Extract several texts in one batch when the extractor can (each on its own if the
        batch fails, so one bad text fails alone)."""
        many = getattr(self.extractor, "extract_many", None)
        if self.extractor is None or many is None or len(texts) < 2:
            return [self._extract(text) for text in texts]
        try:
            results = many(texts, sides=self.sides.registry(), auto_sides=self.auto_sides)
        except PyMongoError:
            raise
        except Exception:
            log.exception("batched extraction failed; extracting one by one")
            return [self._extract(text) for text in texts]
        record = {**self._record(), "status": "done"}
        return [(r.claims, r.new_sides, dict(record)) for r in results]

    def _record(self) -> dict:
        """The extraction record's extractor and time."""
        name = f"{self.extractor.name}/{self.extractor.version}" if self.extractor else None
        return {
            "extractor": name,
            "extracted_at": utcnow(),
            "error": None,
        }

    def _extract(self, text: str) -> Extraction:
        """Run the extractor: (claims, sides to create, extraction record)."""
        if self.extractor is None:
            return skipped()
        record = self._record()
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

    def _side_ids(self, found: list[ExtractedClaim], new_sides: list[NewSide], actor) -> list[dict]:
        """Create the auto sides the claims need; each claim as a dict with its ObjectId side."""
        created = {}
        for side in new_sides:
            try:
                doc: dict | None = self.sides.create(dict(side), actor, origin="auto")
            except Conflict:
                doc = self.sides.find_by_name(side["name"])
            if doc is not None:
                created[side["name"]] = doc["_id"]
        resolved = []
        for claim in found:
            given = claim.get("side_id")
            side_id = ObjectId(given) if given else created.get(claim.get("side_name") or "")
            resolved.append({**claim, "side_id": side_id})
        return resolved

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
        extraction = self._extract(doc["body"]) if extract else skipped()
        return self.store_new(doc, extraction, actor)

    def store_new(self, doc: dict, extraction: Extraction, actor: str | None) -> dict:
        """Store a prepared article with what extraction found in it."""
        found, new_sides, record = extraction
        doc["extraction"] = record
        claims = self._side_ids(found, new_sides, actor)
        article = self.articles.insert(doc, actor)
        try:
            self.store_claims(self._documents(claims, article, actor))
        except PyMongoError:
            # Half an ingest must not look complete: take the article back out.
            self.claims.delete_for_article(article["_id"])
            self.articles.remove(article["_id"])
            raise
        return self.articles.get(article["_id"])

    def update_article(self, article: dict, changes: dict, actor: str | None) -> dict:
        """Merge-patch an article; a new body re-extracts its claims."""
        updated = self.articles.update(article, changes, actor)
        if "published_at" in changes:
            self.claims.set_published_at(updated["_id"], updated["published_at"])
        if "body" in changes and changes["body"] != article["body"]:
            self.reextract(updated, actor, old_body=article["body"])
            updated = self.articles.get(updated["_id"])
        return updated

    def reextract(self, article: dict, actor: str | None, old_body: str | None = None) -> list:
        """Replace the unreviewed extracted claims; keep and re-locate all others."""
        extracted, new_sides, record = self._extract(article["body"])
        found = self._side_ids(extracted, new_sides, actor)
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
        self.store_claims(self._documents(fresh, article, actor))
        if not self.articles.exists(article["_id"]):
            self.claims.delete_for_article(article["_id"])  # deleted meanwhile: no orphans
            raise NotFound(f"No article with id {article['_id']}")
        self.refresh_counters({article["_id"]}, stale_sides)
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
            self.claims.set_spans(claim["_id"], spans)
            claim.update(spans)

    def preview(self, text: str) -> dict:
        """The claims extraction would store for ``text`` and its record, storing nothing."""
        found, _new_sides, record = self._extract(text)
        claims = [
            {
                **claim,
                "side_id": ObjectId(claim["side_id"]) if claim.get("side_id") else None,
                "origin": "extracted",
                "review": {"status": "unreviewed"},
            }
            for claim in found
        ]
        return {"claims": claims, "extraction": record}


def _slice(body: str, span: dict | None) -> str | None:
    """The text a span covers, if any."""
    return body[span["start"] : span["end"]] if span else None
