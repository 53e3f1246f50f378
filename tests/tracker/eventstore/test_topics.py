"""The kinds of events the ledger decodes, known aggregate by aggregate."""

from __future__ import annotations

from eventsourcing.utils import get_topic, resolve_topic

from tracker.eventstore.topics import AGGREGATE_TOPICS, event_topics, is_known


def test_the_aggregate_topics_name_the_aggregates() -> None:
    for topic in AGGREGATE_TOPICS:
        assert get_topic(resolve_topic(topic)) == topic


def test_every_kind_of_event_recorded_is_known() -> None:
    known = event_topics()[0]
    assert {topic.rpartition(".")[0] for topic in known} == set(AGGREGATE_TOPICS)
    assert all(is_known(topic) for topic in known)


def test_a_topic_no_aggregate_records_is_unknown() -> None:
    for topic in (
        "domain.task:Task",
        "domain.task:Task.Event",
        "domain.task:Task.Erased",
        "domain.task:TaskX.Assigned",
        "domain.directory_record:DirectoryRecord.Assigned",
        "os:system",
        "",
    ):
        assert not is_known(topic), topic
