"""Claim extraction: article text and side registry in, attributed claims out."""

from service.extraction.extractor import ExtractionResult, Extractor

__all__ = ["ExtractionResult", "Extractor"]
