"""Claims in MongoDB, and the counters they keep on their article and side."""

from collections.abc import Callable

from bson import ObjectId

from service.clock import utcnow
from service.errors import InvalidReference
from service.extraction.types import KINDS
from service.persistence import Repository, any_of, equal_to_any, published_and_text
from service.store_state import store_lock

UNATTRIBUTED = "none"
SPEAKER_DEFAULT = {"name": None, "title": None, "type": "unknown"}
EQUALITY_FILTERS = {
    "kind": "kind",
    "origin": "origin",
    "review_status": "review.status",
    "tag": "tags",
}
REVIEW_DEFAULT = {
    "status": "unreviewed",
    "note": None,
    "rating": None,
    "reviewed_by": None,
    "reviewed_at": None,
}
# A review change that records who reviewed and when: a status or a verdict.
REVIEW_ACTS = {"status", "rating"}


def speaker_key(speaker: dict | None) -> str | None:
    """The case-insensitive key the ``speaker`` filter matches."""
    name = (speaker or {}).get("name")
    return " ".join(name.split()).casefold() if name else None


def locate(body: str, text: str, near: int = 0) -> dict | None:
    """The span of ``text`` in ``body``, nearest to ``near``; None when it is not there."""
    starts, index = [], body.find(text)
    while index != -1 and text:
        starts.append(index)
        index = body.find(text, index + 1)
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - near))
    return {"start": start, "end": start + len(text)}


class ClaimRepository(Repository):
    """CRUD and queries for claims; their article and side counters are kept by the newsroom."""

    collection_name = "claims"
    resource = "claim"
    sort_fields = {
        "published_at": "published_at",
        "created_at": "created_at",
        "confidence": "confidence",
        "span.start": "span.start",
        "updated_at": "updated_at",
    }

    def new_document(self, data: dict, article: dict, origin: str, actor: str | None) -> dict:
        """A claim document for ``article`` with every field filled."""
        doc = {
            "tags": [],
            "cue": None,
            "speaker_span": None,
            "side_id": None,
            "side_evidence": None,
            "confidence": 1.0,
            **data,
        }
        doc["article_id"] = article["_id"]
        doc["speaker"] = {**SPEAKER_DEFAULT, **(data.get("speaker") or {})}
        doc["speaker_key"] = speaker_key(doc["speaker"])
        doc["review"] = {**REVIEW_DEFAULT, **(data.get("review") or {})}
        if doc["review"]["status"] != "unreviewed" or doc["review"]["rating"]:
            doc["review"].update(reviewed_by=actor, reviewed_at=utcnow())
        if doc.get("span") is None:
            doc["span"] = locate(article["body"], doc["text"])
        if doc["side_id"] is None:
            doc["side_evidence"] = None
        doc["origin"] = origin
        doc["published_at"] = article.get("published_at")
        return self.stamp_new(doc, actor)

    def insert_many(self, docs: list[dict]) -> list[dict]:
        """Insert claim documents (their counters are the caller's to keep)."""
        if docs:
            self.collection.insert_many(docs, ordered=True)
        return docs

    def statement_context(self, article_id: ObjectId, speakers: bool = True) -> list[dict]:
        """What a new claim of the article is checked against: each claim's text, speaker
        key, span and (if asked) speaker (one plain index range; one scan in memory)."""
        fields = {"text": 1, "speaker_key": 1, "span": 1, **({"speaker": 1} if speakers else {})}
        return list(self.collection.find({"article_id": article_id}, fields))

    def same_words(self, doc: dict) -> dict | None:
        """A claim of ``doc``'s article with its text and speaker key (its ``_id`` only):
        what ``same_statement`` finds for a claim without a span, without reading the
        article's other claims (one index range; in memory, no copies)."""
        # The text first: in memory the test stops at the first field that differs.
        query = {"text": doc["text"], "article_id": doc["article_id"]}
        query["speaker_key"] = doc.get("speaker_key")
        return self.collection.find_one(query, {"_id": 1})

    @staticmethod
    def same_statement(doc: dict, others: list[dict]) -> dict | None:
        """Of ``others`` (the article's claims), one with the same span as ``doc``, or the
        same text and speaker."""
        words = (doc["text"], doc.get("speaker_key"))
        span = doc.get("span")
        for other in others:
            if span is not None and other.get("span") == span:
                return other
            if (other["text"], other.get("speaker_key")) == words:
                return other
        return None

    def statement_lock(self):
        """Held while checking for the same statement and inserting (in memory: one step);
        looked up once (the store's state is kept in a weak mapping by client)."""
        lock = self.__dict__.get("_statement_lock")
        if lock is None:
            lock = self._statement_lock = store_lock(self.db)
        return lock

    def remove(self, claim_id: ObjectId) -> None:
        """Delete a claim whatever its version (undoing a write that lost a race)."""
        self.collection.delete_one({"_id": claim_id})

    def update(self, claim: dict, changes: dict, actor: str | None, body: str = "") -> dict:
        """Merge-patch a claim read at its current version; ``body`` is its article's text."""
        fields = {**changes, **self._placed(claim, changes, body)}
        if "speaker" in changes:
            fields["speaker"] = {**claim["speaker"], **(changes["speaker"] or SPEAKER_DEFAULT)}
            fields["speaker"]["type"] = fields["speaker"]["type"] or "unknown"
            fields["speaker_key"] = speaker_key(fields["speaker"])
        if "review" in changes:
            fields["review"] = {**claim["review"], **(changes["review"] or {})}
            if REVIEW_ACTS & set(changes["review"] or {}):
                fields["review"].update(reviewed_by=actor, reviewed_at=utcnow())
        return self.compare_and_set(claim["_id"], claim["version"], fields, actor)

    @staticmethod
    def needs_body(changes: dict) -> bool:
        """Whether ``changes`` must be checked against the article body."""
        return bool(changes.get("span") or changes.get("speaker_span") or "text" in changes)

    def _placed(self, claim: dict, changes: dict, body: str) -> dict:
        """Spans checked against the body; a new text is located again; an extracted claim's
        span must cover its text exactly."""
        if not self.needs_body(changes):
            return {}
        check_spans(changes, body)
        placed = {}
        if "text" in changes and "span" not in changes:
            near = (claim.get("span") or {}).get("start", 0)
            placed["span"] = locate(body, changes["text"], near)
        span = placed.get("span", changes.get("span", claim.get("span")))
        text = changes.get("text", claim["text"])
        if claim["origin"] == "extracted" and span and body[span["start"] : span["end"]] != text:
            raise InvalidReference("span", "An extracted claim's span must cover its text exactly")
        return placed

    def delete(self, claim: dict) -> None:
        """Delete one claim read at its current version."""
        self.delete_at_version(claim["_id"], claim["version"])

    def query(self, filters: dict, side_ids: list[ObjectId | None] | None = None) -> dict:
        """The MongoDB filter for the claim list filters (every value a literal)."""
        query = equal_to_any(filters, EQUALITY_FILTERS)
        if filters.get("article_id") is not None:
            query["article_id"] = any_of(filters["article_id"])
        if side_ids is not None:
            query["side_id"] = any_of(side_ids) if side_ids else {"$in": []}
        if filters.get("speaker_id") is not None:
            query["speaker.id"] = (
                any_of(filters["speaker_id"]) if filters["speaker_id"] else {"$in": []}
            )
        if filters.get("speaker"):
            query["speaker_key"] = any_of([speaker_key({"name": s}) for s in filters["speaker"]])
        if filters.get("min_confidence") is not None:
            query["confidence"] = {"$gte": filters["min_confidence"]}
        return {**query, **published_and_text(filters)}

    def for_article(self, article_id: ObjectId) -> list[dict]:
        """All claims of an article in body order."""
        cursor = self.collection.find({"article_id": article_id})
        # Claims without a span first, as MongoDB sorts nulls in ``sort=span.start``.
        return sorted(cursor, key=lambda c: ((c.get("span") or {}).get("start", -1), c["_id"]))

    def count_for_side(self, side_id: ObjectId) -> int:
        """How many claims are attributed to a side."""
        return self.collection.count_documents({"side_id": side_id})

    def speaker_counts(self, speaker_id: ObjectId) -> dict:
        """A speaker's claim_count, and the first and last date it was quoted on (the
        article's date, else when the claim was stored)."""
        seen = {"$ifNull": ["$published_at", "$created_at"]}
        rows = list(
            self.collection.aggregate(
                [
                    {"$match": {"speaker.id": speaker_id}},
                    {
                        "$group": {
                            "_id": None,
                            "n": {"$sum": 1},
                            "first": {"$min": seen},
                            "last": {"$max": seen},
                        }
                    },
                ]
            )
        )
        if not rows:
            return {"claim_count": 0, "first_seen": None, "last_seen": None}
        row = rows[0]
        return {"claim_count": row["n"], "first_seen": row["first"], "last_seen": row["last"]}

    def count_for_speaker(self, speaker_id: ObjectId) -> int:
        """How many claims are resolved to a speaker."""
        return self.collection.count_documents({"speaker.id": speaker_id})

    def speakers_of_article(self, article_id: ObjectId) -> set:
        """The ids of the speakers an article's claims are resolved to."""
        return set(self.collection.distinct("speaker.id", {"article_id": article_id})) - {None}

    def speaker_names(self, article_id: ObjectId) -> list[dict]:
        """The speakers (name, type, id) of an article's claims."""
        cursor = self.collection.find({"article_id": article_id}, {"speaker": 1})
        return [doc["speaker"] for doc in cursor if (doc.get("speaker") or {}).get("name")]

    def move_speaker(self, from_id: ObjectId, to_id: ObjectId | None) -> set[ObjectId]:
        """Point the claims of one speaker at another (None: unlink); their article ids."""
        article_ids = set(self.collection.distinct("article_id", {"speaker.id": from_id}))
        self.collection.update_many({"speaker.id": from_id}, {"$set": {"speaker.id": to_id}})
        return article_ids

    def count_by_side(self, article_id: ObjectId) -> dict[ObjectId | None, int]:
        """How many claims an article has per side (None: unattributed), in one read."""
        # A projected find, not an aggregate: mongomock copies a whole collection for an
        # aggregate; on MongoDB both read the article's claims through one index range.
        # The embedded store counts the stored values in place, copying none.
        if self._one_pass is not None:
            return self._one_pass.count_values({"article_id": article_id}, "side_id")
        counts: dict[ObjectId | None, int] = {}
        for claim in self.collection.find({"article_id": article_id}, {"side_id": 1}):
            side = claim.get("side_id")
            counts[side] = counts.get(side, 0) + 1
        return counts

    def delete_replaceable(self, claim_ids: list[ObjectId]) -> None:
        """Delete these claims if they are still extracted and unreviewed."""
        if claim_ids:
            self.collection.delete_many(
                {"_id": {"$in": claim_ids}, "origin": "extracted", "review.status": "unreviewed"}
            )

    def unattribute(self, claim_ids: list[ObjectId]) -> None:
        """Make these claims unattributed (no side, so no evidence for one)."""
        self.collection.update_many(
            {"_id": {"$in": claim_ids}}, {"$set": {"side_id": None, "side_evidence": None}}
        )

    def detach_side(self, side_id: ObjectId) -> set[ObjectId]:
        """Make the claims of a side unattributed; the ids of their articles."""
        article_ids = set(self.collection.distinct("article_id", {"side_id": side_id}))
        self.collection.update_many(
            {"side_id": side_id}, {"$set": {"side_id": None, "side_evidence": None}}
        )
        return article_ids

    def set_published_at(self, article_id: ObjectId, published_at) -> None:
        """Copy an article's publication date onto its claims (they are filtered by it)."""
        self.collection.update_many(
            {"article_id": article_id}, {"$set": {"published_at": published_at}}
        )

    def delete_for_article(self, article_id: ObjectId, query: dict | None = None) -> set:
        """Delete an article's claims (all, or those matching ``query``); their side ids."""
        selector = {"article_id": article_id, **(query or {})}
        side_ids = set(self.collection.distinct("side_id", selector))
        self.collection.delete_many(selector)
        return side_ids

    def balance(
        self, article_id: ObjectId, side_names: Callable[[list], dict[ObjectId, str]]
    ) -> dict:
        """Share of voice per side: claims, claims by kind and words of claim text."""
        rows: dict = {}
        fields = {"side_id": 1, "kind": 1, "text": 1}
        for claim in self.collection.find({"article_id": article_id}, fields):
            row = rows.setdefault(
                claim["side_id"],
                {
                    "side_id": claim["side_id"],
                    "claims": 0,
                    "words": 0,
                    "by_kind": dict.fromkeys(KINDS, 0),
                },
            )
            row["claims"] += 1
            row["words"] += len(claim["text"].split())
            row["by_kind"][claim["kind"]] += 1
        names = side_names(list(rows))
        total_claims = sum(r["claims"] for r in rows.values())
        total_words = sum(r["words"] for r in rows.values())
        for row in rows.values():
            row["side_name"] = names.get(row["side_id"])
            row["claim_share"] = round(row["claims"] / total_claims, 4)
            row["word_share"] = round(row["words"] / total_words, 4) if total_words else 0.0
        ordered = sorted(rows.values(), key=lambda r: (-r["claims"], r["side_name"] or "~"))
        return {
            "article_id": article_id,
            "total_claims": total_claims,
            "total_words": total_words,
            "sides": ordered,
        }


def check_spans(data: dict, body: str) -> None:
    """InvalidReference when a span reaches past the end of the article body."""
    for field in ("span", "speaker_span"):
        span = data.get(field)
        if span and span["end"] > len(body):
            raise InvalidReference(field, f"Ends after the article body ({len(body)} chars)")
