"""Widgets of the Rehearse app, one per file."""
