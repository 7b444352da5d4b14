"""A stance verb whose only object is a bare demonstrative ("denied that") points back at
words already reported: no claim of its own; what follows "saying" still is one."""

from tests.extraction.registries import registry

SIDES = registry(("Marlow Water", ("the utility",)))


def test_denied_that_is_no_claim_but_the_reason_given_is(extract):
    text = "Marlow Water denied that, saying the pipe had burst because of the frost."
    texts = [c["text"] for c in extract(text, sides=SIDES).claims]
    assert texts == ["the pipe had burst because of the frost"], texts


def test_denied_with_a_real_object_is_still_a_claim(extract):
    text = "Marlow Water denied any wrongdoing over the burst pipe."
    claims = extract(text, sides=SIDES).claims
    assert [c["side_name"] for c in claims] == ["Marlow Water"], claims
