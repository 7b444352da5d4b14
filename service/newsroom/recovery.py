"""On start, settle the extractions a stopped process left pending (in the background)."""

import logging
import threading
import time

from flask import Flask
from pymongo.errors import PyMongoError

from service.errors import ExtractionBusy
from service.newsroom.context import current_ingest

log = logging.getLogger(__name__)
EXTENSION = "claimdesk.recovery"
RETRY_SECONDS = 5.0
ATTEMPTS = 60  # about five minutes of a database that does not answer, or a busy pool


def resume(app: Flask) -> None:
    """Settle every pending extraction, retrying while the database or the pool cannot."""
    for _ in range(ATTEMPTS):
        try:
            with app.app_context():
                settled = current_ingest().resume_pending()
        except (PyMongoError, ExtractionBusy) as exc:
            log.warning("pending extractions not settled yet (%s); retrying", exc)
            time.sleep(RETRY_SECONDS)
            continue
        except Exception:  # a background thread: log it, never take the worker down
            log.exception("settling pending extractions failed")
            return
        if settled:
            log.warning("settled %d extraction(s) a stopped process left pending", settled)
        return
    log.error("extractions are still pending; the next start tries again")


def init_app(app: Flask) -> threading.Thread:
    """Start settling pending extractions without holding up the start."""
    thread = threading.Thread(target=resume, args=(app,), name="claimdesk-recovery", daemon=True)
    app.extensions[EXTENSION] = thread
    thread.start()
    return thread
