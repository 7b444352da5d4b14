"""Lemmas on demand: spaCy's rule lemmatiser with its index held as sets."""

from service.extraction.pipeline import lemma, load_pipeline


def test_lemmas_of_reporting_words(extractor):
    doc = load_pipeline(extractor.model)("The ministers warned that talks had failed, he claimed.")
    lemmas = {token.text: lemma(token) for token in doc}
    assert lemmas["ministers"] == "minister"
    assert lemmas["warned"] == "warn"
    assert lemmas["talks"] == "talk"
    assert lemmas["failed"] == "fail"
    assert lemmas["claimed"] == "claim"
    assert lemmas["had"] == "have"


def test_the_lemma_index_is_looked_up_by_hash_not_by_scan(extractor):
    doc = load_pipeline(extractor.model)("Officials said so.")
    lemmatizer = doc.user_data["claimdesk_lemmatizer"].__self__
    index = lemmatizer.lookups.get_table("lemma_index")
    assert index and all(isinstance(forms, frozenset) for forms in index.values())
