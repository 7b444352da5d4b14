"""What a change is about beyond its document: its article and sides (for webhook filters)."""

# Fields kept by the newsroom as counts of other resources, and the tickets and lease that
# keep those counts and extraction runs in order: updating only these is bookkeeping, not a
# change of the resource (no new version, nothing in the feed).
COUNTER_TICKETS = {"count_ticket", "counted_ticket"}
DERIVED_FIELDS = {
    "articles": {"claim_count", "side_ids", "claims_lease", *COUNTER_TICKETS},
    "sides": {"claim_count", *COUNTER_TICKETS},
    "claims": set(),
    "speakers": {"claim_count", "first_seen", "last_seen", *COUNTER_TICKETS},
}


def references(resource: str, doc: dict) -> dict:
    """The article and the sides a stored document belongs to."""
    if resource == "claims":
        side = doc.get("side_id")
        return {"article_id": doc.get("article_id"), "side_ids": [side] if side else []}
    if resource == "articles":
        return {"article_id": doc.get("_id"), "side_ids": list(doc.get("side_ids") or [])}
    if resource == "speakers":
        sides = list(dict.fromkeys(m["side_id"] for m in doc.get("memberships") or []))
        return {"article_id": None, "side_ids": sides}
    return {"article_id": None, "side_ids": [doc.get("_id")]}
