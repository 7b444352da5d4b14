"""A registered name the parser split at a comma ("The Paper, Print and Allied Workers'
Union" read as "Print and Allied Workers' Union") is taken whole when the words before the
mention complete it."""

from dataclasses import replace

from service.extraction.discourse import Speaker

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _normalise(text: str) -> str:
    return text.translate(APOSTROPHES).lower()


def whole_registered_name(speaker: Speaker, before: str) -> Speaker:
    """The speaker named by the full registered name that the text before it completes."""
    side, name = speaker.side, speaker.name or ""
    if side is None or side.auto or speaker.start is None or speaker.type == "person":
        return speaker
    full = side.name
    cut = len(full) - len(name)
    if cut <= 0 or _normalise(full[cut:]) != _normalise(name) or "," not in full[:cut]:
        return speaker
    if not _normalise(before).endswith(_normalise(full[:cut])):
        return speaker
    return replace(speaker, name=before[-cut:] + name, start=speaker.start - cut)
