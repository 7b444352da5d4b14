"""The word lists are data: each list is used, lower case and free of duplicates."""

import json
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "service" / "extraction"
LEXICONS = sorted((PACKAGE / "data").glob("*.json"))
LISTS = json.loads((PACKAGE / "data" / "lexicon.json").read_text(encoding="utf-8"))
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py"))


def entries(value) -> list[str]:
    if isinstance(value, dict):
        return [*value, *(w for words in value.values() for w in words)]
    return list(value)


@pytest.mark.parametrize("key", sorted(LISTS))
def test_every_list_is_read_by_the_package(key):
    assert f'"{key}"' in SOURCE


@pytest.mark.parametrize("key", sorted(LISTS))
def test_lists_are_lower_case_without_duplicates(key):
    words = entries(LISTS[key])
    assert words, key
    assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words), key
    if isinstance(LISTS[key], dict):
        for officers in LISTS[key].values():
            assert len(set(officers)) == len(officers), key
    else:
        assert not [w for w, n in Counter(words).items() if n > 1], key


@pytest.mark.parametrize("path", LEXICONS, ids=[p.name for p in LEXICONS])
def test_every_data_file_is_valid_json(path):
    assert json.loads(path.read_text(encoding="utf-8"))


def test_gazetteer_names_each_country_once():
    countries = json.loads((PACKAGE / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    names = [c["name"] for c in countries["countries"]]
    assert len(names) == len(set(names))
    for country in countries["countries"]:
        aliases = [a.lower() for a in country["aliases"]]
        assert len(aliases) == len(set(aliases)), country["name"]


def test_demonym_table_names_each_country_once_with_its_demonyms():
    path = PACKAGE / "data" / "demonyms.json"
    pairs = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=list)
    table = dict(pairs)
    assert "countryinfo" in table["source"]
    names = [name.lower() for name, _ in table["demonyms"]]
    assert len(names) == len(set(names))
    assert all(forms and all(f[:1].isupper() for f in forms) for _, forms in table["demonyms"])
