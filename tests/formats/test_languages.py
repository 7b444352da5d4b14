"""BCP 47 tags: validated against the registry and written canonically."""

import pytest

from service.formats.errors import InvalidDocument
from service.formats.languages import is_valid_language, normalize_language, primary_language


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [
        ("en", "en"),
        ("en-gb", "en-GB"),
        ("EN-GB", "en-GB"),
        ("pt_br", "pt-BR"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("eng", "en"),
        ("iw", "he"),
        (" de-CH ", "de-CH"),
        ("en-US-x-newsroom", "en-US-x-newsroom"),
    ],
)
def test_valid_tags_come_back_canonical(tag, canonical):
    assert normalize_language(tag) == canonical
    assert is_valid_language(tag)


@pytest.mark.parametrize("tag", ["", "  ", "english", "en-", "xx-ZZ", "123", "en--GB", None, 7])
def test_invalid_tags_are_an_error_naming_the_field(tag):
    with pytest.raises(InvalidDocument) as caught:
        normalize_language(tag, field="language")
    assert list(caught.value.errors) == ["language"]
    assert not is_valid_language(tag)


def test_the_error_quotes_the_tag_and_shows_examples():
    with pytest.raises(InvalidDocument) as caught:
        normalize_language("english", field="tags.0")
    message = caught.value.errors["tags.0"][0]
    assert "'english'" in message
    assert "en-GB" in message


def test_primary_language_is_the_first_subtag():
    assert primary_language("en-gb") == "en"
    assert primary_language("pt-BR") == "pt"
    assert primary_language("zh-Hant-TW") == "zh"
