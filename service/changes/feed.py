"""Reading the change records in order, up to the horizon (the first pending record)."""

from collections.abc import Callable, Iterable

from service.changes.repository import COMMITTED, PENDING, VOID, ChangeRepository
from service.clock import utcnow
from service.errors import Gone, InvalidReference

# (resource, id) -> the document as stored now (at least version and change_seq), or None.
Lookup = Callable[[str, object], dict | None]
MAX_BATCH = 1000


class ChangeFeed:
    """Committed changes in sequence order; pending records of dead writers get settled."""

    def __init__(self, changes: ChangeRepository, lookup: Lookup, pending_timeout: float = 60.0):
        self.changes = changes
        self.lookup = lookup
        self.pending_timeout = pending_timeout

    def start(self) -> int:
        """The position before the oldest retained change."""
        oldest = self.changes.oldest()
        return 0 if oldest is None else oldest - 1

    def check_position(self, after: int) -> None:
        """410 when ``after`` is older than the retention; 422 when it is beyond the feed."""
        if after and self.changes.exists(after):
            return
        oldest = self.changes.oldest()
        if after > 0 and (oldest is None or after > oldest):
            raise InvalidReference("after", "This cursor is ahead of the feed; it is not ours")
        if oldest is not None and after < oldest - 1:
            raise Gone(
                "This cursor is older than the change retention; resync from a full list "
                "(GET the lists with updated_after) and follow the feed again"
            )

    def read(
        self, after: int, limit: int, resources: Iterable[str] | None = None, scan_limit=None
    ) -> tuple[list[dict], int]:
        """Up to ``limit`` committed changes after ``after``, and the position to go on from.

        Stops before the first record still pending (or not yet visible): a write that
        reserved an earlier number is never overtaken. At most ``scan_limit`` records are
        walked, so a narrow ``resources`` filter still makes progress in bounded time.
        """
        self.check_position(after)
        wanted = set(resources or ())
        scan_limit = scan_limit or max(limit * 10, MAX_BATCH)
        items: list[dict] = []
        position, walked = after, 0
        while len(items) < limit and walked < scan_limit:
            batch = self.changes.scan(position, min(limit - len(items) + 50, MAX_BATCH))
            for found in batch:
                if found["_id"] != position + 1:
                    return items, position  # a number not visible yet: the horizon
                record = self._settled(found)
                if record["state"] == PENDING:
                    return items, position
                position, walked = record["_id"], walked + 1
                if record["state"] == COMMITTED and (not wanted or record["resource"] in wanted):
                    items.append(record)
                if len(items) == limit or walked >= scan_limit:
                    return items, position
            if not batch:
                break
        return items, position

    def _settled(self, record: dict) -> dict:
        """The record, settled from the document's state if its writer is long gone."""
        if record["state"] != PENDING:
            return record
        age = (utcnow() - record["reserved_at"]).total_seconds()
        if age < self.pending_timeout:
            return record
        self.changes.resolve(record["_id"], self.verdict(record))
        return self.changes.get(record["_id"]) or {**record, "state": VOID}

    def verdict(self, record: dict) -> str:
        """Whether a stale pending record's write happened, judged from the document."""
        doc = self.lookup(record["resource"], record["doc_id"])
        if record["op"] == "delete":
            if doc is not None:
                return VOID
            return VOID if self.changes.others_for_version(record) else COMMITTED
        if doc is None or doc.get("version", 0) < record["version"]:
            return VOID
        if doc.get("change_seq") == record["_id"]:
            return COMMITTED
        return VOID if self.changes.others_for_version(record) else COMMITTED
