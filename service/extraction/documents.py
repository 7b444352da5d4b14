"""Documents an article has attributed to a sender, so that "the letter" later speaks for it."""

from spacy.tokens import Span, Token

from service.extraction.discourse import Speaker
from service.extraction.lexicon import DOCUMENT_NOUNS
from service.extraction.pipeline import lemma

# "in a letter", "through a statement": the document a sender acted or spoke in.
CARRIER_PREPOSITIONS = ("in", "through", "via")
BACK_REFERRING = ("the", "that", "this")


class Documents:
    """The sender of each kind of document met so far in one article."""

    def __init__(self) -> None:
        self.senders: dict[str, Speaker] = {}

    def note(self, sentence: Span, sender: Speaker | None) -> None:
        """Record the sender of the documents a sentence's subject acts in ("The fund set out
        the decision in a letter", "In a communiqué, the ministry said ...")."""
        if sender is None or not sender.explicit or not (sender.name or sender.title):
            return
        for token in sentence:
            if carried_document(token):
                self.senders[lemma(token)] = sender

    def sender(self, head: Token) -> Speaker | None:
        """The sender of a document referred back to ("the letter", "The same communiqué")."""
        if lemma(head) not in DOCUMENT_NOUNS or any(c.dep_ == "poss" for c in head.children):
            return None
        if not any(c.dep_ == "det" and c.lower_ in BACK_REFERRING for c in head.children):
            return None
        return self.senders.get(lemma(head))


def carried_document(token: Token) -> bool:
    """A document noun introduced as the medium of a verb: "(said) in a letter", also when the
    parser hangs it on the verb's object ("set out the decision in a letter")."""
    if lemma(token) not in DOCUMENT_NOUNS or token.dep_ != "pobj":
        return False
    preposition = token.head
    carrier = preposition.head
    return preposition.lower_ in CARRIER_PREPOSITIONS and (
        carrier.pos_ in ("VERB", "AUX") or carrier.dep_ == "dobj"
    )
