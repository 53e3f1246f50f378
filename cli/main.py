"""The ``tracker`` console script: global options and error conversion.

Every refusal becomes one line on stderr with its exit code (1 refused by a
rule, 2 usage, 3 concurrent change, 4 integrity failure), converted here and
nowhere else. Set ``TRACKER_DEBUG=1`` to see a traceback instead.

Messages are written in English in code and shown in ``--lang`` (Vietnamese by
default) here, at the boundary: the tracker's own through ``cli.messages``,
click's own through its gettext catalog (``cli.locale``).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from cli.context import AppContext
from cli.help_text import TranslatedGroup, adopt
from cli.messages import current_language

VERSION = "0.1.0"


def error_line(exc: BaseException, lang: str = "en") -> tuple[str, int]:
    """The one line and exit code a user sees for an exception, in ``lang``."""
    from cli.messages import translate
    from domain.errors import TrackerError

    if isinstance(exc, TrackerError):
        # The message alone, then the prefix: a template that begins with a
        # placeholder would otherwise take "Error:" into its value.
        line = f"{translate(lang, 'Error:')} {translate(lang, str(exc))}"
        return one_line(line), exc.exit_code
    name = type(exc).__name__
    detail = str(exc).strip()
    if name in {"OperationalError", "InterfaceError", "DatabaseError"}:
        line = f"Error: the database cannot be used: {detail or name}"
        return one_line(translate(lang, line)), 1
    return one_line(translate(lang, f"Error: unexpected {name}: {detail}")), 1


def one_line(message: str) -> str:
    """The first line of ``message`` (a driver adds ``CONTEXT:`` lines), with
    any character that would act on a terminal shown by its code point: file
    names and stored values reach messages too."""
    from domain.limits import printable

    return printable(message.strip().splitlines()[0] if message.strip() else message)


def say(message: str, err: bool = False, lang: str | None = None) -> None:
    """Print a message of the tracker's own (written in English) in the
    command's language, safe for a terminal."""
    from cli.messages import translate
    from domain.limits import printable

    click.echo(printable(translate(lang or current_language(), message)), err=err)


LANGUAGES = ("vi", "en")  # the first is the default


def language_of(args: list[str]) -> str:
    """``--lang`` among the global options (before the command's name), read
    before click parses them so that click's own messages (a usage error in
    those very options included) come out in that language."""
    lang = LANGUAGES[0]
    values = iter(args)
    for arg in values:
        if arg == "--lang":
            lang = next(values, lang)
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
        elif arg in ("--db", "--actor"):
            next(values, None)
        elif not arg.startswith("-") or arg == "--":
            break
    return lang if lang in LANGUAGES else LANGUAGES[0]


# Which module defines each command, in the order ``--help`` lists them. A
# command's module is imported only when that command runs (or for --help):
# importing them all would slow every command down. ``tests/cli`` checks that
# this table names exactly the commands the modules define.
COMMAND_MODULES = {
    **dict.fromkeys(
        (
            "assign",
            "extend",
            "reassign",
            "note",
            "complete",
            "reopen",
            "cancel",
            "correct",
        ),
        "cli.logging_commands",
    ),
    "undo": "cli.undo_command",
    **dict.fromkeys(("confirm", "tra-lai", "remind"), "cli.follow_up_commands"),
    "letters": "cli.letter_commands",
    **dict.fromkeys(("show", "list", "history"), "cli.query_commands"),
    "report": "cli.report_command",
    **dict.fromkeys(("overdue", "sweep"), "cli.overdue_command"),
    "import": "cli.import_command",
    "batch": "cli.batch",
    **dict.fromkeys(("verify", "export", "restore"), "cli.audit_commands"),
    "projections": "cli.admin_commands",
    "db": "cli.db_commands",
    "directory": "cli.directory_commands",
    "calendar": "cli.calendar_commands",
    "config": "cli.config_commands",
    "shell": "cli.shell_command",
    "demo": "cli.demo",
}


def load_command(name: str) -> click.Command | None:
    module_name = COMMAND_MODULES.get(name)
    if module_name is None:
        return None
    module = importlib.import_module(module_name)
    return next((c for c in module.COMMANDS if c.name == name), None)


class TrackerGroup(TranslatedGroup):
    """Converts domain refusals into one readable line and an exit code, and
    loads each command's module when it is asked for, with its help in
    ``--lang`` (``cli.help_text``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [
            *COMMAND_MODULES,
            *(n for n in self.commands if n not in COMMAND_MODULES),
        ]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            command = load_command(cmd_name)
            if command is not None:
                self.add_command(adopt(command))
        return self.commands.get(cmd_name)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        """Choose the language (``--lang``) before click parses anything."""
        from cli.locale import use_click_language
        from cli.messages import set_language

        args = list(sys.argv[1:] if args is None else args)
        lang = language_of(args)
        set_language(lang)
        use_click_language(lang)
        return super().main(args, *rest, **extra)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            translate_usage(exc)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            translate_usage(exc)
            raise
        except (click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if os.environ.get("TRACKER_DEBUG"):
                raise
            if isinstance(exc, BrokenPipeError):
                # The reader of the output went away (``| head``): stop quietly.
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                ctx.exit(1)
            message, code = error_line(exc, current_language())
            click.echo(message, err=True)
            ctx.exit(code)


def translate_usage(exc: click.ClickException) -> None:
    """The tracker's own part of a usage error (a bad date, a batch line) in
    the command's language; click's own part comes from its catalog."""
    from cli.messages import translate

    exc.message = translate(current_language(), exc.message)


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    metavar="URL",
    default=None,
    help="Database URL or SQLite file (default: TRACKER_DATABASE_URL, "
    "else a file in your data directory).",
)
@click.option(
    "--actor",
    default=None,
    help="Who is logging (default: TRACKER_ACTOR, else your user name).",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=LANGUAGES[0],
    show_default=True,
    help="Language of messages and labels: vi (Vietnamese) or en (English).",
)
@click.version_option(VERSION, prog_name="tracker")
@click.pass_context
def main(ctx: click.Context, db: str | None, actor: str | None, lang: str) -> None:
    """Event-sourced tracker of tasks assigned to the Office.

    \b
    Example:
      tracker assign NV-2023-0042 --title "Rà soát thủ tục hành chính" \\
        --agency "Sở Tư pháp" --assigner "UBND tỉnh" \\
        --assigned 14/02/2023 --due 31/03/2023 --doc "495/UBND-TTHC ngày 14/02/2023"
      tracker complete NV-2023-0042 --on 28/03/2023
      tracker list --status overdue
    """
    if ctx.obj is None:
        from tracker.settings import default_actor

        ctx.obj = AppContext(db=db, actor=actor or default_actor(), lang=lang)
        show_notices()


def show_notices() -> None:
    """Show the packages' notices as lines on stderr (``cli.notices``), set
    up with the first notice: a command that gives none never loads
    ``logging``."""
    from database.notices import before_first

    before_first(_notice_lines)


def _notice_lines() -> None:
    from cli.notices import show_notices as set_up

    set_up()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
