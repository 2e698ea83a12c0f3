"""ladder: decide how to involve patients and relatives, on the participation ladder."""

__version__ = "0.1.0"
