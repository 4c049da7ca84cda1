"""Small helpers every app shares: pagination."""
