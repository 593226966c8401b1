"""Modules compiled from ui/*.ui by scripts/build_forms.py."""
