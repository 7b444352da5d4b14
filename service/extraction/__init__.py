"""Claim extraction: article text and side registry in, attributed claims out."""

from service.extraction.extractor import Extractor
from service.extraction.types import ClaimExtractor, ExtractedClaim, ExtractionResult

__all__ = ["ClaimExtractor", "ExtractedClaim", "ExtractionResult", "Extractor"]
