"""The documents behind changes: looked up in their collections, shown as the API shows them."""

from service.articles.schemas import ArticleSchema
from service.claims.schemas import ClaimSchema
from service.sides.schemas import SideSchema
from service.speakers.schemas import SpeakerSchema

SCHEMAS = {
    "articles": ArticleSchema(),
    "claims": ClaimSchema(),
    "sides": SideSchema(),
    "speakers": SpeakerSchema(),
}
VERSION_FIELDS = {"version": 1, "change_seq": 1}


class Documents:
    """Reads the current state of the documents changes name (pymongo only)."""

    def __init__(self, db):
        self.db = db

    def lookup(self, resource: str, doc_id) -> dict | None:
        """The stored document, or None once deleted."""
        return self.db[resource].find_one({"_id": doc_id})

    def many(self, resource: str, ids: list) -> dict:
        """Stored documents by id (deleted ones absent)."""
        return {doc["_id"]: doc for doc in self.db[resource].find({"_id": {"$in": ids}})}


def render(resource: str, doc: dict) -> dict:
    """A stored document as the API returns it."""
    return SCHEMAS[resource].dump(doc)
