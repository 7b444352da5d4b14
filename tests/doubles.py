"""Test doubles injected through the app factory (never patched into globals)."""

from pymongo.errors import ServerSelectionTimeoutError

from service.extraction.types import ClaimExtractor, ExtractionResult


class Outage:
    """A switch shared by the wrappers: while ``down``, every database call fails."""

    def __init__(self):
        self.down = False

    def check(self):
        """Raise what pymongo raises when no server answers."""
        if self.down:
            raise ServerSelectionTimeoutError("test outage: no MongoDB server answers")


class _Proxy:
    """Forward attribute access to ``inner``, failing calls during an outage."""

    def __init__(self, inner, outage: Outage):
        self._inner = inner
        self._outage = outage

    def _wrap(self, value):
        if not callable(value):
            return value

        def call(*args, **kwargs):
            self._outage.check()
            return value(*args, **kwargs)

        return call


class FlakyCollection(_Proxy):
    """A collection whose methods fail during an outage."""

    def __getattr__(self, name):
        return self._wrap(getattr(self._inner, name))


class FlakyDatabase(_Proxy):
    """A database whose collections fail during an outage."""

    def __getitem__(self, name):
        return FlakyCollection(self._inner[name], self._outage)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in {"name", "client"}:
            return getattr(self._inner, name)
        if name == "command":
            return self._wrap(self._inner.command)
        return self[name]


class FlakyClient(_Proxy):
    """A MongoClient stand-in that can be taken down and brought back."""

    def __init__(self, inner, outage: Outage, in_memory: bool):
        super().__init__(inner, outage)
        self.in_memory = in_memory

    def __getitem__(self, name):
        return FlakyDatabase(self._inner[name], self._outage)

    @property
    def admin(self):
        """The admin database (for ping)."""
        return FlakyDatabase(self._inner.admin, self._outage)

    def drop_database(self, name):
        """Clean-up always works."""
        return self._inner.drop_database(name)


class NoClaimsExtractor:
    """An extractor (a ClaimExtractor) that finds nothing and touches no database."""

    name = "no-claims"
    version = "0"

    def extract(
        self, text: str, sides: list[dict] | None = None, auto_sides: bool = True
    ) -> ExtractionResult:
        """Return an empty result."""
        return ExtractionResult()


class FailingExtractor(NoClaimsExtractor):
    """An extractor that always raises."""

    name = "failing"

    def extract(
        self, text: str, sides: list[dict] | None = None, auto_sides: bool = True
    ) -> ExtractionResult:
        """Fail like a broken model would."""
        raise RuntimeError("model exploded")


# Checked by mypy (`make lint`): the doubles implement the protocol ingest takes.
EXTRACTOR_DOUBLES: tuple[ClaimExtractor, ...] = (NoClaimsExtractor(), FailingExtractor())
