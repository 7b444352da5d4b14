"""Evidence rule for a speaker described as standing outside the contest: "a Democrat who
has stayed neutral in the race", "who has not endorsed either candidate", "who advises
neither side" speaks for no side, whatever else the description names."""

import re

from service.extraction.mention import Mention
from service.extraction.sides import Evidence, SideRef

Found = tuple[SideRef | None, Evidence | None] | None
NEUTRAL = re.compile(
    r"\b(?:(?:stayed|stays|remained|remains|is|was|has\s+been|have\s+been)\s+(?:strictly\s+)?"
    r"neutral|(?:has|have|had)\s+not\s+(?:endorsed|backed|supported)\s+(?:either|any)|"
    r"(?:endorsed|backs|backed|advises|advised|represents|acting\s+for|works\s+for)\s+"
    r"neither|not\s+(?:acting|working)\s+for\s+(?:either|any)|(?:not\s+)?taken?\s+no\s+sides?|"
    r"not\s+taken\s+sides?)\b",
    re.IGNORECASE,
)


# In a relative clause on the speaker, read from the words when the parse misplaces it.
RELATIVE = re.compile(r"\bwho\b[^,;.]*", re.IGNORECASE)


def declared_neutral(_rules: object, mention: Mention) -> Found:
    """No side for a speaker whose own description declares them neutral in the contest."""
    described = " ".join((mention.speaker.title or "", mention.phrase, *mention.relatives))
    clauses = [described, *(m.group(0) for m in RELATIVE.finditer(following(mention)))]
    return (None, None) if any(NEUTRAL.search(text) for text in clauses) else None


def following(mention: Mention) -> str:
    """The words of the sentence from the mention to its main verb (to the end when the
    mention follows the verb: "..., said X, who has stayed neutral")."""
    head = mention.head
    if head is None:
        return ""
    root = head.sent.root
    end = root.i if head.i < root.i else head.sent.end
    return head.doc[head.i : end].text
