"""RESILIAN Desktop: animate a network of industrial companies."""

__version__ = "0.1.0"
