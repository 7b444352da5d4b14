"""Claimdesk: who claimed what, in which article, for which side of a story."""

from service.app import create_app

__all__ = ["create_app"]
