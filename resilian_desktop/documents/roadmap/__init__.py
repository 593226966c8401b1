"""The roadmap document: model.py, build.py (entry point), writers."""
