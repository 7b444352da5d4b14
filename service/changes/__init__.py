"""The change feed: every write to articles, claims, sides and speakers, in the order it took effect."""
