"""Forms a registered name is also written in: demonyms of a polity, singular, plural and
agent nouns of an alias, and the offices of a department named by its topics."""

import re

from service.extraction.body_names import in_place_named_body, qualified_body
from service.extraction.country_demonyms import known_demonyms
from service.extraction.lexicon import (
    ADVERSARIAL_ROLES,
    AGENT_SUFFIXES,
    CORPORATE_WORDS,
    DEMONYM_SUFFIXES,
    FORMER_WORDS,
    HONORIFICS,
    OFFICE_HOLDERS,
    OFFICE_MODIFIERS,
    OFFICE_TOPICS,
    ORG_WORDS,
    TITLE_WORDS,
)

TOPIC_OF = re.compile(r"(?i)^(?:the\s+)?(\w+)\s+(?:of|for)\s+(?:the\s+)?(.+)$")
TOPIC_WORD = re.compile(r"[A-Za-z][\w-]*")
CONNECTIVES = frozenset({"and", "the", "of", "for", "&"})
# The capitalised word just before an office in the same phrase ("Ontario Education Minister").
OFFICE_QUALIFIER = re.compile(r"(?:^|\s)((?-i:[A-Z])[\w'.-]*)\s+$")


def demonyms(name: str) -> list[str]:
    """Adjectives of a one-word polity: "Caloria" -> "Calorian", "Zarvan" -> "Zarvani",
    "Montagna" -> "Montagnese" (matched only for officials, like a country's); a real
    country's from the table ("Togo" -> "Togolese")."""
    known = list(known_demonyms(name))
    if " " in name or not name[:1].isupper() or name.isupper() or name.lower() in ORG_WORDS:
        return known
    stems = {name, name[:-1]} if name[-1].lower() in "aeiouy" else {name}
    derived = [stem + suffix for stem in stems for suffix in DEMONYM_SUFFIXES if len(stem) > 2]
    return known + [d for d in derived if d not in known]


def number_forms(phrase: str) -> list[str]:
    """Singular, plural and agent nouns of a common-noun alias: "prosecutors" ->
    "prosecutor", "nurses' union" -> "nurses' unions", "prosecution" -> "prosecutor"."""
    if phrase != phrase.lower() or not phrase.strip():
        return []
    *rest, last = phrase.split()
    if len(last) <= 3 or not last.isalpha():
        return []
    # "associations" are many bodies, not "the association"
    bare_kind = not rest and last in ORG_WORDS
    forms = [last + "s"] if not last.endswith("s") and not bare_kind else []
    if last.endswith("s") and not last.endswith(("ss", "us", "is")):
        forms.append(last[:-1])
    for ending, agents in AGENT_SUFFIXES.items():
        if last.endswith(ending):
            forms += [last[: -len(ending)] + agent for agent in agents]
    return [" ".join([*rest, form]) for form in forms]


def topic_offices(phrase: str) -> list[str]:
    """Officers of a department named by its topics: "Department of Health" -> "Health
    Minister", "Minister of Health"; "State Department" -> "Secretary of State";
    "Department for Science, Innovation and Technology" -> "Technology Secretary"."""
    words = phrase.split()
    of_form = TOPIC_OF.match(without_place(phrase))
    if of_form and of_form.group(1).lower() in OFFICE_HOLDERS:
        body, topic = of_form.group(1).lower(), of_form.group(2)
    elif len(words) >= 2 and words[-1].lower() in OFFICE_HOLDERS:
        body, topic = words[-1].lower(), " ".join(w for w in words[:-1] if w.lower() != "the")
    else:
        return []
    # A list of topics names each ("Science, Innovation and Technology"); a modified body
    # does not ("Norwegian fisheries ministry" is no fisheries minister's of elsewhere).
    topics = topic_words(topic) if of_form else [topic] if topic else []
    return [
        form
        for officer in OFFICE_HOLDERS[body]
        for word in topics
        for form in (f"{word} {officer}", f"{officer} of {word}", f"{officer} for {word}")
    ]


def without_place(phrase: str) -> str:
    """A department's name without the capitalised place before its kind: "Manitoba Ministry
    of Education" -> "Ministry of Education" (its minister is the "Education Minister")."""
    words = phrase.split()
    for at, word in enumerate(words[1:4], start=1):
        before = words[:at]
        if not all(w[:1].isupper() and w.lower() not in ORG_WORDS for w in before):
            break
        following = words[at + 1 : at + 2]
        if word.lower() in OFFICE_HOLDERS and following and following[0] in ("of", "for"):
            return " ".join(words[at:])
    return phrase


def topic_words(topic: str) -> list[str]:
    """The whole topic, each of its words and their synonyms ("Health and Social Care")."""
    words = [w for w in TOPIC_WORD.findall(topic) if w.lower() not in CONNECTIVES]
    if not words:
        return []
    found = [topic, *(words if len(words) > 1 else [])]
    found += [s for w in words for s in OFFICE_TOPICS.get(w.lower(), ())]
    return list(dict.fromkeys(found))


NAME_BEFORE = re.compile(r"(?:^|[^.!?:;]\s)(?-i:[A-Z])[\w'.&-]*\s+$")
# A name continues after a space or, for a joint body ("Xian-Yian Friendship Society"), a hyphen.
NAME_AFTER = re.compile(
    r"^((?:-(?-i:[A-Z])[\w'.&]*)?(?:\s*(?:'s?|\s(?:of\s+|for\s+)?(?-i:[A-Z])[\w'.&-]*))+)"
)


def inside_longer_name(
    text: str, match: re.Match[str], generic: bool, own: tuple[str, ...] = (), office=False
) -> bool:
    """Whether a match is part of another body's longer name: a common-noun alias written
    into a name ("the council" in "Eastfield County Council"), or a name continued into an
    organisation's ("Rovers" in "Rovers Supporters' Trust"); own names the side (its name and
    aliases), whose possessive opens its own body's name; an office may be another place's."""
    if office and another_place_office(text, match, own):
        return True
    words = match.group(0).split()
    if in_place_named_body(text, match.start()) or qualified_body(text, match, own):
        return True
    if generic and words[0][:1].isupper():
        before = NAME_BEFORE.search(text[: match.start()])
        previous = before.group(0).split()[-1] if before else "the"
        if previous.lower() not in TITLE_WORDS | {"the", "a", "an"}:
            return True
    after = NAME_AFTER.match(text[match.end() :])
    if after is None:
        return False
    following = [w.lower().removesuffix("'s").strip("'.,") for w in after.group(1).split()]
    following = [w for w in following if w]
    # "Eastfield Unified Council of PTAs" is headed by "council", before its "of"
    heads = {following[-1], *following[: next_of(following)][-1:]} if following else set()
    return bool(heads & ORG_WORDS) and not set(following) & TITLE_WORDS


def another_place_office(text: str, match: re.Match[str], own: tuple[str, ...]) -> bool:
    """Whether a department's office is qualified by another place than the side's own:
    "Ontario Education Minister" is no officer of "Manitoba Ministry of Education"."""
    before = OFFICE_QUALIFIER.search(text[: match.start()])
    if before is None:
        return False
    word = before.group(1).lower().removesuffix("'s")
    own_words = {w.lower() for name in own for w in name.replace("\u2019", "'").split()}
    return word not in TITLE_WORDS | HONORIFICS | FORMER_WORDS | OFFICE_MODIFIERS | own_words


def another_named_of(text: str, found: str, side_name: str) -> bool:
    """Whether a definite alias written as a name opens another body's "X of Y" name in
    text: "the University of Copenhagen" is not the side "University of South Jutland"."""
    words = found.split()
    if len(words) < 2 or words[0].lower() != "the" or not words[-1][:1].isupper():
        return False
    named = re.search(rf"(?<!\w){re.escape(found)}\s+of\s+(?:the\s+)?([A-Z][\w'-]*)", text)
    own = {w.lower() for w in re.findall(r"[\w'-]+", side_name.replace("\u2019", "'"))}
    return named is not None and named.group(1).lower() not in own


def next_of(words: list[str]) -> int:
    """Where the first "of" or "for" is among words (their length if none)."""
    return next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))


PERSON_ROLES = TITLE_WORDS | {
    w for roles in ADVERSARIAL_ROLES.values() for role in roles for w in role.split()
}


def is_person_side(name: str, aliases: tuple[str, ...]) -> bool:
    """Whether a registered side is a person ("Karen Doyle", aliases "Ms Doyle", "the
    claimant"): a short name of no body's words, called by honorific and surname, or by the
    surname alone and by a person's role or their possessive ("Fenn's legal team")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if {w.lower() for w in words} & (ORG_WORDS | CORPORATE_WORDS):
        return False
    surname = words[-1].lower()
    called = [a.lower().split() for a in aliases]
    honorific = any(len(a) == 2 and a[0] in HONORIFICS and a[1] == surname for a in called)
    by_surname = [surname] in called
    by_role = any(a[-1] in PERSON_ROLES for a in called if a)
    owned = any(a[0].replace("\u2019", "'") == f"{surname}'s" for a in called if len(a) > 1)
    return honorific or (by_surname and (by_role or owned))
