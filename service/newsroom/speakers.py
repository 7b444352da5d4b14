"""Speakers across articles: resolving claims to speakers, memberships editors teach,
their use as evidence, merges and deletes that reach the claims."""

import datetime as dt

from bson import ObjectId

from service.clock import utcnow
from service.errors import Conflict, InvalidReference, VersionMismatch
from service.extraction.types import SideEvidence
from service.newsroom.desk import Desk, speaker_id
from service.speakers.repository import match_key, valid_at

UNTYPED = {None, "unknown"}


def speaker_type(claim_speaker: dict) -> str | None:
    """The speaker type to match on (None: any type)."""
    kind = claim_speaker.get("type")
    return None if kind in UNTYPED else kind


def _fits(full: dict, mention: dict) -> bool:
    """Whether a one-word mention can stand for a full name in the same article."""
    same_type = speaker_type(full) in {None, speaker_type(mention)} or speaker_type(mention) is None
    words = match_key(full["name"]).split()
    return same_type and len(words) > 1 and words[-1] == match_key(mention["name"])


def full_names(mentions: list[dict], context: list[dict]) -> dict[int, dict]:
    """For each one-word mention (by index), the one full name of the article it shortens
    ("Psaki" after "Jen Psaki"); a surname two people share stays as it is."""
    named = [m for m in [*mentions, *context] if len((m.get("name") or "").split()) > 1]
    found = {}
    for index, mention in enumerate(mentions):
        if len((mention.get("name") or "").split()) != 1:
            continue
        fits = {match_key(f["name"]): f for f in named if _fits(f, mention)}
        if len(fits) == 1:
            found[index] = next(iter(fits.values()))
    return found


def any_one_word(mentions: list[dict]) -> bool:
    """Whether a mention is a one-word name: only those are matched to the article's
    other speakers (``full_names``)."""
    return any(len((m.get("name") or "").split()) == 1 for m in mentions)


def best_membership(speaker: dict, when) -> dict | None:
    """The membership that holds at ``when``; of several, the one that started last."""
    held = [m for m in speaker.get("memberships", []) if valid_at(m, when)]
    return max(held, key=lambda m: m.get("from") or dt.datetime.min, default=None)


class SpeakerDesk(Desk):
    """Speaker work that reaches claims and sides."""

    def resolve_speakers(
        self,
        article: dict,
        claims: list[dict],
        actor,
        create: bool = True,
        context: list[dict] | None = None,
    ) -> list[dict]:
        """``claims`` with ``speaker.id`` set: by name or alias (same type, any case), a
        surname to the full name the article gives; speakers new here are created, and
        the aliases and titles the article shows are learned (with ``create=False``,
        a look-up only: unknown speakers get no id and nothing is written). ``context``:
        the speakers of the article's claims, when the caller has read them already."""
        mentions = [dict(c.get("speaker") or {}) for c in claims]
        if context is None:
            context = self._speaker_context(article, mentions)
        shortened = full_names(mentions, context)
        ids: dict[tuple, ObjectId | None] = {}
        learned: dict[ObjectId, tuple[list, list]] = {}
        resolved = []
        for index, claim in enumerate(claims):
            mention = mentions[index]
            if not mention.get("name"):
                resolved.append({**claim, "speaker": {**mention, "id": None}})
                continue
            target = shortened.get(index, mention)
            key = (speaker_type(target) or speaker_type(mention), match_key(target["name"]))
            if key not in ids:
                ids[key] = self._speaker_id(target["name"], key[0], actor, create)
            found_id = ids[key]
            resolved.append({**claim, "speaker": {**mention, "id": found_id}})
            if found_id is None:
                continue
            aliases, titles = learned.setdefault(found_id, ([], []))
            if target is not mention:
                aliases.append(mention["name"])
            if mention.get("title"):
                titles.append(mention["title"])
        for found_id, (aliases, titles) in learned.items() if create else ():
            self.speakers.learn(found_id, aliases, titles, actor)
        return resolved

    def _speaker_context(self, article: dict, mentions: list[dict]) -> list[dict]:
        """The speakers of the article's claims a one-word mention may shorten (not read
        when no mention is one word: only those are matched against them)."""
        wanted = any_one_word(mentions) and "_id" in article
        return self.claims.speaker_names(article["_id"]) if wanted else []

    def _speaker_id(self, name: str, kind: str | None, actor, create: bool) -> ObjectId | None:
        """The id of the speaker called ``name``: created on first sight, or looked up only."""
        if create:
            return self.speakers.first_sight(name, kind, actor)["_id"]
        found = self.speakers.named(name, kind)
        return found["_id"] if found else None

    def sides_from_speakers(self, article: dict, claims: list[dict]) -> list[dict]:
        """Claims the text left without a side get the side their speaker belonged to at
        the article's date (``via: speaker``); a side the text shows always stays."""
        when = article.get("published_at") or utcnow()
        wanted = {speaker_id(c) for c in claims if c.get("side_id") is None} - {None}
        if not wanted:
            return claims
        speakers = self.speakers.by_ids_full(wanted)
        chosen = {i: best_membership(s, when) for i, s in speakers.items()}
        live = self.sides.existing({m["side_id"] for m in chosen.values() if m})
        body = article.get("body") or ""
        result = []
        for claim in claims:
            found = speaker_id(claim)
            membership = chosen.get(found) if found and claim.get("side_id") is None else None
            if membership is None or membership["side_id"] not in live:
                result.append(claim)
                continue
            span = claim.get("speaker_span")
            text = body[span["start"] : span["end"]] if span else claim["speaker"]["name"]
            evidence: SideEvidence = {"via": "speaker", "text": text, "span": span}
            result.append({**claim, "side_id": membership["side_id"], "side_evidence": evidence})
        return result

    def record_review(self, before: dict, after: dict, changes: dict, actor) -> None:
        """An editor who sets a claim's side, or confirms it, teaches its speaker's
        membership of that side from the article's date (``source: review``); one who
        moves a claim off a side its speaker's membership gave it ends that membership
        before the article's date."""
        found = speaker_id(after)
        if found is None:
            return
        when = after.get("published_at") or after["created_at"]
        via = (before.get("side_evidence") or {}).get("via")
        if via == "speaker" and after["side_id"] != before["side_id"]:
            self.speakers.end_membership(found, before["side_id"], when, actor)
        confirmed = (changes.get("review") or {}).get("status") == "confirmed"
        if after["side_id"] is None or ("side_id" not in changes and not confirmed):
            return
        membership = {"side_id": after["side_id"], "from": when, "until": None, "source": "review"}
        self.speakers.add_membership(found, membership, actor)

    def check_memberships(self, data: dict) -> None:
        """InvalidReference unless every membership names a side that exists."""
        side_ids = {m["side_id"] for m in data.get("memberships") or []}
        missing = side_ids - self.sides.existing(side_ids)
        if missing:
            raise InvalidReference("memberships", f"No side with id {sorted(missing)[0]}")

    def create_speaker(self, data: dict, actor) -> dict:
        """A new speaker whose memberships name existing sides."""
        self.check_memberships(data)
        return self.speakers.create(data, actor)

    def update_speaker(self, speaker: dict, changes: dict, actor) -> dict:
        """Merge-patch a speaker; its memberships must name existing sides."""
        self.check_memberships(changes)
        return self.speakers.update(speaker, changes, actor)

    def merge(self, kept_id: ObjectId, other_id: ObjectId, actor) -> dict:
        """Move the other speaker's claims, names, titles and memberships into this one
        and delete the other."""
        if kept_id == other_id:
            raise InvalidReference("other_id", "A speaker cannot be merged into itself")
        kept = self.speakers.get(kept_id)
        other = self.speakers.get(other_id)
        self.refresh_counters(self.claims.move_speaker(other_id, kept_id), set())
        self.speakers.remove(other_id)
        names = [other["name"], *other["aliases"]]
        memberships = [*kept["memberships"]]
        memberships += [m for m in other["memberships"] if m not in memberships]
        changes = {
            "aliases": [*kept["aliases"], *names],
            "titles": [*kept["titles"], *other["titles"]],
            "memberships": memberships,
        }
        merged = self._merge_names(kept_id, changes, actor)
        # A claim resolved to the other one while we moved would point at nothing: sweep.
        self.claims.move_speaker(other_id, kept_id)
        self.refresh_counters(set(), set(), {kept_id})
        return self.speakers.get(merged["_id"])

    def _merge_names(self, kept_id: ObjectId, changes: dict, actor) -> dict:
        """Write a merge into the kept speaker at its version (names another speaker took
        meanwhile are left out)."""
        for _ in range(5):
            kept = self.speakers.get(kept_id)
            try:
                return self.speakers.update(kept, changes, actor)
            except Conflict as clash:
                taken = self.speakers.get(clash.existing_id) if clash.existing_id else None
                keys = set(taken["match_keys"]) if taken else set()
                changes["aliases"] = [a for a in changes["aliases"] if match_key(a) not in keys]
            except VersionMismatch:
                continue  # changed meanwhile: read it again
        return self.speakers.get(kept_id)

    def delete_speaker(self, speaker: dict, force: bool = False) -> None:
        """Delete a speaker; its claims make it a conflict unless ``force`` unlinks them."""
        used = self.claims.count_for_speaker(speaker["_id"])
        if used and not force:
            raise Conflict(
                f"{used} claim(s) are resolved to speaker {speaker['name']!r}; "
                "delete with ?force=true to unlink them"
            )
        self.claims.move_speaker(speaker["_id"], None)
        self.speakers.remove(speaker["_id"])
        # A claim resolved to it while we deleted would point at nothing: sweep again.
        self.claims.move_speaker(speaker["_id"], None)
