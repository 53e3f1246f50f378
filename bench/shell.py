"""``tracker shell`` on the province ledger: one update per line, completion,
memory.

Runs on a COPY of the bench ledger (its first open may rebuild the read
models once)::

    cp bench/results/ledger-100000-1-by-date.db /tmp/shell.db
    python -m bench.shell --db /tmp/shell.db

Prints, in process (the session ``tracker shell`` runs, each line timed
inside it): the time to read the completion index; the median and 95th
percentile of ``--lines`` ``note`` commands on open tasks, alone (as piped
lines run) and with the index and the bottom bar refreshed after each (as
at the terminal); completion of code prefixes, title words and a name among
all the tasks; the peak memory of the session. Then other open tasks'
notes as one whole ``tracker shell`` process fed on standard input, with
its wall time and peak memory.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date

from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document


def open_codes(path: str, count: int, skip: int = 0) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        rows = connection.execute(
            "SELECT code FROM tasks_view WHERE completed_on IS NULL"
            " AND cancelled_on IS NULL ORDER BY code LIMIT ? OFFSET ?",
            (count, skip),
        ).fetchall()
    return [code for (code,) in rows]


def note_lines(codes: list[str], tag: str) -> list[str]:
    return [f'note {code} "Đã đôn đốc ({tag} {n})" --on today' for n, code in
            enumerate(codes, 1)]  # fmt: skip


def timed(function: Callable[[], object], runs: int = 20) -> list[float]:
    """Milliseconds of each of ``runs`` calls."""
    found = []
    for _ in range(runs):
        began = time.perf_counter()
        function()
        found.append((time.perf_counter() - began) * 1000)
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def in_process(db: str, lines: list[str]) -> None:
    """What ``tracker shell`` at a terminal does: open the ledger, read the
    index, then per line run it, refresh the index and the bottom bar."""
    from cli.shell.completion import ShellCompleter
    from cli.shell.index import read_index
    from cli.shell.session import Session, root_context
    from cli.shell.toolbar import Toolbar

    root = root_context(db, "bench", "en")
    with root:
        session = Session(root)
        began = time.perf_counter()
        ledger = session.app.ledger
        print(f"open the ledger: {time.perf_counter() - began:.2f} s")
        began = time.perf_counter()
        index = read_index(ledger.store.datastore.url)
        print(
            f"read the completion index ({len(index.tasks)} tasks): "
            f"{time.perf_counter() - began:.2f} s"
        )
        toolbar = Toolbar(ledger, "bench", "en", date.today)
        alone, whole, failed = [], [], 0
        with contextlib.redirect_stdout(io.StringIO()):
            for line in lines:
                began = time.perf_counter()
                failed += session.run(line).exit_code != 0
                ran = time.perf_counter()
                with ledger.store.transaction(commit=False) as sql:
                    index.refresh(sql)
                toolbar.refresh()
                done = time.perf_counter()
                alone.append((ran - began) * 1000)
                whole.append((done - began) * 1000)
        for what, timings in (("the line", alone), ("with index and bar", whole)):
            print(
                f"{len(lines)} notes ({failed} refused), {what}: median "
                f"{statistics.median(timings):.2f} ms, 95th percentile "
                f"{percentile(timings, 0.95):.2f} ms, max {max(timings):.1f} ms"
            )
        completer = ShellCompleter(session, index, date.today)
        for typed in ("note NV-2021-5", "note nv-2023-1", "note ho tich",
                      "note kiem tra cong tac", "list --agency so tu"):  # fmt: skip
            document = Document(typed)

            def complete(document: Document = document) -> int:
                found = completer.get_completions(document, CompleteEvent())
                return len(list(found))

            ms = timed(complete)
            print(
                f"complete {typed!r}: {complete()} offered, median "
                f"{statistics.median(ms):.2f} ms, max {max(ms):.2f} ms"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the session, index included: {peak:.0f} MiB")
        ledger.close()


def whole_process(db: str, lines: list[str]) -> None:
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "cli", "--db", db, "--actor", "bench", "shell"],
        input="\n".join(lines).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"whole process, {len(lines)} piped notes: {seconds:.1f} s "
        f"(exit {result.returncode}, {len(result.stdout.splitlines())} result "
        f"lines), peak {peak:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="a COPY of the bench ledger")
    parser.add_argument("--lines", type=int, default=1000)
    args = parser.parse_args()
    codes = open_codes(args.db, 2 * args.lines)
    # The whole process first: a child forked from this process once it has
    # read the index would count this process's pages in its peak.
    whole_process(args.db, note_lines(codes[args.lines :], "process"))
    in_process(args.db, note_lines(codes[: args.lines], "session"))


if __name__ == "__main__":
    main()
