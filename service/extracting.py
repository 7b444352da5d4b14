"""The app's claim extractor: made once per process from the settings."""

import logging

from flask import Flask, current_app

from service.articles.ingest import Ingest
from service.db import get_db
from service.observability.metrics import TimedExtractor

log = logging.getLogger(__name__)
EXTENSION = "claimdesk.extractor"


def make_extractor(config: dict):
    """The extractor the settings ask for, or None when extraction is off."""
    if not config["EXTRACTION_ENABLED"]:
        return None
    from service.extraction import Extractor

    return TimedExtractor(Extractor(model=config["EXTRACTION_MODEL"]))


def init_app(app: Flask, extractor=None) -> None:
    """Attach the extractor (given, or made from the settings) to the app."""
    if extractor is not None:
        extractor = TimedExtractor(extractor)
    app.extensions[EXTENSION] = extractor or make_extractor(app.config)


def current_ingest() -> Ingest:
    """The ingest workflow for this request."""
    extractor = current_app.extensions.get(EXTENSION)
    return Ingest(get_db(), extractor, current_app.config["AUTO_SIDES"])
