"""Turning the subject of a cue into a speaker: names, titles, pronouns and roles."""

from dataclasses import replace

from spacy.tokens import Token

from service.extraction.affiliation import Affiliations
from service.extraction.discourse import Discourse, Speaker, referred
from service.extraction.documents import Documents
from service.extraction.genders import gender_of_pronoun
from service.extraction.lexicon import (
    COMPANY_NOUNS,
    LAWYER_WORDS,
    NEUTER_PRONOUNS,
    ORG_WORDS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    QUANTIFIED_SOURCES,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
)
from service.extraction.mention_words import mention_context, name_chunk
from service.extraction.name_extent import whole_registered_name, without_inner_apposition
from service.extraction.parenthetical import fronted_setting, outside_reported
from service.extraction.person_referents import described_body, first_person, paragraph_person
from service.extraction.phrases import (
    bracketed_owner,
    core_tokens,
    descriptor_end,
    document_author,
    is_title_word,
    joined_hyphen,
    misread_given_name,
    nested_appositive,
    parenthetical,
    span_text,
    title_text,
    titled_holder,
)
from service.extraction.pipeline import lemma, text_of
from service.extraction.roles import setting_of, syntactic_roles
from service.extraction.sides import SideResolver


def hyphenated_tail(head: Token) -> bool:
    """The lower-case part of a hyphenated given name that the tagger read as a name
    ("Tae-jun")."""
    if head.i < 2 or not head.text.islower() or head.pos_ != "PROPN":
        return False
    hyphen, first = head.nbor(-1), head.nbor(-2)
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and not first.whitespace_
        and first.pos_ == "PROPN"
        and first.text[:1].isupper()
    )


class SpeakerBuilder:
    """Builds speakers from tokens, resolving references through the discourse."""

    def __init__(
        self, resolver: SideResolver, discourse: Discourse, base: int, documents: Documents
    ):
        self.resolver = resolver
        self.discourse = discourse
        self.base = base
        self.documents = documents
        self.nearby: list[Speaker] = []
        self.affiliations = Affiliations(resolver, discourse)

    def with_side(self, speaker: Speaker, context: list[str], head: Token | None = None) -> Speaker:
        """Attach the side the evidence rules find for the speaker (head: where its
        sentence states its roles)."""
        roles = syntactic_roles(head) if head is not None else []
        setting = setting_of(head) if head is not None else ""
        found = self.affiliations.attach(speaker, context, self.nearby, roles, setting, head)
        if head is None or found.start is None or found.start < self.base:
            return found
        return whole_registered_name(found, text_of(head.doc)[: found.start - self.base])

    def introduced_as(self, person: Speaker) -> Speaker:
        """A person with the side of their first, fullest mention ("Mulcahy" after "Its
        chairman, Declan Mulcahy"): later contexts must not re-read their title."""
        first = self.discourse.by_name(person.name) if person.name else None
        if first is None:
            return person
        return person.with_side(first.side, referred(first.evidence))

    def offsets(self, tokens: list[Token]) -> tuple[int, int]:
        """Absolute character offsets of a token run."""
        return self.base + tokens[0].idx, self.base + tokens[-1].idx + len(tokens[-1].text)

    def build(self, head: Token, nearby: list[Speaker]) -> Speaker | None:
        """The speaker denoted by the noun phrase headed by head."""
        self.nearby = nearby
        if head.pos_ == "PRON":
            return self.pronoun(head, nearby)
        head = bracketed_owner(head) or head
        if head.text[:1].isupper() and head.pos_ != "PROPN":
            earlier = self.discourse.by_surname(head.text)  # a surname mistagged as a noun
            if earlier is not None:
                return self.introduced_as(earlier).at(*self.offsets([head]), explicit=True)
        appositive = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and not parenthetical(c)
            ),
            None,
        )
        if appositive is not None and fronted_setting(head):
            return self.build(appositive, nearby)  # "Outside court, the club's president, X"
        # "the labour congress" is common; "Kang Tae-jun" ends in a lower-case name part.
        if not hyphenated_tail(head) and (head.pos_ != "PROPN" or head.text[:1].islower()):
            named = appositive or nested_appositive(head)
            if named is not None and named.pos_ == "PROPN":
                return self.proper(named, title_head=head)
            return self.common(head)
        return self.titled(head, appositive)

    def titled(self, head: Token, appositive: Token | None) -> Speaker:
        """A proper noun phrase, with the name found after a title ("Secretary of State for
        Labour Miguel Antunes", "The Health Minister, Joan Kearney,")."""
        holder = titled_holder(head)
        if holder is not None:
            return self.proper(holder, title_head=None, title_from=head)
        if appositive is not None and is_title_word(head) and not is_title_word(appositive):
            return self.proper(appositive, title_head=head)
        return self.proper(head, title_head=appositive)

    def pronoun(self, head: Token, nearby: list[Speaker]) -> Speaker | None:
        """Resolve he/she/they/it/who to the entity it stands for."""
        word = head.lower_
        if word in RELATIVE_PRONOUNS:
            antecedent = head.head.head if head.head.dep_ == "relcl" else None
            if antecedent is not None and antecedent.dep_ == "appos":
                antecedent = antecedent.head  # "Sophie Marchand, the race director, who ..."
            return self.build(antecedent, nearby) if antecedent is not None else None
        if word in PERSONAL_PRONOUNS:
            wanted = gender_of_pronoun(word)
            referent = (
                first_person(self.discourse, nearby, wanted)
                or paragraph_person(self.discourse, self.base, wanted)
                or self.discourse.personal(wanted)
            )
            if referent is not None and described_body(referent):
                referent = self.discourse.person(None)  # "he" is never "The panel's report"
        elif word in PLURAL_PRONOUNS or word in NEUTER_PRONOUNS:
            group = self.discourse.plural() if word in PLURAL_PRONOUNS else None
            outside = outside_reported(head, nearby, self.base)
            referent = group or self.discourse.collective(outside)
        else:
            return self.described_group(head)
        start, end = self.offsets([head])
        if referent is None:
            kind = "person" if word in PERSONAL_PRONOUNS else "unknown"
            return Speaker(head.text, None, kind, start, end, None, explicit=False)
        return referent.at(start, end)

    def described_group(self, head: Token) -> Speaker | None:
        """A group described by what follows the pronoun: "those close to him", "many in the
        party" (a bare "some" names nobody)."""
        described = [c for c in head.children if c.dep_ in ("amod", "prep", "acl", "relcl")]
        if head.lower_ not in QUANTIFIED_SOURCES or not described:
            return None
        tokens = core_tokens(head, drop_determiner=False)
        start, end = self.offsets(tokens)
        speaker = Speaker(span_text(tokens), None, "group", start, end)
        return self.with_side(speaker, mention_context(head, None), head)

    def proper(
        self, head: Token, title_head: Token | None, title_from: Token | None = None
    ) -> Speaker:
        """A named person, organisation or place, with its title."""
        chunk = name_chunk(head)
        start, end = self.offsets(chunk)
        if " " not in span_text(chunk):  # one word, also hyphenated ("Adjei-Brenya")
            earlier = self.discourse.by_surname(span_text(chunk))
            if earlier is not None:
                return self.introduced_as(earlier).at(start, end, explicit=True)
        speaker = self.named(chunk, start, end)
        if title_head is not None:
            tokens = [
                t
                for t in core_tokens(title_head, drop_determiner=False)
                if t.i < chunk[0].i or t.i > chunk[-1].i
            ]
            title = title_text([t for t in tokens if t.i < head.left_edge.i] or tokens)
            speaker = replace(speaker, title=title or speaker.title)
        elif title_from is not None and speaker.start is not None:
            leading = [
                t
                for t in title_from.subtree
                if title_from.i <= t.i and self.base + t.idx < speaker.start
            ]
            speaker = replace(speaker, title=title_text(leading), type="person")
        context = mention_context(head, title_head or title_from)
        return self.with_side(speaker, context, head)

    def named(self, chunk: list[Token], start: int, end: int) -> Speaker:
        """A place, a person (a name after a title) or an organisation."""
        text = span_text(chunk)
        last = chunk[-1].lower_
        # "Mayor Lucia Rivera" ends in a name; "Ministry of Foreign Affairs" in a title word.
        name_follows = (
            chunk[-1].pos_ == "PROPN" and last not in ORG_WORDS and not self.titular(chunk[-1])
        )
        if self.resolver.is_country_name(text):
            return Speaker(text, None, "place", start, end)
        # "Union of Health and Care Workers" opens with its kind of body: not a title.
        opens_body = chunk[0].lower_ in ORG_WORDS and any(t.lower_ == "of" for t in chunk)
        if name_follows and not opens_body and any(is_title_word(t) for t in chunk[:-1]):
            return self.person(chunk, start, end)  # "Mayor Lucia Rivera", even as an alias
        organisation = last in ORG_WORDS or any(t.lower_ == "of" for t in chunk)
        if self.resolver.names_person(text):
            return self.person(chunk, start, end)  # a registered side that is a person
        if self.resolver.known_name_kind(text) is not None or organisation or len(chunk) > 4:
            return self.body(chunk, descriptor_end(chunk))
        return self.person(chunk, start, end)

    def body(self, chunk: list[Token], cut: int) -> Speaker:
        """A body's name after its description: "packaged-foods maker Kestrel Foods"."""
        start, end = self.offsets(chunk[cut:])
        return Speaker(span_text(chunk[cut:]), title_text(chunk[:cut]), "organization", start, end)

    def person(self, chunk: list[Token], start: int, end: int) -> Speaker:
        """Split "Angolan Foreign Minister Teresa Bunga" into title and name."""
        split = len(chunk)
        while split > 0 and (
            (chunk[split - 1].pos_ == "PROPN" and not self.titular(chunk[split - 1]))
            or joined_hyphen(chunk[split - 1])
            or hyphenated_tail(chunk[split - 1])
            or (split < len(chunk) and misread_given_name(chunk[split - 1]))
        ):
            split -= 1
        name_tokens, title_tokens = chunk[split:], chunk[:split]
        if not name_tokens:
            return Speaker(None, span_text(chunk), "person", start, end)
        name_start, name_end = self.offsets(name_tokens)
        name = span_text(name_tokens)
        if " " not in name:
            earlier = self.discourse.by_surname(name)
            if earlier is not None:
                return self.introduced_as(earlier).at(name_start, name_end, explicit=True)
            if not title_tokens:
                return Speaker(name, None, "unknown", name_start, name_end)
        return Speaker(name, title_text(title_tokens), "person", name_start, name_end)

    def titular(self, token: Token) -> bool:
        """Titles and demonyms precede a name but are not part of it."""
        if is_title_word(token) or self.resolver.names_person(token.text):
            return is_title_word(token)  # "Baird" of side "Ewan Baird" is a name
        return self.resolver.known_name_kind(token.text) is not None

    def common(self, head: Token) -> Speaker:
        """A common noun phrase: a role, an organisation or a group."""
        author = document_author(head)
        written = self.build(author, self.nearby) if author is not None else None
        if written is not None:
            return written
        sender = self.documents.sender(head)  # "the letter said" after "in a letter"
        if sender is not None:
            return sender.at(*self.offsets(core_tokens(head, drop_determiner=False)))
        plural = head.tag_ in ("NNS", "NNPS")
        tokens = core_tokens(head, drop_determiner=False)
        if plural:
            tokens = without_inner_apposition(tokens, head)
        start, end = self.offsets(tokens)
        text = span_text(tokens)
        counsel = self.discourse.counsel() if head.lower_ in LAWYER_WORDS and not plural else None
        if counsel is not None and not list(head.children):  # "counsel said"
            return self.with_side(counsel.at(start, end), [text])
        definite = any(c.dep_ in ("det", "poss") for c in head.children)
        if definite and not plural:
            modifiers = frozenset(
                c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound") and c.is_alpha
            )
            personal = lemma(head) in ROLE_NOUNS
            if personal:  # "the Kenyan minister" is not the minister of another country
                modifiers = (
                    frozenset(c.lower_ for c in head.lefts if c.text[:1].isupper()) & modifiers
                )
            referent = self.discourse.by_role(head.lower_, personal, modifiers)
            if referent is None and not personal:  # a title met before: "Superintendent X"
                referent = self.discourse.by_title_head(head.lower_)
            if referent is None and head.lower_ in COMPANY_NOUNS and not modifiers:
                referent = self.discourse.by_company()
            if referent is not None:
                return self.with_side(referent.at(start, end), [text])
        if plural:
            speaker = Speaker(text, None, "group", start, end)
        elif lemma(head) in ROLE_NOUNS:
            speaker = Speaker(None, text, "person", start, end)
        else:
            known = head.lower_ in ORG_WORDS or self.resolver.known_name_kind(text) is not None
            kind = "organization" if known else "unknown"
            speaker = Speaker(text, None, kind, start, end)
        return self.with_side(speaker, mention_context(head, None), head)
