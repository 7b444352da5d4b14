"""The newsroom of the current request, and the extractor it runs (made once per app)."""

import atexit
import logging
from functools import partial

from flask import Flask, current_app

from service.db import get_db, per_database
from service.extraction import ClaimExtractor, Extractor
from service.extraction.extractor import loaded_extractor
from service.extraction_pool import ExtractionPool, PooledExtractor
from service.newsroom.bulk import BulkIngest
from service.newsroom.claims import ClaimDesk
from service.newsroom.ingest import Ingest
from service.newsroom.listing import Listing
from service.newsroom.speakers import SpeakerDesk
from service.observability.metrics import TimedExtractor

log = logging.getLogger(__name__)
EXTENSION = "claimdesk.extractor"
POOL = "claimdesk.extraction_pool"


def make_extractor(config: dict) -> ClaimExtractor | None:
    """The extractor the settings ask for, or None when extraction is off."""
    if not config["EXTRACTION_ENABLED"]:
        return None
    return TimedExtractor(Extractor(model=config["EXTRACTION_MODEL"]))


def make_pool(config: dict) -> ExtractionPool:
    """This worker's extraction processes; closed when the worker exits."""
    pool = ExtractionPool(
        partial(loaded_extractor, config["EXTRACTION_MODEL"]),
        processes=config["EXTRACTION_PROCESSES"],
        queue_size=config["EXTRACTION_QUEUE"],
        timeout=config["EXTRACTION_TIMEOUT_SECONDS"],
    )
    atexit.register(pool.close)
    return pool


def init_app(app: Flask, extractor: ClaimExtractor | None = None) -> None:
    """Attach the extractor: the one given runs in the request thread; the one the settings
    ask for runs in a bounded process pool (EXTRACTION_PROCESSES=0: in the request thread)."""
    if extractor is not None:
        app.extensions[EXTENSION] = TimedExtractor(extractor)
        return
    made = make_extractor(app.config)
    if made is not None and app.config["EXTRACTION_PROCESSES"] > 0:
        pool = app.extensions[POOL] = make_pool(app.config)
        made = TimedExtractor(PooledExtractor(pool, made.name, made.version))
    app.extensions[EXTENSION] = made


def current_ingest() -> Ingest:
    """The ingest workflow for this request."""
    extractor = current_app.extensions.get(EXTENSION)
    config = current_app.config
    return Ingest(get_db(), extractor, config["AUTO_SIDES"], config["EXTRACTION_LEASE_SECONDS"])


def current_bulk_ingest() -> BulkIngest:
    """The bulk ingest workflow for this request."""
    extractor = current_app.extensions.get(EXTENSION)
    config = current_app.config
    return BulkIngest(get_db(), extractor, config["AUTO_SIDES"], config["EXTRACTION_LEASE_SECONDS"])


def current_desk() -> ClaimDesk:
    """Claim writes and cascading deletes for this request."""
    return per_database(ClaimDesk)


def current_listing() -> Listing:
    """List pages with cross-resource filters for this request."""
    return per_database(Listing)


def current_speaker_desk() -> SpeakerDesk:
    """Speaker writes that reach claims and sides, for this request."""
    return per_database(SpeakerDesk)
