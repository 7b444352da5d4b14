"""Sides: the parties claims are attributed to."""
