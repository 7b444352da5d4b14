"""Turning the subject of a cue into a speaker: names, titles, pronouns and roles."""

from dataclasses import replace

from spacy.tokens import Token

from service.extraction.discourse import Discourse, Speaker
from service.extraction.lexicon import (
    HONORIFICS,
    NEUTER_PRONOUNS,
    ORG_WORDS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from service.extraction.sides import SideResolver

NAME_MODIFIERS = ("compound", "amod", "nmod", "nummod")
CLAUSE_DEPS = ("relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "parataxis")
LEADING_JUNK = ("det", "punct", "case", "cc")


def span_text(tokens: list[Token]) -> str:
    """Text from the first to the last token, as written."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def core_tokens(head: Token, drop_determiner: bool) -> list[Token]:
    """The noun phrase of head without relative clauses, appositions and edge punctuation."""
    skipped = set()
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS:
            skipped.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in skipped]
    tokens = [t for t in tokens if tokens[0].i <= t.i <= head.i or t.i > head.i]
    while tokens and (tokens[0].dep_ in LEADING_JUNK and (drop_determiner or tokens[0].is_punct)):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return contiguous(tokens, head)


def contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The run of consecutive tokens around head."""
    indices = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    return [t for t in tokens if start <= t.i <= end]


def is_title_word(token: Token) -> bool:
    """Whether a token is a title, rank or honorific rather than part of a name."""
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or token.lower_ in HONORIFICS or word.endswith("-general")


def title_text(tokens: list[Token]) -> str | None:
    """A title without leading or trailing punctuation."""
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return span_text(tokens) or None


class SpeakerBuilder:
    """Builds speakers from tokens, resolving references through the discourse."""

    def __init__(self, resolver: SideResolver, discourse: Discourse, base: int):
        self.resolver = resolver
        self.discourse = discourse
        self.base = base

    def with_side(self, speaker: Speaker, context: list[str]) -> Speaker:
        """Attach the side matched by the speaker's name, title or affiliation."""
        if speaker.side is not None:
            return speaker
        name = speaker.name or ""
        registry_texts = [name, speaker.title or "", *context]
        country_texts = [speaker.title or "", *context[:1]]
        if speaker.type != "person":
            country_texts.insert(0, name)
        return replace(speaker, side=self.resolver.resolve(registry_texts, country_texts))

    def offsets(self, tokens: list[Token]) -> tuple[int, int]:
        """Absolute character offsets of a token run."""
        return self.base + tokens[0].idx, self.base + tokens[-1].idx + len(tokens[-1].text)

    def build(self, head: Token, nearby: list[Speaker]) -> Speaker | None:
        """The speaker denoted by the noun phrase headed by head."""
        if head.pos_ == "PRON":
            return self.pronoun(head, nearby)
        appositive = next((c for c in head.children if c.dep_ == "appos"), None)
        if head.pos_ != "PROPN" and appositive is not None and appositive.pos_ == "PROPN":
            return self.proper(appositive, title_head=head)
        if head.pos_ == "PROPN":
            return self.proper(head, title_head=appositive)
        return self.common(head)

    def pronoun(self, head: Token, nearby: list[Speaker]) -> Speaker | None:
        """Resolve he/she/they/it/who to the entity it stands for."""
        word = head.lower_
        if word in RELATIVE_PRONOUNS:
            antecedent = head.head.head if head.head.dep_ == "relcl" else None
            return self.build(antecedent, nearby) if antecedent is not None else None
        if word in PERSONAL_PRONOUNS:
            referent = self.discourse.personal()
        elif word in PLURAL_PRONOUNS or word in NEUTER_PRONOUNS:
            referent = self.discourse.collective(nearby)
        else:
            return None
        start, end = self.offsets([head])
        if referent is None:
            kind = "person" if word in PERSONAL_PRONOUNS else "unknown"
            return Speaker(head.text, None, kind, start, end, None, explicit=False)
        return referent.at(start, end)

    def proper(self, head: Token, title_head: Token | None) -> Speaker:
        """A named person, organisation or place, with its title."""
        chunk = self.name_chunk(head)
        start, end = self.offsets(chunk)
        text = span_text(chunk)
        kind = self.resolver.known_name_kind(text)
        last = chunk[-1].lower_
        if kind == "country" and last not in ORG_WORDS:
            speaker = Speaker(text, None, "place", start, end)
        elif kind == "registry" or last in ORG_WORDS or len(chunk) > 4:
            speaker = Speaker(text, None, "organization", start, end)
        else:
            speaker = self.person(chunk, start, end)
        if title_head is not None:
            title = title_text(core_tokens(title_head, drop_determiner=False))
            speaker = Speaker(speaker.name, title or speaker.title, speaker.type, start, end)
        return self.with_side(speaker, self.context(head, title_head))

    def name_chunk(self, head: Token) -> list[Token]:
        """Head with its name modifiers and an 'of' phrase ("Office of the Auditor-General")."""
        left = [t for c in head.lefts if c.dep_ in NAME_MODIFIERS for t in c.subtree]
        tokens = sorted([*left, head], key=lambda t: t.i)
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and head.lower_ in ORG_WORDS:
                tokens.extend(child.subtree)
        tokens = [t for t in tokens if t.dep_ not in ("case", "punct") or t.i > head.i]
        while tokens and tokens[0].dep_ in ("det", "poss"):
            tokens.pop(0)
        return contiguous(tokens, head) or [head]

    def person(self, chunk: list[Token], start: int, end: int) -> Speaker:
        """Split "Angolan Foreign Minister Teresa Bunga" into title and name."""
        split = len(chunk)
        while split > 0 and chunk[split - 1].pos_ == "PROPN" and not self.titular(chunk[split - 1]):
            split -= 1
        name_tokens, title_tokens = chunk[split:], chunk[:split]
        if not name_tokens:
            return Speaker(None, span_text(chunk), "person", start, end)
        name_start, name_end = self.offsets(name_tokens)
        name = span_text(name_tokens)
        if len(name_tokens) == 1 and not title_tokens:
            earlier = self.discourse.by_surname(name)
            if earlier is not None:
                return earlier.at(name_start, name_end, explicit=True)
            return Speaker(name, None, "unknown", name_start, name_end)
        return Speaker(name, title_text(title_tokens), "person", name_start, name_end)

    def titular(self, token: Token) -> bool:
        """Titles and demonyms precede a name but are not part of it."""
        return is_title_word(token) or self.resolver.known_name_kind(token.text) == "country"

    def common(self, head: Token) -> Speaker:
        """A common noun phrase: a role, an organisation or a group."""
        tokens = core_tokens(head, drop_determiner=False)
        start, end = self.offsets(tokens)
        text = span_text(tokens)
        plural = head.tag_ in ("NNS", "NNPS")
        definite = any(c.dep_ in ("det", "poss") for c in head.children)
        if definite and not plural:
            referent = self.discourse.by_role(head.lower_)
            if referent is not None:
                return self.with_side(referent.at(start, end), [text])
        if plural:
            speaker = Speaker(text, None, "group", start, end)
        elif head.lemma_.lower() in ROLE_NOUNS:
            speaker = Speaker(None, text, "person", start, end)
        else:
            speaker = Speaker(text, None, "organization", start, end)
        return self.with_side(speaker, self.context(head, None))

    def context(self, head: Token, title_head: Token | None) -> list[str]:
        """Affiliation text around a mention: the whole phrase, then its relative clauses."""
        relative = [c for h in (head, title_head) if h is not None
                    for c in h.children if c.dep_ == "relcl"]
        hidden = {t.i for c in relative for t in c.subtree}
        phrase = " ".join(t.text for t in head.subtree if t.i not in hidden)
        return [phrase, *(span_text(list(c.subtree)) for c in relative)]
