"""Opaque feed cursors: base64url of ``<epoch>.<sequence>``."""

import base64
import binascii

from service.errors import Gone, InvalidReference

RESYNC = "resync from a full list (GET the lists with updated_after) and follow the feed again"


def encode(epoch: str, seq: int) -> str:
    """The cursor a client sends back to continue after ``seq``."""
    return base64.urlsafe_b64encode(f"{epoch}.{seq}".encode()).decode().rstrip("=")


def decode(token: str, epoch: str) -> int:
    """The sequence a cursor names; 422 if it is not one of ours, 410 if from another feed."""
    try:
        padded = token + "=" * (-len(token) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii")
        token_epoch, _, number = text.rpartition(".")
        seq = int(number)
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise InvalidReference("after", "Not a cursor this feed handed out") from exc
    if not token_epoch or seq < 0 or not number.isdigit():
        raise InvalidReference("after", "Not a cursor this feed handed out")
    if token_epoch != epoch:
        raise Gone(f"This cursor belongs to a feed that no longer exists; {RESYNC}")
    return seq
