"""Evidence rule for a registered name the parser cut at its possessive apostrophe:
"Consumers\u2019 Voice Ireland ... welcomed" parses with "Consumers" as the subject and the rest
as its apposition; the words as written still name the side."""

from service.extraction.mention import Mention
from service.extraction.setting_rules import Found, Rules
from service.extraction.sides import Evidence

APOSTROPHES = frozenset({"'", "\u2019"})
# Enough words to hold a registered name after its possessive ("Consumers' Voice Ireland").
NAME_TOKENS = 8


def name_cut_at_apostrophe(rules: Rules, mention: Mention) -> Found:
    """The registered name that opens with the mention's one capitalised word and runs on
    past the apostrophe after it ("Consumers" + "\u2019 Voice Ireland"); only the side's full
    name, not an alias or a word of it."""
    head, cut = mention.head, mention.title or mention.name
    if head is None or " " in cut or not cut[:1].isupper():
        return None
    for token in (head, head.head, *head.children):
        following = token.doc[token.i + 1 : token.i + 2]
        if token.text != cut or not following or following[0].text not in APOSTROPHES:
            continue
        written = token.doc[token.i : token.i + NAME_TOKENS].text
        found = rules.resolver.registered_in(written)
        if found is None or found.form != "name" or " " not in found.text:
            return None
        opens = written.replace("\u2019", "'").lower().startswith(found.text.lower())
        return (found.side, Evidence("name", found.text, mention.at)) if opens else None
    return None
