"""Paragraph splitting and removal of captions, credits, headings and datelines."""

import re
from dataclasses import dataclass

from service.extraction.lexicon import CREDIT_DASHES

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
CREDIT = re.compile(
    r"\u00a9|\((?:photo|photograph|image|picture|credit|file photo|pictured|illustration|video)"
    r"\s*:|^\s*(?:file photo|photo|photograph|image|picture|illustration)\s*:"
    r"|\b(?:photo|photograph|image|picture)\s+(?:credit|by)\s*:|\b(?:credit|photograph)\s*:",
    re.IGNORECASE,
)
AGENCY_CREDIT = re.compile(r"/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg|Xinhua)\)?\s*$")
DATELINE = re.compile(
    r"^\s*[A-Z]{2}[A-Z .'\u2019-]{0,40}"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z\d][\w.]*){0,3})?"
    r"(?:\s*\([A-Za-z .]{1,30}\))?\s*[\u2014\u2013-]{1,2}\s+"
)
SENTENCE_END = re.compile(r"[.!?:;”\"\u2019)]\s*$")


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: absolute start/end offsets and the text to analyse."""

    start: int
    end: int
    text: str
    ends_with_colon: bool


def is_caption(text: str) -> bool:
    """Photo captions and credits are never claims."""
    return bool(CREDIT.search(text) or AGENCY_CREDIT.search(text))


# A credit line names whose words the quote before it are: '"..." ― Lena Ortiz'.
CREDIT_LINE = re.compile(rf"(?:^|[”\"]\s*)[{''.join(sorted(CREDIT_DASHES))}]\s*[A-Z][^.!?]*$")


def is_heading(text: str) -> bool:
    """A short line without closing punctuation is a subheading, not prose (a quote's
    credit line is prose)."""
    return (
        len(text.split()) <= 16 and not SENTENCE_END.search(text) and not CREDIT_LINE.search(text)
    )


def dateline_length(text: str) -> int:
    """Length of a leading dateline such as 'OSLO — ' (0 when there is none)."""
    match = DATELINE.match(text)
    if not match or not any(ch.isalpha() for ch in match.group(0)):
        return 0
    return match.end()


def body_paragraphs(text: str) -> list[Paragraph]:
    """Split an article into analysable paragraphs, skipping captions and headings."""
    paragraphs: list[Paragraph] = []
    position = 0
    for piece in [*PARAGRAPH_BREAK.split(text)]:
        start = text.find(piece, position) if piece else position
        position = start + len(piece)
        stripped = piece.strip()
        if not stripped or is_caption(stripped) or is_heading(stripped):
            continue
        offset = start + (len(piece) - len(piece.lstrip()))
        skip = dateline_length(stripped) if not paragraphs else 0
        body = stripped[skip:]
        paragraphs.append(
            Paragraph(offset + skip, offset + len(stripped), body, body.rstrip().endswith(":"))
        )
    return paragraphs
