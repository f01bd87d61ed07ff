"""Screens of the Rehearse app: start, interview, report."""
