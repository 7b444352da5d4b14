"""Claim extraction: article text and side registry in, attributed claims out."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from service.extraction.types import ClaimExtractor, ExtractedClaim, ExtractionResult

if TYPE_CHECKING:
    from service.extraction.extractor import Extractor

__all__ = ["ClaimExtractor", "ExtractedClaim", "ExtractionResult", "Extractor"]


def __getattr__(name: str) -> Any:
    """Load the spaCy-based Extractor on first use: the schemas import the types, and a
    service with extraction off must not load spaCy."""
    if name == "Extractor":
        return import_module("service.extraction.extractor").Extractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
