"""LIKE patterns match what the clerk typed, wildcards included."""

from __future__ import annotations

from database.plain_sql import contains_pattern


def test_contains_patterns_match_wildcards_literally() -> None:
    assert contains_pattern("so tu phap") == "%so tu phap%"
    assert contains_pattern("50%_a/b") == "%50/%/_a//b%"
