"""Speaker feedback: does a side an editor teaches in one article help the next ones?

A series of related articles (gold files, the bench/gold format, plus series.json giving
the publication order and times) is ingested in order through the app (test client,
in-memory store, the shipped extractor), twice on fresh stores:

- without feedback: every article is extracted and scored as it is stored;
- with feedback: after each article is scored, an editor sets every matched claim's side
  to the gold side through the API (PATCH /claims/{id}), so the speakers' memberships
  (source review) are there for the articles that follow.

Each article is scored when it is stored (before its own corrections), with the scoring of
bench/extraction_quality.py (precision, recall, F1, speaker and side accuracy, attributed F1).
Prints both tables and the change per article and in total.

    .venv/bin/python bench/speakers_feedback.py [SERIES_DIR] [--json]
"""

import argparse
import json
import sys
from pathlib import Path

import mongomock

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import extraction_quality as quality  # noqa: E402
from service.app import create_app  # noqa: E402
from service.extraction import Extractor  # noqa: E402

API = "/api/v1"
SERIES = ROOT / "bench" / "series1"
CONFIG = {
    "TESTING": True,
    "LOAD_SEEDS": False,
    "AUTH": "off",
    "RATE_LIMIT_ENABLED": False,
    "MONGO_DB": "speakers_feedback",
    "EXTRACTION_PROCESSES": 0,
}


def series(folder: Path) -> list[tuple[dict, str | None]]:
    """The gold documents in publication order, each with its publication time."""
    order = json.loads((folder / "series.json").read_text("utf-8"))
    entries = order["articles"] if isinstance(order, dict) else order
    found = []
    for entry in entries:
        name, published = (entry, None) if isinstance(entry, str) else (entry["file"], None)
        if isinstance(entry, dict):
            published = entry.get("published_at")
        doc = json.loads((folder / name).read_text("utf-8"))
        found.append((doc, published or doc.get("published_at")))
    return found


class Newsroom:
    """One app on a fresh in-memory store, driven through its API."""

    def __init__(self, extractor):
        app = create_app(CONFIG, mongo_client=mongomock.MongoClient(), extractor=extractor)
        self.client = app.test_client()
        self.side_ids: dict[str, str] = {}

    def call(self, method: str, path: str, **kwargs) -> dict:
        """A request that must succeed; its JSON."""
        response = self.client.open(f"{API}/{path}", method=method, **kwargs)
        assert response.status_code < 300, (method, path, response.get_json())
        return response.get_json() if response.data else {}

    def register(self, sides: list[dict]) -> None:
        """Register the sides an article's gold file lists (the newsroom's registry)."""
        for side in sides:
            if side["name"] not in self.side_ids:
                made = self.call("POST", "sides", json={"name": side["name"]})
                self.side_ids[side["name"]] = made["id"]
            path = f"sides/{self.side_ids[side['name']]}"
            for alias in side["aliases"]:
                current = self.call("GET", path)["aliases"]
                # An alias another side has is a 409: the registry keeps the first owner.
                self.client.patch(f"{API}/{path}", json={"aliases": [*current, alias]})

    def publish(self, doc: dict, published_at: str | None) -> list[dict]:
        """Store an article (extracted at once) and return its claims in body order."""
        data = {"title": doc["title"], "body": doc["body"]}
        if published_at:
            data["published_at"] = published_at
        article = self.call("POST", "articles", json=data)
        return self.call("GET", f"articles/{article['id']}/claims?per_page=100")["items"]

    def correct(self, claim: dict, side: str | None) -> None:
        """An editor sets a claim's side to the gold side."""
        self.call("PATCH", f"claims/{claim['id']}", json={"side_id": self.side_ids.get(side)})


class Stored:
    """Stands in for the extractor in the quality scorer: what the API stored."""

    def __init__(self, predictions: list[dict]):
        self.claims = predictions

    def extract(self, body: str, sides=None) -> "Stored":
        """The claims the app stored for this article."""
        return self


def predictions(claims: list[dict], side_names: dict[str, str]) -> list[dict]:
    """Stored claims in the form the scorer reads (side by name)."""
    return [
        {**claim, "side_name": side_names.get(claim["side_id"]) if claim["side_id"] else None}
        for claim in claims
        if claim.get("span")
    ]


def run(docs: list[tuple[dict, str | None]], extractor, feedback: bool) -> list[quality.Score]:
    """Ingest the series in order; score each article as stored; feed corrections back."""
    newsroom = Newsroom(extractor)
    scores = []
    for doc, published_at in docs:
        newsroom.register(doc["sides"])
        names = {side_id: name for name, side_id in newsroom.side_ids.items()}
        stored = predictions(newsroom.publish(doc, published_at), names)
        scores.append(quality.score_document(doc, Stored(stored), doc.get("id", "?")))
        if feedback:
            for g, p in quality.match(stored, doc["claims"], doc["body"]):
                gold_side = doc["claims"][g]["side"]
                if gold_side is not None or stored[p]["side_name"] is not None:
                    newsroom.correct(stored[p], gold_side)  # set, or confirmed by setting
    return scores


def total(scores: list[quality.Score]) -> quality.Score:
    """The sum of per-article scores."""
    summed = quality.Score("TOTAL")
    for score in scores:
        summed.add(score)
    return summed


def delta_table(before: list[quality.Score], after: list[quality.Score]) -> str:
    """Side accuracy and attributed F1 per article, without and with feedback."""
    header = f"{'file':<16}{'side':>7}{'+fb':>7}{'delta':>7}{'aF1':>8}{'+fb':>7}{'delta':>7}"
    lines = [header, "-" * len(header)]
    for a, b in zip([*before, total(before)], [*after, total(after)], strict=True):
        lines.append(
            f"{a.name:<16}{a.side_accuracy:>7.3f}{b.side_accuracy:>7.3f}"
            f"{b.side_accuracy - a.side_accuracy:>+7.3f}{a.attributed_f1:>8.3f}"
            f"{b.attributed_f1:>7.3f}{b.attributed_f1 - a.attributed_f1:>+7.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(SERIES), help="the series folder")
    parser.add_argument("--json", action="store_true", help="print totals as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    docs = series(Path(args.folder))
    extractor = Extractor()
    before = run(docs, extractor, feedback=False)
    after = run(docs, extractor, feedback=True)
    if args.json:
        keys = ("f1", "speaker_accuracy", "side_accuracy", "attributed_f1")
        figures = {
            label: {k: round(getattr(total(s), k), 4) for k in keys}
            for label, s in (("without_feedback", before), ("with_feedback", after))
        }
        print(json.dumps(figures))
        return 0
    print("Without feedback (each article as extracted):")
    print(quality.render(before, total(before), args.verbose))
    print("\nWith feedback (editors corrected the earlier articles' sides):")
    print(quality.render(after, total(after), args.verbose))
    print("\nChange per article:")
    print(delta_table(before, after))
    return 0


if __name__ == "__main__":
    sys.exit(main())
