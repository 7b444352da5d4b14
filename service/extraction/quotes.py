"""Finding quotation spans and telling real quotes from titles and scare quotes."""

import re
from dataclasses import dataclass

from service.extraction.lexicon import SMALL_WORDS, SUBORDINATORS

OPENING = "“„"
CLOSING = "”"
STRAIGHT = '"'
DOUBLED = "''"
QUOTATION_MARK = re.compile(f"{DOUBLED}|[{OPENING}{CLOSING}{STRAIGHT}]")
WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


@dataclass(frozen=True)
class Quote:
    """Character offsets (paragraph-relative) of a quotation: marks and inner text."""

    outer_start: int
    outer_end: int
    inner_start: int
    inner_end: int
    closed: bool

    def contains(self, position: int) -> bool:
        """Whether a character offset lies inside the quotation marks."""
        return self.outer_start <= position < self.outer_end


SINGLE_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\u2014]))\u2018(?=\w)(.+?)(?:(?<=[,.!?;:])\u2019|\u2019(?=[,.;:!?]))"
)


def find_quotes(text: str) -> list[Quote]:
    """Quoted spans of a paragraph: double quotes, else British-style single quotes."""
    quotes = double_quotes(text)
    if quotes or "\u2018" not in text:
        return quotes
    return [
        Quote(m.start(), m.end(), m.start() + 1, m.end() - 1, True)
        for m in SINGLE_QUOTE.finditer(text)
    ]


def double_quotes(text: str) -> list[Quote]:
    """Double-quoted spans in a paragraph (also ''two apostrophes''); an unclosed quote runs
    to the paragraph's end."""
    quotes, opened = [], None
    for mark in QUOTATION_MARK.finditer(text):  # jump from mark to mark, not char by char
        index, char, width = mark.start(), mark.group()[0], len(mark.group())
        straight = char == STRAIGHT or width == 2
        if opened is None and (char in OPENING or straight):
            opened = (index, width)
        elif opened is not None and (char in CLOSING or straight):
            quotes.append(Quote(opened[0], index + width, sum(opened), index, True))
            opened = None
    if opened is not None:
        quotes.append(Quote(opened[0], len(text), sum(opened), len(text), False))
    return quotes


def inner_text_bounds(text: str, quote: Quote) -> tuple[int, int]:
    """Inner span without surrounding spaces or a trailing comma."""
    start, end = quote.inner_start, quote.inner_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def word_count(text: str) -> int:
    """Number of words in text."""
    return len(WORD.findall(text))


def looks_like_title(inner: str) -> bool:
    """Title-cased short quotes are names of works or slogans, not statements."""
    words = WORD.findall(inner)
    if not words or len(words) > 8 or inner.rstrip()[-1:] in ".!?":
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    capitalised = [w for w in content if w[0].isupper()]
    return bool(content) and len(capitalised) == len(content) and len(words) >= 2


def is_statement(inner: str, min_words: int = 4) -> bool:
    """Whether a quote is long enough and not a title to stand as a claim on its own."""
    return word_count(inner) >= min_words and not looks_like_title(inner) and not dangling(inner)


def only_a_question(inner: str) -> bool:
    """A quote that is one question and nothing else; a question inside a longer quote
    ("... who pays? Not the developer.") is part of a statement."""
    text = inner.rstrip().rstrip(CLOSING + STRAIGHT).rstrip()
    return text.endswith("?") and not any(mark in text[:-1] for mark in ".!?")


def dangling(inner: str) -> bool:
    """A subordinate clause cut off by a split quote ('"If the city caps the fleet," said
    X, "..."'): it states nothing until its main clause."""
    words, text = WORD.findall(inner), inner.rstrip()
    # The only comma is the one that cuts it: no main clause follows inside the quote.
    cut = text.endswith(",") and "," not in text[:-1]
    return bool(words) and words[0].lower() in SUBORDINATORS and cut
