"""IPTC ninjs (News in JSON) 1.x and 2.x documents in, Claimdesk article fields out.

Mapping (API.md, "ninjs input"): `uri` -> url (when it is an http(s) URL), `headlines` /
`headline` -> title, `bodies` / `body_text` / `body_html` -> body (HTML to plain text with
paragraphs), `versioncreated` / `firstcreated` -> published_at, `language` -> language,
`people` / `person` with the role author (or else `by` / `byline`) -> authors, `subjects` /
`subject` names and `keywords` -> tags, `copyrightholder` / the first `infosources` name ->
source. The document is checked first against data/ninjs-input.schema.json.
"""

import datetime as dt
import json
from functools import cache
from importlib import resources

import jsonschema

from service.formats.errors import InvalidDocument
from service.formats.languages import DEFAULT_LANGUAGE, normalize_language
from service.formats.markup import html_to_text, plain_text

MAX_TITLE = 500
MAX_BODY = 200_000
MAX_TAGS = 50


@cache
def ninjs_schema() -> dict:
    """Our JSON Schema of the ninjs fields we read."""
    text = resources.files("service.formats").joinpath("data/ninjs-input.schema.json")
    return json.loads(text.read_text(encoding="utf-8"))


@cache
def _validator() -> jsonschema.protocols.Validator:
    """A validator for that schema (built once; validators are thread-safe to share)."""
    schema = ninjs_schema()
    return jsonschema.validators.validator_for(schema)(schema)


def validate_ninjs(document) -> None:
    """Raise InvalidDocument naming every field of a document that the schema refuses."""
    if not isinstance(document, dict):
        raise InvalidDocument.field("_schema", "a ninjs document is a JSON object")
    problems: dict[str, list[str]] = {}
    for error in _validator().iter_errors(document):
        for field, message in _describe(error):
            problems.setdefault(field, []).append(message)
    if problems:
        raise InvalidDocument(
            problems, "Not a ninjs document Claimdesk can read: " + ", ".join(sorted(problems))
        )


def _describe(error: jsonschema.ValidationError) -> list[tuple[str, str]]:
    """(field path, message) pairs for one schema error, in words a client can act on."""
    path = ".".join(str(part) for part in error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return [(f"{path}.{name}" if path else name, "is required") for name in missing]
    field = path or "_schema"
    if error.validator == "type":
        return [(field, f"must be of type {error.validator_value}")]
    if error.validator == "maxLength":
        return [(field, f"must be at most {error.validator_value} characters")]
    if error.validator == "minLength":
        return [(field, "must not be empty")]
    if error.validator == "maxItems":
        return [(field, f"must have at most {error.validator_value} items")]
    return [(field, error.message)]


def ninjs_to_article(document) -> dict[str, object]:
    """Article create fields from a ninjs document (InvalidDocument names what is wrong)."""
    validate_ninjs(document)
    article: dict[str, object] = {
        "title": _title(document),
        "body": _body(document),
        "language": _language(document),
    }
    optional: dict[str, object] = {
        "url": _url(document),
        "published_at": _published_at(document),
        "authors": _authors(document),
        "tags": _tags(document),
        "source": _source(document),
    }
    article.update({name: value for name, value in optional.items() if value})
    return article


def _pick_block(blocks: list[dict], prefer_plain: bool) -> tuple[int, dict] | None:
    """The main block (role `main` or none, first; plain text first when asked), by index."""
    if not blocks:
        return None
    indexed = list(enumerate(blocks))
    main = [(i, b) for i, b in indexed if b.get("role") in (None, "", "main")] or indexed
    if prefer_plain:
        plain = [(i, b) for i, b in main if not _is_html(b)]
        return (plain or main)[0]
    return main[0]


def _is_html(block: dict) -> bool:
    """Whether a ninjs text block holds HTML (text/html or XHTML)."""
    return "html" in (block.get("contenttype") or "").lower()


def _block_text(block: dict) -> str:
    """A text block's value as plain text."""
    value = block["value"]
    return html_to_text(value) if _is_html(block) else plain_text(value)


def _title(document: dict) -> str:
    """The main headline, as plain text on one line."""
    picked = _pick_block(document.get("headlines") or [], prefer_plain=True)
    if picked is not None:
        field, text = f"headlines.{picked[0]}.value", _block_text(picked[1])
    elif "headline" in document:
        field, text = "headline", plain_text(document["headline"])
    else:
        raise InvalidDocument.field("headlines", "a headline is required (headlines or headline)")
    text = " ".join(text.split())
    if not text:
        raise InvalidDocument.field(field, "the headline is empty")
    if len(text) > MAX_TITLE:
        raise InvalidDocument.field(field, f"the headline is longer than {MAX_TITLE} characters")
    return text


def _body(document: dict) -> str:
    """The main body as plain text, paragraphs separated by a blank line."""
    picked = _pick_block(document.get("bodies") or [], prefer_plain=True)
    if picked is not None:
        field, text = f"bodies.{picked[0]}.value", _block_text(picked[1])
    elif document.get("body_text"):
        field, text = "body_text", plain_text(document["body_text"])
    elif "body_html" in document:
        field, text = "body_html", html_to_text(document["body_html"])
    else:
        raise InvalidDocument.field("bodies", "a body is required (bodies, body_text or body_html)")
    if not text.strip():
        raise InvalidDocument.field(field, "the body has no text")
    if len(text) > MAX_BODY:
        raise InvalidDocument.field(field, f"the body is longer than {MAX_BODY} characters")
    return text


def _language(document: dict) -> str:
    """The document's language as a canonical BCP 47 tag (default en)."""
    if "language" not in document:
        return DEFAULT_LANGUAGE
    return normalize_language(document["language"], field="language")


def _url(document: dict) -> str | None:
    """The uri when it is a web address (a URN or tag: URI stays in the source document)."""
    uri = document["uri"].strip()
    return uri if uri.lower().startswith(("http://", "https://")) else None


def _published_at(document: dict) -> str | None:
    """versioncreated (else firstcreated) as an ISO 8601 UTC time with Z."""
    for field in ("versioncreated", "firstcreated"):
        if field not in document:
            continue
        try:
            moment = dt.datetime.fromisoformat(document[field])
        except ValueError:
            raise InvalidDocument.field(
                field, "must be a date-time such as 2024-09-12T08:00:00Z"
            ) from None
        if moment.tzinfo is None:
            raise InvalidDocument.field(field, "needs a time zone (e.g. 2024-09-12T08:00:00Z)")
        return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return None


def _is_author(person: dict) -> bool:
    """Whether a ninjs person entry names an author (by rel, role or roles)."""
    values = [person.get("rel"), person.get("role"), *(person.get("roles") or [])]
    # Roles may be plain (`author`) or qualified codes (`irel:author`, `.../author`).
    return any(
        isinstance(v, str) and v.lower().replace(":", "/").rsplit("/", 1)[-1] == "author"
        for v in values
    )


def _authors(document: dict) -> list[str]:
    """Authors from people/person with the author role, else from the byline."""
    people = document.get("people") or document.get("person") or []
    names = [p["name"].strip() for p in people if _is_author(p) and (p.get("name") or "").strip()]
    if names:
        return list(dict.fromkeys(names))
    byline = (document.get("by") or document.get("byline") or "").strip()
    if byline.lower().startswith("by "):
        byline = byline[3:].strip()
    return [byline] if byline else []


def _tags(document: dict) -> list[str]:
    """Subject names then keywords, without repeats, in document order."""
    subjects = document.get("subjects") or document.get("subject") or []
    names = [s.get("name") for s in subjects] + list(document.get("keywords") or [])
    tags = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    if len(tags) > MAX_TAGS:
        raise InvalidDocument(
            {
                "subjects": [f"subjects and keywords give more than {MAX_TAGS} distinct tags"],
                "keywords": [f"subjects and keywords give more than {MAX_TAGS} distinct tags"],
            }
        )
    return tags


def _source(document: dict) -> str | None:
    """The copyright holder, else the first information source with a name."""
    holder = (document.get("copyrightholder") or "").strip()
    if holder:
        return holder
    for source in document.get("infosources") or []:
        if (source.get("name") or "").strip():
            return source["name"].strip()
    return None
