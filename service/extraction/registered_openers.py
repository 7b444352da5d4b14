"""A registered body that opens a sentence as its subject is mentioned there even when the
parser misreads its name ("Access Together, which supports ..., has campaigned": "Access"
tagged a verb), so that "It says" and "Its chief executive" after it can refer to it."""

import re

from spacy.tokens import Span

from service.extraction.discourse import Speaker, is_person
from service.extraction.sides import Evidence, SideResolver

# After the name: a comma opening an apposition or relative clause, or the verb.
FOLLOWED = re.compile(r"^\s*(?:,|(?:has|have|had|is|are|was|were|says|said|will|would)\b)")


def registered_opener(
    sentence: Span, base: int, resolver: SideResolver, mentions: list[Speaker]
) -> Speaker | None:
    """The registered side whose capitalised name or alias opens the sentence as its
    subject, when no mention was read there, or None."""
    text = sentence.text
    found = resolver.registered_in(text[:120])
    if found is None or found.form not in ("name", "alias") or not found.text[:1].isupper():
        return None
    if not text.replace("\u2019", "'").startswith(found.text):
        return None
    if not FOLLOWED.match(text[len(found.text) :]):
        return None
    start = base + sentence.start_char
    end = start + len(found.text)
    speaker = Speaker(found.text, None, "organization", start, end, found.side)
    if is_person(speaker) or any(m.start == start for m in mentions):
        return None
    return speaker.with_side(found.side, Evidence(found.form, found.text, start))
