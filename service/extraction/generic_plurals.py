"""A bare plural derived from a common-noun alias names a class, not the side: "who advises
both insurers and manufacturers" is no officer of "the insurer"."""

import re

from service.extraction.sides import NameMatch

DETERMINED = re.compile(r"(?:\b(?:the|its|their|our|his|her|these|those)|'s|\u2019s)\s+$", re.I)


def names_a_class(text: str, match: NameMatch) -> bool:
    """Whether a match is a plural of an alias written without a determiner ("insurers"),
    where the registry lists only the singular ("the insurer")."""
    found = match.text
    if found != found.lower() or not found.endswith("s"):
        return False
    side = match.side
    listed = {p.lower().removeprefix("the ") for p in (side.name, *side.aliases)}
    if found.removeprefix("the ") in listed or found.startswith("the "):
        return False
    at = text.replace("\u2019", "'").lower().find(found)
    return at >= 0 and DETERMINED.search(text[:at]) is None
