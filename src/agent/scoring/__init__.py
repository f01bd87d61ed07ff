"""Graders: the offline key-point scorer, and (later) the LLM judge."""
