"""Domain errors raised below the HTTP layer and mapped to problem+json in one place."""


class DomainError(Exception):
    """Base of the errors the service layer raises on purpose."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    """The resource named does not exist."""


class Conflict(DomainError):
    """A write would break a uniqueness or reference rule."""

    def __init__(self, detail: str, existing_id=None):
        super().__init__(detail)
        self.existing_id = existing_id


class InvalidReference(DomainError):
    """A field names a resource that does not exist (a validation error on that field)."""

    def __init__(self, field: str, detail: str):
        super().__init__(detail)
        self.field = field


class VersionMismatch(DomainError):
    """The resource changed since the version the client (or the request) was based on."""


class TooLarge(DomainError):
    """A request asks for more work at once than the service takes."""


class Gone(DomainError):
    """What the request names existed once but is no longer kept (an expired cursor)."""


class ExtractionBusy(DomainError):
    """Every extraction process is busy and the queue in front of them is full."""
