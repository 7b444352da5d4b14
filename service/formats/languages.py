"""BCP 47 language tags: validated against the IANA registry and written canonically."""

import langcodes

from service.formats.errors import InvalidDocument

DEFAULT_LANGUAGE = "en"


def normalize_language(tag: str, field: str = "language") -> str:
    """The canonical form of a BCP 47 tag (`en-gb` -> `en-GB`, `eng` -> `en`), or an error."""
    if not isinstance(tag, str) or not tag.strip():
        raise InvalidDocument.field(field, "must be a BCP 47 language tag such as en or en-GB")
    text = tag.strip().replace("_", "-")
    try:
        canonical = langcodes.standardize_tag(text)
    except (ValueError, LookupError):
        canonical = None
    # standardize_tag accepts well-formed but unregistered subtags; tag_is_valid checks them.
    if canonical is None or not langcodes.tag_is_valid(canonical):
        raise InvalidDocument.field(
            field, f"{tag!r} is not a valid BCP 47 language tag (examples: en, en-GB, pt-BR)"
        )
    return canonical


def is_valid_language(tag: str) -> bool:
    """Whether a string is a valid BCP 47 tag in any spelling normalize_language accepts."""
    try:
        normalize_language(tag)
    except InvalidDocument:
        return False
    return True


def primary_language(tag: str) -> str:
    """The primary language subtag of a valid tag (`en-GB` -> `en`)."""
    return langcodes.Language.get(normalize_language(tag)).language or DEFAULT_LANGUAGE
