"""HTML fragments to plain text with paragraphs: what an article body stores."""

import re

import lxml.etree
import lxml.html

# Elements that start a new paragraph of text (HTML, and trafilatura's XML: head, item,
# list, quote, row, code).
_BLOCKS = frozenset(
    """
    address article aside blockquote caption dd div dl dt figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul
    head item list quote row code
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_LINE_BREAKS = frozenset({"br", "lb"})
# Elements whose text is never article text.
_SKIPPED = frozenset({"script", "style", "template", "noscript", "title"})
_BREAK = "\x00"  # a paragraph boundary while walking; never in parsed text
_LINE = "\x01"  # a <br> while walking
_SPACES = re.compile(r"\s+")


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by a blank line, spaces collapsed."""
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    return element_to_text(root)


def element_to_text(root) -> str:
    """Plain text of a parsed (lxml) element tree, paragraphs separated by a blank line."""
    chunks: list[str] = [root.text or ""]
    for child in root:
        _walk(child, chunks)
    return _paragraphs("".join(chunks))


def plain_text(text: str) -> str:
    """Plain text with normalised line ends and no trailing spaces, paragraphs kept."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _walk(element, chunks: list[str]) -> None:
    """Append an element's text to chunks, with paragraph markers around blocks."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED or not tag:
        # Comments and processing instructions: only their tail is text.
        chunks.append(element.tail or "")
        return
    block = tag in _BLOCKS
    if block:
        chunks.append(_BREAK)
    if tag in _LINE_BREAKS:
        chunks.append(_LINE)
    chunks.append(element.text or "")
    for child in element:
        _walk(child, chunks)
    if block:
        chunks.append(_BREAK)
    chunks.append(element.tail or "")


def _paragraphs(text: str) -> str:
    """Join the marked paragraphs with blank lines, each with its whitespace collapsed."""
    paragraphs = []
    for part in text.split(_BREAK):
        # In HTML a newline is a space; only <br> breaks a line.
        lines = [_SPACES.sub(" ", line).strip() for line in part.split(_LINE)]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)
