"""The minutes document: model.py, build.py (entry point), writers."""
