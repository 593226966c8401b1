"""The agenda document: model.py, build.py (entry point), writers."""
