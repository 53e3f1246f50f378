"""The Task aggregate, its events and the pure deadline rules (no I/O)."""
