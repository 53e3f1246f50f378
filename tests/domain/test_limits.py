"""Every value a command takes is held to the limits the stores really have,
and refused, naming the field and the limit, before any event exists."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from domain.citation import checked_citation
from domain.dates import DateParseError, find_date, parse_date, parse_moment
from domain.due_rules import RULE_LENGTH
from domain.errors import TaskRuleError
from domain.facts import Completion, Deadline, TaskFacts
from domain.limits import (
    ACTOR_LENGTH,
    BIDI_FORMATTING,
    CITATION_LENGTH,
    CODE_LENGTH,
    DOCUMENT_NUMBER_LENGTH,
    EARLIEST_DATE,
    FOLD_GROWTH,
    LATEST_DATE,
    MAX_CO_AGENCIES,
    NAME_KEY_LENGTH,
    NAME_LENGTH,
    NOTE_LENGTH,
    TITLE_LENGTH,
    DateOutOfRange,
    ForbiddenCharacter,
    TooLong,
    TooMany,
    ValueRefused,
    checked_code,
    checked_date,
    checked_name,
    checked_text,
    refused_character,
)
from domain.periods import PeriodParseError, parse_period
from domain.rules import span_on, status_as_of, status_spans
from domain.task import Task
from domain.text import fold
from tests.domain.helpers import TODAY, complete, d, new_task

ASSIGNMENT: dict[str, Any] = {
    "code": "NV-1",
    "title": "Rà soát thủ tục hành chính",
    "assigner": "UBND tỉnh",
    "lead_agency": "Sở Tư pháp",
    "assigned_on": d("14/02/2023"),
    "due_on": d("31/03/2023"),
    "document": "495/UBND-TTHC ngày 14/02/2023",
    "co_agencies": [],
    "actor": "tester",
    "today": TODAY,
}
# Arguments that succeed on ``new_task()`` (completed first, for ``reopen``).
COMMANDS: dict[str, dict[str, Any]] = {
    "extend_deadline": {
        "to": d("30/04/2023"),
        "on": d("25/03/2023"),
        "reason": "Xin gia hạn",
        "document": "",
    },
    "reassign": {"agency": "Sở Nội vụ", "on": d("01/03/2023"), "reason": ""},
    "note_progress": {"text": "Đã họp", "on": d("01/03/2023")},
    "complete": {"on": d("20/03/2023"), "document": ""},
    "reopen": {"on": d("25/03/2023"), "reason": "Chưa đạt"},
    "cancel": {"on": d("01/03/2023"), "reason": "Rút", "document": ""},
    "mark_overdue": {"as_of": d("01/04/2023")},
    "correct": {"field": "title", "value": "Tiêu đề mới", "reason": "Nhập nhầm"},
}


def run(command: str, **overrides: Any) -> Any:
    """Run ``command`` with its usual arguments but ``overrides``; return the
    event it recorded. A refusal leaves the task without a new event."""
    if command == "assign":
        return Task.assign(**{**ASSIGNMENT, **overrides}).pending_events[-1]
    task = new_task()
    if command == "reopen":
        complete(task, "20/03/2023")
    arguments = {**COMMANDS[command], "actor": "tester", **overrides}
    if command != "mark_overdue":
        arguments.setdefault("today", TODAY)
    before = len(task.pending_events)
    try:
        getattr(task, command)(**arguments)
    except TaskRuleError:
        assert len(task.pending_events) == before
        raise
    return task.pending_events[-1]


@dataclass(frozen=True)
class TextField:
    """One text a command takes: how to pass it, what a refusal calls it."""

    command: str
    argument: str
    label: str
    limit: int

    @property
    def corrected(self) -> bool:
        return self.command == "correct" and self.argument not in ("reason", "actor")

    def overrides(self, value: str) -> dict[str, Any]:
        if self.corrected:
            return {"field": self.argument, "value": value}
        if self.argument == "co_agencies":
            return {"co_agencies": [value]}
        return {self.argument: value}

    def run(self, value: str) -> Any:
        return run(self.command, **self.overrides(value))

    def stored(self, event: Any) -> str:
        if self.corrected:
            return str(event.new_value)
        if self.argument == "co_agencies":
            return str(event.co_agencies[0])
        if self.argument == "agency":
            return str(event.lead_agency)
        return str(getattr(event, self.argument))


TEXT_FIELDS = [
    TextField("assign", "code", "task code", CODE_LENGTH),
    TextField("assign", "title", "title", TITLE_LENGTH),
    TextField("assign", "assigner", "assigner", NAME_LENGTH),
    TextField("assign", "lead_agency", "lead agency", NAME_LENGTH),
    TextField("assign", "co_agencies", "co-agency", NAME_LENGTH),
    TextField("assign", "document", "document citation", CITATION_LENGTH),
    TextField("extend_deadline", "reason", "reason for the extension", NOTE_LENGTH),
    TextField("extend_deadline", "document", "extension document", CITATION_LENGTH),
    TextField("reassign", "agency", "lead agency", NAME_LENGTH),
    TextField("reassign", "reason", "reason for the reassignment", NOTE_LENGTH),
    TextField("note_progress", "text", "progress note", NOTE_LENGTH),
    TextField("complete", "document", "completion document", CITATION_LENGTH),
    TextField("reopen", "reason", "reason for reopening", NOTE_LENGTH),
    TextField("cancel", "reason", "reason for cancelling", NOTE_LENGTH),
    TextField("cancel", "document", "cancellation document", CITATION_LENGTH),
    TextField("correct", "reason", "reason for the correction", NOTE_LENGTH),
    TextField("correct", "title", "title", TITLE_LENGTH),
    TextField("correct", "assigner", "assigner", NAME_LENGTH),
    TextField("correct", "agency", "lead agency", NAME_LENGTH),
    TextField("correct", "co_agencies", "co-agency", NAME_LENGTH),
    TextField("correct", "doc", "document citation", CITATION_LENGTH),
    *(TextField(command, "actor", "actor", ACTOR_LENGTH) for command in COMMANDS),
    TextField("assign", "actor", "actor", ACTOR_LENGTH),
]
FIELD_IDS = [f"{field.command}-{field.argument}" for field in TEXT_FIELDS]


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=FIELD_IDS)
def test_a_text_exactly_at_its_limit_is_recorded(field: TextField) -> None:
    value = "A" * field.limit
    assert field.stored(field.run(value)) == value


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=FIELD_IDS)
def test_a_text_one_character_over_its_limit_is_refused(field: TextField) -> None:
    with pytest.raises(TooLong) as refusal:
        field.run("A" * (field.limit + 1))
    message = str(refusal.value)
    assert refusal.value.field == field.label
    assert f"The {field.label} is {field.limit + 1:,} characters long" in message
    assert f"at most {field.limit:,} are allowed" in message


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\udc80", "\u202e"])
@pytest.mark.parametrize("field", TEXT_FIELDS, ids=FIELD_IDS)
def test_a_refused_character_in_any_text_names_the_field(
    field: TextField, character: str
) -> None:
    with pytest.raises(ForbiddenCharacter) as refusal:
        field.run(f"Sở {character} Nội vụ 2")
    assert refusal.value.field == field.label
    assert f"The {field.label} contains" in str(refusal.value)
    assert f"U+{ord(character):04X}" in str(refusal.value)
    assert character not in str(refusal.value)


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=FIELD_IDS)
def test_line_breaks_and_tabs_are_spaces_not_refusals(field: TextField) -> None:
    stored = field.stored(field.run("Sở\tNội\r\nvụ 2"))
    assert stored in ("Sở Nội vụ 2", "SỞ NỘI VỤ 2")


def test_the_code_is_counted_after_upper_casing() -> None:
    assert run("assign", code="ß" * 32).code == "SS" * 32
    with pytest.raises(TooLong, match="task code is 66 characters"):
        run("assign", code="ß" * 33)


@pytest.mark.parametrize(
    ("command", "argument"),
    [
        ("assign", "assigner"),
        ("assign", "lead_agency"),
        ("assign", "co_agencies"),
        ("reassign", "agency"),
        ("correct", "agency"),
        ("correct", "assigner"),
        ("correct", "co_agencies"),
    ],
)
def test_a_name_whose_matching_key_outgrows_its_column_is_refused(
    command: str, argument: str
) -> None:
    field = next(
        f for f in TEXT_FIELDS if (f.command, f.argument) == (command, argument)
    )
    fits = "ß" * (NAME_KEY_LENGTH // 2)  # folds to "ss" each: 254 characters
    assert field.stored(field.run(fits)) == fits
    with pytest.raises(TooLong, match=f"at most {NAME_KEY_LENGTH} are allowed"):
        field.run(fits + "ß")


def test_fold_lengthens_no_character_more_than_fold_growth() -> None:
    """The bound that lets short names skip computing their key."""
    worst = 1
    for point in range(0x110000):
        character = chr(point)
        if unicodedata.decomposition(character) or character.casefold() != character:
            worst = max(worst, len(fold.__wrapped__(character)))
    assert worst == FOLD_GROWTH
    widest = "\ufb03" * (NAME_KEY_LENGTH // FOLD_GROWTH)  # "ﬃ" folds to "ffi"
    assert len(fold(widest)) == NAME_KEY_LENGTH
    assert checked_name(widest, "assigner") == widest
    with pytest.raises(TooLong, match="258 characters long once folded"):
        checked_name(widest + "\ufb03", "assigner")


@pytest.mark.parametrize(
    "name", ["\u0301", "\u0300\u0301", "...", "- _ -", "\u0303\u0323 \u0301"]
)
def test_a_name_without_a_letter_or_digit_is_refused(name: str) -> None:
    """Names are matched by their folded key: one with no letter or digit
    would be every other such name at once."""
    with pytest.raises(ValueRefused, match="^The alias has no letter or digit.$"):
        checked_name(name, "alias")


@pytest.mark.parametrize("name", ["1", "Sở 1", "ﬃ", "Đ", "\u0301a"])
def test_a_name_with_one_letter_or_digit_is_taken(name: str) -> None:
    assert checked_name(name, "agency")


@pytest.mark.parametrize(
    "command, overrides",
    [
        ("assign", {}),
        ("correct", {"field": "co_agencies"}),
    ],
)
def test_at_most_twenty_co_agencies(command: str, overrides: dict[str, Any]) -> None:
    def names(count: int) -> dict[str, Any]:
        agencies = [f"Sở {n}" for n in range(count)]
        if command == "assign":
            return {"co_agencies": agencies}
        return {**overrides, "value": ", ".join(agencies)}

    run(command, **names(MAX_CO_AGENCIES))
    with pytest.raises(TooMany, match="at most 20 co-agencies; 21 were given"):
        run(command, **names(MAX_CO_AGENCIES + 1))


@pytest.mark.parametrize("command", ["assign", "correct"])
def test_the_document_number_fits_its_column(command: str) -> None:
    def with_number(length: int) -> Any:
        citation = "1/" + "A" * (length - 2) + " ngày 14/02/2023"
        if command == "assign":
            return run("assign", document=citation)
        return run("correct", field="doc", value=citation)

    with_number(DOCUMENT_NUMBER_LENGTH)
    with pytest.raises(TooLong, match="document number in the document citation"):
        with_number(DOCUMENT_NUMBER_LENGTH + 1)
    assert checked_citation("1/" + "A" * 126).number == "1/" + "A" * 126


def test_empty_actor_and_texts_that_are_not_text_are_refused() -> None:
    with pytest.raises(ValueRefused, match="actor must not be empty"):
        run("note_progress", actor=" ")
    with pytest.raises(ValueRefused, match="title must be text, not NoneType"):
        run("assign", title=None)
    with pytest.raises(ValueRefused, match="co-agencies must be a list"):
        run("assign", co_agencies="Sở Nội vụ")


# -- characters ------------------------------------------------------------

# Every character ``str.split`` treats as a space (all below U+3001), which
# ``normalise`` turns into one space before anything is checked.
WHITESPACE = [chr(c) for c in range(0x3001) if chr(c).isspace()]
CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]]


@pytest.mark.parametrize("character", [c for c in CONTROLS if c not in WHITESPACE])
def test_every_control_character_is_refused(character: str) -> None:
    assert unicodedata.category(character) == "Cc"
    with pytest.raises(ForbiddenCharacter, match="the control character U\\+"):
        checked_text(f"a{character}b", "title", TITLE_LENGTH)


def test_every_surrogate_and_bidi_formatting_character_is_refused() -> None:
    for point in [*range(0xD800, 0xE000), *map(ord, BIDI_FORMATTING)]:
        with pytest.raises(ForbiddenCharacter, match=f"U\\+{point:04X}"):
            checked_text(f"Sở {chr(point)}", "title", TITLE_LENGTH)
    assert (
        set("\u061c\u200e\u200f")
        | {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
        == BIDI_FORMATTING
    )


def test_a_byte_that_was_not_utf8_is_explained() -> None:
    typed = b"S\xff".decode("utf-8", "surrogateescape")
    with pytest.raises(
        ForbiddenCharacter, match="lone surrogate U\\+DCFF \\(usually a byte"
    ):
        checked_text(typed, "actor", ACTOR_LENGTH)


@pytest.mark.parametrize("character", WHITESPACE)
def test_whitespace_becomes_one_space(character: str) -> None:
    assert checked_text(f"a{character}{character}b", "title", 10) == "a b"


INVISIBLE = ["\u00ad", "\u034f", "\u180e", "\u200b", "\u200d", "\u2060",
             "\u3164", "\ufe0f", "\ufeff", "\U000e0041"]  # fmt: skip


@pytest.mark.parametrize("character", INVISIBLE)
def test_characters_that_show_nothing_are_refused(character: str) -> None:
    """Or ten tasks would all show as "NV-1", and one agency as several."""
    with pytest.raises(ForbiddenCharacter, match="the invisible character U\\+"):
        checked_text(f"a{character}b", "title", 10)


def test_a_private_use_character_is_kept() -> None:
    assert checked_text("a\ue000b", "title", 10) == "a\ue000b"


@pytest.mark.parametrize("code", ["NV\u2024001", "NV|1", "NV*1", "NV\u00b71"])
def test_a_code_holds_letters_digits_and_plain_punctuation_only(code: str) -> None:
    with pytest.raises(ForbiddenCharacter, match="a code holds letters, digits"):
        checked_code(code)
    assert checked_code("nv-2023/ĐT.01 (a)") == "NV-2023/ĐT.01 (A)"


# -- dates -----------------------------------------------------------------

DATE_FIELDS = [
    ("assign", "assigned_on", "assignment date"),
    ("assign", "due_on", "due date"),
    ("extend_deadline", "to", "new due date"),
    ("extend_deadline", "on", "extension date"),
    ("reassign", "on", "reassignment date"),
    ("note_progress", "on", "progress note date"),
    ("complete", "on", "completion date"),
    ("reopen", "on", "reopening date"),
    ("cancel", "on", "cancellation date"),
    ("mark_overdue", "as_of", "as-of date"),
    ("correct", "today", "correction date"),
]
OUTSIDE = [
    date.min,
    EARLIEST_DATE - timedelta(days=1),
    LATEST_DATE + timedelta(days=1),
    date.max,
]


@pytest.mark.parametrize("day", OUTSIDE, ids=str)
@pytest.mark.parametrize(("command", "argument", "label"), DATE_FIELDS)
def test_a_date_outside_the_range_is_refused_naming_the_field(
    command: str, argument: str, label: str, day: date
) -> None:
    with pytest.raises(DateOutOfRange) as refusal:
        run(command, **{argument: day})
    assert refusal.value.field == label
    assert f"The {label} {day:%d/%m}/{day.year:04d} is outside" in str(refusal.value)
    assert "01/01/1900 to 31/12/2199" in str(refusal.value)


@pytest.mark.parametrize(("command", "argument", "label"), DATE_FIELDS)
def test_a_datetime_is_not_a_date(command: str, argument: str, label: str) -> None:
    with pytest.raises(DateOutOfRange, match=f"The {label} must be a calendar date"):
        run(command, **{argument: datetime(2023, 3, 1, 9, 0)})


@pytest.mark.parametrize("field", ["assigned_on", "due_on", "completed_on"])
@pytest.mark.parametrize("value", ["01/01/0001", "31/12/1899", "9999-12-31"])
def test_a_corrected_date_outside_the_range_is_refused(field: str, value: str) -> None:
    task = new_task()
    complete(task, "20/03/2023")
    with pytest.raises(ValueRefused, match=f"{value!r} is outside the dates"):
        task.correct(field=field, value=value, reason="x", actor="t", today=TODAY)


def test_a_task_may_live_from_the_first_to_the_last_accepted_day() -> None:
    task = Task.assign(
        **{
            **ASSIGNMENT,
            "assigned_on": EARLIEST_DATE,
            "due_on": LATEST_DATE,
            "today": LATEST_DATE,
        }
    )
    task.complete(on=LATEST_DATE, document="", actor="t", today=LATEST_DATE)
    assert task.facts.completed_on == LATEST_DATE
    assert checked_date(EARLIEST_DATE, "x") == EARLIEST_DATE
    assert checked_date(LATEST_DATE, "x") == LATEST_DATE
    with pytest.raises(DateOutOfRange, match="The due date is missing"):
        checked_date(None, "due date")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "01/01/0001",
        "31/12/1899",
        "01/01/2200",
        "9999-12-31",
        "ngày 1 tháng 1 năm 1000",
        "+999999999d",
        "+100000y",
        "-100000y",
        "+99999m",
        "+" + "9" * 5000 + "d",
    ],
)
def test_the_parser_refuses_dates_outside_the_range(text: str) -> None:
    with pytest.raises(DateParseError, match="outside the dates the tracker accepts"):
        parse_date(text, TODAY)


def test_the_parser_accepts_the_first_and_last_day() -> None:
    assert parse_date("01/01/1900", TODAY) == EARLIEST_DATE
    assert parse_date("2199-12-31", TODAY) == LATEST_DATE
    assert parse_date("tomorrow", LATEST_DATE - timedelta(days=1)) == LATEST_DATE
    with pytest.raises(DateParseError, match="outside"):
        parse_date("tomorrow", date.max)
    with pytest.raises(DateParseError, match="outside"):
        parse_date("+999999d", date(9000, 1, 1))  # past the end of the calendar


VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    "text", ["2023-06-15T09:00+99:99", "2023-06-15 09:00-24:00", "01/01/0001 09:00"]
)
def test_a_moment_with_an_impossible_offset_or_date_is_refused(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_moment(text, TODAY, VIETNAM)
    assert parse_moment("2023-06-15T09:00+23:59", TODAY, VIETNAM).hour == 9


@pytest.mark.parametrize("text", ["0000", "1899", "2200-H1", "9999-Q4", "0001-01"])
def test_periods_outside_the_years_are_refused(text: str) -> None:
    with pytest.raises(PeriodParseError, match="outside the years"):
        parse_period(text)
    assert parse_period("1900").start == EARLIEST_DATE
    assert parse_period("2199-Q4").end == LATEST_DATE


def test_a_citation_date_outside_the_range_is_not_read() -> None:
    assert find_date("5/QĐ ngày 01/01/0001") is None
    assert find_date("5/QĐ ngày 31/12/2199") == LATEST_DATE


# -- properties --------------------------------------------------------------

ANY_CHARACTER = st.characters(exclude_categories=())
hostile_text = st.one_of(
    st.sampled_from(["Sở Nội vụ", "ß", "A" * 64, "x" * 2000, "ΐ" * 90]),
    st.text(ANY_CHARACTER),
    st.builds(
        lambda part, times: part * times,
        st.text(ANY_CHARACTER, min_size=1, max_size=3),
        st.integers(min_value=1, max_value=2100),
    ),
)
LIMITS = {
    "code": CODE_LENGTH,
    "title": TITLE_LENGTH,
    "assigner": NAME_LENGTH,
    "lead_agency": NAME_LENGTH,
    "document": CITATION_LENGTH,
    "document_number": DOCUMENT_NUMBER_LENGTH,
    "due_rule": RULE_LENGTH,
    "reason": NOTE_LENGTH,
    "text": NOTE_LENGTH,
    "actor": ACTOR_LENGTH,
    "field": 20,
    "old_value": TITLE_LENGTH,
    "new_value": TITLE_LENGTH,
}


def assert_within_limits(event: Any) -> None:
    """Every text of ``event`` fits its field and holds no refused character;
    every date lies in the accepted range."""
    for name, value in vars(event).items():
        if name == "originator_topic":  # the event class, not a value given
            continue
        if name == "co_agencies":
            texts = [(NAME_LENGTH, item) for item in value]
        elif name == "new_value" and event.field == "co_agencies":
            texts = [(NAME_LENGTH, item) for item in value.split(", ")]
        elif isinstance(value, str):
            texts = [(LIMITS[name], value)]
        else:
            texts = []
            if type(value) is date:
                assert EARLIEST_DATE <= value <= LATEST_DATE, name
        for limit, text in texts:
            assert len(text) <= limit, name
            assert refused_character(text) is None, name
    if isinstance(event, Task.Assigned):
        assert len(fold(event.lead_agency)) <= NAME_KEY_LENGTH
        assert len(fold(event.assigner)) <= NAME_KEY_LENGTH


@settings(max_examples=500, deadline=None)
@given(
    command=st.sampled_from(["assign", *COMMANDS]),
    texts=st.fixed_dictionaries(
        {
            name: hostile_text
            for name in [
                "code",
                "title",
                "assigner",
                "lead_agency",
                "document",
                "reason",
                "text",
                "agency",
                "actor",
                "value",
            ]
        }
    ),
    co_agencies=st.lists(hostile_text, max_size=22),
    field=st.sampled_from(["title", "assigner", "agency", "co_agencies", "doc"]),
)
def test_hostile_text_is_recorded_within_limits_or_refused(
    command: str, texts: dict[str, str], co_agencies: list[str], field: str
) -> None:
    takes = {"assign": ASSIGNMENT, **COMMANDS}[command]
    overrides = {name: value for name, value in texts.items() if name in takes}
    overrides["actor"] = texts["actor"]
    if command == "assign":
        overrides["co_agencies"] = co_agencies
    if command == "correct":
        overrides["field"] = field
    try:
        recorded = run(command, **overrides)
    except TaskRuleError:
        event("refused")
        return
    event("recorded")
    assert_within_limits(recorded)


@settings(max_examples=500, deadline=None)
@given(
    text=st.one_of(
        st.text(ANY_CHARACTER),
        st.from_regex(r"\A[+-]\d{1,12}[dwmy]\Z"),
        st.from_regex(r"\A\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\Z"),
        st.from_regex(r"\A\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}([+-]\d{2}:\d{2})?)?\Z"),
        st.sampled_from(["today", "tomorrow", "yesterday", "eom", "eoy"]),
    ),
    today=st.dates(),
)
def test_the_date_parser_answers_a_date_in_range_or_a_date_parse_error(
    text: str, today: date
) -> None:
    try:
        day = parse_date(text, today)
    except DateParseError:
        pass
    else:
        assert EARLIEST_DATE <= day <= LATEST_DATE
    try:
        moment = parse_moment(text, today, VIETNAM)
    except DateParseError:
        pass
    else:
        assert EARLIEST_DATE <= moment.date() <= LATEST_DATE


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(ANY_CHARACTER),
        st.from_regex(r"\A\d{4}(-?[HhQq]\d|-\d{1,2})?\Z"),
    ),
    cutoff=st.sampled_from(["calendar", "decree09"]),
)
def test_the_period_parser_answers_a_period_or_a_period_parse_error(
    text: str, cutoff: str
) -> None:
    try:
        period = parse_period(text, cutoff)
    except PeriodParseError:
        return
    assert EARLIEST_DATE.year <= period.end.year <= LATEST_DATE.year


any_date = st.dates()


@st.composite
def extreme_facts(draw: st.DrawFn) -> TaskFacts:
    """Facts as an older ledger may hold them: any dates, even impossible
    histories, since the rules must answer for whatever was stored."""
    optional = st.none() | any_date
    deadlines = draw(st.lists(st.tuples(any_date, optional), min_size=1, max_size=3))
    completions = draw(st.lists(st.tuples(any_date, optional), max_size=2))
    return TaskFacts(
        code="NV-1",
        title="t",
        assigner="a",
        lead_agency="l",
        assigned_on=draw(st.sampled_from([date.min, date.max]) | any_date),
        deadlines=tuple(Deadline(set_on, due) for set_on, due in deadlines),
        completions=tuple(
            Completion(done, "", reopened) for done, reopened in completions
        ),
        cancelled_on=draw(optional),
    )


@settings(max_examples=400, deadline=None)
@given(
    facts=extreme_facts(),
    probes=st.lists(st.sampled_from([date.min, date.max]) | any_date, max_size=5),
)
def test_status_spans_answer_for_every_date_without_overflowing(
    facts: TaskFacts, probes: list[date]
) -> None:
    spans = status_spans(facts)
    assert spans[0].valid_from is None and spans[-1].valid_until is None
    for as_of in [date.min, date.max, *probes]:
        assert span_on(spans, as_of).status is status_as_of(facts, as_of)


def test_printable_shows_refused_characters_by_their_code_point() -> None:
    from domain.limits import printable

    assert printable("NV-\x1b[2J\u202e1") == "NV-<U+001B>[2J<U+202E>1"
    assert printable("Sở Tư pháp") == "Sở Tư pháp"
