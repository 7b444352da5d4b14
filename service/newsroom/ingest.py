"""Articles in, claims out: runs the extractor and stores what it finds, one body at a time.

Every extraction run gets a token, written into the article together with the body it read
(status ``pending``). Its claims are written only while that token is still the article's
latest, and only under the article's claims lease, so two runs never interleave their writes
and a run for a body that has since changed is discarded (the newer run owns the claims). A
process that dies in between leaves ``pending``: ``resume_pending`` settles it on the next
start. Re-extraction keeps claim ids: see ``service/newsroom/reconcile.py``.
"""

import logging
import time
from dataclasses import dataclass, field

from bson import ObjectId
from pymongo.errors import PyMongoError

from service.clock import utcnow
from service.errors import Conflict, DomainError, ExtractionBusy, NotFound, VersionMismatch
from service.extraction.types import ClaimExtractor, ExtractedClaim, NewSide
from service.newsroom import reconcile
from service.newsroom.desk import speaker_id
from service.newsroom.speakers import SpeakerDesk

log = logging.getLogger(__name__)
# What of an extracted claim is stored; side_id and side_name are resolved first.
CLAIM_FIELDS = ("text", *reconcile.EXTRACTED_FIELDS)
ATTEMPTS = 3  # runs of POST /extract on a body that keeps changing; CAS retries of a claim
HOLD_POLL_SECONDS = 0.02
INTERRUPTED = "interrupted: the process stopped before the claims were stored; extract again"


@dataclass
class Run:
    """One extraction of one body: what was found, or why nothing was."""

    status: str  # done | failed | skipped
    extractor: str | None = None
    claims: list[ExtractedClaim] = field(default_factory=list)
    new_sides: list[NewSide] = field(default_factory=list)
    error: str | None = None
    extracted_at: object = None

    def record(self, token: ObjectId | None = None, pending: bool = False) -> dict:
        """The article's extraction record for this run (or for it under way)."""
        return {
            "status": "pending" if pending else self.status,
            "extractor": self.extractor,
            "extracted_at": None if pending else self.extracted_at,
            "error": None if pending else self.error,
            "token": token,
        }


class Ingest(SpeakerDesk):
    """Creates, changes and re-extracts articles, keeping their extracted claims in step."""

    def __init__(
        self,
        db,
        extractor: ClaimExtractor | None = None,
        auto_sides: bool = True,
        lease_seconds: float = 30.0,
    ):
        super().__init__(db)
        self.extractor = extractor
        self.auto_sides = auto_sides
        self.lease_seconds = lease_seconds

    def extract_many(self, texts: list[str]) -> list[Run]:
        """Extract several texts in one batch when the extractor can (each on its own if the
        batch fails, so one bad text fails alone)."""
        many = getattr(self.extractor, "extract_many", None)
        if self.extractor is None or many is None or len(texts) < 2:
            return [self._extract(text) for text in texts]
        name = f"{self.extractor.name}/{self.extractor.version}"
        try:
            results = many(texts, sides=self.sides.registry(), auto_sides=self.auto_sides)
        except (PyMongoError, DomainError):
            raise
        except Exception:
            log.exception("batched extraction failed; extracting one by one")
            return [self._extract(text) for text in texts]
        now = utcnow()
        return [Run("done", name, r.claims, r.new_sides, extracted_at=now) for r in results]

    def _extract(self, text: str) -> Run:
        """Run the extractor; its failure is a failed run, a full pool or database is raised."""
        if self.extractor is None:
            return Run("skipped")
        name = f"{self.extractor.name}/{self.extractor.version}"
        try:
            result = self.extractor.extract(
                text, sides=self.sides.registry(), auto_sides=self.auto_sides
            )
        except (PyMongoError, DomainError):
            raise
        except Exception as exc:  # the extractor's failure is recorded, the article kept
            log.exception("extraction failed")
            error = f"{type(exc).__name__}: {exc}"
            return Run("failed", name, error=error, extracted_at=utcnow())
        return Run("done", name, result.claims, result.new_sides, extracted_at=utcnow())

    def _side_ids(self, run: Run, actor) -> list[dict]:
        """Create the auto sides the claims need; each claim as a dict with its ObjectId side."""
        created = {}
        for side in run.new_sides:
            try:
                doc: dict | None = self.sides.create(dict(side), actor, origin="auto")
            except Conflict:
                doc = self.sides.find_by_name(side["name"])
            if doc is not None:
                created[side["name"]] = doc["_id"]
        resolved = []
        for claim in run.claims:
            given = claim.get("side_id")
            side_id = ObjectId(given) if given else created.get(claim.get("side_name") or "")
            resolved.append({**claim, "side_id": side_id})
        return resolved

    def create_article(self, data: dict, extract: bool, actor: str | None) -> dict:
        """Store an article and, unless told not to, its extracted claims."""
        doc = self.articles.prepare(data)
        run = self._extract(doc["body"]) if extract else Run("skipped")
        return self.store_new(doc, run, actor)

    def store_new(self, doc: dict, run: Run, actor: str | None) -> dict:
        """Store a prepared article with what ``run`` found in it, through the same token and
        commit as every other run (bulk imports come in here too)."""
        token = ObjectId()
        doc["extraction"] = run.record(token, pending=run.status == "done")
        found = self._side_ids(run, actor)
        article = self.articles.insert(doc, actor)
        if run.status != "done":
            return article
        try:
            self._commit(article["_id"], token, (doc["body"], None), run, found, actor)
        except PyMongoError:
            # Not acknowledged, so not kept: the client may send it again.
            self.claims.delete_for_article(article["_id"])
            self.articles.remove(article["_id"])
            raise
        return self.articles.get(article["_id"])

    def update_article(self, article: dict, changes: dict, actor: str | None) -> dict:
        """Merge-patch an article; a new body is extracted first, then stored with its claims."""
        new_body = "body" in changes and changes["body"] != article["body"]
        run, token, found = Run("skipped"), ObjectId(), []
        if new_body:
            run = self._extract(changes["body"])
            changes = {**changes, "extraction": run.record(token, pending=True)}
            found = self._side_ids(run, actor)
        updated = self.articles.update(article, changes, actor)
        if "published_at" in changes:
            self.claims.set_published_at(updated["_id"], updated["published_at"])
            # Their speakers were first and last seen by the articles' dates.
            self.refresh_counters(set(), set(), self.claims.speakers_of_article(updated["_id"]))
        if not new_body:
            return updated
        bodies = (updated["body"], article["body"])
        self._commit(updated["_id"], token, bodies, run, found, actor)
        return self.articles.get(updated["_id"])

    def reextract(self, article: dict, actor: str | None) -> list:
        """Extract the stored body again; if the body changes meanwhile, extract that one."""
        for _ in range(ATTEMPTS):
            run, token = self._extract(article["body"]), ObjectId()
            record = run.record(token, pending=True)
            if self.articles.start_extraction(article["_id"], article["body"], record):
                found = self._side_ids(run, actor)
                self._commit(article["_id"], token, (article["body"], None), run, found, actor)
                break
            article = self.articles.get(article["_id"])
        return self.claims.for_article(article["_id"])

    def resume_pending(self) -> int:
        """Finish the extractions a stopped process left pending (mark them failed when there
        is no extractor); how many were settled here."""
        settled = 0
        for article in self.articles.pending_extractions():
            if self.extractor is None:
                run = Run("failed", error=INTERRUPTED, extracted_at=utcnow())
            else:
                run = self._extract(article["body"])
            token, stale = ObjectId(), article["extraction"].get("token")
            record = run.record(token, pending=True)
            if not self.articles.take_over_extraction(article["_id"], stale, record):
                continue  # finished, or changed, by someone else meanwhile
            found = self._side_ids(run, None)
            settled += self._commit(article["_id"], token, (article["body"], None), run, found)
        return settled

    def _commit(self, article_id, token, bodies, run: Run, found, actor=None) -> bool:
        """Bring the claims in step with ``run`` of ``bodies`` (new, old or None) while it is
        the article's latest; False when a newer run owns the article (this one is dropped)."""
        if not self._hold(article_id, token):
            return False
        try:
            article = self.articles.find(article_id)
            if article is None:
                raise NotFound(f"No article with id {article_id}")
            body, old_body = bodies
            existing = self.claims.for_article(article_id)
            if run.status == "done":
                found = self._with_speakers({**article, "body": body}, found, actor)
                plan = reconcile.plan(existing, found, body, old_body)
            else:
                plan = reconcile.relocation(existing, body, old_body)
            self._apply({**article, "body": body}, plan, actor)
            self.articles.finish_extraction(article_id, token, run.record(token))
        except Exception:
            self.articles.release_claims(article_id, token)
            raise
        self.articles.release_claims(article_id, token)
        return True

    def _with_speakers(self, article: dict, found: list[dict], actor) -> list[dict]:
        """Found claims resolved to speakers, and given their speaker's side where the text
        shows none (speaker ids stay stable: the same name resolves to the same speaker)."""
        return self.sides_from_speakers(article, self.resolve_speakers(article, found, actor))

    def _hold(self, article_id, token) -> bool:
        """Take the article's claims lease for ``token``, waiting while another run holds it;
        False when ``token`` is no longer the article's latest run."""
        deadline = time.monotonic() + self.lease_seconds + 1
        while True:
            held = self.articles.hold_claims(article_id, token, self.lease_seconds)
            if held is not False:
                return bool(held)
            if time.monotonic() > deadline:  # only if clocks disagree: the run stays pending
                raise ExtractionBusy("The article's claims are being written; try again")
            time.sleep(HOLD_POLL_SECONDS)

    def _apply(self, article: dict, plan: reconcile.Plan, actor) -> None:
        """Write a plan (deletes, updates in place, inserts), then recount what it touched."""
        sides = {c["side_id"] for c in plan.deletes}
        speakers = {speaker_id(c) for c in plan.deletes}
        self.claims.delete_replaceable([c["_id"] for c in plan.deletes])
        for claim, fields in plan.updates:
            sides |= {claim["side_id"], fields.get("side_id", claim["side_id"])}
            speakers |= {speaker_id(claim), speaker_id(fields)}
            self._update_in_place(claim, fields, actor)
        docs = [
            self.claims.new_document(
                {k: c.get(k) for k in CLAIM_FIELDS}, article, "extracted", actor
            )
            for c in plan.inserts
        ]
        self.claims.insert_many(docs)
        self.detach_vanished_sides(docs)
        sides |= {d["side_id"] for d in docs}
        speakers |= {speaker_id(d) for d in docs}
        if not self.articles.exists(article["_id"]):
            self.claims.delete_for_article(article["_id"])  # deleted meanwhile: no orphans
            self.refresh_counters(set(), set(), speakers)
            raise NotFound(f"No article with id {article['_id']}")
        self.refresh_counters({article["_id"]}, sides, speakers)

    def _update_in_place(self, claim: dict, fields: dict, actor) -> None:
        """Change a claim at its version; one edited meanwhile is read again and, if an editor
        reviewed it, only moved."""
        for _ in range(ATTEMPTS):
            try:
                self.claims.compare_and_set(claim["_id"], claim["version"], fields, actor)
                return
            except NotFound:
                return
            except VersionMismatch:
                fresh = self.claims.find(claim["_id"])
                if fresh is None:
                    return
                if not reconcile.replaceable(fresh):
                    fields = {k: v for k, v in fields.items() if k in ("span", "speaker_span")}
                claim, fields = fresh, reconcile.changed(fresh, fields)
                if not fields:
                    return

    def preview(self, text: str, published_at=None) -> dict:
        """The claims extraction would store for ``text`` and its record, storing nothing:
        known speakers are resolved and their memberships at ``published_at`` apply."""
        run = self._extract(text)
        claims = [
            {
                **claim,
                "side_id": ObjectId(claim["side_id"]) if claim.get("side_id") else None,
                "origin": "extracted",
                "review": {"status": "unreviewed"},
            }
            for claim in run.claims
        ]
        article = {"body": text, "published_at": published_at}
        claims = self.sides_from_speakers(
            article, self.resolve_speakers(article, claims, None, create=False)
        )
        return {"claims": claims, "extraction": run.record()}
