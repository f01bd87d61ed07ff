"""The interviewer: plans questions from the bank, asks, scores and follows up.

Depends on `retrieval` only; never on `tui`.
"""
