"""Score the claim extractor against hand-made gold files.

Usage: python bench/extraction_quality.py [FILE_OR_DIR ...] [--json]
Default: every *.json file in bench/gold/.

Matching: a predicted claim matches a gold claim when its span covers at least half of the
gold anchor (the anchor's first occurrence in the body). Each gold claim is matched by at most
one prediction and each prediction matches at most one gold claim; pairs are assigned greedily
by overlap, largest first.

Optional gold claims (required: false): a prediction matched to one is neither a true nor a
false positive, and an unmatched optional claim is not a false negative. So precision is
TP / (predictions not matched to an optional claim) and recall is TP / required claims.

Speaker accuracy and side accuracy are over all matched pairs (required and optional). The
speaker is right when the predicted name or title equals the gold speaker or one of its
speaker_aliases, ignoring case, a leading "the", the kind of apostrophe, and a leading
honorific or trailing post-nominals ("Dr Imogen Reist", "Helen Ashcroft KC": the extractor's
HONORIFICS and POST_NOMINALS word lists). The side is right when the predicted side name
equals the gold side (null for null).

Attributed F1 (aF1): as F1, but a true positive must also have the gold side.

Negatives hit: gold negatives overlapped by at least one predicted claim span.
"""

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.extraction import Extractor  # noqa: E402
from service.extraction.lexicon import HONORIFICS, POST_NOMINALS  # noqa: E402

GOLD_DIR = ROOT / "bench" / "gold"


@dataclass
class Score:
    """Counts for one file or for a total."""

    name: str
    tp: int = 0
    tp_sided: int = 0
    fp: int = 0
    fn: int = 0
    matched: int = 0
    speaker_ok: int = 0
    side_ok: int = 0
    negatives: int = 0
    negatives_hit: int = 0
    errors: list[str] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)  # (kind, line)

    def add(self, other: "Score") -> None:
        """Accumulate another score's counts."""
        for key in (
            "tp",
            "tp_sided",
            "fp",
            "fn",
            "matched",
            "speaker_ok",
            "side_ok",
            "negatives",
            "negatives_hit",
        ):
            setattr(self, key, getattr(self, key) + getattr(other, key))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attributed_f1(self) -> float:
        """F1 where a true positive must also have the right side."""
        predicted, required = self.tp + self.fp, self.tp + self.fn
        p = self.tp_sided / predicted if predicted else 1.0
        r = self.tp_sided / required if required else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.matched if self.matched else 1.0

    @property
    def side_accuracy(self) -> float:
        return self.side_ok / self.matched if self.matched else 1.0


def normalise(text: str | None) -> str:
    """Lower-case, straight apostrophes, no leading 'the', single spaces."""
    text = " ".join((text or "").replace("\u2019", "'").replace("\u2018", "'").lower().split())
    return text[4:] if text.startswith("the ") else text


def bare_name(text: str) -> str:
    """A normalised name without a leading honorific or trailing post-nominals ("dr x kc")."""
    words = text.replace(",", " ").split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in POST_NOMINALS:
        words = words[:-1]
    return " ".join(words)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def speaker_matches(predicted: dict, gold: dict) -> bool:
    """Whether the predicted name or title names the gold speaker."""
    names = {normalise(gold["speaker"]), *(normalise(a) for a in gold["speaker_aliases"])}
    if gold["speaker"] is None:
        return not predicted["name"]
    said = {normalise(predicted.get("name")), normalise(predicted.get("title"))} - {""}
    return bool(said & names) or bool({bare_name(n) for n in said} & {bare_name(n) for n in names})


def match(predictions: list[dict], gold: list[dict], body: str) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment of predictions to gold anchors by overlap."""
    pairs = []
    for g, claim in enumerate(gold):
        start = body.find(claim["anchor"])
        anchor = (start, start + len(claim["anchor"]))
        for p, predicted in enumerate(predictions):
            shared = overlap(anchor, (predicted["span"]["start"], predicted["span"]["end"]))
            if shared * 2 >= anchor[1] - anchor[0]:
                pairs.append((shared, g, p))
    used_gold, used_pred, assigned = set(), set(), []
    for _, g, p in sorted(pairs, reverse=True):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            assigned.append((g, p))
    return assigned


def score_document(doc: dict, extractor, name: str) -> Score:
    """Run the extractor on one gold document and count."""
    sides = [
        {"id": f"side-{i}", "name": s["name"], "aliases": s["aliases"]}
        for i, s in enumerate(doc["sides"])
    ]
    body = doc["body"]
    predictions = extractor.extract(body, sides=sides).claims
    gold = doc["claims"]
    score = Score(name)
    assigned = match(predictions, gold, body)
    count_matches(score, assigned, predictions, gold)
    matched_gold = {g for g, _ in assigned}
    matched_pred = {p for _, p in assigned}
    for g, claim in enumerate(gold):
        if g not in matched_gold and claim["required"]:
            score.fn += 1
            score.errors.append(f"missed: {claim['anchor']!r} ({claim['speaker']})")
    for p, predicted in enumerate(predictions):
        if p not in matched_pred:
            score.fp += 1
            score.errors.append(f"spurious: {predicted['text'][:80]!r} ({predicted['speaker']})")
            speaker = predicted["speaker"] or {}
            who = speaker.get("name") or speaker.get("title")
            score.false_positives.append(
                (predicted["kind"], f"{name}: {predicted['text'][:90]!r} ({who})")
            )
    count_negatives(score, doc, predictions)
    return score


def count_matches(score: Score, assigned, predictions: list[dict], gold: list[dict]) -> None:
    """True positives, and speaker and side agreement on every matched pair."""
    for g, p in assigned:
        claim, predicted = gold[g], predictions[p]
        speaker_ok = speaker_matches(predicted["speaker"], claim)
        side_ok = predicted["side_name"] == claim["side"]
        score.tp += claim["required"]
        score.tp_sided += claim["required"] and side_ok
        score.matched += 1
        score.speaker_ok += speaker_ok
        score.side_ok += side_ok
        if not (speaker_ok and side_ok):
            score.errors.append(
                f"attribution: {claim['anchor']!r}: {predicted['speaker']} "
                f"side={predicted['side_name']} (gold {claim['speaker']}, {claim['side']})"
            )


def count_negatives(score: Score, doc: dict, predictions: list[dict]) -> None:
    """Negatives that some predicted claim span overlaps."""
    body = doc["body"]
    spans = [(c["span"]["start"], c["span"]["end"]) for c in predictions]
    for negative in doc["negatives"]:
        score.negatives += 1
        start = body.find(negative)
        if any(overlap((start, start + len(negative)), span) for span in spans):
            score.negatives_hit += 1
            score.errors.append(f"negative hit: {negative!r}")


def gold_files(paths: list[str]) -> list[Path]:
    """JSON files named by the arguments (directories are expanded)."""
    found = []
    for raw in paths or [str(GOLD_DIR)]:
        path = Path(raw)
        found.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return found


def score_files(paths: list[str], extractor=None) -> tuple[list[Score], Score]:
    """Score every gold file; return per-file scores and the total."""
    if extractor is None:
        extractor = Extractor()
    scores = []
    for path in gold_files(paths):
        doc = json.loads(path.read_text(encoding="utf-8"))
        scores.append(score_document(doc, extractor, path.name))
    total = Score("TOTAL")
    for score in scores:
        total.add(score)
    return scores, total


def render(scores: list[Score], total: Score, verbose: bool) -> str:
    """The per-file table and totals."""
    header = (
        f"{'file':<16}{'P':>7}{'R':>7}{'F1':>7}{'spk':>7}{'side':>7}{'aF1':>7}{'neg':>7}  tp/fp/fn"
    )
    lines = [header, "-" * len(header)]
    for score in [*scores, total]:
        lines.append(
            f"{score.name:<16}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}"
            f"{score.speaker_accuracy:>7.3f}{score.side_accuracy:>7.3f}{score.attributed_f1:>7.3f}"
            f"{score.negatives_hit:>3}/{score.negatives:<3}  {score.tp}/{score.fp}/{score.fn}"
        )
        if verbose:
            lines.extend(f"    {error}" for error in score.errors)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="gold files or directories")
    parser.add_argument("--json", action="store_true", help="print totals as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    parser.add_argument(
        "--errors", action="store_true", help="list the false positives grouped by claim kind"
    )
    args = parser.parse_args(argv)
    scores, total = score_files(args.paths)
    if args.json:
        keys = ("precision", "recall", "f1", "speaker_accuracy", "side_accuracy", "attributed_f1")
        print(
            json.dumps(
                {k: round(getattr(total, k), 4) for k in keys}
                | {"negatives_hit": total.negatives_hit}
            )
        )
    else:
        print(render(scores, total, args.verbose))
    if args.errors:
        print(render_false_positives(scores))
    return 0


def render_false_positives(scores: list[Score]) -> str:
    """The false positives of every file, grouped by the kind of claim predicted."""
    by_kind: dict[str, list[str]] = {}
    for score in scores:
        for kind, line in score.false_positives:
            by_kind.setdefault(kind, []).append(line)
    lines = ["", "false positives by kind"]
    for kind, found in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        lines.append(f"  {kind} ({len(found)})")
        lines.extend(f"    {line}" for line in found)
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
