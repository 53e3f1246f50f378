"""Proving the ledger: verify its chain, export it, restore it elsewhere."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.progress import progress_bar
from domain.errors import IntegrityFailure


class FingerprintParam(click.ParamType):
    name = "POS:HASH"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from tracker.eventstore.chain import parse_fingerprint

        try:
            return parse_fingerprint(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@click.command()
@click.option(
    "--fingerprint",
    type=FingerprintParam(),
    default=None,
    help="Also prove the ledger still holds the history a report printed "
    "(copy POS:HASH from its footer).",
)
@click.option(
    "--read-models",
    is_flag=True,
    help="Also prove that the read models, which reports count from, equal a "
    "replay of the log.",
)
@pass_app
def verify(app: AppContext, fingerprint: Any, read_models: bool) -> None:
    """Recompute the hash chain of every recorded event.

    Exits 0 when intact; exits 4 and names the first broken position and its
    task when an event was altered, removed or inserted outside the tool,
    when the newest events were removed, or when the ledger no longer
    matches a report's fingerprint. With --read-models, also exits 4 naming
    the task whose read-model rows differ from what its events make.

    \b
    Example:
      tracker verify
      tracker verify --read-models
      tracker verify --fingerprint 1234:9f2c4e1a7b3d5f60
    """
    ledger = app.ledger_to_read
    audit = ledger.audit
    with audit.snapshot():  # the log and the read models as of one moment
        total = ledger.store.max_notification_id() or 0
        if read_models:
            # A damaged tracking row is told after the chain walk, which may
            # show what damaged it.
            with suppress(IntegrityFailure):
                total += audit.tracked_position()
        with progress_bar("Verifying", total, app.quiet) as advance:
            if read_models:
                checked, check = audit.verify_with_read_models(
                    fingerprint, progress=advance
                )
            else:
                checked = audit.verify(fingerprint, progress=advance)
        head = ledger.store.fingerprint()
    message = f"Ledger intact: {checked} events, fingerprint {head.short}."
    if fingerprint is not None:
        message += f" It still holds the history of {fingerprint.short}."
    if read_models:
        message += (
            f" Read models match a replay of the log: {check.tasks}"
            f" {'task' if check.tasks == 1 else 'tasks'} at position {check.position}"
        )
        if check.behind:
            events = "event" if check.behind == 1 else "events"
            message += f", {check.behind} {events} behind its end."
        else:
            message += "."
    app.done(message)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@pass_app
def export(app: AppContext, file: str) -> None:
    """Write the whole ledger as JSON Lines: one event per line with its
    position, recording time, actor and hash, then an end line.

    \b
    Example:
      tracker export so-cai-2023.jsonl
    """
    app.output(file, "export file")
    ledger = app.ledger_to_read
    total = ledger.store.max_notification_id()
    with progress_bar("Exporting", total, app.quiet) as advance:
        if file == "-":
            count = _write_lines(ledger.archive.export_lines(), sys.stdout, advance)
        else:
            count = _export_to(file, ledger.archive.export_lines(), advance)
    if file != "-":
        app.done(f"Exported {count - 1} events to {file}.")


def _write_lines(lines: Iterator[str], handle: Any, advance: Any) -> int:
    count = 0
    for line in lines:
        handle.write(line + "\n")
        count += 1
        if count % 1000 == 0:
            advance(1000)
    return count


def _export_to(file: str, lines: Iterator[str], advance: Any) -> int:
    """Write the export beside ``file`` and put it in place once whole: a
    failed export never leaves a partial file, nor spoils an earlier one."""
    partial = Path(file).with_name(Path(file).name + ".partial")
    try:
        with open(partial, "w", encoding="utf-8") as handle:
            count = _write_lines(lines, handle, advance)
        os.replace(partial, file)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@pass_app
def restore(app: AppContext, file: str) -> None:
    """Load an exported ledger into an empty database, checking the chain as it
    goes; a broken or truncated file is refused (exit 4) and nothing is kept.
    This is also how a ledger moves from SQLite to PostgreSQL.

    \b
    Example:
      tracker --db postgresql+psycopg://vp@db/tracker restore so-cai-2023.jsonl
    """
    ledger = app.ledger
    stream = sys.stdin if file == "-" else open(file, encoding="utf-8-sig")  # noqa: SIM115
    try:
        with progress_bar("Restoring", None, app.quiet) as advance:
            count = ledger.archive.restore_lines(stream, progress=advance)
    finally:
        if stream is not sys.stdin:
            stream.close()
    head = ledger.store.fingerprint()
    app.done(f"Restored {count} events; fingerprint {head.short}.")


COMMANDS = [verify, export, restore]
