"""ninjs documents written for these tests, in the shapes of the IPTC examples."""

NINJS_1_TEXT = {
    "uri": "http://news.example.org/2024/09/12/pilots-fatigue",
    "type": "text",
    "mimetype": "text/plain",
    "version": "2",
    "firstcreated": "2024-09-12T07:30:00Z",
    "versioncreated": "2024-09-12T10:00:00+02:00",
    "pubstatus": "usable",
    "urgency": 4,
    "copyrightholder": "Nordlys",
    "copyrightnotice": "(c) 2024 Nordlys",
    "language": "en-gb",
    "headline": "Pilots warn of fatigue",
    "byline": "By Kari Nordmann",
    "body_text": (
        "Pilots are landing aircraft after fourteen-hour days, the union said.\r\n\r\n"
        "The airline said that its rosters comply with European rules."
    ),
    "person": [
        {"name": "Tor Eriksen", "rel": "subject", "scheme": "http://example.org/people"},
    ],
    "subject": [
        {"name": "aviation", "code": "04015000", "scheme": "http://cv.iptc.org/newscodes/"},
        {"name": "labour dispute"},
    ],
    "keywords": ["pilots", "aviation", "fatigue"],
    "located": "Tromsø",
}

NINJS_1_HTML = {
    "uri": "urn:newsml:news.example.org:20240912:pilots-fatigue-html",
    "type": "text",
    "versioncreated": "2024-09-12T08:00:00Z",
    "headline": "Pilots warn of fatigue",
    "body_html": (
        "<p>“Our members are landing aircraft at the end of fourteen-hour duty days,” said "
        "Tor Eriksen, president of the <b>Nordic Cockpit Union</b>.</p>\n"
        "<p>The airline said that its rosters comply\n in full with European rules.</p>"
        "<!-- editor: check the figures -->"
    ),
}

NINJS_2 = {
    "uri": "https://news.example.org/2024/09/12/pilots",
    "type": "text",
    "representationtype": "complete",
    "profile": "text-article",
    "version": "3",
    "firstcreated": "2024-09-12T06:00:00Z",
    "versioncreated": "2024-09-12T08:00:00Z",
    "language": "nb-NO",
    "headlines": [
        {"role": "sub", "contenttype": "text/plain", "value": "Union says rosters are unsafe"},
        {"role": "main", "contenttype": "text/html", "value": "Pilots <em>warn</em> of fatigue"},
        {"role": "main", "contenttype": "text/plain", "value": "Pilots warn of fatigue"},
    ],
    "bodies": [
        {"role": "summary", "contenttype": "text/plain", "value": "A short summary."},
        {
            "role": "main",
            "contenttype": "text/html",
            "value": "<p>First paragraph.</p><p>Second <i>paragraph</i>.</p>",
            "charcount": 36,
        },
        {
            "role": "main",
            "contenttype": "text/plain",
            "value": "First paragraph.\n\nSecond paragraph.",
        },
    ],
    "by": "Kari Nordmann and Ola Nordmann",
    "people": [
        {"name": "Kari Nordmann", "rel": "author", "uri": "http://example.org/staff/kn"},
        {"name": "Ola Nordmann", "role": "irel:author"},
        {"name": "Tor Eriksen", "rel": "subject"},
        {"name": "Kari Nordmann", "rel": "author"},
    ],
    "subjects": [
        {"name": "aviation", "uri": "http://cv.iptc.org/newscodes/mediatopic/20000127"},
        {"name": "labour relations", "rel": "about"},
        {"uri": "http://example.org/subjects/no-name"},
    ],
    "keywords": ["pilots", "aviation"],
    "infosources": [{"name": "NTB", "role": "source"}],
    "altids": [{"role": "internal", "value": "abc-123"}],
}

NINJS_2_HTML_ONLY = {
    "uri": "https://news.example.org/html-only",
    "headlines": [{"value": "Rosters under scrutiny"}],
    "bodies": [
        {
            "contenttype": "text/html",
            "value": (
                "<h2>Background</h2><p>The union said<br>rosters were unsafe.</p>"
                "<ul><li>Point one</li><li>Point two</li></ul><script>track()</script>"
            ),
        }
    ],
}
