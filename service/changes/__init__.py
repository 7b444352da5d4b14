"""The change feed: every write to articles, claims and sides, in the order it took effect."""
