"""Chinese-aware search: segmented index text and queries, and the public search page."""
