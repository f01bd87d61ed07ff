"""Graph nodes: small verb-named functions that take state (and deps) and return a partial
state update."""
