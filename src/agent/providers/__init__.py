"""Interviewer providers: who phrases the questions, and who judges the answers."""
