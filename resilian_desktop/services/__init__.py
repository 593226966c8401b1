"""Qt-free services: one transaction per call, validation, immutable rows out."""

# Importing the search module registers the flush hook that keeps the search
# index in step with every write made through a session.
from resilian_desktop.services import search as _search  # noqa: F401
