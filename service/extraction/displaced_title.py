"""A title written before a name still shows the side when an apposition after the name
became the speaker's title: "Councillor Jane Hart, a district nurse, said" speaks for the
council as "Councillor Jane Hart said" does."""

from dataclasses import replace

from service.extraction.lexicon import HONORIFICS
from service.extraction.mention import Mention, words_of


def with_title_before_name(mention: Mention) -> Mention | None:
    """The mention read with the title before its name, when an apposition replaced it."""
    name = mention.speaker.name or ""
    if mention.speaker.type != "person" or not name or not mention.title:
        return None
    before, found, _ = mention.phrase.partition(name)
    title = before.strip(" ,")
    if not found or not title or title == mention.title or "," in title or not title[:1].isupper():
        return None
    if not words_of(title) - {h.rstrip(".") for h in HONORIFICS}:
        return None  # "Dr Jane Hart" has no office before the name
    speaker = replace(mention.speaker, title=title)
    return replace(mention, speaker=speaker, title=title, phrase=f"{title} {name}")
