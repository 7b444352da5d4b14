"""Speakers in MongoDB: one per type and name; names and aliases unique within a type."""

import datetime as dt
import re

from bson import ObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from service.errors import Conflict, NotFound, VersionMismatch
from service.persistence import Repository, any_of, updated_since

SPEAKER_TYPES = ("person", "organization", "group", "place")
MEMBERSHIP_SOURCES = ("review", "manual", "extraction")
MAX_TITLES = 20
ATTEMPTS = 5  # re-reads after a racing writer created or changed the same speaker
JUST_BEFORE = dt.timedelta(milliseconds=1)  # stored times have millisecond precision


def match_key(text: str) -> str:
    """The case- and spacing-insensitive form a name or alias is matched by."""
    return " ".join(text.split()).casefold()


def clean_names(names: list[str] | None, besides: str = "") -> list[str]:
    """Names trimmed, without case-insensitive duplicates or ``besides`` (first kept)."""
    seen, kept = {match_key(besides)} if besides else set(), []
    for raw in names or []:
        name = " ".join(raw.split())
        if name and match_key(name) not in seen:
            seen.add(match_key(name))
            kept.append(name)
    return kept


def valid_at(membership: dict, when) -> bool:
    """Whether a membership holds at ``when`` (an open end holds on)."""
    start, end = membership.get("from"), membership.get("until")
    return (start is None or start <= when) and (end is None or when <= end)


class SpeakerRepository(Repository):
    """CRUD for speakers; claims reference them by ``speaker.id``."""

    collection_name = "speakers"
    resource = "speaker"
    sort_fields = {
        "name": "name_key",
        "created_at": "created_at",
        "updated_at": "updated_at",
        "last_seen": "last_seen",
    }

    @staticmethod
    def derive(doc: dict) -> dict:
        """Fill the fields computed from name, aliases and titles."""
        doc["name"] = " ".join(doc["name"].split())
        doc["name_key"] = match_key(doc["name"])
        doc["aliases"] = clean_names(doc.get("aliases"), besides=doc["name"])
        doc["titles"] = clean_names(doc.get("titles"))[:MAX_TITLES]
        doc["match_keys"] = [doc["name_key"], *(match_key(a) for a in doc["aliases"])]
        return doc

    def _clash(self, doc: dict, own_id: ObjectId | None = None) -> Conflict | None:
        """The conflict of a speaker of the same type already having one of these names."""
        query: dict = {"type": doc["type"], "match_keys": {"$in": doc["match_keys"]}}
        if own_id is not None:
            query["_id"] = {"$ne": own_id}
        clash = self.collection.find_one(query)
        if clash is None:
            return None
        shared = sorted(set(doc["match_keys"]) & set(clash["match_keys"]))
        detail = f"Name or alias {', '.join(shared)!r} already belongs to {clash['name']!r}"
        return Conflict(detail, clash["_id"])

    def create(self, data: dict, actor: str | None = None) -> dict:
        """Insert a new speaker (Conflict when its name or an alias is taken)."""
        doc = self.derive({"aliases": [], "titles": [], "memberships": [], **data})
        clash = self._clash(doc)
        if clash is not None:
            raise clash
        self.stamp_new(doc, actor)
        doc.update(claim_count=0, first_seen=None, last_seen=None)
        try:
            self.collection.insert_one(doc)
        except DuplicateKeyError:
            doc.pop("_id", None)
            raise self._clash(doc) or Conflict("The speaker was created meanwhile") from None
        return doc

    def update(self, speaker: dict, changes: dict, actor: str | None = None) -> dict:
        """Merge ``changes`` into a speaker read at its current version."""
        merged = self.derive({**speaker, **changes})
        clash = self._clash(merged, speaker["_id"])
        if clash is not None:
            raise clash
        names = ("name", "name_key", "aliases", "titles", "match_keys")
        fields = {k: merged[k] for k in names}
        fields.update({k: v for k, v in changes.items() if k not in fields})
        try:
            return self.compare_and_set(speaker["_id"], speaker["version"], fields, actor)
        except DuplicateKeyError:
            raise self._clash(merged, speaker["_id"]) or Conflict("Name taken meanwhile") from None

    def named(self, name: str, speaker_type: str | None) -> dict | None:
        """The speaker called ``name`` (by name, else alias); any type when None."""
        key = match_key(name)
        query: dict = {"match_keys": key}
        if speaker_type is not None:
            query["type"] = speaker_type
        found = list(self.collection.find(query, sort=[("created_at", 1), ("_id", 1)], limit=20))
        by_name = [doc for doc in found if doc["name_key"] == key]
        return (by_name or found or [None])[0]

    def first_sight(self, name: str, speaker_type: str | None, actor: str | None) -> dict:
        """The speaker called ``name``, created now if nobody has that name or alias yet.

        Two writers seeing a new name at once both insert; the unique index lets one
        in, and the other reads the speaker it made.
        """
        for _ in range(ATTEMPTS):
            found = self.named(name, speaker_type)
            if found is not None:
                return found
            doc = self.derive(
                {"name": name, "type": speaker_type or "person", "aliases": [], "titles": []}
            )
            doc.update(memberships=[], claim_count=0, first_seen=None, last_seen=None)
            try:
                self.collection.insert_one(self.stamp_new(doc, actor))
            except DuplicateKeyError:
                continue  # made by another writer meanwhile: read it
            return doc
        raise Conflict(f"The speaker {name!r} kept changing; try again")

    def learn(self, speaker_id: ObjectId, aliases: list[str], titles: list[str], actor) -> None:
        """Add aliases and titles seen in an article (newest title first); an alias another
        speaker of the type has is left out."""
        for _ in range(ATTEMPTS):
            speaker = self.find(speaker_id)
            if speaker is None:
                return
            new_aliases = [
                alias
                for alias in clean_names(aliases)
                if match_key(alias) not in speaker["match_keys"] and self._free(speaker, alias)
            ]
            new_titles = clean_names([*titles, *speaker["titles"]])[:MAX_TITLES]
            if not new_aliases and new_titles == speaker["titles"]:
                return
            changes = {"aliases": [*speaker["aliases"], *new_aliases], "titles": new_titles}
            try:
                self.update(speaker, changes, actor)
                return
            except (VersionMismatch, Conflict):
                continue

    def _free(self, speaker: dict, alias: str) -> bool:
        """Whether no other speaker of the type has ``alias`` as a name or alias."""
        query = {"type": speaker["type"], "match_keys": match_key(alias)}
        return self.collection.find_one({**query, "_id": {"$ne": speaker["_id"]}}) is None

    def add_membership(self, speaker_id: ObjectId, membership: dict, actor) -> None:
        """Record a membership unless one of that side already holds at its start."""
        for _ in range(ATTEMPTS):
            speaker = self.find(speaker_id)
            if speaker is None:
                return
            memberships = speaker.get("memberships", [])
            side_id, start = membership["side_id"], membership["from"]
            if any(m["side_id"] == side_id and valid_at(m, start) for m in memberships):
                return
            changes = {"memberships": [*memberships, membership]}
            try:
                self.compare_and_set(speaker_id, speaker["version"], changes, actor)
                return
            except VersionMismatch:
                continue
            except NotFound:
                return

    def end_membership(self, speaker_id: ObjectId, side_id: ObjectId, when, actor) -> None:
        """End the memberships of a side that hold at ``when`` just before it (one that
        starts at ``when`` or later is dropped)."""
        for _ in range(ATTEMPTS):
            speaker = self.find(speaker_id)
            if speaker is None:
                return
            kept = []
            for m in speaker.get("memberships", []):
                if m["side_id"] != side_id or not valid_at(m, when):
                    kept.append(m)
                elif m.get("from") is None or m["from"] < when:
                    kept.append({**m, "until": when - JUST_BEFORE})
            try:
                self.compare_and_set(speaker_id, speaker["version"], {"memberships": kept}, actor)
                return
            except VersionMismatch:
                continue
            except NotFound:
                return

    def query(self, args: dict, side_ids: list[ObjectId] | None = None) -> dict:
        """The MongoDB filter for the list endpoint."""
        query: dict = updated_since(args.get("updated_after"))
        if args.get("q"):
            query["match_keys"] = {"$regex": "^" + re.escape(match_key(args["q"]))}
        if args.get("type"):
            query["type"] = any_of(args["type"])
        if side_ids is not None:
            query["memberships.side_id"] = any_of(side_ids) if side_ids else {"$in": []}
        return query

    def remove(self, speaker_id: ObjectId) -> None:
        """Delete a speaker whatever its version (its If-Match was checked on read)."""
        self.collection.delete_one({"_id": speaker_id})

    def by_ids_full(self, speaker_ids: set) -> dict[ObjectId, dict]:
        """The stored speakers with these ids, by id."""
        wanted = [i for i in speaker_ids if i is not None]
        return {doc["_id"]: doc for doc in self.collection.find({"_id": {"$in": wanted}})}

    def count_ticket(self, speaker_id: ObjectId) -> int | None:
        """A new ticket for recounting the speaker's claims (None when it is gone)."""
        doc = self.collection.find_one_and_update(
            {"_id": speaker_id},
            {"$inc": {"count_ticket": 1}},
            projection={"count_ticket": 1},
            return_document=ReturnDocument.AFTER,
        )
        return doc["count_ticket"] if doc else None

    def set_counters(self, speaker_id: ObjectId, counts: dict, ticket: int) -> None:
        """Store a recount (claim_count, first_seen, last_seen) unless a newer one is."""
        self.collection.update_one(
            {"_id": speaker_id, "counted_ticket": {"$not": {"$gte": ticket}}},
            {"$set": {**counts, "counted_ticket": ticket}},
        )
