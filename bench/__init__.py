"""Benchmarks at province scale: they report figures, they assert nothing."""
