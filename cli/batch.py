"""``tracker batch``: many logging commands, recorded all together or not at all."""

from __future__ import annotations

import shlex
import sys

import click

from cli.context import AppContext, pass_app
from cli.follow_up_commands import COMMANDS as FOLLOW_UP_COMMANDS
from cli.logging_commands import COMMANDS as LOGGING_COMMANDS
from cli.messages import current_language, translate
from domain.errors import TrackerError

BATCH_COMMANDS = {
    command.name: command for command in (*LOGGING_COMMANDS, *FOLLOW_UP_COMMANDS)
}


class BatchLineError(TrackerError):
    """A refused line: its number, the refusal, and the refusal's exit code."""

    def __init__(self, line: int, error: TrackerError) -> None:
        super().__init__(f"line {line}: {error} Nothing from the file was recorded.")
        self.exit_code = error.exit_code


def _parse(
    ctx: click.Context, lines: list[tuple[int, str]]
) -> list[tuple[int, click.Command, click.Context]]:
    """Parse every line before anything is recorded: usage errors cost nothing."""
    parsed = []
    for number, line in lines:
        try:
            args = shlex.split(line, comments=True)
        except ValueError as exc:
            raise click.UsageError(f"line {number}: {exc}.") from None
        if not args:
            continue
        if args[0] == "tracker":
            args = args[1:]
        name = args[0] if args else ""
        command = BATCH_COMMANDS.get(name)
        if command is None:
            raise click.UsageError(
                f"line {number}: '{name}' cannot be used in a batch; use one of "
                f"{', '.join(BATCH_COMMANDS)}."
            )
        try:
            sub = command.make_context(name, args[1:], parent=ctx)
        except click.UsageError as exc:
            # The line's own refusal in the clerk's language before click
            # wraps it in its (already translated) "Invalid value" sentence.
            exc.message = translate(current_language(), exc.message)
            raise click.UsageError(f"line {number}: {exc.format_message()}") from None
        parsed.append((number, command, sub))
    return parsed


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@pass_app
@click.pass_context
def batch(ctx: click.Context, app: AppContext, file: str) -> None:
    """Record many commands from FILE ('-' for standard input), atomically.

    One command per line, written as on the command line without the leading
    'tracker'; '#' starts a comment. Every line is checked against the ledger
    as it stands after the lines before it; if any line is refused, nothing
    from the file is recorded and the error names the line.

    \b
    Example (file ngay-14-02.txt):
      assign NV-01 --title "Rà soát TTHC" --agency "Sở Tư pháp" \\
             --assigner "UBND tỉnh" --assigned 14/02/2023 --due 31/03/2023
      complete NV-01 --on 28/03/2023   # báo cáo 1020/STP-VP
    \b
      tracker batch ngay-14-02.txt
    """
    lines = _join_continuations(_read_text(file).splitlines())
    parsed = _parse(ctx, lines)
    ledger = app.ledger
    app.quiet = True
    with ledger.batch():
        for number, command, sub in parsed:
            try:
                with sub:
                    command.invoke(sub)
            except TrackerError as exc:
                raise BatchLineError(number, exc) from None
    app.quiet = False
    source = "standard input" if file == "-" else file
    app.done(f"Recorded {len(parsed)} commands from {source}.")


def _read_text(file: str) -> str:
    """UTF-8 with or without a BOM (Notepad adds one), from a file or stdin."""
    if file == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise click.FileError(file, exc.strerror) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise click.UsageError(
            f"{file} is not UTF-8 text (byte {exc.start}); save it as UTF-8."
        ) from None


def _join_continuations(raw: list[str]) -> list[tuple[int, str]]:
    """Lines ending in a backslash continue on the next, as in a shell."""
    lines: list[tuple[int, str]] = []
    pending, start = "", 0
    for number, text in enumerate(raw, 1):
        if not pending:
            start = number
        if text.rstrip().endswith("\\"):
            pending += text.rstrip()[:-1] + " "
            continue
        lines.append((start, pending + text))
        pending = ""
    if pending:
        lines.append((start, pending))
    return lines


COMMANDS = [batch]
