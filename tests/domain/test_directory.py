"""The directory of assigners and agencies: one entity per name whatever its
spelling, aliases, source groups, refusals, and its events replayed."""

from __future__ import annotations

from datetime import date
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.directory import Directory, DirectoryError, Names, spelling
from domain.directory_record import DirectoryRecord
from domain.limits import ValueRefused
from domain.text import fold
from projections.directory import directory_rows

TODAY = date(2026, 11, 23)


def test_names_that_differ_in_case_diacritics_or_spacing_are_one_entity() -> None:
    directory = Directory.builtin()
    for typed in ("Sở Tư pháp", "Sở tư pháp", "SO TU PHAP", "  sở   tư  pháp "):
        assert directory.official("agency", typed) == "Sở Tư pháp"
    assert directory.official("agency", "stp") == "Sở Tư pháp"  # an alias


def test_an_unknown_name_is_its_own_official_name_and_other_source() -> None:
    directory = Directory.builtin()
    assert directory.official("agency", "Sở Y tế") == "Sở Y tế"
    assert not directory.knows("agency", "Sở Y tế")
    assert directory.source_of("Bộ Y tế") == "other"
    assert directory.source_of("thu tuong") == "central"
    assert directory.source_of("Chủ tịch Ủy ban nhân dân tỉnh") == "provincial"


def test_kinds_are_apart_an_agency_name_is_no_assigner() -> None:
    directory = Directory.builtin().with_name("agency", "Sở Y tế", None)
    assert directory.knows("agency", "so y te")
    assert not directory.knows("assigner", "so y te")


def test_an_alias_added_names_the_entity_in_any_spelling() -> None:
    directory = (
        Directory.builtin()
        .with_name("agency", "Sở Y tế", None)
        .with_alias("agency", "SO Y TE", "SYT")
    )
    assert directory.official("agency", "syt") == "Sở Y tế"
    assert directory.entry("agency", "SYT").aliases == ("SYT",)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        (lambda d: d.with_name("agency", "so tu phap", None), "already has the agency"),
        (lambda d: d.with_name("agency", "STP", None), "already has the agency"),
        (lambda d: d.with_alias("agency", "Sở Y tế", "SYT"), "has no agency named"),
        (lambda d: d.with_alias("agency", "Sở Tư pháp", "stp"), "already names"),
        (lambda d: d.with_alias("agency", "Sở Tư pháp", "SNV"), "the agency Sở Nội vụ"),
        (lambda d: d.with_name("assigner", "Bộ Y tế", None), "needs a source group"),
        (lambda d: d.with_name("agency", "Sở Y tế", "central"), "Only an assigner"),
        (lambda d: d.with_name("district", "Xã A", None), "not 'district'"),
    ],
)
def test_the_directory_refuses_a_name_it_cannot_take(build, fragment: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DirectoryError, match=fragment):
        build(Directory.builtin())


def record() -> DirectoryRecord:
    return DirectoryRecord.open(actor="chuyên viên A", today=TODAY)


def test_the_record_checks_values_before_any_event() -> None:
    directory = record()
    before = len(directory.pending_events)
    for kind, name, source, error in (
        ("agency", "x" * 201, None, ValueRefused),
        ("agency", "Sở\u001b Y tế", None, ValueRefused),
        ("agency", "", None, ValueRefused),
        ("assigner", "Bộ Y tế", "national", DirectoryError),
        ("assigner", "Bộ Y tế", None, DirectoryError),
        ("ward", "Phường 1", None, DirectoryError),
    ):
        with pytest.raises(error):
            directory.add_name(
                kind=kind, name=name, source=source, actor="a", today=TODAY
            )
    assert len(directory.pending_events) == before


def test_the_record_stores_names_normalised_and_an_alias_under_the_official_name() -> (
    None
):
    directory = record()
    decomposed = "So\u031b\u0309 Y te\u0302\u0301"  # "Sở Y tế" typed decomposed
    directory.add_name(
        kind="agency", name=f"  {decomposed} ", source=None, actor="a", today=TODAY
    )
    directory.add_alias(
        kind="agency", name="so y te", alias="SYT", actor="a", today=TODAY
    )
    added, aliased = directory.pending_events[-2:]
    assert added.name == "Sở Y tế"  # type: ignore[attr-defined]
    assert aliased.name == "Sở Y tế" and aliased.alias == "SYT"  # type: ignore[attr-defined]


KINDS = st.sampled_from(["assigner", "agency"])
NAMES = st.sampled_from(
    ["Sở Y tế", "so y te", "SYT", "Bộ Y tế", "BYT", "STP", "Sở Tư pháp", "UBND",
     "Thủ tướng", "Ban Dân tộc", "BDT", "ban dan toc"]
)  # fmt: skip
SOURCES = st.sampled_from(["central", "provincial", "other"])
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("name"), KINDS, NAMES, SOURCES),
        st.tuples(st.just("alias"), KINDS, NAMES, NAMES),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(STEPS)
def test_any_sequence_replayed_from_events_or_rows_gives_the_same_directory(
    steps: list[tuple[str, str, str, str]],
) -> None:
    applied = Directory.builtin()
    directory = record()
    for step, kind, name, extra in steps:
        source = extra if kind == "assigner" else None
        try:
            if step == "name":
                expected = applied.with_name(kind, name, source)
            else:
                expected = applied.with_alias(kind, name, extra)
        except DirectoryError:
            expected = None
        try:
            if step == "name":
                directory.add_name(
                    kind=kind, name=name, source=source, actor="a", today=TODAY
                )
            else:
                directory.add_alias(
                    kind=kind, name=name, alias=extra, actor="a", today=TODAY
                )
        except DirectoryError:
            assert expected is None  # the record refuses what the value refuses
            continue
        assert expected is not None
        applied = expected
    events = directory.collect_events()
    # Replayed as an aggregate (what loading it does) ...
    replayed = None
    for event in events:
        replayed = event.mutate(replayed)
    # ... and as the read model's rows (what ``load_directory`` does).
    rows = directory_rows(events, list(range(1, len(events) + 1)))
    from_rows = Directory.builtin().replayed(
        [(kind, name, official, source) for _, kind, _, name, official, source in rows]
    )
    for each in (replayed.directory, from_rows):  # type: ignore[union-attr]
        for kind in ("assigner", "agency"):
            assert each.entries(kind) == applied.entries(kind)


def test_unknown_names_that_fold_alike_are_shown_under_one_spelling() -> None:
    uses = {"SO Y TE": 1, "sở y tế": 1, "Sở Y tế": 1, "STP": 2, "Bộ Y tế": 1}
    names = Names(Directory.builtin(), "agency", uses)
    assert {names(typed) for typed in ("SO Y TE", "sở y tế", "Sở Y tế")} == {
        "Sở Y tế"  # as many tasks each: the most diacritics, not in capitals
    }
    assert names("STP") == "Sở Tư pháp"
    assert names.unknown == ["Bộ Y tế", "Sở Y tế"]  # one each, by folded key


def test_the_spelling_most_tasks_use_is_shown() -> None:
    assert spelling([("Sở Y tế", 1), ("SO Y TE", 3)]) == "SO Y TE"
    assert spelling([("SỞ Y TẾ", 2), ("Sở Y tế", 2), ("so y te", 2)]) == "Sở Y tế"


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "Sở Y tế",
                "sở y tế",
                "SO Y TE",
                "SỞ Y TẾ",
                "so  y te",
                "Bộ Y tế",
                "BO Y TE",
                "bộ y tế",
                "STP",
                "so tu phap",
                "Sở tư pháp",
            ]
        ),  # fmt: skip
        st.integers(1, 3),
        min_size=1,
    ),
    st.randoms(use_true_random=False),
)
def test_the_names_shown_do_not_depend_on_the_order_the_names_come_in(
    uses: dict[str, int], random: Random
) -> None:
    shuffled = list(uses.items())
    random.shuffle(shuffled)
    first = Names(Directory.builtin(), "agency", uses)
    second = Names(Directory.builtin(), "agency", dict(shuffled))
    assert {n: first(n) for n in uses} == {n: second(n) for n in uses}
    assert first.unknown == second.unknown
    shown: dict[str, str] = {}
    for typed in uses:  # one name shown per folded key, one of its spellings
        assert shown.setdefault(fold(typed), first(typed)) == first(typed)
        assert fold(first(typed)) == fold(typed) or typed in ("STP",)


def test_an_alias_with_no_letter_recorded_before_it_was_refused_is_passed_over() -> (
    None
):
    replayed = Directory.builtin().replayed(
        [("agency", "\u0301", "Sở Tư pháp", None), ("agency", "SYT2", "SYT2", None)]
    )
    assert not replayed.knows("agency", "\u0303")
    assert replayed.knows("agency", "syt2")
    with pytest.raises(ValueRefused, match="alias has no letter or digit"):
        Directory.builtin().with_alias("agency", "STP", "\u0301")
