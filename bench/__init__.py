"""make bench: dataset generator and measurements."""
