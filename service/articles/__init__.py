"""Articles: news stories as published."""
