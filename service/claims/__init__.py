"""Claims: statements in articles attributed to a speaker and a side."""
