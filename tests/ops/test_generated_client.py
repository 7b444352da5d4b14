"""A client generated with openapi-python-client from the live document runs the README walk.

The generator runs offline in a temporary directory (any attempt to reach the network
goes to a closed local port and fails); the client then talks to the app through WSGI.
"""

import importlib
import io
import json
import os
import shutil
import subprocess
import sys

import httpx
import pytest

from service.app import create_app
from service.extraction import Extractor
from tests.conftest import BASE_CONFIG
from tests.formats.ninjs_documents import NINJS_2
from tests.formats.test_html import FULL_HEAD, page

PACKAGE = "claimdesk_client"
BASE = "http://claimdesk.test"
GENERATOR = [sys.executable, "-m", "openapi_python_client"]
ARTICLE_BODY = (
    "“Our members are landing aircraft at the end of fourteen-hour duty days,” said Tor "
    "Eriksen, president of the Nordic Cockpit Union.\n\n"
    "The airline said that its rosters comply in full with European rules."
)


@pytest.fixture(scope="module")
def walk_app(mongo_client):
    """An app with the real extractor, as `make run` serves it (auth off, no seeds)."""
    app = create_app(
        {**BASE_CONFIG, "EXTRACTION_ENABLED": True, "MONGO_DB": "claimdesk_generated_client"},
        mongo_client=mongo_client,
        extractor=Extractor(),
    )
    yield app
    mongo_client.drop_database("claimdesk_generated_client")


@pytest.fixture(scope="module")
def generated(walk_app, tmp_path_factory):
    """The package openapi-python-client generates from the live document, imported."""
    workdir = tmp_path_factory.mktemp("generated")
    document = walk_app.test_client().get("/api/v1/openapi.json").get_json()
    (workdir / "openapi.json").write_text(json.dumps(document), "utf-8")
    # openapi-python-client sends and reads bodies it has no type for (an HTML page, the
    # bulk import's NDJSON lines in and out, an SVG chart) as raw bytes.
    config = (
        "post_hooks: []\ncontent_type_overrides:\n  text/html: application/octet-stream\n"
        "  application/x-ndjson: application/octet-stream\n"
        "  image/svg+xml: application/octet-stream\n"
    )
    (workdir / "config.yaml").write_text(config)
    closed = "http://127.0.0.1:9"  # nothing listens there: a download would fail loudly
    env = {**os.environ, "HTTP_PROXY": closed, "HTTPS_PROXY": closed, "NO_PROXY": ""}
    command = ["generate", "--path", "openapi.json", "--meta", "none", "--config", "config.yaml"]
    run = subprocess.run(
        [*GENERATOR, *command, "--output-path", PACKAGE],
        check=False,
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Warning" not in run.stdout + run.stderr, run.stdout + run.stderr
    sys.path.insert(0, str(workdir))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(workdir))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def api(generated, walk_app):
    """A generated client talking to the app through WSGI."""
    transport = httpx.WSGITransport(app=walk_app)
    return generated.Client(base_url=BASE, httpx_args={"transport": transport})


def module(generated, name: str):
    """One generated operation module (`sides.create_side`)."""
    return importlib.import_module(f"{PACKAGE}.api.{name}")


def test_modules_are_named_after_operation_ids(generated):
    for name in ("claims.list_claims", "articles.create_article", "sides.create_side"):
        assert module(generated, name)


def test_enums_are_single_classes(generated):
    models = importlib.import_module(f"{PACKAGE}.models")
    assert {m.value for m in models.ClaimKind} == {"direct", "indirect", "position"}
    assert not [n for n in dir(models) if n.endswith("KindItem") or "Type0" in n]


def test_the_readme_walk_through(generated, api):
    models = importlib.import_module(f"{PACKAGE}.models")
    create_side = module(generated, "sides.create_side")
    list_sides = module(generated, "sides.list_sides")
    create_article = module(generated, "articles.create_article")
    list_article_claims = module(generated, "claims.list_article_claims")
    create_claim = module(generated, "claims.create_claim")
    list_claims = module(generated, "claims.list_claims")
    get_claim = module(generated, "claims.get_claim")
    update_claim = module(generated, "claims.update_claim")
    balance = module(generated, "articles.get_article_balance")
    preview = module(generated, "claims.preview_extraction")

    # 1. A side, found again by its alias.
    side = create_side.sync(
        client=api, body=models.SideCreate(name="Nordic Cockpit Union", aliases=["union"])
    )
    assert isinstance(side, models.Side), side
    found = list_sides.sync(client=api, alias=["union"])
    assert [s.id for s in found.items] == [side.id]

    # 2. An article: its claims are extracted at once.
    created = create_article.sync_detailed(
        client=api,
        body=models.ArticleCreate(
            title="Pilots warn of fatigue",
            body=ARTICLE_BODY,
            source="Nordlys",
        ),
    )
    assert created.status_code == 201, created.content
    assert created.headers["Location"].endswith(created.parsed.id)
    article = created.parsed
    extracted = list_article_claims.sync(article.id, client=api)
    assert extracted.total >= 1
    assert all(isinstance(c.kind, models.ClaimKind) for c in extracted.items)

    # 3. A manual claim. Extraction already found the airline's statement, so that one is a
    #    409 problem naming the stored claim (API.md "Duplicates"); a new statement is stored.
    airline = models.ClaimSpeakerInput(name="The airline", type_=models.SpeakerType.ORGANIZATION)
    duplicate = create_claim.sync(
        client=api,
        body=models.ClaimCreate(
            article_id=article.id,
            text="its rosters comply in full with European rules",
            kind=models.ClaimKind.INDIRECT,
            speaker=airline,
        ),
    )
    assert isinstance(duplicate, models.Problem) and duplicate.status == 409, duplicate
    existing = get_claim.sync(duplicate.existing_id, client=api)
    assert isinstance(existing, models.Claim), existing
    assert existing.text == "its rosters comply in full with European rules"
    manual = create_claim.sync(
        client=api,
        body=models.ClaimCreate(
            article_id=article.id,
            text="rosters are planned with the union",
            kind=models.ClaimKind.INDIRECT,
            speaker=airline,
        ),
    )
    assert isinstance(manual, models.Claim), manual
    assert manual.origin == models.ClaimOrigin.MANUAL

    # 4. Claims by side slug, then the unattributed ones.
    by_side = list_claims.sync(client=api, side=["nordic-cockpit-union"])
    assert all(c.side_id == side.id for c in by_side.items)
    unattributed = list_claims.sync(client=api, side=["none"], article_id=[article.id])
    assert manual.id in [c.id for c in unattributed.items]

    # 5. A conditional change with the ETag read; the old ETag again is a 412 problem.
    etag = get_claim.sync_detailed(manual.id, client=api).headers["ETag"]
    review = models.ReviewInput(status=models.ReviewStatus.CONFIRMED, note="checked")
    changed = update_claim.sync_detailed(
        manual.id, client=api, body=models.ClaimUpdate(review=review), if_match=etag
    )
    assert changed.status_code == 200
    assert changed.parsed.review.status == models.ReviewStatus.CONFIRMED
    stale = update_claim.sync_detailed(
        manual.id, client=api, body=models.ClaimUpdate(tags=["late"]), if_match=etag
    )
    assert stale.status_code == 412
    assert isinstance(stale.parsed, models.Problem)
    assert stale.parsed.status == 412

    # Share of voice, and a preview that stores nothing.
    shares = balance.sync(article.id, client=api)
    assert shares.total_claims == extracted.total + 1
    previewed = preview.sync(
        client=api,
        body=models.Preview(text="The Kremlin said that the talks would resume in June."),
    )
    assert previewed.claims and previewed.claims[0].kind == models.ClaimKind.INDIRECT


def test_the_formats_walk_through(generated, api):
    models = importlib.import_module(f"{PACKAGE}.models")
    types = importlib.import_module(f"{PACKAGE}.types")
    create_article = module(generated, "articles.create_article")
    create_claim = module(generated, "claims.create_claim")
    update_claim = module(generated, "claims.update_claim")

    # An article in ninjs, and one as a whole HTML page.
    ninjs = create_article.sync(client=api, body=models.NinjsDocument.from_dict(NINJS_2))
    assert isinstance(ninjs, models.Article), ninjs
    assert ninjs.language == "nb-NO" and ninjs.source_document.uri == NINJS_2["uri"]
    html = types.File(payload=io.BytesIO(page(FULL_HEAD).encode()), mime_type="text/html")
    from_page = create_article.sync(client=api, body=html)
    assert isinstance(from_page, models.Article), from_page
    assert from_page.url == "https://nordlys.example/2024/09/12/pilots"

    # A verdict on a claim, then the claim as ClaimReview JSON-LD and the list as CSV.
    claim = create_claim.sync(
        client=api,
        body=models.ClaimCreate(
            article_id=from_page.id, text="landing aircraft", kind=models.ClaimKind.DIRECT
        ),
    )
    verdict = models.RatingInput(value=2, label="Mostly false")
    review = models.ReviewInput(rating=verdict)
    rated = update_claim.sync(claim.id, client=api, body=models.ClaimUpdate(review=review))
    assert rated.review.rating.label == "Mostly false"
    http = api.get_httpx_client()
    document = http.get(f"/api/v1/claims/{claim.id}", headers={"Accept": "application/ld+json"})
    assert document.json()["@type"] == "ClaimReview"
    exported = http.get("/api/v1/claims", headers={"Accept": "text/csv"}).text
    assert f"{claim.id},{from_page.id},Pilots warn of fatigue" in exported
    refused = http.get("/api/v1/sides", headers={"Accept": "text/csv"})
    assert refused.status_code == 406
