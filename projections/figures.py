"""The reporting form's figures, their rates, and a period report's shape.

Rates are what real reports print beside the figures ("đạt 98,62%"), and a
printed form's parts must add up to 100%: that is why they are rounded here,
once, for every format, rather than by each renderer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass
class Figures:
    """The form's figures: assigned = on_time + late + overdue + in_progress."""

    on_time: int = 0
    late: int = 0
    overdue: int = 0
    in_progress: int = 0
    no_deadline: int = 0
    cancelled: int = 0
    # Of the completed (on time or late), those the Office has not confirmed
    # yet: the form prints them as "trong đó: chờ xác nhận".
    awaiting_confirmation: int = 0

    @property
    def assigned(self) -> int:
        return self.on_time + self.late + self.overdue + self.in_progress

    def as_dict(self) -> dict[str, int]:
        return {"assigned": self.assigned, **asdict(self)}

    def rates(self) -> dict[str, float]:
        """Each figure as a percentage of the tasks assigned (``rates_of``)."""
        return rates_of(self.as_dict())


Groups = list[tuple[str, Figures]]

# The figures ``rates_of`` rates: the four parts of ``assigned``, which add up
# to 100%, and ``no_deadline``, a part of ``in_progress``.
PARTS = ("on_time", "late", "overdue", "in_progress")
HUNDREDTHS = 10_000  # 100% in hundredths of a percent


def rates_of(figures: dict[str, int]) -> dict[str, float]:
    """Each figure as a percentage of the tasks assigned (cancelled tasks are
    not assigned tasks, so not rated), to two decimals, and the on-time share
    of the completed tasks (``on_time_of_completed``).

    The four parts of ``assigned`` are rounded by largest remainder, so that
    they add up to exactly 100.00 as a report prints them (plain rounding
    can give 99.99 or 100.01); ties go to the figure listed first. The other
    two are rounded half up, ``no_deadline`` never above ``in_progress``.
    With nothing assigned (or completed), a rate is 0."""
    assigned = figures["assigned"]
    rates: dict[str, float] = {}
    if assigned:
        exact = [figures[key] * HUNDREDTHS for key in PARTS]
        floors = [value // assigned for value in exact]
        spare = HUNDREDTHS - sum(floors)
        order = sorted(range(len(PARTS)), key=lambda i: -(exact[i] % assigned))
        for index in order[:spare]:
            floors[index] += 1
        rates = {key: floor / 100 for key, floor in zip(PARTS, floors, strict=True)}
        no_deadline = _half_up(figures["no_deadline"], assigned)
        if figures["no_deadline"] == figures["in_progress"]:
            no_deadline = rates["in_progress"]
        rates["no_deadline"] = min(no_deadline, rates["in_progress"])
    else:
        rates = dict.fromkeys((*PARTS, "no_deadline"), 0.0)
    completed = figures["on_time"] + figures["late"]
    rates["on_time_of_completed"] = _half_up(figures["on_time"], completed)
    return rates


def _half_up(part: int, whole: int) -> float:
    """``part`` of ``whole`` in percent, two decimals, half up (0 of 0: 0)."""
    if not whole:
        return 0.0
    return ((part * HUNDREDTHS * 2 + whole) // (whole * 2)) / 100


@dataclass
class SourceSection:
    """The form's figures for one source group (central, provincial, other),
    and its rows by official name when asked."""

    source: str
    totals: Figures
    groups: Groups = field(default_factory=list)


@dataclass
class PeriodReport:
    start: date
    end: date
    as_of: date
    totals: Figures  # the whole selection (``source``: one group, or all)
    groups: Groups = field(default_factory=list)
    ledger: Any = None  # the fingerprint of the log position it reflects
    behind: int = 0  # events recorded beyond that position, not yet applied
    source: str = "all"
    sections: list[SourceSection] = field(default_factory=list)  # SOURCES order
    unknown: list[str] = field(default_factory=list)  # assigners not in the directory
