"""Sides in MongoDB: names and aliases unique case-insensitively."""

import re

from bson import ObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from service.errors import Conflict
from service.persistence import Repository, any_of, updated_since


def match_key(text: str) -> str:
    """The case- and spacing-insensitive form a name or alias is matched by."""
    return " ".join(text.split()).casefold()


def slugify(name: str) -> str:
    """URL-safe slug of a name: ``United States`` -> ``united-states``."""
    slug = re.sub(r"[\W_]+", "-", name.casefold()).strip("-")
    return slug or "side"


def clean_aliases(aliases: list[str] | None) -> list[str]:
    """Aliases trimmed, with case-insensitive duplicates dropped (first spelling kept)."""
    seen, kept = set(), []
    for raw in aliases or []:
        alias = " ".join(raw.split())
        if alias and match_key(alias) not in seen:
            seen.add(match_key(alias))
            kept.append(alias)
    return kept


class SideRepository(Repository):
    """CRUD for sides; claims reference them by ``side_id``."""

    collection_name = "sides"
    resource = "side"
    sort_fields = {"name": "name_key", "created_at": "created_at", "updated_at": "updated_at"}

    def _derive(self, doc: dict) -> dict:
        """Fill the fields computed from name and aliases."""
        doc["aliases"] = clean_aliases(doc.get("aliases"))
        doc["name"] = " ".join(doc["name"].split())
        doc["name_key"] = match_key(doc["name"])
        doc["slug"] = slugify(doc["name"])
        keys = [doc["name_key"], *(match_key(a) for a in doc["aliases"])]
        doc["match_keys"] = list(dict.fromkeys(keys))
        return doc

    def _check_unique(self, doc: dict, own_id: ObjectId | None = None) -> None:
        """Conflict when another side has this slug, name or one of these aliases."""
        others = {"_id": {"$ne": own_id}} if own_id else {}
        clash = self.collection.find_one({**others, "match_keys": {"$in": doc["match_keys"]}})
        if clash is not None:
            shared = sorted(set(doc["match_keys"]) & set(clash["match_keys"]))
            raise Conflict(
                f"Name or alias {', '.join(shared)!r} already belongs to side {clash['name']!r}",
                clash["_id"],
            )
        clash = self.collection.find_one({**others, "slug": doc["slug"]})
        if clash is not None:
            raise Conflict(f"Side {clash['name']!r} already has slug {doc['slug']!r}", clash["_id"])

    def create(self, data: dict, actor: str | None = None, origin: str = "manual") -> dict:
        """Insert a new side."""
        doc = self._derive({"description": None, "color": None, **data})
        self._check_unique(doc)
        self.stamp_new(doc, actor)
        doc.update(origin=origin, claim_count=0)
        try:
            self.collection.insert_one(doc)
        except DuplicateKeyError:
            self._check_unique(doc, doc.pop("_id", None))
            raise
        return doc

    def update(self, side: dict, changes: dict, actor: str | None = None) -> dict:
        """Merge ``changes`` into a side read at its current version."""
        merged = self._derive({**side, **changes})
        self._check_unique(merged, side["_id"])
        fields = {k: merged[k] for k in ("name", "name_key", "slug", "match_keys", "aliases")}
        fields.update({k: v for k, v in changes.items() if k not in fields})
        try:
            return self.compare_and_set(side["_id"], side["version"], fields, actor)
        except DuplicateKeyError:
            self._check_unique(merged, side["_id"])
            raise

    def query(
        self, q: str | None = None, alias: list[str] | None = None, updated_after=None
    ) -> dict:
        """The MongoDB filter for the list endpoint."""
        query: dict = updated_since(updated_after)
        if q:
            query["match_keys"] = {"$regex": "^" + re.escape(match_key(q))}
        if alias:
            keys = [match_key(a) for a in alias]
            query.setdefault("$and", []).append({"match_keys": any_of(keys)})
        return query

    def resolve(self, values: list[str]) -> list[ObjectId]:
        """The ids of the sides named by id or slug (unknown values name none)."""
        ids = [ObjectId(v) for v in values if ObjectId.is_valid(v) and len(v) == 24]
        slugs = [v for v in values if v not in {str(i) for i in ids}]
        query = {"$or": [{"_id": {"$in": ids}}, {"slug": {"$in": slugs}}]}
        return [doc["_id"] for doc in self.collection.find(query, {"_id": 1})]

    def registry(self) -> list[dict]:
        """Every side as the extractor wants it: id, name, aliases."""
        cursor = self.collection.find({}, {"name": 1, "aliases": 1})
        return [{"id": str(d["_id"]), "name": d["name"], "aliases": d["aliases"]} for d in cursor]

    def find_by_name(self, name: str) -> dict | None:
        """The side whose name or alias is ``name``."""
        return self.collection.find_one({"match_keys": match_key(name)})

    def remove(self, side_id: ObjectId) -> None:
        """Delete a side whatever its version (its If-Match was checked on read)."""
        self.collection.delete_one({"_id": side_id})

    def exists(self, side_id: ObjectId) -> bool:
        """Whether the side is (still) stored."""
        return self.collection.find_one({"_id": side_id}, {"_id": 1}) is not None

    def existing(self, side_ids: set[ObjectId]) -> set[ObjectId]:
        """Those of ``side_ids`` that are stored."""
        if not side_ids:
            return set()
        cursor = self.collection.find({"_id": {"$in": list(side_ids)}}, {"_id": 1})
        return {doc["_id"] for doc in cursor}

    def names(self, side_ids: list) -> dict[ObjectId, str]:
        """Name by id of the sides in ``side_ids`` that exist."""
        cursor = self.collection.find({"_id": {"$in": side_ids}}, {"name": 1})
        return {doc["_id"]: doc["name"] for doc in cursor}

    def count_ticket(self, side_id: ObjectId) -> int | None:
        """A new ticket for recounting the side's claims (None when it is gone)."""
        doc = self.collection.find_one_and_update(
            {"_id": side_id},
            {"$inc": {"count_ticket": 1}},
            projection={"count_ticket": 1},
            return_document=ReturnDocument.AFTER,
        )
        return doc["count_ticket"] if doc else None

    def set_claim_count(self, side_id: ObjectId, count: int, ticket: int) -> None:
        """Store a recount, unless one made with a newer ticket is stored already."""
        self.collection.update_one(
            {"_id": side_id, "counted_ticket": {"$not": {"$gte": ticket}}},
            {"$set": {"claim_count": count, "counted_ticket": ticket}},
        )
