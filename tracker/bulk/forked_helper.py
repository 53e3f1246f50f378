"""Preparing a long job's batches in a forked helper process while this one
writes (``tracker import``, ``projections rebuild``, ``verify
--read-models``).

Each job has two parts: preparing rows (building and checking tasks and
encoding their events, or decoding the log; then the read models' rows),
which is Python and needs no database, and writing them, which must happen
in this process's single transaction. With a second core, a helper process
reads the job's items into numbered chunks and prepares them as fast as it
can; this process writes the prepared chunks in order and, whenever the next
one is not ready, prepares a waiting chunk itself rather than idle. So each
process takes the share its speed allows on this machine at this moment,
and no constant decides it.

Only plain data crosses between the processes: tuples, dicts, strings and
the encoded events' bytes (unpickling aggregates would cost more than
building them). A thread here reads the helper's pipe as soon as it writes.
The helper is forked, so it starts at once with this process's modules, the
application's mapper and the open file; it never touches the database
connections it inherits, and it ends with ``os._exit`` so that nothing of
this process is flushed or closed twice.
"""

from __future__ import annotations

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
from typing import Any, TypeVar

from domain.errors import TrackerError

Item = TypeVar("Item")
Prepared = TypeVar("Prepared")

AHEAD = 4  # chunks read or prepared and not yet used, at most, each way
TEARDOWN_SECONDS = 2.0  # how long leaving waits for the pipe's reader
_DONE = "done"
_ITEM = "item"  # a prepared chunk
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
) -> Iterator[Iterator[Prepared]]:
    """``prepare`` applied to ``items`` a chunk at a time, in order, shared
    with a helper process or all here. ``prepare`` must be pure: it runs in
    both processes. An exception it raises is raised again here; leaving the
    block early stops the helper."""
    if not in_helper:
        yield (prepare(chunk) for chunk in in_chunks(items, chunk_size))
        return
    raw: Any = multiprocessing.get_context("fork").Queue(maxsize=AHEAD)
    receiving, sending = Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or the helper would inherit, and never write, them
    pid = os.fork()
    if pid == 0:  # the helper
        receiving.close()
        os._exit(_serve(sending, raw, items, prepare, chunk_size))
    sending.close()
    received: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=AHEAD)
    reader = threading.Thread(
        target=_read, args=(receiving, received), name="helper-pipe", daemon=True
    )
    reader.start()
    try:
        yield _in_order(received, raw, prepare)
    finally:
        _stop(pid, reader, received, receiving, raw)


def _serve(
    sending: Any,
    raw: Any,
    items: Iterable[Item],
    prepare: Callable[[list[Item]], Any],
    chunk_size: int,
) -> int:
    """The helper's whole life; its exit status. A thread numbers the chunks
    into ``raw``, where either process takes the next; this one prepares
    what it takes and sends it."""
    threading.Thread(target=_number, args=(raw, items, chunk_size), daemon=True).start()
    try:
        while True:
            number, chunk = raw.get()
            if number == _DONE:
                sending.send_bytes(pickle.dumps((_DONE, chunk)))
                return 0
            if number == _ERROR:
                raise chunk
            message = (_ITEM, (number, prepare(chunk)))
            sending.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))
    except (BrokenPipeError, OSError):
        return 0  # the caller stopped listening: it has its reason
    except BaseException as error:  # everything goes back to the caller
        with suppress(OSError):
            sending.send_bytes(_error_message(error))
        return 1


def _number(raw: Any, items: Iterable[Any], chunk_size: int) -> None:
    """The helper's reading thread: every chunk with its number, then the
    count twice (one for each process that may take it), or the error."""
    try:
        count = 0
        for count, chunk in enumerate(in_chunks(items, chunk_size), 1):
            raw.put((count - 1, chunk))
        for _ in range(2):
            raw.put((_DONE, count))
    except BaseException as error:
        for _ in range(2):
            raw.put((_ERROR, _travelling(error)))


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


def _error_message(error: BaseException) -> bytes:
    return pickle.dumps((_ERROR, _travelling(error)))


def _read(receiving: Any, received: queue.Queue[bytes | BaseException]) -> None:
    """The pipe's reading thread: every message as it comes, then the end."""
    while True:
        try:
            received.put(receiving.recv_bytes())
        except (EOFError, OSError) as end:
            received.put(end)
            return


def _in_order(
    received: queue.Queue[bytes | BaseException],
    raw: Any,
    prepare: Callable[[list[Any]], Any],
) -> Iterator[Any]:
    """The prepared chunks in their order: the helper's as they arrive, and
    this process's own, prepared whenever the next chunk is not ready."""
    ready: dict[int, Any] = {}
    total: int | None = None
    number = 0
    while total is None or number < total:
        if number in ready:
            yield ready.pop(number)
            number += 1
            continue
        try:
            message = received.get_nowait()
        except queue.Empty:
            message = None
        if message is None:
            try:
                taken, chunk = raw.get_nowait()  # nothing ready: work meanwhile
            except queue.Empty:
                message = received.get()
            else:
                if taken == _DONE:
                    total = chunk
                elif taken == _ERROR:
                    raise chunk
                else:
                    ready[taken] = prepare(chunk)
                continue
        total = _arrived(message, ready, total)


def _arrived(
    message: bytes | BaseException, ready: dict[int, Any], total: int | None
) -> int | None:
    """Take in one message from the helper; the count of chunks, once known."""
    if isinstance(message, BaseException):
        raise HelperStopped(
            "The helper process stopped unexpectedly; nothing was written. "
            "Try again (or with less other work on this machine)."
        )
    kind, value = pickle.loads(message)
    if kind == _ERROR:
        raise value
    if kind == _DONE:
        return int(value)
    number, prepared = value
    ready[number] = prepared
    return total


def _stop(
    pid: int,
    reader: threading.Thread,
    received: queue.Queue[bytes | BaseException],
    receiving: Any,
    raw: Any,
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
    raw.close()
    raw.cancel_join_thread()
