"""Which side a mention speaks for: an ordered tuple of evidence rules, each giving the
side and the words that show it. Unknown affiliation stays unknown: no rule reads the
topic, the paragraph or another speaker."""

import re
from collections.abc import Callable

from spacy.tokens import Token

from service.extraction.bridged_office import bridged_office
from service.extraction.cabinet_office import cabinet_office, registered_government_minister
from service.extraction.company_rules import company_office
from service.extraction.cut_names import name_cut_at_apostrophe
from service.extraction.declared_neutral import declared_neutral
from service.extraction.definite_roles import engaged_counsel, role_referred_back
from service.extraction.designations import designated_earlier, designation
from service.extraction.discourse import Discourse, Speaker, referred
from service.extraction.displaced_title import with_title_before_name
from service.extraction.family_rules import family_surname, kin_description
from service.extraction.genders import gender_of_pronoun
from service.extraction.generic_plurals import names_a_class
from service.extraction.lexicon import (
    ANTAGONIST_NOUNS,
    COMPANY_NOUNS,
    HONORIFICS,
    LAWYER_WORDS,
    OFFICIAL_WORDS,
    ORG_WORDS,
    PERSONAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    POSTED_ROLES,
    SPOKESPERSON_WORDS,
    TITLE_WORDS,
)
from service.extraction.mention import Mention, read_mention, without_relatives, words_of
from service.extraction.neutral_parties import is_neutral, names_another_body
from service.extraction.office_of_holder import office_of_holder
from service.extraction.party_rules import party_referred_back
from service.extraction.past_roles import former_title, past_appointment
from service.extraction.referred_body import body_referred_back, pronoun_owner
from service.extraction.role_rules import (
    adversarial_role,
    institution_office,
    national_body_head,
    office_in_setting,
    represented_in_setting,
    stated_role,
)
from service.extraction.self_naming import self_named
from service.extraction.setting_rules import (
    government_office,
    office_in_sentence,
    officer_in_focus,
    officer_of_subject,
    place_topic_office,
)
from service.extraction.sides import (
    Evidence,
    NameMatch,
    SideRef,
    SideResolver,
    without_places,
    without_stations,
)

# A rule may also settle that a mention has no side: a person introduced earlier without
# one keeps none ("introduction").
Found = tuple[SideRef | None, Evidence | None] | None
DEFINITE_POSSESSOR = re.compile(r"^([a-z][\w-]+)(?:'s|\u2019s)$")
POSSESSOR = re.compile(r"^([A-Z][\w-]+)(?:'s|\u2019s)$")


class Affiliations:
    """Runs the evidence rules for the mentions of one article."""

    def __init__(self, resolver: SideResolver, discourse: Discourse):
        self.resolver = resolver
        self.discourse = discourse

    def attach(
        self,
        speaker: Speaker,
        context: list[str],
        nearby: list[Speaker],
        roles: list[str],
        setting: str = "",
        head: Token | None = None,
    ) -> Speaker:
        """The speaker with the side of the first evidence rule that finds one."""
        if speaker.side is not None:
            return speaker
        mention = read_mention(speaker, context, nearby, roles)
        mention.setting, mention.head = setting, head
        if words_of(mention.title) & ANTAGONIST_NOUNS:
            # "a critic of the airline" does not speak for the airline
            mention.title, mention.phrase, mention.relatives = "", "", []
        moved = with_title_before_name(mention)
        for read in (mention, moved) if moved is not None else (mention,):
            for rule in EVIDENCE_RULES:
                found = rule(self, read)
                if found is not None:
                    return speaker.with_side(*found)
        return speaker

    def speaks_for_state(self, text: str, name: str) -> bool:
        """A country is an affiliation only for officials and for the state itself ("Moscow",
        "the Kremlin"), not for nationals or places in a name ("London School of Economics")."""
        if text == name and self.resolver.known_name_kind(text) == "country":
            return True
        return bool(OFFICIAL_WORDS & words_of(text))

    def registered(self, text: str, name: str) -> NameMatch | None:
        """The registered side a text names, not counting places someone is in or from
        (except for officials: "the Foreign Minister of Peru")."""
        if self.speaks_for_state(text, name):
            cut = without_stations(text) if POSTED_ROLES & words_of(text) else text
        else:
            cut = without_places(text)
        found = self.resolver.registered_within(text, cut)
        return None if found is not None and names_a_class(cut, found) else found


def evidence(match: NameMatch | None, via: str, at: int | None) -> Found:
    """The side of a match, shown by its words; officers of a body are shown by office."""
    if match is None:
        return None
    return match.side, Evidence("office" if match.form == "office" else via, match.text, at)


def own_name(rules: Affiliations, mention: Mention) -> Found:
    """The mention names a registered side itself ("the union", "Halvard Air")."""
    found = rules.registered(mention.name, mention.name)
    via = found.form if found is not None else "name"
    return evidence(found, via, mention.at)


def own_title(rules: Affiliations, mention: Mention) -> Found:
    """The title names the side ("Halvard chief executive", "union president")."""
    title = without_relatives(mention.title)
    return evidence(rules.registered(title, mention.name), "title", mention.at)


def apposition(rules: Affiliations, mention: Mention) -> Found:
    """The phrase around the mention names it ("Ana Ruiz, a spokeswoman for the union")."""
    phrase = without_relatives(mention.phrase)
    return evidence(rules.registered(phrase, mention.name), "apposition", mention.at)


def relative_clause(rules: Affiliations, mention: Mention) -> Found:
    """A relative clause of membership names it ("who chairs the federation's board")."""
    for text in mention.relatives:
        found = evidence(rules.registered(text, mention.name), "relative_clause", mention.at)
        if found is not None:
            return found
    return None


def state_official(rules: Affiliations, mention: Mention) -> Found:
    """An official or organ of a country ("Russian Foreign Minister", "the Kremlin")."""
    if is_neutral(mention):
        return None  # a third country's mediator acts for no side
    texts = [mention.title, mention.phrase]
    if mention.speaker.type != "person":
        texts.insert(0, mention.name)
    for text in texts:
        if text and rules.speaks_for_state(text, mention.name):
            match = rules.resolver.country_in(text)
            if match is not None and not names_another_body(text, match.text):
                return evidence(match, match.form, mention.at)
    return None


def introduction(rules: Affiliations, mention: Mention) -> Found:
    """The same person introduced earlier by full name ("Commerce Minister Rajesh Menon")."""
    speaker = mention.speaker
    if speaker.type != "person" or not speaker.name or " " not in speaker.name:
        return None
    earlier = rules.discourse.by_name(speaker.name)
    return (earlier.side, referred(earlier.evidence)) if earlier is not None else None


def represented_person(rules: Affiliations, mention: Mention) -> Found:
    """Counsel representing a person stands with them: "X KC, representing Hale"."""
    if mention.speaker.type != "person":
        return None
    for text in mention.roles:
        words = text.split()
        named = words and all(w[:1].isupper() for w in words) and text != mention.name
        person = rules.discourse.by_surname(words[-1]) if named else None
        if person is not None and person.side is not None:
            return person.side, Evidence("role", text, mention.at)
    return None


def possessor(rules: Affiliations, mention: Mention) -> Found:
    """An officer of a possessor: "its president", "Mr. Okoro's lawyer", "the ministry's
    spokesman"."""
    words = (mention.speaker.title or "").lower().split()
    if mention.speaker.type != "person" or not words:
        return None
    if words[0] in POSSESSIVE_PRONOUNS:
        return possessed(pronoun_owner(rules, mention), mention.title, mention.at)
    if words[0] in PERSONAL_PRONOUNS and set(words[1:]) & (TITLE_WORDS | LAWYER_WORDS):
        # "her chief of staff", "his lawyer": an officer stands with the person, first one
        # named earlier in the sentence ("Baird will appeal, his lawyer said")
        wanted = gender_of_pronoun("he" if words[0] == "his" else words[0])
        fits = rules.discourse.genders.fits
        people = [s for s in mention.nearby if s.type == "person" and fits(s.name, wanted)]
        owner = people[0] if people else rules.discourse.person(mention.speaker.name, wanted)
        return possessed(owner, mention.title, mention.at)
    # "Mr Hart's lawyer" stands with Hart; "Mr Hart's colleague" or friend need not
    held = {w for w in words if not POSSESSOR.match(w.capitalize())} - HONORIFICS
    officer = bool(held & (TITLE_WORDS | LAWYER_WORDS | SPOKESPERSON_WORDS))
    for word in (mention.speaker.title or "").split() if officer else ():
        named = POSSESSOR.match(word)
        person = rules.discourse.by_surname(named.group(1)) if named else None
        if person is not None and person.side is not None:
            return possessed(person, mention.title, mention.at)  # the lawyer stands with Okoro
    definite = DEFINITE_POSSESSOR.match(words[1]) if len(words) > 1 and words[0] == "the" else None
    return possessed(definite_owner(rules, definite), mention.title, mention.at)


def officer_body(rules: Affiliations, mention: Mention) -> Found:
    """The body of an officer named by a personal possessive: "Her department said" after
    "the province's energy minister, X" speaks for the minister's side."""
    words = (mention.speaker.name or "").lower().split()
    if mention.speaker.type != "organization" or len(words) != 2 or words[1] not in ORG_WORDS:
        return None
    owner = rules.discourse.person(None) if words[0] in PERSONAL_PRONOUNS else None
    if owner is None or owner.evidence is None or owner.evidence.via not in ("office", "title"):
        return None
    return possessed(owner, mention.name, mention.at)


def definite_owner(rules: Affiliations, definite: re.Match[str] | None) -> Speaker | None:
    """The body a definite possessor refers back to: by its name ("the federation's"), or
    the company last introduced ("the firm's" after "Tamar Homes, the developer")."""
    if definite is None:
        return None
    noun = definite.group(1)
    body = rules.discourse.by_role(noun, personal=False)
    if body is None and noun in COMPANY_NOUNS:
        body = rules.discourse.by_company()
    return body


def possessed(owner: Speaker | None, title: str, at: int | None) -> Found:
    """The owner's side, shown by the possessive title."""
    if owner is None or owner.side is None:
        return None
    return owner.side, Evidence("possessive", title, at)


# In order: the mention's own words, then its context, then the state it serves, then
# what it refers back to. The first rule that finds a side wins.
EVIDENCE_RULES: tuple[Callable[[Affiliations, Mention], Found], ...] = (
    declared_neutral,
    past_appointment,
    kin_description,
    own_name,
    name_cut_at_apostrophe,
    own_title,
    apposition,
    relative_clause,
    designation,
    self_named,
    former_title,
    family_surname,
    stated_role,
    represented_in_setting,
    state_official,
    adversarial_role,
    introduction,
    designated_earlier,
    represented_person,
    possessor,
    body_referred_back,
    party_referred_back,
    officer_body,
    role_referred_back,
    engaged_counsel,
    bridged_office,
    office_in_sentence,
    government_office,
    cabinet_office,
    place_topic_office,
    institution_office,
    national_body_head,
    office_in_setting,
    officer_in_focus,
    officer_of_subject,
    company_office,
    office_of_holder,
    registered_government_minister,
)
