"""Word lists that drive the attribution rules (data/lexicon.json)."""

import json
from importlib import resources

_LISTS = json.loads(
    resources.files("service.extraction").joinpath("data/lexicon.json").read_text("utf-8")
)

# Verbs whose clausal complement is reported speech or a reported finding.
REPORTING_VERBS = frozenset(_LISTS["REPORTING_VERBS"])
# Verbs that express a stance, demand or accusation; their object is the claim.
STANCE_VERBS = frozenset(_LISTS["STANCE_VERBS"])
# Of the above, verbs whose object must be a clause or a verb phrase to count as a stance.
CLAUSAL_ONLY_STANCE = frozenset(_LISTS["CLAUSAL_ONLY_STANCE"])
# Prepositions whose object is a stance verb's content ("railed against the plan").
STANCE_PREPOSITIONS = frozenset(_LISTS["STANCE_PREPOSITIONS"])
# Prepositions that carry content only after particular verbs ("railed against", not "appealed
# against fines", which is a legal step).
VERB_STANCE_PREPOSITIONS: dict[str, frozenset[str]] = {
    verb: frozenset(words) for verb, words in _LISTS["VERB_STANCE_PREPOSITIONS"].items()
}
# Stance verbs that take one only with a predicative object ("painted X as reckless").
PREDICATIVE_STANCE = frozenset(_LISTS["PREDICATIVE_STANCE"])
PREDICATIVE_MARKS = frozenset(_LISTS["PREDICATIVE_MARKS"])
# Dashes that credit a quote to the name after them ("... open." ― Lena Ortiz).
CREDIT_DASHES = frozenset(_LISTS["CREDIT_DASHES"])
# Verbs of speaking that, negated, decline to say anything ("would not comment on ...").
DECLINED_SPEECH = frozenset(_LISTS["DECLINED_SPEECH"])
# Verbs that report an announcement when used in the passive with an agent ("was announced by").
PASSIVE_ANNOUNCE_VERBS = frozenset(_LISTS["PASSIVE_ANNOUNCE_VERBS"])
# Nouns that name something said; "Those words came from X" attributes a preceding quote.
SPEECH_NOUNS = frozenset(_LISTS["SPEECH_NOUNS"])
# Nouns that introduce an attributed stance: "among the complaints of X are ...".
STANCE_NOUNS = frozenset(_LISTS["STANCE_NOUNS"])
# Subordinators of background clauses; a cue inside them is narration ("when Biden suggested").
NARRATIVE_MARKS = frozenset(_LISTS["NARRATIVE_MARKS"])
# Words that are titles or roles, not parts of a person's name.
TITLE_WORDS = frozenset(_LISTS["TITLE_WORDS"])
# Honorifics kept out of a person's name.
HONORIFICS = frozenset(_LISTS["HONORIFICS"])
# Role nouns: a bare "the spokesman" is a person whose name is given elsewhere.
ROLE_NOUNS = frozenset(_LISTS["ROLE_NOUNS"])
# Last words that mark a proper-noun chunk as an organisation.
ORG_WORDS = frozenset(_LISTS["ORG_WORDS"])
# Pronouns that stand for a previously named person or group.
PERSONAL_PRONOUNS = frozenset(_LISTS["PERSONAL_PRONOUNS"])
PLURAL_PRONOUNS = frozenset(_LISTS["PLURAL_PRONOUNS"])
NEUTER_PRONOUNS = frozenset(_LISTS["NEUTER_PRONOUNS"])
RELATIVE_PRONOUNS = frozenset(_LISTS["RELATIVE_PRONOUNS"])
# Generic head words of side names ("Whitcombe camp") whose remaining words also name the side.
GENERIC_SIDE_WORDS = frozenset(_LISTS["GENERIC_SIDE_WORDS"])
# Letters after a name that are not part of it ("Richard Haines SC").
POST_NOMINALS = frozenset(_LISTS["POST_NOMINALS"])
# Abbreviations that must not end a sentence ("Sgt. Kevin Marsh").
TITLE_ABBREVIATIONS: tuple[str, ...] = tuple(w.capitalize() for w in _LISTS["TITLE_ABBREVIATIONS"])
# Titles written with a hyphen, kept one token so the parser does not split the title
# ("the vice-chancellor" read as "the vice").
HYPHENATED_TITLES: tuple[str, ...] = tuple(_LISTS["HYPHENATED_TITLES"])
# Boilerplate about a source's anonymity is not a claim.
ANONYMITY: tuple[str, ...] = tuple(_LISTS["ANONYMITY"])
# Documents whose authors speak through them ("a study by researchers at X found ...").
DOCUMENT_NOUNS = frozenset(_LISTS["DOCUMENT_NOUNS"])
# Roles held away from home: "a diplomat in Sofia" does not speak for Bulgaria.
POSTED_ROLES = frozenset(_LISTS["POSTED_ROLES"])
# Passive verbs that credit words to someone: "The remarks were made by X".
SPEECH_SOURCE_PASSIVES = frozenset(_LISTS["SPEECH_SOURCE_PASSIVES"])
# Verbs that voice a feeling noun as a stance: "expressed concern that ...", "has complaints".
EXPRESSION_VERBS = frozenset(_LISTS["EXPRESSION_VERBS"])
# Feelings and objections that, voiced, make a position.
FEELING_NOUNS = frozenset(_LISTS["FEELING_NOUNS"])
# Words that make a national label an affiliation ("Russian Foreign Minister"), where
# otherwise it is only a nationality ("a Russian opposition activist", "a Paris-based analyst").
OFFICIAL_WORDS = frozenset(_LISTS["OFFICIAL_WORDS"])
# Verbs of a relative clause that state membership ("who chairs the federation's board").
MEMBERSHIP_VERBS = frozenset(_LISTS["MEMBERSHIP_VERBS"])
# Titles that oppose the organisation they name ("a critic of the airline").
ANTAGONIST_NOUNS = frozenset(_LISTS["ANTAGONIST_NOUNS"])
# States of mind: coordinated with reported words they stay part of them ("they supported
# the riders but feared losing ..."), unlike acts of speech ("... and urged Washington").
MENTAL_VERBS = frozenset(_LISTS["MENTAL_VERBS"])
# Phrases after which a source's description names a topic, not an affiliation ("a person
# familiar with the consortium's plans" does not speak for the consortium).
TOPIC_MARKERS: tuple[str, ...] = tuple(_LISTS["TOPIC_MARKERS"])
# Words that deny a link: "a group that is independent of the union" does not speak for it.
SEPARATION_MARKERS: tuple[str, ...] = tuple(_LISTS["SEPARATION_MARKERS"])
# Demonyms of regions and nations outside the country gazetteer ("European", "Scottish").
REGION_DEMONYMS = frozenset(w.capitalize() for w in _LISTS["REGION_DEMONYMS"])
# Last words of side names that make the side a polity ("European Union", "Scottish government").
POLITY_WORDS = frozenset(_LISTS["POLITY_WORDS"])
# Durations: "protested for months" has no object to take a stance on.
TIME_NOUNS = frozenset(_LISTS["TIME_NOUNS"])
# Officers of a kind of body: "commerce ministry" -> "commerce minister".
OFFICE_HOLDERS: dict[str, tuple[str, ...]] = {
    body: tuple(officers) for body, officers in _LISTS["OFFICE_HOLDERS"].items()
}
# Titles that hold office in a government; they bridge to a government or ministry.
GOVERNMENT_TITLES = frozenset(_LISTS["GOVERNMENT_TITLES"])
GOVERNMENT_WORDS = frozenset(_LISTS["GOVERNMENT_WORDS"])
# A bare spokesperson, or one of the organisers, speaks for the body just named.
SPOKESPERSON_WORDS = frozenset(_LISTS["SPOKESPERSON_WORDS"])
# "its president", "their lawyer": the possessor is the organisation just named.
POSSESSIVE_PRONOUNS = frozenset(_LISTS["POSSESSIVE_PRONOUNS"])
# Nouns that name any body, so "the group" refers back to the organisation just named.
GENERIC_BODY_NOUNS = frozenset(_LISTS["GENERIC_BODY_NOUNS"])
# Courts rule rather than take positions; their stance verbs report decisions.
COURT_NOUNS = frozenset(_LISTS["COURT_NOUNS"])
# Auxiliaries of the perfect: "has said" reports, like "said".
PERFECT_AUXILIARIES = frozenset(_LISTS["PERFECT_AUXILIARIES"])
# Heads of forecasts: "is expected to challenge" is not yet a position.
PROSPECTIVE_HEADS = frozenset(_LISTS["PROSPECTIVE_HEADS"])
# Heads of an obligation ("had to call for quiet"): the act is narrated, not a stance taken.
OBLIGATION_HEADS = frozenset(_LISTS["OBLIGATION_HEADS"])
# Subordinators of a hypothetical clause ("if the government challenges the law").
CONDITIONAL_MARKS = frozenset(_LISTS["CONDITIONAL_MARKS"])
# Verbs that report speech only with an object and a preposition ("put it to X that ...").
PHRASAL_CUES: dict[str, tuple[str, str]] = {
    verb: (words[0], words[1]) for verb, words in _LISTS["PHRASAL_CUES"].items()
}
# Words opening a subordinate clause ("If the city caps the fleet, ...").
SUBORDINATORS = frozenset(_LISTS["SUBORDINATORS"])
# Words that open an indirect question: "asked whether" claims nothing.
QUESTION_WORDS = frozenset(_LISTS["QUESTION_WORDS"])
# Where a speaker "was speaking" when the words just quoted were said.
SPEAKING_VENUES = frozenset(_LISTS["SPEAKING_VENUES"])
# Small words that do not make a quoted phrase title-cased ("The Art of War").
SMALL_WORDS = frozenset(_LISTS["SMALL_WORDS"])
# Synonyms of a department's topic in its officers' titles ("Home Secretary", "Interior").
OFFICE_TOPICS: dict[str, tuple[str, ...]] = {
    topic: tuple(words) for topic, words in _LISTS["OFFICE_TOPICS"].items()
}
# Endings that make a polity's name its demonym ("Caloria" -> "Calorian").
DEMONYM_SUFFIXES: tuple[str, ...] = tuple(_LISTS["DEMONYM_SUFFIXES"])
# Endings of an activity and of its agent ("prosecution" -> "prosecutor").
AGENT_SUFFIXES: dict[str, tuple[str, ...]] = {
    ending: tuple(agents) for ending, agents in _LISTS["AGENT_SUFFIXES"].items()
}
# Words that end a membership: "a former employee of X" no longer speaks for X.
FORMER_WORDS = frozenset(_LISTS["FORMER_WORDS"])
# Verbs that give a person a designation instead of a name ("identified only as B14").
DESIGNATING_VERBS = frozenset(_LISTS["DESIGNATING_VERBS"])
# Nouns of a person who speaks for a body, whichever body it is.
SPOKESPERSON_NOUNS = frozenset(_LISTS["SPOKESPERSON_NOUNS"])
# Portfolios a minister's bare title names ("Mines Minister"); a place there is not one.
MINISTRY_TOPICS = frozenset(_LISTS["MINISTRY_TOPICS"])
# Words before a department's office that qualify the holder, not the place ("Acting").
OFFICE_MODIFIERS = frozenset(_LISTS["OFFICE_MODIFIERS"])
# Offices that head a kind of institution: a superintendent speaks for the school district.
INSTITUTION_OFFICES: dict[str, tuple[str, ...]] = {
    office: tuple(kinds) for office, kinds in _LISTS["INSTITUTION_OFFICES"].items()
}
# Words of titles that hold office in a body ("Party secretary-general", "club chairman").
HEAD_WORDS = frozenset(_LISTS["HEAD_WORDS"])
# Roles of adversarial proceedings by the side word they belong to (prosecution, defence,
# claimant, respondent, management, workers).
ADVERSARIAL_ROLES: dict[str, tuple[str, ...]] = {
    side: tuple(roles) for side, roles in _LISTS["ADVERSARIAL_ROLES"].items()
}
# Lawyers stand with their client: "Peller's barrister", "his lawyer".
LAWYER_WORDS = frozenset(_LISTS["LAWYER_WORDS"])
# Verbs whose agent takes a role of the proceeding: "prosecuted by X" (X is a prosecutor).
PROCEEDING_AGENTS: dict[str, str] = {
    verb: roles[0] for verb, roles in _LISTS["PROCEEDING_AGENTS"].items()
}
# "The trial of X": X is the defendant.
TRIAL_NOUNS = frozenset(_LISTS["TRIAL_NOUNS"])
# Who chairs or convenes a forum of several parties acts as a neutral ("the Swedish
# diplomat who chairs the coastal states' consultations").
CHAIRING_VERBS = frozenset(_LISTS["CHAIRING_VERBS"])
FORUM_NOUNS = frozenset(_LISTS["FORUM_NOUNS"])
# A subject who denies, admits or faces a charge (or pleads guilty) is the defendant.
DEFENDANT_VERBS = frozenset(_LISTS["DEFENDANT_VERBS"])
CHARGE_WORDS = frozenset(_LISTS["CHARGE_WORDS"])
# Common nouns a company is referred back to by ("the company", "the developer").
COMPANY_NOUNS = frozenset(_LISTS["COMPANY_NOUNS"])
# Last words of company names ("Northwind Homes", "Calder Chemical Corp.").
CORPORATE_WORDS = frozenset(_LISTS["CORPORATE_WORDS"])
# Roles of a neutral between parties: a third country's mediator speaks for no side.
NEUTRAL_ROLES = frozenset(_LISTS["NEUTRAL_ROLES"])
# Pronouns that name a group by its description: "those close to him say that ...".
QUANTIFIED_SOURCES = frozenset(_LISTS["QUANTIFIED_SOURCES"])
# Participles of speaking for someone: "speaking on behalf of the group", "acting for X".
REPRESENTATION_VERBS = frozenset(_LISTS["REPRESENTATION_VERBS"])
# A body's events its speakers appear at: "at the association's press conference".
EVENT_NOUNS = frozenset(_LISTS["EVENT_NOUNS"])
# A speaker who says "we" or "our" about a body's act speaks from outside that body.
FIRST_PERSON_PRONOUNS = frozenset(_LISTS["FIRST_PERSON_PRONOUNS"])
# Offices only a company has ("Project director X", "the site director"): they speak for the
# one registered company of the article.
COMPANY_OFFICES = frozenset(_LISTS["COMPANY_OFFICES"])
# Offices that head any kind of body ("chief executive"): they speak for the one registered
# organisation of the article, when it has only one.
HEAD_OFFICES = frozenset(_LISTS["HEAD_OFFICES"])
# Bodies that speak for a country's trade or industry: "the Fishing Vessel Owners'
# Association of Iceland" (its head speaks for the country when the body is not registered).
NATIONAL_BODY_WORDS = frozenset(_LISTS["NATIONAL_BODY_WORDS"])
# Nouns of kinship: "the mother of a man who died in custody" speaks for his family.
KIN_NOUNS = frozenset(_LISTS["KIN_NOUNS"])
# Words that make a registered side a family ("Family of Callum Reddy", "relatives").
FAMILY_WORDS = frozenset(_LISTS["FAMILY_WORDS"])
PARTY_WORDS = frozenset(_LISTS["PARTY_WORDS"])
# Words that open a fronted setting the parser may take for a subject ("Outside court, the
# club's president, X, said"): the speaker is the name in apposition.
SETTING_OPENERS = frozenset(_LISTS["SETTING_OPENERS"])
# Verbs that give a thing its name: "a plan the district calls "Right-Size 2030"" names, it
# does not take a stance.
NAMING_VERBS = frozenset(_LISTS["NAMING_VERBS"])
# Bodies named after the place they are in ("the University of Chile", "the Bank of
# Veloria"): the polity in their name is not whom their officers speak for.
PLACE_NAMED_BODIES = frozenset(_LISTS["PLACE_NAMED_BODIES"])
# Words that show a person is a woman or a man: honorifics, gendered titles, kin nouns and
# the pronouns already used of them ("Mr Hale ... She replied" is not Hale).
FEMININE_WORDS = frozenset(_LISTS["FEMININE_WORDS"])
MASCULINE_WORDS = frozenset(_LISTS["MASCULINE_WORDS"])
# Nouns of measured opinion: what "a poll of 1,100 viewers found" is a finding, not a claim.
POLL_NOUNS = frozenset(_LISTS["POLL_NOUNS"])
# Verbs of pursuing an aim: "the federation is seeking a raise" narrates it, stating nothing.
PURSUIT_VERBS = frozenset(_LISTS["PURSUIT_VERBS"])
# Auxiliaries of the present progressive ("is seeking").
PRESENT_AUXILIARIES = frozenset(_LISTS["PRESENT_AUXILIARIES"])
# Verbs of putting out a statement: "X issued a statement saying ..." is X's claim.
ISSUING_VERBS = frozenset(_LISTS["ISSUING_VERBS"])
# Cue words that put a quote as a question to someone: '"Will you commit?" she asked'.
QUESTION_CUES = frozenset(_LISTS["QUESTION_CUES"])
# Verbs of delivering a statement aloud: "X read a statement to reporters" introduces the
# quote that follows.
STATEMENT_VERBS = frozenset(_LISTS["STATEMENT_VERBS"])
