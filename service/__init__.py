"""Claimdesk: who claimed what, in which article, for which side of a story."""
