"""Proving the ledger: verifying its chain and read models, exporting and
restoring it."""
