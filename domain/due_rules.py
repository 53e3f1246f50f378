"""Deadlines written as a span from a start date, as documents set them.

"Trong thời hạn 10 ngày làm việc" is typed ``10wd`` or ``10 ngày làm việc``
(accents, case and spacing as the clerk likes: ``10 ngay lam viec``,
``10 WD``); a span of calendar days is ``10d``, ``+10d`` or ``10 ngày``. The
rule is kept as typed next to the date it gives, because the document's words
are the deadline and the date is only what they meant on the calendar of the
day it was computed.

Anything else is not a rule (``parse_due_rule`` returns None) and goes to the
date parser (``domain.dates``): ``14/02/2023``, ``ngày 14 tháng 02 năm
2023``, ``eom``. A text that is a rule but a wrong one (``0wd``, ``-3wd``,
``99999wd``) is refused here with its own sentence rather than passed on to
be misread as a date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from domain.dates import DateParseError, RelativeDue, parse_date
from domain.errors import TaskRuleError
from domain.limits import ValueRefused, checked_date, optional_text
from domain.text import fold, normalise

if TYPE_CHECKING:  # the calendar is built only for rules in working days
    from domain.working_days import WorkingCalendar

RuleKind = Literal["working", "calendar"]
WORKING: RuleKind = "working"
CALENDAR: RuleKind = "calendar"

# Ten years of calendar days: more than any document sets (the longest spans
# in practice are a few years), few enough that a typing slip ("1000wd" for
# "10wd" stays possible, "100000wd" does not) is caught.
MAX_COUNT = 3660

_RULE = re.compile(
    r"^(?P<sign>[+-]?)\s*(?P<count>\d+)\s*"
    r"(?:(?P<working>wd|ngay\s*lam\s*viec)|(?P<calendar>d|ngay))$"
)


class DueRuleRefused(ValueRefused):
    """A deadline rule that counts no days, counts backwards or too far."""


@dataclass(frozen=True)
class DueRule:
    """A deadline ``count`` working or calendar days after a start date;
    ``text`` is the rule as the clerk typed it (normalised like any text)."""

    kind: RuleKind
    count: int
    text: str


@lru_cache(maxsize=1024)
def parse_due_rule(text: str, field: str = "due date") -> DueRule | None:
    """The rule ``text`` writes, None if it is not one (a date, or a typing
    mistake the date parser will name). ``field`` names the value in a
    refusal ("due date", "new due date").

    Cached: an import gives the same few rules to every row, and the result
    is frozen (a refusal is raised anew each time, never cached)."""
    typed = normalise(text)
    match = _RULE.match(fold(typed))
    if match is None:
        return None
    kind: RuleKind = WORKING if match.group("working") else CALENDAR
    digits = match.group("count").lstrip("0")
    if match.group("sign") == "-":
        raise DueRuleRefused(
            field,
            f"The {field} '{typed}' counts backwards; a deadline comes after "
            "the date it counts from (write it like 10wd).",
        )
    if not digits:
        raise DueRuleRefused(
            field,
            f"The {field} '{typed}' counts no days; a deadline comes at least "
            "one day after the date it counts from.",
        )
    # Compared by length first: ``int`` is never asked to read a thousand digits.
    if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
        unit = "working days" if kind == WORKING else "days"
        raise DueRuleRefused(
            field,
            f"The {field} '{typed}' counts more than {MAX_COUNT:,} {unit}; "
            "check the number.",
        )
    return DueRule(kind=kind, count=int(digits), text=typed)


def resolve(
    rule: DueRule, start: date, calendar: WorkingCalendar, field: str = "due date"
) -> date:
    """The date ``rule`` gives when counted from ``start``: the ``count``-th
    working day after it (``start`` itself never counts), or ``start`` plus
    ``count`` days. Neither is moved off a day off here: rolling a deadline
    to the next working day (Civil Code art. 148) is the status rules'
    setting, applied when a deadline is judged, not when it is recorded."""
    if rule.kind == WORKING:
        return calendar.add_working_days(start, rule.count)
    due = date.fromordinal(start.toordinal() + rule.count)
    return checked_date(due, field)


# How long a deadline rule as typed may be: "10 ngày làm việc" and the like.
RULE_LENGTH = 60


def deadline_from(
    typed: date | RelativeDue | None,
    start: date,
    calendar: Callable[[], WorkingCalendar],
    field: str = "due date",
    start_field: str = "assignment date",
) -> tuple[date | None, str]:
    """The date a deadline as typed gives, counted from ``start`` (the
    task's assignment or extension date, never today), and the rule to
    record beside it ("" for a date typed as one). ``calendar`` is asked
    only for a span of working days, so that other deadlines never load
    the holidays. The date is computed once, here: a later change to the
    calendar does not move a deadline the document set."""
    if not isinstance(typed, RelativeDue):
        return typed, ""
    start = checked_date(start, start_field)
    rule = parse_due_rule(typed.text, field)
    if rule is not None and rule.kind == WORKING:
        return resolve(rule, start, calendar(), field), rule.text
    if rule is not None:  # calendar days: ``resolve``'s sum, without a calendar
        return checked_date(start + timedelta(days=rule.count), field), rule.text
    try:
        return parse_date(typed.text, start), typed.text.strip()
    except DateParseError as exc:
        raise TaskRuleError(f"The {field} {exc}") from None


def checked_rule(rule: str, due_on: date | None, field: str) -> str:
    """A deadline rule as typed, held to the limits of any text; a rule
    without the date it gave would record words no report can count."""
    rule = optional_text(rule, f"rule of the {field}", RULE_LENGTH)
    if rule and due_on is None:
        raise TaskRuleError(f"The {field} rule '{rule}' gave no date.")
    return rule
