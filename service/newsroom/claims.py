"""Claim writes that reach their article and side: references, evidence and counters."""

from bson import ObjectId

from service.claims.repository import SPEAKER_DEFAULT, check_spans
from service.errors import Conflict, InvalidReference
from service.extraction.types import EvidenceVia, SideEvidence
from service.newsroom.desk import speaker_id
from service.newsroom.speakers import SpeakerDesk, any_one_word


class ClaimDesk(SpeakerDesk):
    """Creates, changes and deletes claims, keeping their article and side in step."""

    def _side_name(self, side_id: ObjectId | None) -> str | None:
        """The name of the side ``side_id`` (None for no side); InvalidReference if unknown."""
        if side_id is None:
            return None
        name = self.sides.names([side_id]).get(side_id)
        if name is None:
            raise InvalidReference("side_id", f"No side with id {side_id}")
        return name

    def create(self, data: dict, actor: str | None) -> dict:
        """Insert a manual claim into an existing article."""
        article = self.articles.find(data["article_id"])
        if article is None:
            raise InvalidReference("article_id", f"No article with id {data['article_id']}")
        side_name = self._side_name(data.get("side_id"))
        check_spans(data, article["body"])
        fields = {k: v for k, v in data.items() if k != "article_id"}
        fields["side_evidence"] = _evidence("manual", side_name)
        doc = self.claims.new_document(fields, article, "manual", actor)
        mention = [{"speaker": doc["speaker"]}]
        speakers = any_one_word([doc["speaker"]])  # only a one-word name needs the others
        with self.claims.statement_lock():
            # Before the speaker is resolved: a 409 changes nothing.
            named = self._refuse_same_statement(doc, speakers)
            [resolved] = self.resolve_speakers(article, mention, actor, context=named)
            doc["speaker"] = resolved["speaker"]
            gone = self.store_claims([doc])
        if article["_id"] in gone:
            # The article was deleted while we wrote: do not leave the claim behind.
            self.claims.remove(doc["_id"])
            raise InvalidReference("article_id", f"No article with id {data['article_id']}")
        return doc

    def _refuse_same_statement(self, doc: dict, speakers: bool) -> list[dict]:
        """Conflict when the article already has this statement; else the speakers its
        claims name (read only when ``speakers``: a one-word name may shorten one)."""
        if doc.get("span") is None and not speakers:
            # Nothing to match by span, no speakers wanted: one look-up by the words.
            same, named = self.claims.same_words(doc), []
        else:
            # The article's claims, read once: for the duplicate check and the speakers.
            others = self.claims.statement_context(doc["article_id"], speakers)
            same = self.claims.same_statement(doc, others)
            named = [o["speaker"] for o in others if (o.get("speaker") or {}).get("name")]
        if same is not None:
            raise Conflict("The article already has this statement", same["_id"])
        return named

    def update(self, claim: dict, changes: dict, actor: str | None) -> dict:
        """Merge-patch a claim read at its current version."""
        changes = dict(changes)
        if "side_id" in changes:
            side_name = self._side_name(changes["side_id"])
            if changes["side_id"] != claim["side_id"]:
                changes["side_evidence"] = _evidence("review", side_name)
        if "speaker" in changes:
            changes["speaker"] = self._speaker_of(claim, changes["speaker"], actor)
        body = ""
        if self.claims.needs_body(changes):
            body = self.articles.body(claim["article_id"]) or ""
        doc = self.claims.update(claim, changes, actor, body)
        if doc["side_id"] != claim["side_id"] or speaker_id(doc) != speaker_id(claim):
            self.detach_vanished_sides([doc])
            self.refresh_counters(
                {claim["article_id"]},
                {claim["side_id"], doc["side_id"]},
                {speaker_id(claim), speaker_id(doc)},
            )
        self.record_review(claim, doc, changes, actor)
        return doc

    def _speaker_of(self, claim: dict, given: dict | None, actor) -> dict:
        """The claim's speaker after a patch, resolved again to a speaker id."""
        speaker = {**claim["speaker"], **(given or SPEAKER_DEFAULT)}
        speaker["type"] = speaker["type"] or "unknown"
        article = self.articles.find(claim["article_id"]) or {"_id": claim["article_id"]}
        [resolved] = self.resolve_speakers(article, [{"speaker": speaker}], actor)
        return resolved["speaker"]

    def delete(self, claim: dict) -> None:
        """Delete one claim and update its counters."""
        self.claims.delete(claim)
        self.claim_deleted(claim)

    def balance(self, article_id: ObjectId) -> dict:
        """Share of voice per side in an article (NotFound without the article)."""
        self.articles.get(article_id)
        return self.claims.balance(article_id, self.sides.names)

    def delete_side(self, side: dict, force: bool = False) -> None:
        """Delete a side; its claims make it a conflict unless ``force`` detaches them."""
        used = self.claims.count_for_side(side["_id"])
        if used and not force:
            raise Conflict(
                f"{used} claim(s) are attributed to side {side['name']!r}; "
                "delete with ?force=true to make them unattributed"
            )
        self.detach_side(side["_id"])
        # Not at a version: its claims are already detached (If-Match was checked on read).
        self.sides.remove(side["_id"])
        # A claim attributed while we deleted would point at nothing: sweep again.
        self.detach_side(side["_id"])

    def delete_article(self, article: dict) -> None:
        """Delete an article and its claims, never leaving a claim without its article."""
        speaker_ids = self.claims.speakers_of_article(article["_id"])
        side_ids = self.claims.delete_for_article(article["_id"])
        # Not at a version: with the claims gone, the article must go too (If-Match was
        # checked when it was read).
        self.articles.remove(article["_id"])
        # A claim created while we deleted would point at nothing: sweep again.
        speaker_ids |= self.claims.speakers_of_article(article["_id"])
        side_ids |= self.claims.delete_for_article(article["_id"])
        self.refresh_counters(set(), side_ids, speaker_ids)


def _evidence(via: EvidenceVia, side_name: str | None) -> SideEvidence | None:
    """Evidence for a side an editor chose: the side's name, found at no span."""
    return None if side_name is None else {"via": via, "text": side_name, "span": None}
