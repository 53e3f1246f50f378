"""Keeping the read models current as a service (``tracker projections follow``).

On a hardened PostgreSQL the clerks only append; one projector process, run
as the projector role, applies each new event to the read models, exactly
once (the same ``CatchUp`` as every other path: the tracking row moves in
the transaction that writes the rows). It wakes on the notification the
append function sends at each commit (LISTEN/NOTIFY), and also every
``poll_seconds`` in case a notification was missed (a dropped connection) or
the database sends none (SQLite).

A failure to apply the log (a bug, or an event the projection cannot read)
must not end the service: it is reported once, retried with a growing pause,
and the reports meanwhile say how far behind the read models are.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from domain.errors import DatabaseBusy
from tracker.eventstore.pg_append import NOTIFY_CHANNEL
from tracker.read_models import ReadModels

WAKE_SLICE_SECONDS = 0.5  # how quickly a stop request is noticed
MAX_BACKOFF_SECONDS = 60.0


class Follower:
    """Applies the log to the read models until ``stop`` is set."""

    def __init__(
        self,
        read_models: ReadModels,
        *,
        poll_seconds: float,
        stop: threading.Event,
        report: Callable[[str], None],
    ) -> None:
        self.read_models = read_models
        self.poll_seconds = poll_seconds
        self.stop = stop
        self.report = report
        self.listener: Any = None
        self.backoff = 0.0
        self.last_problem = ""

    def run(self) -> int:
        """Follow until stopped; the position the read models reached."""
        catch_up = self.read_models.catch_up
        self.report(
            f"Following the ledger from position {catch_up.position()} "
            f"of {catch_up.head()}."
        )
        try:
            while not self.stop.is_set():
                self._apply()
                self._wait(self.backoff or self.poll_seconds)
        finally:
            self._close_listener()
        return int(catch_up.position())

    def _apply(self) -> None:
        try:
            applied = self.read_models.catch_up.run()
        except DatabaseBusy:
            return  # another projector holds the tracking row: it applies them
        except Exception as error:
            problem = f"{type(error).__name__}: {error}"
            self.backoff = min(max(self.backoff * 2, 1.0), MAX_BACKOFF_SECONDS)
            if problem != self.last_problem:
                self.report(
                    "Cannot apply the log after position "
                    f"{self._position()} ({problem}); trying again, "
                    "every minute at most."
                )
                self.last_problem = problem
            return
        if self.last_problem:
            self.report("Applying the log again.")
        self.backoff, self.last_problem = 0.0, ""
        if applied:
            self.report(f"Applied {applied} events; at position {self._position()}.")

    def _position(self) -> int | str:
        try:
            return int(self.read_models.catch_up.position())
        except Exception:
            return "?"

    def _wait(self, seconds: float) -> None:
        """Until a notification arrives, ``seconds`` pass, or stop is set."""
        deadline = time.monotonic() + seconds
        while not self.stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            listener = self._listening()
            if listener is None:
                self.stop.wait(min(left, WAKE_SLICE_SECONDS))
                continue
            try:
                for _ in listener.notifies(
                    timeout=min(left, WAKE_SLICE_SECONDS), stop_after=1
                ):
                    return
            except Exception:  # the connection dropped: poll, listen anew
                self._close_listener()
                self.stop.wait(min(left, WAKE_SLICE_SECONDS))

    def _listening(self) -> Any:
        """A connection that LISTENs for new events (PostgreSQL only)."""
        location = self.read_models.store.datastore.location
        if self.listener is not None or location.kind != "postgresql":
            return self.listener
        try:
            import psycopg

            listener = psycopg.connect(location.target, autocommit=True)
            listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except Exception:
            return None  # poll meanwhile; try to listen again next time
        self.listener = listener
        return listener

    def _close_listener(self) -> None:
        if self.listener is not None:
            try:
                self.listener.close()
            finally:
                self.listener = None
