"""In-process `$text`: the semantics of MongoDB's English text index and `$search` strings."""

import threading

import pytest

from service.formats import textsearch
from service.formats.textsearch import fold, index_terms, parse_query, text_matches

TITLE = "Pilots warn of fatigue"
BODY = (
    "“Our members are landing aircraft at the end of fourteen-hour duty days,” said Tor "
    "Eriksen, president of the Nordic Cockpit Union.\n\nThe airline said that its rosters "
    "comply in full with European rules. Le syndicat a réagi à São Paulo."
)
DOC = (TITLE, BODY)


@pytest.mark.parametrize(
    "search",
    [
        "fatigue",
        "FATIGUE",
        "pilot",  # stems: pilots -> pilot
        "landed",  # stems: landed / landing -> land
        "rule",
        "union cockpit",  # any order
        "nordic nonexistentword",  # OR: one term is enough
        "sao paulo",  # accents folded in the document
        "REAGI",
        "réagi",  # accents folded in the query
        "fourteen",  # a hyphen splits words in text
        "fourteen-hour",  # and in the query
        '"European rules"',
        '"european RULES"',
        '"sao Paulo"',  # phrases fold diacritics too
        '"rule"',  # a phrase is a substring of the raw text, as in MongoDB
        'fatigue "duty days"',
        '"duty days" "nordic cockpit"',  # every phrase present
        "pilots -strike",
    ],
)
def test_matching_queries(search):
    assert text_matches(search, DOC)


@pytest.mark.parametrize(
    "search",
    [
        "strike",
        "pilots -union",  # negation excludes even when another term matches
        "pilots -Unions",  # negations are stemmed too
        '"rules european"',  # phrase order matters
        '"duty days" "strike ballot"',  # every phrase must be present
        'pilots -"nordic cockpit"',
        "the of and",  # only stop words: nothing to search for
        "-union",  # only a negation: nothing to search for
        "",
        "   ",
        '""',
    ],
)
def test_non_matching_queries(search):
    assert not text_matches(search, DOC)


def test_plural_and_singular_share_a_stem():
    assert text_matches("cockpits", DOC)
    assert text_matches("members", ("a member spoke",))


def test_a_phrase_must_be_in_one_field():
    assert not text_matches('"fatigue our"', DOC)  # the end of the title + start of the body
    assert text_matches('"fatigue"', DOC)


def test_missing_and_empty_fields_are_skipped():
    assert text_matches("eriksen", (None, "", "Tor Eriksen"))
    assert not text_matches("eriksen", (None, ""))


def test_stop_words_are_dropped_from_query_and_text():
    query = parse_query("the airline and the union")
    assert query.terms == {"airlin", "union"}
    assert "the" not in index_terms(BODY)
    assert not text_matches("their", ("their union",))


def test_apostrophes_split_words_like_mongodb():
    # MongoDB treats an apostrophe as a delimiter: "union's" indexes "union" and "s".
    assert index_terms("the union's rosters") == {"union", "s", "roster"}
    assert text_matches("union", ("the union's rosters",))


def test_hyphen_after_a_space_negates_inside_a_word_splits():
    query = parse_query('pre-market -strike -"go slow"')
    assert query.terms == {"pre", "market"}
    assert query.negated_terms == {"strike"}
    assert query.negated_phrases == ("go slow",)


def test_phrase_words_are_terms_too():
    query = parse_query('"duty days"')
    assert query.phrases == ("duty days",)
    assert query.terms == {"duti", "day"}


def test_an_unclosed_quote_runs_to_the_end():
    assert parse_query('"duty days').phrases == ("duty days",)


def test_fold_removes_case_and_diacritics():
    assert fold("Çağla ÉLAN Straße") == "cagla elan strasse"


def test_a_parsed_query_is_reusable_across_documents():
    query = parse_query("fatigue -strike")
    documents = [("Fatigue on the flight deck",), ("Fatigue strike looms",), ("Rosters",)]
    assert [query.matches(doc) for doc in documents] == [True, False, False]


def test_the_term_cache_gives_the_same_answers_as_tokenising(monkeypatch):
    monkeypatch.setattr(textsearch, "MAX_CACHED_DOCUMENTS", 3)
    documents = [(f"Story {n}", f"{BODY} marker{n}") for n in range(10)]
    for _ in range(3):  # filled, emptied, filled again
        assert [text_matches(f"marker{n}", doc) for n, doc in enumerate(documents)] == [True] * 10
        assert not any(text_matches("marker99", doc) for doc in documents)


def test_the_term_cache_and_stemmer_raced_by_threads(monkeypatch):
    monkeypatch.setattr(textsearch, "MAX_CACHED_DOCUMENTS", 50)  # cleared again and again

    def clear_caches():
        textsearch._TERMS.clear()
        textsearch._stem.cache_clear()  # every word goes through a stemmer again

    words = "pilots landing rosters complained unions negotiations exhausted duties"
    documents = [
        (f"Story {n}", f"Body number{n} {words} word{n}x{n % 13}. Tag{n % 7}") for n in range(400)
    ]
    expected = [n % 7 == 3 for n in range(400)]
    barrier = threading.Barrier(8, action=clear_caches)
    results, errors = [], []

    def search():
        try:
            for _ in range(10):
                barrier.wait(timeout=60)  # a thread that failed breaks it: no hang
                query = parse_query("tag3")
                results.append([query.matches(doc) for doc in documents])
        except Exception as error:  # any error fails the test below
            errors.append(error)

    threads = [threading.Thread(target=search) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == 80
    assert all(result == expected for result in results)
