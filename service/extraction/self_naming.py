"""Evidence rule for a body that names itself in a clause on its mention: "The group, which
calls itself the Kolektif Musisi Merdeka", "a coalition known as Save the Wetlands"."""

import re
from typing import Protocol

from service.extraction.mention import Mention
from service.extraction.sides import Evidence, NameMatch, SideRef

Found = tuple[SideRef, Evidence] | None
# What the clause calls the body: after a reflexive naming verb, "known as" or "the name".
NAMING = re.compile(
    r"\b(?:(?:calls?|called|calling|styles?|styled|styling|names?|named|naming|brands?|"
    r"branded|describes?|described)\s+(?:itself|themselves)|(?:known|trading|operating|"
    r"goes|going)\s+(?:by\s+the\s+name\s+|as\s+|by\s+)|(?:uses?|using)\s+the\s+(?:\w+\s+)?"
    r"name)\s+(.+)$",
    re.IGNORECASE,
)
COLLECTIVE_TYPES = ("organization", "group", "unknown")


class Rules(Protocol):
    """What this rule reads of the evidence rules' state (affiliation.Affiliations)."""

    def registered(self, text: str, name: str) -> NameMatch | None: ...


def self_named(rules: Rules, mention: Mention) -> Found:
    """A body speaks for the side its own naming clause names ("which calls itself X"); a
    clause that denies the name ("which does not call itself X") names nothing."""
    head = mention.head
    if head is None or mention.speaker.type not in COLLECTIVE_TYPES:
        return None
    for clause in (c for c in head.children if c.dep_ in ("relcl", "acl")):
        if any(t.dep_ == "neg" for t in clause.children):
            continue
        words = clause.doc[clause.left_edge.i : clause.right_edge.i + 1].text
        named = NAMING.search(words)
        found = rules.registered(named.group(1), mention.name) if named else None
        if found is not None:
            return found.side, Evidence("relative_clause", found.text, mention.at)
    return None
