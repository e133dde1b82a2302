"""The curated tables on disk: their paths, loading and validation, candidate rows."""
