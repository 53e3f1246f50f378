"""Every well-formed history replays into rows, whatever the rules say.

On PostgreSQL a clerk's raw SQL can append any event that the append
function holds to be well-formed (its kind, fields and dates), in any order
the versions allow: a reopening of a task never completed, a completion
before the assignment, a correction of a field no command corrects. The
projector must still apply each one, or a single such event would stop the
read models for every clerk; replaying must stay deterministic, so a rebuild
and ``verify --read-models`` agree with what was written through.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.corrections import CORRECTABLE_FIELDS
from domain.facts import facts_from_dict, facts_to_dict
from domain.limits import EARLIEST_DATE, LATEST_DATE
from domain.task import Task
from projections.task_rows import END, rows_of

days = st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE)
texts = st.text(max_size=12)
# What a correction may carry: dates as the tool writes them, text, nothing.
values = st.one_of(days.map(date.isoformat), texts, st.just(""))


def _event(kind: type, **fields: Any) -> dict[str, Any]:
    return {"kind": kind, **fields}


later_events = st.one_of(
    st.builds(
        _event,
        st.just(Task.DeadlineExtended),
        effective_on=days,
        due_on=days,
        reason=texts,
        document=texts,
    ),
    st.builds(
        _event,
        st.just(Task.Reassigned),
        effective_on=days,
        lead_agency=texts,
        reason=texts,
    ),
    st.builds(_event, st.just(Task.ProgressNoted), effective_on=days, text=texts),
    st.builds(_event, st.just(Task.Completed), effective_on=days, document=texts),
    st.builds(_event, st.just(Task.Reopened), effective_on=days, reason=texts),
    st.builds(
        _event,
        st.just(Task.Cancelled),
        effective_on=days,
        reason=texts,
        document=texts,
    ),
    st.builds(_event, st.just(Task.MarkedOverdue), effective_on=days, due_on=days),
    st.builds(
        _event,
        st.just(Task.Corrected),
        effective_on=days,
        field=st.one_of(st.sampled_from(CORRECTABLE_FIELDS), texts),
        old_value=values,
        new_value=values,
        reason=texts,
    ),
)

assignments = st.builds(
    dict,
    assigned_on=days,
    due_on=st.one_of(st.none(), days),
    co_agencies=st.lists(texts, max_size=3),
    document=texts,
)


def replayed(assignment: dict[str, Any], later: list[dict[str, Any]]) -> Any:
    """The facts of a task whose log holds these events, built as the
    repository builds them: each event's ``evolve`` on the facts before."""
    originator = uuid4()
    first = Task.Assigned(
        originator_id=originator,
        originator_version=1,
        timestamp=datetime.now(UTC),
        originator_topic="domain.task:Task",
        effective_on=assignment["assigned_on"],
        actor="raw sql",
        code="NV-1",
        title="Rà soát",
        assigner="UBND tỉnh",
        lead_agency="Sở Tư pháp",
        document_number=None,
        document_date=None,
        **assignment,
    )
    facts = first.evolve(None)
    for version, fields in enumerate(later, 2):
        kind = fields.pop("kind")
        event = kind(
            originator_id=originator,
            originator_version=version,
            timestamp=datetime.now(UTC),
            actor="raw sql",
            **fields,
        )
        facts = event.evolve(facts)
    return facts


@settings(max_examples=400, deadline=None)
@given(assignment=assignments, later=st.lists(later_events, max_size=12))
def test_any_well_formed_history_makes_rows(
    assignment: dict[str, Any], later: list[dict[str, Any]]
) -> None:
    facts = replayed(assignment, [dict(fields) for fields in later])
    position = version = len(later) + 1
    rows = rows_of("key", facts, version, position)
    # What task_facts stores is what a catch-up reads back.
    assert facts_from_dict(facts_to_dict(facts)) == facts
    # The status spans cover the task's time once: each begins where the one
    # before ends, and the last never ends, so a report on any day counts the
    # task once.
    bounds = [(span[1], span[2]) for span in rows.spans]
    assert bounds and all(begin < end for begin, end in bounds)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert bounds[-1][1] == END.isoformat()
