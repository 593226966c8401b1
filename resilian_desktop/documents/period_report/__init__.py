"""The period_report document: model.py, build.py (entry point), writers."""
