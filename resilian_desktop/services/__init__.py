"""Qt-free services: one transaction per call, validation, immutable rows out."""
