"""Claims in MongoDB, and the counters they keep on their article and side."""

from collections import Counter

from bson import ObjectId

from service.errors import InvalidReference
from service.http.fields import utcnow
from service.persistence import Repository, any_of, equal_to_any, published_and_text

UNATTRIBUTED = "none"
SPEAKER_DEFAULT = {"name": None, "title": None, "type": "unknown"}
EQUALITY_FILTERS = {
    "kind": "kind",
    "origin": "origin",
    "review_status": "review.status",
    "tag": "tags",
}
REVIEW_DEFAULT = {"status": "unreviewed", "note": None, "reviewed_by": None, "reviewed_at": None}


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
    """CRUD and queries for claims; keeps article and side counters in step."""

    collection_name = "claims"
    resource = "claim"
    sort_fields = {
        "published_at": "published_at",
        "created_at": "created_at",
        "confidence": "confidence",
        "span.start": "span.start",
    }

    def check_side(self, side_id: ObjectId | None) -> None:
        """InvalidReference unless ``side_id`` is null or names a side."""
        if side_id is not None and self.db.sides.find_one({"_id": side_id}, {"_id": 1}) is None:
            raise InvalidReference("side_id", f"No side with id {side_id}")

    def check_spans(self, data: dict, body: str) -> None:
        """InvalidReference when a span reaches past the end of the article body."""
        for field in ("span", "speaker_span"):
            span = data.get(field)
            if span and span["end"] > len(body):
                raise InvalidReference(field, f"Ends after the article body ({len(body)} chars)")

    def create(self, data: dict, actor: str | None) -> dict:
        """Insert a manual claim into an existing article."""
        article = self.db.articles.find_one({"_id": data["article_id"]})
        if article is None:
            raise InvalidReference("article_id", f"No article with id {data['article_id']}")
        self.check_side(data.get("side_id"))
        self.check_spans(data, article["body"])
        fields = {k: v for k, v in data.items() if k != "article_id"}
        doc = self.new_document(fields, article, "manual", actor)
        self.insert_many([doc])
        if self.db.articles.find_one({"_id": article["_id"]}, {"_id": 1}) is None:
            # The article was deleted while we wrote: do not leave the claim behind.
            self.collection.delete_one({"_id": doc["_id"]})
            raise InvalidReference("article_id", f"No article with id {data['article_id']}")
        return doc

    def new_document(self, data: dict, article: dict, origin: str, actor: str | None) -> dict:
        """A claim document for ``article`` with every field filled."""
        doc = {
            "tags": [],
            "cue": None,
            "speaker_span": None,
            "side_id": None,
            "confidence": 1.0,
            **data,
        }
        doc["article_id"] = article["_id"]
        doc["speaker"] = {**SPEAKER_DEFAULT, **(data.get("speaker") or {})}
        doc["speaker_key"] = speaker_key(doc["speaker"])
        doc["review"] = {**REVIEW_DEFAULT, **(data.get("review") or {})}
        if doc["review"]["status"] != "unreviewed":
            doc["review"].update(reviewed_by=actor, reviewed_at=utcnow())
        if doc.get("span") is None:
            doc["span"] = locate(article["body"], doc["text"])
        doc["origin"] = origin
        doc["published_at"] = article.get("published_at")
        return self.stamp_new(doc, actor)

    def insert_many(self, docs: list[dict]) -> list[dict]:
        """Insert claims already checked against their article and sides."""
        if not docs:
            return docs
        self.collection.insert_many(docs, ordered=True)
        self._detach_vanished_sides(docs)
        for article_id in {d["article_id"] for d in docs}:
            mine = [d for d in docs if d["article_id"] == article_id]
            sides = list({d["side_id"] for d in mine} - {None})
            self.db.articles.update_one(
                {"_id": article_id},
                {"$inc": {"claim_count": len(mine)}, "$addToSet": {"side_ids": {"$each": sides}}},
            )
        self._count_for_sides(docs, +1)
        return docs

    def _detach_vanished_sides(self, docs: list[dict]) -> None:
        """Unattribute claims whose side was deleted while they were being written."""
        wanted = {d["side_id"] for d in docs} - {None}
        if not wanted:
            return
        live = {s["_id"] for s in self.db.sides.find({"_id": {"$in": list(wanted)}}, {"_id": 1})}
        for doc in docs:
            if doc["side_id"] is not None and doc["side_id"] not in live:
                self.collection.update_one({"_id": doc["_id"]}, {"$set": {"side_id": None}})
                doc["side_id"] = None

    def _count_for_sides(self, docs: list[dict], delta: int) -> None:
        """Add ``delta`` per claim to the claim_count of each claim's side."""
        per_side = Counter(d["side_id"] for d in docs if d["side_id"] is not None)
        for side_id, count in per_side.items():
            self.db.sides.update_one({"_id": side_id}, {"$inc": {"claim_count": delta * count}})

    def update(self, claim: dict, changes: dict, actor: str | None) -> dict:
        """Merge-patch a claim read at its current version."""
        if "side_id" in changes:
            self.check_side(changes["side_id"])
        fields = {**changes, **self._placed(claim, changes)}
        if "speaker" in changes:
            fields["speaker"] = {**claim["speaker"], **(changes["speaker"] or SPEAKER_DEFAULT)}
            fields["speaker"]["type"] = fields["speaker"]["type"] or "unknown"
            fields["speaker_key"] = speaker_key(fields["speaker"])
        if "review" in changes:
            fields["review"] = {**claim["review"], **(changes["review"] or {})}
            if "status" in (changes["review"] or {}):
                fields["review"].update(reviewed_by=actor, reviewed_at=utcnow())
        doc = self.compare_and_set(claim["_id"], claim["version"], fields, actor)
        if doc["side_id"] != claim["side_id"]:
            self._detach_vanished_sides([doc])
            self.refresh_counters({claim["article_id"]}, {claim["side_id"], doc["side_id"]})
        return doc

    def _placed(self, claim: dict, changes: dict) -> dict:
        """Spans checked against the body; a new text is located again; an extracted claim's
        span must cover its text exactly."""
        if not (changes.get("span") or changes.get("speaker_span") or "text" in changes):
            return {}
        article = self.db.articles.find_one({"_id": claim["article_id"]}, {"body": 1})
        body = article["body"] if article else ""
        self.check_spans(changes, body)
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
        """Delete one claim and update its counters."""
        self.delete_at_version(claim["_id"], claim["version"])
        self._count_for_sides([claim], -1)
        if claim["side_id"] is None:
            self.db.articles.update_one({"_id": claim["article_id"]}, {"$inc": {"claim_count": -1}})
        else:  # the article's side_ids may lose this side: recount it (count included)
            self.refresh_counters({claim["article_id"]}, set())

    def query(self, filters: dict, side_ids: list[ObjectId] | None = None) -> dict:
        """The MongoDB filter for the claim list filters (every value a literal)."""
        query = equal_to_any(filters, EQUALITY_FILTERS)
        if filters.get("article_id") is not None:
            query["article_id"] = any_of(filters["article_id"])
        if side_ids is not None:
            query["side_id"] = any_of(side_ids) if side_ids else {"$in": []}
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

    def detach_side(self, side_id: ObjectId) -> None:
        """Make the claims of a side unattributed."""
        article_ids = self.collection.distinct("article_id", {"side_id": side_id})
        self.collection.update_many({"side_id": side_id}, {"$set": {"side_id": None}})
        self.refresh_counters(set(article_ids), set())

    def delete_for_article(self, article_id: ObjectId, query: dict | None = None) -> set:
        """Delete an article's claims (all, or those matching ``query``); their side ids."""
        selector = {"article_id": article_id, **(query or {})}
        side_ids = set(self.collection.distinct("side_id", selector))
        self.collection.delete_many(selector)
        return side_ids

    def refresh_counters(self, article_ids: set, side_ids: set) -> None:
        """Recount ``claim_count`` / ``side_ids`` on the articles and sides touched."""
        for article_id in article_ids:
            sides = [
                s for s in self.collection.distinct("side_id", {"article_id": article_id}) if s
            ]
            count = self.collection.count_documents({"article_id": article_id})
            self.db.articles.update_one(
                {"_id": article_id}, {"$set": {"claim_count": count, "side_ids": sorted(sides)}}
            )
        for side_id in side_ids - {None}:
            count = self.count_for_side(side_id)
            self.db.sides.update_one({"_id": side_id}, {"$set": {"claim_count": count}})

    def balance(self, article_id: ObjectId) -> dict:
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
                    "by_kind": {"direct": 0, "indirect": 0, "position": 0},
                },
            )
            row["claims"] += 1
            row["words"] += len(claim["text"].split())
            row["by_kind"][claim["kind"]] += 1
        names = {
            side["_id"]: side["name"]
            for side in self.db.sides.find({"_id": {"$in": list(rows)}}, {"name": 1})
        }
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
