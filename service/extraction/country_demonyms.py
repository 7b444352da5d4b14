"""Demonyms of every country and territory by name (data/demonyms.json, from countryinfo),
for the polities suffix rules cannot derive ("Togo" -> "Togolese")."""

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, tuple[str, ...]]:
    """Lower-cased country names and alternative spellings -> their demonyms."""
    path = resources.files("service.extraction").joinpath("data/demonyms.json")
    rows = json.loads(path.read_text("utf-8"))["demonyms"]
    return {name.lower(): tuple(forms) for name, forms in rows.items()}


def known_demonyms(name: str) -> tuple[str, ...]:
    """The demonyms of a country or territory named name ("Togo" -> ("Togolese",))."""
    lowered = name.strip().lower()
    if lowered.startswith("the "):
        lowered = lowered[4:]
    return demonym_table().get(lowered, ())
