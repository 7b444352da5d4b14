"""A manual claim for a statement the article already has is a 409 naming the existing claim."""

import threading

import pytest

API = "/api/v1"
JANE = {"name": "Jane Doe", "type": "person"}


def test_the_same_span_is_a_409(client, make_article, make_claim, problem, db):
    article = make_article()
    first = make_claim(article, text="This budget is a fantasy", speaker=JANE)
    again = client.post(
        f"{API}/claims",
        json={"article_id": article["id"], "text": "This budget is a fantasy", "kind": "direct"},
    )
    assert problem(again, 409)["existing_id"] == first["id"]
    assert db.claims.count_documents({}) == 1


def test_the_same_text_and_speaker_is_a_409(client, make_article, make_claim, problem):
    article = make_article()
    first = make_claim(article, text="taxes will fall next year", speaker=JANE, span=None)
    body = {
        "article_id": article["id"],
        "text": "taxes will fall next year",
        "kind": "direct",
        "speaker": JANE,
    }
    assert problem(client.post(f"{API}/claims", json=body), 409)["existing_id"] == first["id"]


def test_another_statement_is_welcome(client, make_article, make_claim):
    article = make_article()
    make_claim(article, text="taxes will fall next year")
    other = {"article_id": article["id"], "text": "talks would resume", "kind": "indirect"}
    assert client.post(f"{API}/claims", json=other).status_code == 201
    elsewhere = {
        "article_id": make_article()["id"],
        "text": "taxes will fall next year",
        "kind": "indirect",
    }
    assert client.post(f"{API}/claims", json=elsewhere).status_code == 201


def test_a_manual_copy_of_an_extracted_claim_is_a_409(extracting_client, problem):
    client = extracting_client
    body = 'Freedonia said "we will talk".'
    article = client.post(f"{API}/articles", json={"title": "T", "body": body}).get_json()
    extracted = client.get(f"{API}/articles/{article['id']}/claims").get_json()["items"][0]
    copy = {"article_id": article["id"], "text": "we will talk", "kind": "direct"}
    assert problem(client.post(f"{API}/claims", json=copy), 409)["existing_id"] == extracted["id"]


def post_racing_copies(app, body, copies=8):
    """POST the same claim from `copies` threads released together; (status, body) each."""
    barrier = threading.Barrier(copies)
    answers: list = []

    def post():
        client = app.test_client()
        barrier.wait()
        response = client.post(f"{API}/claims", json=body)
        answers.append((response.status_code, response.get_json()))

    threads = [threading.Thread(target=post) for _ in range(copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return answers


def test_racing_copies_make_one_claim(app, make_article, db):
    article = make_article()
    body = {"article_id": article["id"], "text": "taxes will fall next year", "kind": "indirect"}
    answers = post_racing_copies(app, body)
    created = [a for status, a in answers if status == 201]
    assert len(created) == 1 and db.claims.count_documents({}) == 1
    assert {a["existing_id"] for status, a in answers if status == 409} == {created[0]["id"]}


OFF_THE_PAGE = "the deficit doubled"  # not in the body: a claim of it has no span


@pytest.mark.parametrize("speaker", [None, JANE, {"name": "Jane", "type": "person"}])
def test_the_same_words_without_a_span_are_a_409(client, make_article, problem, db, speaker):
    article = make_article()
    body = {"article_id": article["id"], "text": OFF_THE_PAGE, "kind": "indirect"}
    body |= {"speaker": speaker} if speaker else {}
    first = client.post(f"{API}/claims", json=body)
    assert first.status_code == 201 and first.get_json()["span"] is None
    versions = db.articles.find_one({}, {"version": 1, "claim_count": 1})
    assert (
        problem(client.post(f"{API}/claims", json=body), 409)["existing_id"]
        == first.get_json()["id"]
    )
    assert db.claims.count_documents({}) == 1
    assert db.articles.find_one({}, {"version": 1, "claim_count": 1}) == versions


def test_the_same_words_by_another_speaker_are_welcome(client, make_article, db):
    article = make_article()
    body = {"article_id": article["id"], "text": OFF_THE_PAGE, "kind": "indirect"}
    speakers = [None, JANE, {"name": "John Roe", "type": "person"}]
    for speaker in speakers:
        answer = client.post(f"{API}/claims", json=body | ({"speaker": speaker} if speaker else {}))
        assert answer.status_code == 201, answer.get_json()
    other = make_article()
    assert client.post(f"{API}/claims", json=body | {"article_id": other["id"]}).status_code == 201
    assert db.claims.count_documents({"text": OFF_THE_PAGE}) == 4


def test_racing_copies_without_a_span_make_one_claim(app, make_article, db):
    article = make_article()
    body = {"article_id": article["id"], "text": OFF_THE_PAGE, "kind": "indirect"}
    answers = post_racing_copies(app, body)
    created = [a for status, a in answers if status == 201]
    assert len(created) == 1 and db.claims.count_documents({}) == 1
    assert {a["existing_id"] for status, a in answers if status == 409} == {created[0]["id"]}
    assert db.articles.find_one({}, {"claim_count": 1})["claim_count"] == 1
