"""One paragraph's sentence-by-sentence pass: mentions, cues and rule candidates."""

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from service.extraction.candidates import Candidate, subject_of
from service.extraction.discourse import Discourse, Speaker
from service.extraction.documents import Documents
from service.extraction.genders import gender_of_pronoun, shown_gender
from service.extraction.lexicon import CREDIT_DASHES, ORG_WORDS
from service.extraction.pipeline import text_of
from service.extraction.quotes import Quote, find_quotes
from service.extraction.registered_openers import registered_opener
from service.extraction.reported import verb_claims
from service.extraction.sides import SideResolver
from service.extraction.sources import (
    according_to_claims,
    headline_claims,
    possessed_stance_claims,
    sourced_stance_claims,
    speech_source,
    stance_noun_claims,
)
from service.extraction.speakers import SpeakerBuilder


@dataclass
class Found:
    """A rule candidate with its resolved speaker, in paragraph character offsets."""

    start: int
    end: int
    kind: str
    cue: str
    cue_at: int
    speaker: Speaker
    weight: float


@dataclass
class ParagraphAnalysis:
    """Everything the extractor needs to know about one paragraph."""

    doc: Doc
    base: int
    quotes: list[Quote]
    found: list[Found] = field(default_factory=list)
    cue_speakers: dict[int, tuple[str, Speaker]] = field(default_factory=dict)
    quoted: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.quoted = {t.i for t in self.doc if any(q.contains(t.idx) for q in self.quotes)}

    def in_quote(self, token: Token) -> bool:
        """Whether a token lies inside quotation marks."""
        return token.i in self.quoted


def analyse(
    doc: Doc,
    base: int,
    resolver: SideResolver,
    discourse: Discourse,
    documents: Documents | None = None,
) -> ParagraphAnalysis:
    """Run the rules over a parsed paragraph, updating the discourse as sentences go by."""
    analysis = ParagraphAnalysis(doc, base, find_quotes(text_of(doc)))
    documents = documents if documents is not None else Documents()
    builder = SpeakerBuilder(resolver, discourse, base, documents)
    for sentence in doc.sents:
        mentions = sentence_mentions(sentence, analysis, builder)
        speakers = resolve_cues(sentence, analysis, builder, mentions)
        root = root_subject(sentence, analysis, builder, mentions)
        if root is None:  # a registered name the parser misread
            root = registered_opener(sentence, base, resolver, mentions)
        subject = speakers[0] if speakers else root or cue_speaker(sentence, analysis)
        recorded = [*mentions, *(s for s in speakers if s.explicit)]
        if root is not None and root.explicit and root not in recorded:
            recorded.append(root)
        for mention in recorded:
            discourse.mention(mention)
        note_genders([*recorded, *speakers], doc.text, base, discourse)
        if subject is not None:
            discourse.subject(subject)
        documents.note(sentence, subject)
        if not quoted_only(sentence, analysis):  # an office bridges over a quote's sentences
            discourse.next_sentence()
    return analysis


def cue_speaker(sentence: Span, analysis: ParagraphAnalysis) -> Speaker | None:
    """The speaker of a quote cue in the sentence ("X put it this way: '...'"), the
    sentence's subject when its parsed root lies inside the quote."""
    cues = [analysis.cue_speakers[t.i] for t in sentence if t.i in analysis.cue_speakers]
    return cues[0][1] if cues else None


def note_genders(speakers: list[Speaker], text: str, base: int, discourse: Discourse) -> None:
    """Record the gender each person is shown to have: an honorific or gendered title at
    their name, or the pronoun that referred to them."""
    for speaker in speakers:
        if speaker.type != "person" or speaker.start is None or speaker.start < base:
            continue
        at = speaker.start - base
        if speaker.explicit:
            gender = shown_gender(text[:at], speaker.title)
        else:
            gender = gender_of_pronoun(text[at : (speaker.end or at) - base])
        discourse.genders.record(speaker.name, gender)


def quoted_only(sentence: Span, analysis: ParagraphAnalysis) -> bool:
    """Whether a sentence is all quoted words (the first sentences of a long quote)."""
    return all(analysis.in_quote(t) or t.is_punct or t.is_space for t in sentence)


def sentence_mentions(
    sentence: Span, analysis: ParagraphAnalysis, builder: SpeakerBuilder
) -> list[Speaker]:
    """Named entities mentioned outside quotes, in order."""
    mentions: list[Speaker] = []
    for token in sentence:
        if token.pos_ != "PROPN" or analysis.in_quote(token):
            continue
        if token.dep_ == "compound" or (token.dep_ == "poss" and not owns_unit(token)):
            continue
        head = token
        if token.dep_ == "appos":
            if token.head.pos_ != "NOUN":
                continue
            head = token.head  # "its captain, Daniel Okoro": keep the title
        speaker = builder.build(head, mentions)
        if speaker is not None and speaker.name:
            mentions.append(speaker)
    return mentions


def owns_unit(possessor: Token) -> bool:
    """A named body that owns one of its units ("Kelmore University's department of cell
    biology"): the body is mentioned too, as what "the university" later refers to."""
    unit = possessor.head
    return unit.text.islower() and unit.lower_ in ORG_WORDS


def candidates(sentence: Span, analysis: ParagraphAnalysis) -> list[Candidate]:
    """Rule candidates whose cue lies outside quotes; the writer's own question ("Will the
    closure push exporters away?") asserts nothing."""
    if asked_by_writer(sentence, analysis):
        return []
    found = [c for t in sentence if not analysis.in_quote(t) for c in verb_claims(t)]
    found += according_to_claims(sentence) + stance_noun_claims(sentence)
    found += possessed_stance_claims(sentence) + headline_claims(sentence)
    found += sourced_stance_claims(sentence)
    return [c for c in found if not analysis.in_quote(c.cue)]


def asked_by_writer(sentence: Span, analysis: ParagraphAnalysis) -> bool:
    """Whether a sentence is a question ending outside quotes."""
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    return last is not None and last.text == "?" and not analysis.in_quote(last)


class SubjectSpeakers:
    """Speakers of the subjects in one sentence, built once each."""

    def __init__(
        self, analysis: ParagraphAnalysis, builder: SpeakerBuilder, mentions: list[Speaker]
    ):
        self.analysis = analysis
        self.builder = builder
        self.mentions = mentions
        self.cache: dict[int, Speaker | None] = {}

    def usable(self, token: Token) -> bool:
        """Subjects inside quotes belong to the quoted words, not to the attribution."""
        return not self.analysis.in_quote(token)

    def speaker(self, subject: Token | None) -> Speaker | None:
        """The named speaker a subject token denotes, or None."""
        if subject is None or not self.usable(subject):
            return None
        if subject.i not in self.cache:
            start = self.analysis.base + subject.idx
            nearby = [m for m in self.mentions if (m.start or 0) < start]
            found = self.builder.build(subject, nearby)
            self.cache[subject.i] = found if found and (found.name or found.title) else None
        return self.cache[subject.i]


def resolve_cues(
    sentence: Span, analysis: ParagraphAnalysis, builder: SpeakerBuilder, mentions: list[Speaker]
) -> list[Speaker]:
    """Resolve the speakers of candidates and quote cues; return the candidates' in order."""
    subjects = SubjectSpeakers(analysis, builder, mentions)
    speakers = []
    for candidate in candidates(sentence, analysis):
        subject = candidate.subject
        if (
            subject is not None
            and not subjects.usable(subject)
            and candidate.cue.pos_
            in (
                "VERB",
                "AUX",
            )
        ):
            subject = subject_of(candidate.cue, subjects.usable)
        speaker = subjects.speaker(subject)
        if speaker is not None:
            analysis.found.append(found_claim(analysis, candidate, speaker))
            speakers.append(speaker)
    for token in sentence:
        if token.text in CREDIT_DASHES:
            source = credit_line_name(token)
        elif not analysis.in_quote(token) and token.pos_ in ("VERB", "AUX"):
            source = speech_source(token, subjects.usable)
        else:
            continue
        speaker = subjects.speaker(source)
        if speaker is not None:
            analysis.cue_speakers[token.i] = (token.text, speaker)
    return speakers


def credit_line_name(dash: Token) -> Token | None:
    """The name a credit line ends its paragraph with, after a quote or alone on its line
    ('"..." ― Lena Ortiz'): the head of the proper nouns after the dash."""
    doc = dash.doc
    before = doc[dash.i - 1] if dash.i > 0 else None
    if before is not None and not before.is_quote:
        return None
    rest = [t for t in doc[dash.i + 1 :] if not t.is_punct]
    if not rest or any(t.pos_ != "PROPN" for t in rest):
        return None
    return next((t for t in rest if not rest[0].i <= t.head.i <= rest[-1].i or t.head == t), None)


def found_claim(analysis: ParagraphAnalysis, candidate: Candidate, speaker: Speaker) -> Found:
    """A candidate in paragraph character offsets, with its speaker."""
    doc = analysis.doc
    start = doc[candidate.start].idx
    end = doc[candidate.end - 1].idx + len(doc[candidate.end - 1].text)
    return Found(
        start, end, candidate.kind, candidate.cue_text, candidate.cue.idx, speaker, candidate.weight
    )


def root_subject(
    sentence: Span, analysis: ParagraphAnalysis, builder: SpeakerBuilder, mentions: list[Speaker]
) -> Speaker | None:
    """The entity that is the subject of the sentence's main verb, if it names one."""
    # "Wren ... remains employed": the parser may hang the subject on an auxiliary.
    heads = [sentence.root, *(c for c in sentence.root.children if c.dep_ in ("aux", "auxpass"))]
    subjects = (c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass"))
    subject = next(subjects, None)
    if (
        subject is None
        or analysis.in_quote(subject)
        or subject.pos_ not in ("PROPN", "NOUN", "PRON")
    ):
        return None
    speaker = builder.build(subject, mentions)
    if speaker is None or not (speaker.name or speaker.title):
        return None
    return speaker if names_entity(subject) or speaker.side is not None else None


def names_entity(subject: Token) -> bool:
    """A pronoun or a phrase named by its own words: "Subsidised bus mileage in England" is a
    quantity, not England, so it is no referent for a later "she"."""
    if subject.pos_ == "PRON":
        return True
    places = {t.i for c in subject.children if c.dep_ == "prep" for t in c.subtree}
    return any(t.pos_ == "PROPN" and t.i not in places for t in subject.subtree)
