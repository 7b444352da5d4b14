"""Odd inputs never break the extractor or its invariants."""

import random

import pytest

SAMPLES = [
    "",
    "\n\n\n",
    "“",
    "” said he.",
    '"""',
    "He said.",
    "According to, said that “ ” \u2018 \u2019 — : ;",
    "Said said said said said said.",
    "ÄÖÜ — «Das ist gut», sagte er. 他说\uff1a“很好。”",
    "A" * 5000,
    "He said that " + "the very long clause and " * 300 + "it ended.",
    "“Unclosed quote runs on and on,” said Ann Lee. “And never closes",
    "OSLO —",
    "(Photo: A / B)",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_odd_inputs(extract, text):
    result = extract(text)
    for claim in result.claims:
        assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]


def test_random_shuffles_of_real_sentences(extract):
    words = [
        *("“", "”", "the", "union", "said", "that", "he", "she", "they", "accused", "urged"),
        *("according", "to", ",", ".", ":", "Eriksen", "Russia", "Kremlin", "White", "House"),
        *("spokesman", "of", "denied", "question", "complaints", "among", "are"),
    ]
    generator = random.Random(7)
    for _ in range(60):
        text = " ".join(generator.choice(words) for _ in range(generator.randint(1, 40)))
        for claim in extract(text).claims:
            assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]
            assert 0 <= claim["confidence"] <= 1
