"""Preparing a long job's batches in a forked helper process while this one
writes (``tracker import``, ``projections rebuild``, ``verify
--read-models``).

Each job has two parts: preparing rows (building and checking tasks and
encoding their events, or decoding the log; then the read models' rows),
which is Python and needs no database, and writing them, which must happen
in this process's single transaction. With a second core, a helper process
reads the job's items a chunk at a time and sends each one in order, either
prepared or raw for this process to prepare between its writes.

Which, no constant decides: both processes time their work, and the helper
sends raw the share of chunks that makes them finish together (``Pace``).
The helper times its reading of a chunk, R, and its preparing (and
pickling) of one, H; this process its work per chunk besides preparing, W
(unpickling, writing, whatever the job does between chunks), its preparing
of one, C, and how long it waits for each chunk, w. With a share s sent raw,
this process spends W + s*C per chunk and the helper R + (1 - s)*H, so
s = (R + H - W) / (C + H), kept between 0 and 1. What the helper spends
that it cannot time (sending, the interpreter lock it shares with its
reading thread) shows here as waiting, so w / (C + H) is added: the share
that waiting would have been worth. Every chunk times them again, so the
share follows the machine's load as it changes.

Only plain data crosses the pipe: tuples, dicts, strings and the encoded
events' bytes (unpickling aggregates would cost more than building them).
A thread here reads the pipe as soon as the helper writes. The helper is
forked, so it starts at once with this process's modules, the application's
mapper and the open file; it never touches the database connections it
inherits, and it ends with ``os._exit`` so that nothing of this process is
flushed or closed twice.
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import TypeVar

from domain.errors import TrackerError

Item = TypeVar("Item")
Prepared = TypeVar("Prepared")

AHEAD = 4  # chunks read from the pipe and not yet used, at most
TEARDOWN_SECONDS = 2.0  # how long leaving waits for the pipe's reader
_DONE = "done"
_ITEM = "item"  # a prepared chunk
_ROWS = "rows"  # a chunk for the caller to prepare
_ERROR = "error"
# Weight of each new time in a pace: enough to follow a change of load
# within a few chunks, little enough that one slow chunk does not swing it.
WEIGHT = 0.2


class HelperStopped(TrackerError):
    """The helper process ended without saying why (killed, out of memory)."""


class Pace:
    """The processes' times per chunk, in memory both share (each time is
    written by one process only): the helper's reading and preparing, this
    process's own work, preparing and waiting (R, H, W, C and w of the
    module docstring), each a moving average."""

    READING, HELPER, CALLER_OWN, CALLER_PREPARING, CALLER_WAITING = range(5)

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self.seconds: ctypes.Array[ctypes.c_double] = context.RawArray(
            ctypes.c_double, 5
        )
        # The helper's own: with the first share, one in two, the first
        # chunk goes raw, so that this process starts at once.
        self.credit = 0.5

    def note(self, which: int, seconds: float) -> None:
        known = self.seconds[which]
        self.seconds[which] = (
            seconds if not known else known + WEIGHT * (seconds - known)
        )

    def send_raw(self) -> bool:
        """Whether the helper should send its next chunk raw: ``share``'s
        worth of chunks, spread evenly (a running credit)."""
        self.credit += self.share()
        if self.credit < 1:
            return False
        self.credit -= 1
        return True

    def share(self) -> float:
        """The share of chunks this process should prepare; one in two
        until both processes have timed their work."""
        reading, helper, own, preparing, waiting = self.seconds
        if not (helper and own and preparing):
            return 0.5
        share = (reading + helper - own + waiting) / (preparing + helper)
        return min(max(share, 0.0), 1.0)


def helper_available() -> bool:
    """A helper pays only with a second core, and needs ``fork``."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def in_chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@contextmanager
def prepared_chunks(
    items: Iterable[Item],
    prepare: Callable[[list[Item]], Prepared],
    chunk_size: int,
    *,
    in_helper: bool,
) -> Iterator[Iterator[Prepared]]:
    """``prepare`` applied to ``items`` a chunk at a time, in order, shared
    with a helper process or all here. ``prepare`` must be pure: it runs in
    both processes. An exception it raises is raised again here; leaving the
    block early stops the helper."""
    if not in_helper:
        yield (prepare(chunk) for chunk in in_chunks(items, chunk_size))
        return
    pace = Pace()
    receiving, sending = Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or the helper would inherit, and never write, them
    pid = os.fork()
    if pid == 0:  # the helper
        receiving.close()
        os._exit(_serve(sending, pace, items, prepare, chunk_size))
    sending.close()
    received: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=AHEAD)
    reader = threading.Thread(
        target=_read, args=(receiving, received), name="helper-pipe", daemon=True
    )
    reader.start()
    try:
        yield _chunks(received, pace, prepare)
    finally:
        _stop(pid, reader, received, receiving)


def _serve(
    sending: Connection,
    pace: Pace,
    items: Iterable[Item],
    prepare: Callable[[list[Item]], Prepared],
    chunk_size: int,
) -> int:
    """The helper's whole life; its exit status."""
    try:
        chunks = in_chunks(items, chunk_size)
        while True:
            began = time.perf_counter()
            chunk = next(chunks, None)
            if chunk is None:
                break
            pace.note(Pace.READING, time.perf_counter() - began)
            if pace.send_raw():
                sending.send_bytes(
                    pickle.dumps((_ROWS, chunk), pickle.HIGHEST_PROTOCOL)
                )
                continue
            began = time.perf_counter()
            message = pickle.dumps((_ITEM, prepare(chunk)), pickle.HIGHEST_PROTOCOL)
            pace.note(Pace.HELPER, time.perf_counter() - began)
            sending.send_bytes(message)
        sending.send_bytes(pickle.dumps((_DONE, None)))
        return 0
    except (BrokenPipeError, OSError):
        return 0  # the caller stopped listening: it has its reason
    except BaseException as error:  # everything goes back to the caller
        with suppress(OSError):
            sending.send_bytes(pickle.dumps((_ERROR, _travelling(error))))
        return 1


def _travelling(error: BaseException) -> BaseException:
    """``error``, or a stand-in naming it if it would not survive pickling
    (some exceptions pickle, then fail to load)."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        if isinstance(error, TrackerError):  # its sentence and exit code
            stand_in = TrackerError(str(error))
            stand_in.exit_code = error.exit_code
            return stand_in
        return TrackerError(f"{type(error).__name__}: {error}")
    return error


def _read(receiving: Connection, received: queue.Queue[bytes | BaseException]) -> None:
    """The pipe's reading thread: every message as it comes, then the end."""
    while True:
        try:
            received.put(receiving.recv_bytes())
        except (EOFError, OSError) as end:
            received.put(end)
            return


def _chunks(
    received: queue.Queue[bytes | BaseException],
    pace: Pace,
    prepare: Callable[[list[Item]], Prepared],
) -> Iterator[Prepared]:
    """The chunks in order, this process's own prepared here; the time it
    spends on each, waiting for the helper excepted, goes into ``pace``."""
    first = True
    while True:
        asked = time.perf_counter()
        message = received.get()
        began = time.perf_counter()
        if not first:
            pace.note(Pace.CALLER_WAITING, began - asked)
        first = False
        if isinstance(message, BaseException):
            raise HelperStopped(
                "The helper process stopped unexpectedly; nothing was written. "
                "Try again (or with less other work on this machine)."
            )
        kind, value = pickle.loads(message)
        if kind == _DONE:
            return
        if kind == _ERROR:
            raise value
        own = time.perf_counter() - began
        if kind == _ROWS:
            preparing = time.perf_counter()
            value = prepare(value)
            pace.note(Pace.CALLER_PREPARING, time.perf_counter() - preparing)
        handed = time.perf_counter()
        yield value
        pace.note(Pace.CALLER_OWN, own + time.perf_counter() - handed)


def _stop(
    pid: int,
    reader: threading.Thread,
    received: queue.Queue[bytes | BaseException],
    receiving: Connection,
) -> None:
    """End the helper and the pipe's reader, waiting at most
    ``TEARDOWN_SECONDS`` for the reader to see the pipe close."""
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)  # only matters if it is still sending
    os.waitpid(pid, 0)
    deadline = time.monotonic() + TEARDOWN_SECONDS
    while reader.is_alive() and time.monotonic() < deadline:
        with suppress(queue.Empty):
            while True:  # make room until it reaches the pipe's end
                received.get_nowait()
        reader.join(0.01)
    receiving.close()
