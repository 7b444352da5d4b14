"""HTML fragments to plain text: paragraphs kept, whitespace collapsed, scripts dropped."""

import pytest

from service.formats.markup import html_to_text, plain_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>Hello <b>world</b>,\n   said   X.</p>", "Hello world, said X."),
        ("<p>Line<br>break</p>", "Line\nbreak"),
        ("<div><div><p>nested</p></div></div>", "nested"),
        ("<h1>Head</h1>text after", "Head\n\ntext after"),
        ("<ul><li>a</li><li>b</li></ul>", "a\n\nb"),
        ("<p>a &amp; b &lt;c&gt; &#8220;q&#8221;</p>", "a & b <c> “q”"),
        ("<p>kept</p><script>var x = 1;</script><style>p{}</style>", "kept"),
        ("<p>kept<!-- a comment --> too</p>", "kept too"),
        ("bare text", "bare text"),
        ("<p>  </p>", ""),
        ("", ""),
        ("<p>unclosed <b>bold", "unclosed bold"),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_plain_text_normalises_line_ends_and_keeps_paragraphs():
    assert plain_text("One  \r\n\r\nTwo\rThree\n") == "One\n\nTwo\nThree"
