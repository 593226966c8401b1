"""Kiosk mode: the computer turned toward participants, who sign for one half-day."""
