"""Where the words that show a side are in the article body."""

import re
from functools import lru_cache

from service.extraction.sides import Evidence
from service.extraction.types import SideEvidence

# Evidence is read within a few sentences of its mention; a window keeps long articles
# that repeat a name linear.
WINDOW = 1500
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def side_evidence(body: str, shown: Evidence | None) -> SideEvidence | None:
    """The evidence of a claim, with the words as written in the body at their span (the
    occurrence nearest where they were read), or a null span when they are not there."""
    if shown is None:
        return None
    found = nearest(body, shown.text, shown.at or 0)
    if found is None:
        return {"via": shown.via, "text": shown.text, "span": None}
    start, end = found
    return {"via": shown.via, "text": body[start:end], "span": {"start": start, "end": end}}


def nearest(body: str, text: str, at: int) -> tuple[int, int] | None:
    """Offsets of the occurrence of text in body nearest to at (spacing and case aside):
    first within a window around at, where the words were read, then anywhere."""
    pattern = words_pattern(text)
    if pattern is None:
        return None
    straight = straightened(body)
    for start, end in ((max(0, at - WINDOW), at + WINDOW), (0, len(straight))):
        matches = list(pattern.finditer(straight, start, end))
        if matches:
            best = min(matches, key=lambda m: abs(m.start() - at))
            return best.start(), best.end()
    return None


@lru_cache(maxsize=4)
def straightened(body: str) -> str:
    """The body with straight apostrophes (same length), once per article."""
    return body.translate(APOSTROPHES)


@lru_cache(maxsize=2048)
def words_pattern(text: str) -> re.Pattern[str] | None:
    """Text as a case-insensitive pattern that allows any spacing between its tokens."""
    tokens = re.findall(r"\w+|[^\w\s]", text.translate(APOSTROPHES))
    if not tokens:
        return None
    body = r"\s*".join(re.escape(t) for t in tokens)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
