"""What a webhook may point at and which changes it receives."""

import ipaddress
from urllib.parse import urlsplit

from service.errors import InvalidReference

EVENT_TYPES = tuple(
    f"{resource}.{event}"
    for resource in ("article", "claim", "side", "speaker")
    for event in ("created", "updated", "deleted")
)
RESOURCE_NAMES = {"articles": "article", "claims": "claim", "sides": "side", "speakers": "speaker"}


def is_loopback(host: str) -> bool:
    """Whether a URL host is this machine (localhost, 127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, allow_loopback_http: bool) -> None:
    """A 422 on ``url`` unless it is https (or http to loopback when the setting allows)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InvalidReference("url", "Must be an absolute https URL")
    if parts.username or parts.password:
        raise InvalidReference("url", "Must not carry a user name or password")
    if parts.scheme == "http" and not (allow_loopback_http and is_loopback(parts.hostname)):
        detail = "Must be https"
        if allow_loopback_http:
            detail += " (plain http is allowed to loopback addresses only)"
        raise InvalidReference("url", detail)


def event_type(resource: str, event: str) -> str:
    """``claims`` + ``updated`` -> ``claim.updated``."""
    return f"{RESOURCE_NAMES[resource]}.{event}"


def wants(webhook: dict, kind: str, refs: dict) -> bool:
    """Whether a webhook subscribes to an event of this type about these references."""
    events = webhook["events"]
    if "*" not in events and kind not in events:
        return False
    wanted = webhook.get("filter") or {}
    if wanted.get("article_id") and wanted["article_id"] != refs.get("article_id"):
        return False
    return not (wanted.get("side") and wanted["side"] not in (refs.get("side_ids") or []))
