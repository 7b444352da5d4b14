"""Re-extraction as a plan: which claims stay (updated in place), go, or are new. Pure."""

from collections import defaultdict
from dataclasses import dataclass, field

from service.claims.repository import SPEAKER_DEFAULT, locate, speaker_key

# The fields an extraction sets on a claim; anything else (review, tags, ...) is the desk's.
EXTRACTED_FIELDS = (
    "kind",
    "speaker",
    "cue",
    "span",
    "speaker_span",
    "confidence",
    "side_evidence",
    "side_id",
)


@dataclass
class Plan:
    """What to write so an article's claims match a new extraction."""

    updates: list[tuple[dict, dict]] = field(default_factory=list)  # (claim, changed fields)
    inserts: list[dict] = field(default_factory=list)  # found statements with no claim yet
    deletes: list[dict] = field(default_factory=list)  # replaceable claims no longer found


def replaceable(claim: dict) -> bool:
    """Whether re-extraction may change or delete a claim: extracted and never reviewed."""
    return claim["origin"] == "extracted" and claim["review"]["status"] == "unreviewed"


def statement(claim: dict) -> tuple:
    """What makes two claims the same statement: the speaker and the exact text."""
    return speaker_key(claim.get("speaker")), claim["text"]


def _start(claim: dict) -> int:
    """Where a claim starts in the body (unplaced claims last)."""
    return (claim.get("span") or {}).get("start", 1 << 62)


def extracted_fields(found: dict) -> dict:
    """The stored form of the fields an extraction sets."""
    fields = {name: found.get(name) for name in EXTRACTED_FIELDS}
    fields["speaker"] = {**SPEAKER_DEFAULT, **(found.get("speaker") or {})}
    fields["speaker_key"] = speaker_key(fields["speaker"])
    return fields


def changed(claim: dict, fields: dict) -> dict:
    """The fields whose value differs from the claim's."""
    return {name: value for name, value in fields.items() if claim.get(name) != value}


def _relocated(claim: dict, body: str, old_body: str | None) -> dict:
    """New spans of a kept claim in a changed body (null when its text is gone)."""
    if old_body is None:
        return {}
    span, speaker_span = claim.get("span"), claim.get("speaker_span")
    spans = {}
    if not (span and body[span["start"] : span["end"]] == claim["text"]):
        spans["span"] = locate(body, claim["text"], (span or {}).get("start", 0))
    if speaker_span is None:
        return changed(claim, spans)
    speaker_text = old_body[speaker_span["start"] : speaker_span["end"]]
    if body[speaker_span["start"] : speaker_span["end"]] != speaker_text:
        spans["speaker_span"] = locate(body, speaker_text, speaker_span["start"])
    return changed(claim, spans)


def plan(existing: list[dict], found: list[dict], body: str, old_body: str | None) -> Plan:
    """Match found statements to the article's claims.

    A found statement updates the replaceable claim of the same statement in place (pairs
    taken in body order); one that a kept (manual or reviewed) claim already stands for is
    not added again; the rest are new. Replaceable claims left unmatched are deleted; kept
    claims only move with their text when the body changed.
    """
    result = Plan()
    waiting: dict[tuple, list[dict]] = defaultdict(list)
    for claim in sorted(filter(replaceable, existing), key=_start):
        waiting[statement(claim)].append(claim)
    kept = [c for c in existing if not replaceable(c)]
    kept_statements: dict[tuple, int] = defaultdict(int)
    taken = set()  # where kept claims now start: a found claim there is one of them
    for claim in kept:
        spans = _relocated(claim, body, old_body)
        if spans:
            result.updates.append((claim, spans))
        kept_statements[statement(claim)] += 1
        taken.add(_start({**claim, **spans}))
    for claim in sorted(found, key=_start):
        key = statement(claim)
        if waiting[key]:
            current = waiting[key].pop(0)
            fields = changed(current, extracted_fields(claim))
            if fields:
                result.updates.append((current, fields))
        elif kept_statements[key]:
            kept_statements[key] -= 1
        elif _start(claim) not in taken:
            result.inserts.append(claim)
    result.deletes = [claim for claims in waiting.values() for claim in claims]
    return result


def relocation(existing: list[dict], body: str, old_body: str | None) -> Plan:
    """Without a new extraction (it failed or is off) every claim stays and moves with its text."""
    moves = ((claim, _relocated(claim, body, old_body)) for claim in existing)
    return Plan(updates=[(claim, spans) for claim, spans in moves if spans])
