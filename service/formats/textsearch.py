"""Full text on the embedded store: MongoDB's `$text` semantics, in process.

MongoDB's text index (version 3, `default_language: "english"`, as service/db.py builds it)
splits text on Unicode delimiters (whitespace, dashes, punctuation, quotation marks), folds
case and removes diacritics, drops English stop words and stems each word with Snowball's
English stemmer. A `$search` string is read the same way, and:

- terms are ORed: a document matches when it has at least one of them (`fatigue pilots`
  finds a document with either word, in any order, in any of its fields);
- a phrase in double quotes is required: every phrase must occur in one field, matched
  case- and diacritic-insensitively as a substring of the raw text (as MongoDB does);
- `-term` (a hyphen after a space or at the start) excludes documents with the term, and
  `-"a phrase"` those with the phrase; inside a word (`pre-market`) the hyphen splits it;
- a query with no positive term left (empty, only stop words, only negations) matches
  nothing, as `$text` returns nothing for it.

Known differences: MongoDB's delimiters are Unicode properties; here a word is a run of
Unicode letters, digits and underscores, which agrees for everything but rare symbols.
"""

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# The fields each collection's text index covers (service/db.py builds the indexes from
# this): `q` searches them, with MongoDB's `$text` or, on the in-memory store, in process.
TEXT_FIELDS = {"articles": ("title", "body"), "claims": ("text", "speaker.name")}
_WORD = re.compile(r"\w+")
# Terms (possibly negated) and quoted phrases (possibly negated), in query order.
_QUERY_PART = re.compile(r'(?:(?<=\s)|^)(-?)"([^"]*)"?|(?:(?<=\s)|^)-(\w+)|(\w+)')

# English stop words as MongoDB's text index drops them (the classic Snowball list; the
# list's contracted forms cannot match a token here, as an apostrophe splits words).
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by cannot could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself me more most my myself no nor not of off on once only or other
    ought our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why with would you your yours
    yourself yourselves
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

# A Snowball stemmer keeps the word it works on in itself: one per thread.
_STEMMERS = threading.local()


# Every combining mark (accents, diacritics) of the Basic Multilingual Plane.
_MARKS = re.compile(
    "["
    + "".join(re.escape(chr(cp)) for cp in range(0x10000) if unicodedata.combining(chr(cp)))
    + "]"
)


def fold(text: str) -> str:
    """Case-folded text without diacritics (`Ça Straße` -> `ca strasse`), as the index compares."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """One folded word's Snowball English stem."""
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def index_terms(text: str) -> set[str]:
    """The terms a text index keeps for a text: folded, stop words dropped, stemmed."""
    return {_stem(word) for word in _WORD.findall(fold(text)) if word not in STOP_WORDS}


@dataclass(frozen=True)
class TextQuery:
    """A parsed `$search` string."""

    terms: frozenset[str]
    negated_terms: frozenset[str]
    phrases: tuple[str, ...]
    negated_phrases: tuple[str, ...]

    def matches(self, texts: Iterable[str | None]) -> bool:
        """Whether a document with these field texts matches the query."""
        if not self.terms:
            return False
        present = [text for text in texts if text]
        found = terms_of(present)
        if not self.terms & found or self.negated_terms & found:
            return False
        if not self.phrases and not self.negated_phrases:
            return True
        fields = [fold(text) for text in present]
        if not all(any(phrase in field for field in fields) for phrase in self.phrases):
            return False
        return not any(phrase in field for phrase in self.negated_phrases for field in fields)


# Term sets by content, as an index would keep them: a document whose text did not change
# is not tokenised again. Keys are (length, hash) of each text; reads and writes are single
# dict operations (atomic under the GIL), and a full cache is emptied rather than pruned.
_TERMS: dict[tuple, frozenset[str]] = {}
MAX_CACHED_DOCUMENTS = 20_000


def terms_of(texts: list[str]) -> frozenset[str]:
    """The index terms of a document's field texts (cached by content)."""
    key = tuple((len(text), hash(text)) for text in texts)
    terms = _TERMS.get(key)
    if terms is None:
        terms = frozenset().union(*(index_terms(text) for text in texts))
        if len(_TERMS) >= MAX_CACHED_DOCUMENTS:
            _TERMS.clear()
        _TERMS[key] = terms
    return terms


def parse_query(search: str) -> TextQuery:
    """Read a `$search` string into terms, negations and phrases."""
    terms: set[str] = set()
    negated_terms: set[str] = set()
    phrases: list[str] = []
    negated_phrases: list[str] = []
    for negation, phrase, negated_word, word in _QUERY_PART.findall(search):
        if word or negated_word:
            (negated_terms if negated_word else terms).update(index_terms(word or negated_word))
            continue
        folded = fold(phrase)
        if not folded.strip():
            continue
        if negation:
            negated_phrases.append(folded)
        else:
            phrases.append(folded)
            # A phrase's words are terms too: the index finds candidates by them.
            terms |= index_terms(phrase)
    return TextQuery(
        frozenset(terms), frozenset(negated_terms), tuple(phrases), tuple(negated_phrases)
    )


def text_matches(search: str, texts: Iterable[str | None]) -> bool:
    """Whether a document with these field texts matches a `$search` string."""
    return parse_query(search).matches(texts)
