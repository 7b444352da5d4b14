"""The newsroom of the current request, and the extractor it runs (made once per app)."""

import logging

from flask import Flask, current_app

from service.db import get_db
from service.extraction import ClaimExtractor, Extractor
from service.newsroom.bulk import BulkIngest
from service.newsroom.claims import ClaimDesk
from service.newsroom.ingest import Ingest
from service.newsroom.listing import Listing
from service.observability.metrics import TimedExtractor

log = logging.getLogger(__name__)
EXTENSION = "claimdesk.extractor"


def make_extractor(config: dict) -> ClaimExtractor | None:
    """The extractor the settings ask for, or None when extraction is off."""
    if not config["EXTRACTION_ENABLED"]:
        return None
    return TimedExtractor(Extractor(model=config["EXTRACTION_MODEL"]))


def init_app(app: Flask, extractor: ClaimExtractor | None = None) -> None:
    """Attach the extractor (given, or made from the settings) to the app."""
    if extractor is not None:
        extractor = TimedExtractor(extractor)
    app.extensions[EXTENSION] = extractor or make_extractor(app.config)


def current_ingest() -> Ingest:
    """The ingest workflow for this request."""
    extractor = current_app.extensions.get(EXTENSION)
    return Ingest(get_db(), extractor, current_app.config["AUTO_SIDES"])


def current_bulk_ingest() -> BulkIngest:
    """The bulk ingest workflow for this request."""
    extractor = current_app.extensions.get(EXTENSION)
    return BulkIngest(get_db(), extractor, current_app.config["AUTO_SIDES"])


def current_desk() -> ClaimDesk:
    """Claim writes and cascading deletes for this request."""
    return ClaimDesk(get_db())


def current_listing() -> Listing:
    """List pages with cross-resource filters for this request."""
    return Listing(get_db())
