"""reslint: a consistency linter for UN General Assembly draft resolutions."""

__version__ = "0.1.0"
