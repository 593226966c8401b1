"""The personal_data document: model.py, build.py (entry point), writers."""
