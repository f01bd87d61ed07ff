"""Documents in; chunks, a question bank, a vector store and search out.

This package knows nothing about interviews or terminals: the agent and the TUI sit on top of it.
"""
