"""Load the seed sides and articles through the same code paths as the API."""

import json
import logging
from pathlib import Path

from flask import current_app

from service.articles.schemas import ArticleCreateSchema
from service.errors import Conflict
from service.newsroom.context import current_ingest
from service.sides.schemas import SideCreateSchema

log = logging.getLogger(__name__)
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEED_ACTOR = "seed"


def load_seeds(seeds_dir: str | Path | None = None) -> dict:
    """Create the seed sides and articles that do not exist yet; returns counts."""
    seeds_dir = seeds_dir or current_app.config.get("SEEDS_DIR")
    root = Path(seeds_dir) if seeds_dir else DEFAULT_DIR
    counts = {"sides": 0, "articles": 0, "claims": 0}
    ingest = current_ingest()
    sides = ingest.sides
    sides_file = root / "sides.json"
    for raw in json.loads(sides_file.read_text("utf-8")) if sides_file.exists() else []:
        try:
            sides.create(SideCreateSchema().load(raw), SEED_ACTOR)
            counts["sides"] += 1
        except Conflict:
            pass
    for text_file in sorted((root / "articles").glob("*.txt")):
        meta = json.loads(text_file.with_suffix(".json").read_text("utf-8"))
        data = ArticleCreateSchema().load({**meta, "body": text_file.read_text("utf-8")})
        try:
            article = ingest.create_article(data, extract=True, actor=SEED_ACTOR)
        except Conflict:
            continue
        counts["articles"] += 1
        counts["claims"] += article["claim_count"]
    log.info("seeds loaded from %s: %s (database %s)", root, counts, current_app.config["MONGO_DB"])
    return counts
