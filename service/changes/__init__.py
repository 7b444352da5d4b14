"""The change feed: every write to articles, claims, sides and speakers, in order."""
