"""Articles in MongoDB: unique by URL and by normalised body."""

import hashlib
import re
from datetime import timedelta

from bson import ObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from service.clock import utcnow
from service.errors import Conflict
from service.persistence import Repository, any_of, equal_to_any, published_and_text


def content_hash(body: str) -> str:
    """sha256 of the whitespace-normalised body."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


EQUALITY_FILTERS = {"source": "source", "tag": "tags", "url": "url"}


def language_range(tags: list[str]) -> dict:
    """RFC 4647 basic filtering: ``en`` matches ``en`` and ``en-GB``, ``en-GB`` only itself."""
    ranges = [re.compile(f"^{re.escape(tag)}-") for tag in tags]
    return {"$in": [*tags, *ranges]}


class ArticleRepository(Repository):
    """CRUD for articles and the claim counters they carry."""

    collection_name = "articles"
    resource = "article"
    sort_fields = {
        "published_at": "published_at",
        "created_at": "created_at",
        "title": "title",
        "updated_at": "updated_at",
    }

    def _check_unique(self, doc: dict, own_id: ObjectId | None = None) -> None:
        """Conflict when another article has this URL or this body."""
        others = {"_id": {"$ne": own_id}} if own_id else {}
        if doc.get("url"):
            clash = self.collection.find_one({**others, "url": doc["url"]}, {"_id": 1})
            if clash is not None:
                raise Conflict(f"An article with url {doc['url']} exists", clash["_id"])
        clash = self.collection.find_one(
            {**others, "content_hash": doc["content_hash"]}, {"_id": 1}
        )
        if clash is not None:
            raise Conflict("An article with the same body exists", clash["_id"])

    def prepare(self, data: dict) -> dict:
        """A new article document, checked for duplicates but not yet stored."""
        doc = {
            "url": None,
            "source": None,
            "authors": [],
            "published_at": None,
            "language": "en",
            "tags": [],
            **data,
        }
        doc["content_hash"] = content_hash(doc["body"])
        doc.update(side_ids=[], claim_count=0)
        self._check_unique(doc)
        return doc

    def insert(self, doc: dict, actor: str | None) -> dict:
        """Store a prepared article."""
        self.stamp_new(doc, actor)
        if doc.get("url") is None:
            # The partial unique index only covers string URLs: leave the field out.
            doc.pop("url", None)
        try:
            self.collection.insert_one(doc)
        except DuplicateKeyError:
            self._check_unique(doc, doc.pop("_id", None))
            raise
        doc.setdefault("url", None)
        return doc

    def update(self, article: dict, changes: dict, actor: str | None) -> dict:
        """Merge-patch an article read at its current version."""
        fields = dict(changes)
        if "body" in changes:
            fields["content_hash"] = content_hash(changes["body"])
        merged = {**article, **fields}
        self._check_unique(merged, article["_id"])
        # The partial unique index only covers string URLs: a cleared URL is removed.
        unset: tuple[str, ...] = ()
        if "url" in fields and fields["url"] is None:
            fields.pop("url")
            unset = ("url",)
        try:
            doc = self.compare_and_set(article["_id"], article["version"], fields, actor, unset)
        except DuplicateKeyError:
            self._check_unique(merged, article["_id"])
            raise
        doc.setdefault("url", None)
        return doc

    def remove(self, article_id: ObjectId) -> None:
        """Delete an article whatever its version (its If-Match was checked on read)."""
        self.collection.delete_one({"_id": article_id})

    def exists(self, article_id: ObjectId) -> bool:
        """Whether the article is (still) stored."""
        return self.collection.find_one({"_id": article_id}, {"_id": 1}) is not None

    def body(self, article_id: ObjectId) -> str | None:
        """The article's body, or None when there is no such article."""
        doc = self.collection.find_one({"_id": article_id}, {"body": 1})
        return doc["body"] if doc else None

    def count_ticket(self, article_id: ObjectId) -> int | None:
        """A new ticket for recounting the article's claims (None when it is gone)."""
        doc = self.collection.find_one_and_update(
            {"_id": article_id},
            {"$inc": {"count_ticket": 1}},
            projection={"count_ticket": 1},
            return_document=ReturnDocument.AFTER,
        )
        return doc["count_ticket"] if doc else None

    def set_counters(
        self, article_id: ObjectId, count: int, side_ids: list[ObjectId], ticket: int
    ) -> None:
        """Store a recount, unless one made with a newer ticket is stored already."""
        self.collection.update_one(
            {"_id": article_id, "counted_ticket": {"$not": {"$gte": ticket}}},
            {"$set": {"claim_count": count, "side_ids": side_ids, "counted_ticket": ticket}},
        )

    def query(self, filters: dict, side_ids: list[ObjectId] | None = None) -> dict:
        """The MongoDB filter for the article list filters (every value a literal)."""
        query = equal_to_any(filters, EQUALITY_FILTERS)
        if filters.get("language"):
            query["language"] = language_range(filters["language"])
        if side_ids is not None:
            query["side_ids"] = any_of(side_ids) if side_ids else {"$in": []}
        if filters.get("has_claims") is not None:
            query["claim_count"] = {"$gt": 0} if filters["has_claims"] else 0
        return {**query, **published_and_text(filters)}

    # ----- extraction runs: a token per run, a lease while claims are written -----

    def start_extraction(self, article_id: ObjectId, body: str, record: dict) -> bool:
        """Record a run of ``body`` as the article's latest; False if the body changed."""
        result = self.collection.update_one(
            {"_id": article_id, "body": body},
            {"$set": {"extraction": record, "updated_at": utcnow()}, "$inc": {"version": 1}},
        )
        return bool(result.matched_count)

    def take_over_extraction(self, article_id: ObjectId, token, record: dict) -> bool:
        """Replace the run ``token`` (left pending) with a new one; False if it moved on."""
        result = self.collection.update_one(
            {"_id": article_id, "extraction.token": token, "extraction.status": "pending"},
            {"$set": {"extraction": record, "updated_at": utcnow()}, "$inc": {"version": 1}},
        )
        return bool(result.matched_count)

    def finish_extraction(self, article_id: ObjectId, token, record: dict) -> bool:
        """Store the outcome of run ``token`` if it is still the latest."""
        result = self.collection.update_one(
            {"_id": article_id, "extraction.token": token},
            {"$set": {"extraction": record, "updated_at": utcnow()}, "$inc": {"version": 1}},
        )
        return bool(result.matched_count)

    def pending_extractions(self) -> list[dict]:
        """Articles whose latest extraction never finished."""
        return list(self.collection.find({"extraction.status": "pending"}))

    def hold_claims(self, article_id: ObjectId, token, seconds: float) -> bool | None:
        """Take the claims lease for run ``token``: True when taken, False while another run
        holds it, None when ``token`` is no longer the latest (or the article is gone)."""
        now = utcnow()
        taken = self.collection.find_one_and_update(
            {
                "_id": article_id,
                "extraction.token": token,
                "$or": [{"claims_lease": None}, {"claims_lease.until": {"$lt": now}}],
            },
            {"$set": {"claims_lease": {"token": token, "until": now + timedelta(seconds=seconds)}}},
            projection={"_id": 1},
        )
        if taken is not None:
            return True
        current = self.collection.find_one({"_id": article_id}, {"extraction.token": 1})
        if current is None or (current.get("extraction") or {}).get("token") != token:
            return None
        return False

    def release_claims(self, article_id: ObjectId, token) -> None:
        """Give the claims lease back (if run ``token`` still holds it)."""
        self.collection.update_one(
            {"_id": article_id, "claims_lease.token": token}, {"$unset": {"claims_lease": ""}}
        )
