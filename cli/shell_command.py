"""``tracker shell``: a prompt that keeps the ledger open (``cli.shell``)."""

from __future__ import annotations

import sys

import click

from cli.context import AppContext, pass_app


@click.command()
@click.option(
    "--file",
    "path",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Run the commands in FILE, each as its own transaction, instead of "
    "prompting (as when they are piped in).",
)
@pass_app
@click.pass_context
def shell(ctx: click.Context, app: AppContext, path: str | None) -> None:
    """Type commands at a prompt that completes codes, names and dates.

    Every logging, listing and report command works as on the command line,
    without the leading 'tracker'; each line is its own transaction, and a
    refused line shows its reason while the shell goes on. Tab completes
    commands, options, task codes (also by words of the title, accents
    aside), agency and assigner names and dates; the bottom bar shows who is
    logging, today's date, the ledger's position and whether the read
    models are current. 'help' lists the commands, 'help COMMAND' shows
    one's help, 'exit' or Ctrl-D leaves, Ctrl-C clears the line.

    When the commands do not come from a terminal (piped in, or --file),
    each runs as its own transaction with one result line, and the shell
    exits non-zero if any was refused (unlike batch, which records all or
    nothing).

    \b
    Example:
      tracker shell
      tracker> complete NV-2023-0042 --on today
      tracker> reassign NV-2023-0043 --agency "Sở Tư pháp" --on 01/03/2023
      tracker shell < cap-nhat-14-02.txt
    """
    from cli.shell.piped import numbered_lines, run_lines
    from cli.shell.session import Session

    session = Session(ctx.find_root())
    if path is None and sys.stdin.isatty():
        from cli.shell.prompt import Prompt

        code = Prompt(session).run()
    else:
        app.ledger  # noqa: B018 -- opened once, before the first line
        if path is None:
            code = run_lines(session, numbered_lines(sys.stdin.buffer))
        else:
            with open(path, "rb") as source:
                code = run_lines(session, numbered_lines(source))
    ctx.exit(code)


COMMANDS = [shell]
