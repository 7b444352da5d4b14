"""Attributing direct quotes: nearest cue, split quotes, colon introductions, floating quotes."""

from dataclasses import dataclass

from spacy.tokens import Token

from service.extraction.analysis import Found, ParagraphAnalysis
from service.extraction.discourse import Speaker
from service.extraction.lexicon import CREDIT_DASHES, QUESTION_CUES
from service.extraction.pipeline import lemma, text_of
from service.extraction.quotes import (
    Quote,
    inner_text_bounds,
    is_statement,
    only_a_question,
    word_count,
)
from service.extraction.sources import delivers_statement, speaking_at

SENTENCE_ENDS = frozenset(".!?")
MIN_WORDS_WITH_CUE = 3
MIN_WORDS_INHERITED = 5
INHERITED = 0.85
INTRODUCED = 0.9
FLOATING = 0.7


@dataclass
class ParagraphState:
    """What a paragraph leaves for the next one to attribute its quotes."""

    ends_with_colon: bool = False
    last_cue: tuple[str, Speaker] | None = None
    open_quote_speaker: Speaker | None = None
    last_speaker: Speaker | None = None


def merge_quotes(analysis: ParagraphAnalysis) -> tuple[list[Found], list[Quote]]:
    """Rule claims that contain a whole quote become direct; quotes they cut are left to cues."""
    kept, consumed = [], set[int]()
    for found in analysis.found:
        overlapping = [
            q for q in analysis.quotes if found.start < q.outer_end and q.outer_start < found.end
        ]
        inside = [
            q for q in overlapping if found.start <= q.inner_start and q.inner_end <= found.end
        ]
        if len(inside) != len(overlapping):
            continue
        if inside:
            found.kind = "direct"
            consumed.update(q.outer_start for q in inside)
            if len(inside) == 1 and not outside_words(text_of(analysis.doc), found, inside[0]):
                found.start, found.end = inner_text_bounds(text_of(analysis.doc), inside[0])
        kept.append(found)
    free = [q for q in analysis.quotes if q.outer_start not in consumed]
    return kept, free


def outside_words(text: str, found: Found, quote: Quote) -> bool:
    """Whether a claim has words of its own outside the quote it contains."""
    rest = text[found.start : quote.outer_start] + text[quote.outer_end : found.end]
    return any(ch.isalnum() for ch in rest)


def frame_cue(analysis: ParagraphAnalysis, quote: Quote, own: set[int]) -> tuple | None:
    """The nearest cue outside quotes in the same sentence frame: (distance, cue, speaker)."""
    doc = analysis.doc
    inside = [t.i for t in doc if quote.contains(t.idx)]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    options = []
    for index in range(last + 1, len(doc)):
        token = doc[index]
        if analysis.in_quote(token):
            break
        cue = analysis.cue_speakers.get(index)
        if cue and (index not in own or token.sent == doc[last].sent):
            options.append((index - last, *cue))
            break
        if token.text in SENTENCE_ENDS:
            break
    for index in range(first - 1, -1, -1):
        token = doc[index]
        if analysis.in_quote(token) or token.text in SENTENCE_ENDS:
            break
        cue = analysis.cue_speakers.get(index)
        if cue:
            options.append((first - index, *cue))
            break
    return min(options, key=lambda option: option[0]) if options else None


def quote_found(
    analysis: ParagraphAnalysis, quote: Quote, cue: str, speaker: Speaker, weight: float
) -> Found:
    """A direct claim for the words inside a quote."""
    start, end = inner_text_bounds(text_of(analysis.doc), quote)
    return Found(start, end, "direct", cue, quote.outer_start, speaker, weight)


def opening_source(analysis: ParagraphAnalysis | None) -> tuple[str, Speaker] | None:
    """'That was the verdict of X.' opening a paragraph: X owns the quote just before it."""
    if analysis is None or not text_of(analysis.doc).strip():
        return None
    first = next(analysis.doc.sents)
    for token in first:
        cue = analysis.cue_speakers.get(token.i)
        backward = (
            token.text in CREDIT_DASHES
            or lemma(token) in ("come", "be")
            or speaking_at(token)
            or any(c.lower_ == "so" or c.dep_ == "auxpass" for c in token.children)
            or refers_back_how(token)
        )
        if cue and backward:
            return cue
    return None


def refers_back_how(cue: Token) -> bool:
    """'That is how X describes it', 'This is how X put it': the manner clause points back
    to the quote just before."""
    return any(c.dep_ == "advmod" and c.lower_ == "how" for c in cue.children) and any(
        a.lower_ in ("that", "this") for a in cue.head.children if a.dep_ == "nsubj"
    )


def put_as_question(inner: str, cue: str) -> bool:
    """'"Will you commit to a number?" she asked': a question put to someone asks for a
    position and states none (a rhetorical one that a speaker "said" stays theirs)."""
    return only_a_question(inner) and cue.lower() in QUESTION_CUES


def attribute(
    analysis: ParagraphAnalysis,
    previous: ParagraphState,
    following: tuple[str, Speaker] | None = None,
) -> list[Found]:
    """All claims of a paragraph: merged rule claims and attributed quotes."""
    kept, free = merge_quotes(analysis)
    token_at = {t.idx: t.i for t in analysis.doc}
    own = {token_at[f.cue_at] for f in kept if f.cue_at in token_at}
    attributed: dict[int, tuple[str, Speaker, float]] = {}
    for quote in free:
        option = frame_cue(analysis, quote, own)
        if option is not None:
            attributed[quote.outer_start] = (option[1], option[2], 1.0)
    for quote in free:
        if quote.outer_start not in attributed:
            fallback = inherited_speaker(analysis, quote, free, attributed, previous, following)
            if fallback is not None:
                attributed[quote.outer_start] = fallback
    for quote in free:
        if quote.outer_start in attributed:
            cue, speaker, weight = attributed[quote.outer_start]
            inner = text_of(analysis.doc)[quote.inner_start : quote.inner_end]
            minimum = MIN_WORDS_WITH_CUE if weight == 1.0 else MIN_WORDS_INHERITED
            if is_statement(inner, minimum) and not put_as_question(inner, cue):
                kept.append(quote_found(analysis, quote, cue, speaker, weight))
    return kept


def inherited_speaker(
    analysis: ParagraphAnalysis,
    quote: Quote,
    free: list[Quote],
    attributed: dict,
    previous: ParagraphState,
    following: tuple[str, Speaker] | None,
) -> tuple | None:
    """Speaker of an uncued quote: its paragraph's other quotes, a colon, or the last speaker."""
    before = [q for q in free if q.outer_start < quote.outer_start and q.outer_start in attributed]
    after = [q for q in free if q.outer_start > quote.outer_start and q.outer_start in attributed]
    if before or after:
        cue, speaker, _ = attributed[(before[-1] if before else after[0]).outer_start]
        return cue, speaker, INHERITED
    opening = not text_of(analysis.doc)[: quote.outer_start].strip()
    if opening and previous.ends_with_colon and previous.last_cue is not None:
        return previous.last_cue[0], previous.last_cue[1], INTRODUCED
    closing = not text_of(analysis.doc)[quote.outer_end :].strip()
    if closing and following is not None:
        return following[0], following[1], INTRODUCED
    if opening and previous.open_quote_speaker is not None:
        return None, previous.open_quote_speaker, INHERITED
    narration = text_of(analysis.doc)
    for q in reversed(analysis.quotes):
        narration = narration[: q.outer_start] + narration[q.outer_end :]
    if opening and word_count(narration) <= 2 and previous.last_speaker is not None:
        return None, previous.last_speaker, FLOATING
    return None


def paragraph_state(
    analysis: ParagraphAnalysis, claims: list[Found], colon: bool
) -> ParagraphState:
    """Summarise a paragraph for the attribution of the next one."""
    cues = sorted(analysis.cue_speakers.items())
    last_cue = cues[-1][1] if cues else None
    ordered = sorted(claims, key=lambda f: f.start)
    open_speaker = None
    if analysis.quotes and not analysis.quotes[-1].closed and ordered:
        open_speaker = ordered[-1].speaker
    introduced = colon or ends_with_statement(analysis)
    last = ordered[-1].speaker if ordered else None
    return ParagraphState(introduced, last_cue, open_speaker, last)


def ends_with_statement(analysis: ParagraphAnalysis) -> bool:
    """A paragraph without quotes whose last sentence delivers a statement ("X read a
    statement to reporters") introduces the quote that opens the next one, as a colon does."""
    if analysis.quotes:
        return False
    last = list(analysis.doc.sents)[-1]
    return any(t.i in analysis.cue_speakers and delivers_statement(t) for t in last)
