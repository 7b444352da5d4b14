"""Examples for the main operations of the OpenAPI document, by operationId."""

ARTICLE_ID = "6650c0ffee00000000000a01"
CLAIM_ID = "6650c0ffee00000000000c01"
SIDE_ID = "6650c0ffee00000000000b01"

ARTICLE = {
    "title": "Pilots warn of fatigue",
    "source": "Nordlys",
    "language": "en-GB",
    "published_at": "2024-09-12T08:00:00Z",
    "body": (
        "“Our members are landing aircraft at the end of fourteen-hour duty days,” said "
        "Tor Eriksen, president of the Nordic Cockpit Union.\n\n"
        "The airline said that its rosters comply in full with European rules."
    ),
}
NINJS = {
    "uri": "https://nordlys.example/2024/09/12/pilots",
    "type": "text",
    "versioncreated": "2024-09-12T08:00:00Z",
    "language": "en-GB",
    "headlines": [{"role": "main", "value": "Pilots warn of fatigue"}],
    "bodies": [
        {
            "role": "main",
            "contenttype": "text/html",
            "value": "<p>“Our members are exhausted,” said Tor Eriksen.</p>",
        }
    ],
    "people": [{"name": "Kari Nordmann", "rel": "author"}],
    "subjects": [{"name": "aviation"}],
    "copyrightholder": "Nordlys",
}
HTML_PAGE = (
    '<!DOCTYPE html><html lang="en-GB"><head><title>Pilots warn of fatigue</title>'
    '<link rel="canonical" href="https://nordlys.example/2024/09/12/pilots"></head>'
    "<body><article><h1>Pilots warn of fatigue</h1><p>“Our members are landing aircraft "
    "at the end of fourteen-hour duty days,” said Tor Eriksen, president of the Nordic "
    "Cockpit Union.</p></article></body></html>"
)
CLAIM = {
    "article_id": ARTICLE_ID,
    "text": "its rosters comply in full with European rules",
    "kind": "indirect",
    "speaker": {"name": "The airline", "title": None, "type": "organization"},
}
RATING = {
    "review": {
        "status": "confirmed",
        "note": "checked against the rosters",
        "rating": {
            "value": 2,
            "label": "Mostly false",
            "explanation": "Duty days averaged eleven hours in the rosters we saw.",
            "url": "https://nordlys.example/factcheck/duty-days",
        },
    }
}
SIDE = {"name": "Nordic Cockpit Union", "aliases": ["union", "pilots union"], "color": "#1f77b4"}

# operationId -> media type -> {example name: value}
REQUEST_EXAMPLES: dict[str, dict[str, dict[str, object]]] = {
    "createArticle": {
        "application/json": {"article": ARTICLE},
        "application/ninjs+json": {"ninjs": NINJS},
        "text/html": {"page": HTML_PAGE},
    },
    "createClaim": {"application/json": {"manual claim": CLAIM}},
    "updateClaim": {"application/json": {"fact-check verdict": RATING}},
    "createSide": {"application/json": {"side": SIDE}},
    "previewExtraction": {
        "application/json": {"text": {"text": "The Kremlin said that the talks would resume."}}
    },
}


def add_examples(operation: dict) -> None:
    """Put the examples of an operation (by its operationId) on its request body."""
    examples = REQUEST_EXAMPLES.get(operation.get("operationId", ""), {})
    content = operation.get("requestBody", {}).get("content", {})
    for media_type, named in examples.items():
        if media_type in content:
            content[media_type]["examples"] = {
                name.replace(" ", "_"): {"summary": name, "value": value}
                for name, value in named.items()
            }
