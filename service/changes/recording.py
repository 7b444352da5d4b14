"""What the write paths call: reserve a change before a write, commit or void it after."""

import contextlib

from service.changes.repository import ChangeRepository


class Reservation:
    """A reserved change: ``seq`` goes on the document as ``change_seq``."""

    def __init__(self, seq: int):
        self.seq = seq
        self.written = True

    def nothing_written(self) -> None:
        """Say the write changed nothing (an empty patch, a lost compare-and-set)."""
        self.written = False


class ChangeRecorder:
    """Wraps one database write in reserve -> write -> commit (or void on failure)."""

    def __init__(self, changes: ChangeRepository):
        self.changes = changes

    @contextlib.contextmanager
    def record(self, resource: str, doc_id, op: str, version: int, refs=None):
        """Reserve before the block, commit after it; void if it raises or wrote nothing."""
        seq = self.changes.reserve(resource, doc_id, op, version, refs)
        reservation = Reservation(seq)
        try:
            yield reservation
        except BaseException:
            self.changes.void(seq)
            raise
        self.finish(seq, reservation.written, resource, doc_id, op, version, refs)

    def finish(
        self, seq: int, written: bool, resource: str, doc_id, op: str, version: int, refs=None
    ):
        """Commit a reserved change whose write landed, void one whose write did not."""
        if not written:
            self.changes.void(seq)
        elif not self.changes.commit(seq):
            # Settled as void while this writer was stalled, yet the write did land:
            # record it again under a new number so the feed still carries it.
            late = self.changes.reserve(resource, doc_id, op, version, refs)
            self.changes.commit(late)
