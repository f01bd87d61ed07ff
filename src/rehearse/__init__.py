"""Rehearse: a terminal-first mock interviewer grounded in your own prep notes."""

__version__ = "0.1.0"
