"""Evidence rule for a role the speaker no longer holds, read from the parse: "X, the
company's head of safety until 2019, said" speaks for no one, however the title was cut."""

from service.extraction.lexicon import FORMER_WORDS, OFFICIAL_WORDS
from service.extraction.mention import ENDED_TITLE, Mention, without_former, words_of
from service.extraction.sides import Evidence, SideRef

Found = tuple[SideRef | None, Evidence | None] | None


def past_appointment(_rules: object, mention: Mention) -> Found:
    """A person whose description after the name holds its role until a past year has no
    side ("X, the firm's head of safety until 2019, said")."""
    head = mention.head
    if head is None or mention.speaker.type != "person" or head.right_edge.i <= head.i:
        return None
    described = head.doc[head.i + 1 : head.right_edge.i + 1].text
    return (None, None) if ENDED_TITLE.search(described) else None


def former_title(_rules: object, mention: Mention) -> Found:
    """A person whose only title is a past office ("Uruguay, whose former foreign minister,
    X") has no side: no office nearby may be read into it."""
    title = mention.speaker.title or ""
    words = words_of(title)
    if mention.speaker.type != "person" or not words & FORMER_WORDS:
        return None
    # Only a past office: "a retired teacher" may still lead a campaign named later.
    return (None, None) if words & OFFICIAL_WORDS and not without_former(title).strip() else None
