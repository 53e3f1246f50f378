"""Preparing a long job's batches in a forked helper process while this one
writes (``tracker import`` and ``tracker projections rebuild``).

Both jobs have two parts: preparing rows (building and checking tasks and
encoding their events, or decoding the log; then the read models' rows),
which is Python and needs no database, and writing them, which is mostly
SQLite's own work and must happen in this process's single transaction.
Preparing costs more than writing, so with a second core the helper
prepares most batches (all but one in ``caller_share``) and passes the
others' raw items over: this process prepares those itself between writes,
and the two finish together.

Only plain data crosses the pipe: tuples, dicts, strings and the encoded
events' bytes. Sending the aggregates themselves was tried in session 2 and
lost: unpickling 100,000 tasks cost this process more than building them. A
thread here reads the pipe as soon as the helper writes, so the helper never
waits for this process to be ready (reading releases the interpreter lock).

The helper is forked, so it starts at once with this process's modules, the
application's mapper and the open file; it never touches the database
connections it inherits, and it ends with ``os._exit`` so that nothing of
this process (buffers, connections) is flushed or closed twice.
"""

from __future__ import annotations

import itertools
import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing import Pipe
from typing import Any, TypeVar

from domain.errors import TrackerError

Item = TypeVar("Item")
Prepared = TypeVar("Prepared")

# Of every CALLER_SHARE chunks, the caller prepares one (the first, so that
# it starts at once) and the helper the rest. Measured on an import of
# 100,000 tasks, two cores, timing how long each process waits for the
# other: with one in four, the caller waited 3.5-6.4 s for chunks; with one
# in three (the first of each three), 0.9-1.3 s, and the import took 2-3 s
# less in runs taken back to back.
CALLER_SHARE = 3
AHEAD = 4  # chunks read from the pipe and not yet used, at most

_DONE = "done"
_ITEM = "item"  # a prepared chunk
_ROWS = "rows"  # a chunk for the caller to prepare
_ERROR = "error"


class HelperStopped(TrackerError):
    """The helper process ended without saying why (killed, out of memory)."""


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
    caller_share: int = CALLER_SHARE,
) -> Iterator[Iterator[Prepared]]:
    """``prepare`` applied to ``items`` a chunk at a time, in order, shared
    with a helper process (this process takes one chunk in
    ``caller_share``) or all here. ``prepare`` must be pure: it runs in
    both processes. An exception it raises is raised again here; leaving
    the block early stops the helper."""
    if not in_helper:
        yield (prepare(chunk) for chunk in in_chunks(items, chunk_size))
        return
    receiving, sending = Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or the helper would inherit, and never write, them
    pid = os.fork()
    if pid == 0:  # the helper
        receiving.close()
        os._exit(_serve(sending, items, prepare, chunk_size, caller_share))
    sending.close()
    received: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=AHEAD)
    reader = threading.Thread(
        target=_read, args=(receiving, received), name="import-helper", daemon=True
    )
    reader.start()
    try:
        yield _chunks(received, prepare)
    finally:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # only matters if it is still sending
        os.waitpid(pid, 0)
        while reader.is_alive():  # make room until it reaches the pipe's end
            with suppress(queue.Empty):
                while True:
                    received.get_nowait()
            reader.join(0.01)
        receiving.close()


def _serve(
    sending: Any,
    items: Iterable[Item],
    prepare: Callable[[list[Item]], Any],
    chunk_size: int,
    caller_share: int,
) -> int:
    """The helper's whole life; its exit status."""
    try:
        for number, chunk in enumerate(in_chunks(items, chunk_size)):
            if number % caller_share == 0:  # the caller's own
                message: tuple[str, Any] = (_ROWS, chunk)
            else:
                message = (_ITEM, prepare(chunk))
            sending.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))
        sending.send_bytes(pickle.dumps((_DONE, None)))
        return 0
    except BrokenPipeError:
        return 0  # the caller stopped listening: it has its reason
    except BaseException as error:  # everything goes back to the caller
        try:
            message_bytes = pickle.dumps((_ERROR, error))
            pickle.loads(message_bytes)  # some exceptions pickle, then fail to load
        except Exception:
            stand_in = TrackerError(f"{type(error).__name__}: {error}")
            message_bytes = pickle.dumps((_ERROR, stand_in))
        with suppress(OSError):
            sending.send_bytes(message_bytes)
        return 1


def _read(receiving: Any, received: queue.Queue[bytes | BaseException]) -> None:
    """The reading thread: every message as it comes, then the end."""
    while True:
        try:
            received.put(receiving.recv_bytes())
        except (EOFError, OSError) as end:
            received.put(end)
            return


def _chunks(
    received: queue.Queue[bytes | BaseException],
    prepare: Callable[[list[Any]], Any],
) -> Iterator[Any]:
    while True:
        message = received.get()
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
        yield prepare(value) if kind == _ROWS else value
