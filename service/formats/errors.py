"""The one error the format converters raise: which fields of a document cannot be read."""


class InvalidDocument(ValueError):
    """A document (or a field of one) that a converter cannot read; maps to a 422."""

    def __init__(self, errors: dict[str, list[str]], detail: str | None = None):
        names = ", ".join(sorted(errors))
        super().__init__(detail or f"Invalid fields: {names}")
        self.detail = detail or f"Invalid fields: {names}"
        self.errors = errors

    @classmethod
    def field(cls, name: str, message: str) -> "InvalidDocument":
        """The error for one field and one message."""
        return cls({name: [message]}, f"{name}: {message}")
