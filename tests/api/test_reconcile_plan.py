"""The re-extraction plan on its own: same statements kept, gone ones deleted, new ones added."""

from service.newsroom.reconcile import plan, relocation


def claim(text, speaker, start, origin="extracted", status="unreviewed", **extra):
    """A stored claim."""
    return {
        "_id": f"{speaker}:{text}:{start}",
        "text": text,
        "speaker": {"name": speaker, "title": None, "type": "person"},
        "speaker_key": speaker.casefold(),
        "span": {"start": start, "end": start + len(text)},
        "speaker_span": None,
        "kind": "direct",
        "cue": "said",
        "confidence": 0.9,
        "side_id": None,
        "origin": origin,
        "review": {"status": status},
        **extra,
    }


def found(text, speaker, start):
    """A claim as the extractor hands it over."""
    stored = claim(text, speaker, start)
    return {k: stored[k] for k in ("text", "speaker", "span", "speaker_span", "kind", "cue",
                                   "confidence", "side_id")}  # fmt: skip


def test_unchanged_extraction_plans_nothing():
    existing = [claim("one", "Ann", 0), claim("two", "Bob", 10)]
    result = plan(existing, [found("one", "Ann", 0), found("two", "Bob", 10)], "x" * 20, None)
    assert (result.updates, result.inserts, result.deletes) == ([], [], [])


def test_moved_kept_gone_and_new():
    one, two = claim("one", "Ann", 0), claim("two", "Bob", 10)
    result = plan([one, two], [found("one", "Ann", 5), found("six", "Cy", 20)], "x" * 30, None)
    assert result.updates == [(one, {"span": {"start": 5, "end": 8}})]
    assert [c["text"] for c in result.inserts] == ["six"]
    assert result.deletes == [two]


def test_repeated_statements_pair_in_body_order_and_reviewed_ones_are_not_doubled():
    first, second = claim("yes", "Ann", 0), claim("yes", "Ann", 10)
    reviewed = claim("no", "Ann", 20, status="confirmed")
    new = [found("yes", "Ann", 3), found("yes", "Ann", 13), found("no", "Ann", 23)]
    result = plan([second, reviewed, first], new, "x" * 30, None)
    assert [(c["_id"], f["span"]["start"]) for c, f in result.updates] == [
        (first["_id"], 3),
        (second["_id"], 13),
    ]
    assert result.inserts == [] and result.deletes == []


def test_without_an_extraction_every_claim_only_moves():
    moved, gone = claim("one", "Ann", 0), claim("two", "Bob", 4, origin="manual")
    result = relocation([moved, gone], "xx one", "one two")
    assert result.updates == [(moved, {"span": {"start": 3, "end": 6}}), (gone, {"span": None})]
    assert result.inserts == [] and result.deletes == []
    assert relocation([moved], "xx one", None).updates == []
