"""One paragraph's sentence-by-sentence pass: mentions, cues and rule candidates."""

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from service.extraction.discourse import Discourse, Speaker
from service.extraction.quotes import Quote, find_quotes
from service.extraction.reported import (
    Candidate,
    according_to_claims,
    speech_source,
    stance_noun_claims,
    verb_claims,
)
from service.extraction.sides import SideResolver
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

    def in_quote(self, token: Token) -> bool:
        """Whether a token lies inside quotation marks."""
        return any(q.contains(token.idx) for q in self.quotes)


def analyse(doc: Doc, base: int, resolver: SideResolver, discourse: Discourse) -> ParagraphAnalysis:
    """Run the rules over a parsed paragraph, updating the discourse as sentences go by."""
    analysis = ParagraphAnalysis(doc, base, find_quotes(doc.text))
    builder = SpeakerBuilder(resolver, discourse, base)
    for sentence in doc.sents:
        mentions = sentence_mentions(sentence, analysis, builder)
        speakers = resolve_cues(sentence, analysis, builder, mentions)
        for mention in mentions:
            discourse.mention(mention)
        subject = speakers[0] if speakers else root_subject(sentence, mentions, base)
        if subject is not None:
            discourse.last_subject = subject
    return analysis


def sentence_mentions(
    sentence: Span, analysis: ParagraphAnalysis, builder: SpeakerBuilder
) -> list[Speaker]:
    """Named entities mentioned outside quotes, in order."""
    mentions: list[Speaker] = []
    for token in sentence:
        if token.pos_ != "PROPN" or token.dep_ in ("compound", "appos", "poss"):
            continue
        if analysis.in_quote(token) and token.dep_ != "pobj":
            continue
        speaker = builder.build(token, mentions)
        if speaker is not None and speaker.name:
            mentions.append(speaker)
    return mentions


def candidates(sentence: Span, analysis: ParagraphAnalysis) -> list[Candidate]:
    """Rule candidates whose cue lies outside quotes."""
    found = [c for t in sentence if not analysis.in_quote(t) for c in verb_claims(t)]
    found += according_to_claims(sentence) + stance_noun_claims(sentence)
    return [c for c in found if not analysis.in_quote(c.cue)]


def resolve_cues(
    sentence: Span, analysis: ParagraphAnalysis, builder: SpeakerBuilder, mentions: list[Speaker]
) -> list[Speaker]:
    """Resolve the speakers of candidates and quote cues; return them in order."""
    cache: dict[int, Speaker | None] = {}

    def speaker_at(subject: Token | None) -> Speaker | None:
        if subject is None or analysis.in_quote(subject):
            return None
        if subject.i not in cache:
            start = analysis.base + subject.idx
            nearby = [m for m in mentions if (m.start or 0) < start]
            cache[subject.i] = builder.build(subject, nearby)
        return cache[subject.i]

    speakers = []
    for candidate in candidates(sentence, analysis):
        speaker = speaker_at(candidate.subject)
        if speaker is None or not (speaker.name or speaker.title):
            continue
        doc = analysis.doc
        start, end = doc[candidate.start].idx, doc[candidate.end - 1].idx
        end += len(doc[candidate.end - 1].text)
        analysis.found.append(Found(start, end, candidate.kind, candidate.cue_text,
                                    candidate.cue.idx, speaker, candidate.weight))
        speakers.append(speaker)
    for token in sentence:
        if analysis.in_quote(token) or token.pos_ not in ("VERB", "AUX"):
            continue
        speaker = speaker_at(speech_source(token))
        if speaker is not None and (speaker.name or speaker.title):
            analysis.cue_speakers[token.i] = (token.text, speaker)
    return speakers


def root_subject(sentence: Span, mentions: list[Speaker], base: int) -> Speaker | None:
    """The named subject of the sentence's main verb, if it is a mention."""
    subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    left = base + subject.left_edge.idx
    right = base + subject.right_edge.idx + len(subject.right_edge.text)
    return next((m for m in mentions if m.start is not None and left <= m.start < right), None)
