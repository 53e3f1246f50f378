"""The ``tracker`` console script: global options and error conversion.

Every refusal becomes one line on stderr with its exit code (1 refused by a
rule, 2 usage, 3 concurrent change, 4 integrity failure), converted here and
nowhere else. Set ``TRACKER_DEBUG=1`` to see a traceback instead.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from cli.context import AppContext

VERSION = "0.1.0"


def error_line(exc: BaseException) -> tuple[str, int]:
    """The one line and exit code a user sees for an exception."""
    from domain.errors import TrackerError

    if isinstance(exc, TrackerError):
        return f"Error: {exc}", exc.exit_code
    name = type(exc).__name__
    if name in {"OperationalError", "InterfaceError", "DatabaseError"}:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else name
        return f"Error: the database cannot be used: {detail}", 1
    return f"Error: unexpected {name}: {exc}", 1


class TrackerGroup(click.Group):
    """Converts domain refusals into one readable line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            if os.environ.get("TRACKER_DEBUG"):
                raise
            message, code = error_line(exc)
            click.echo(message, err=True)
            ctx.exit(code)


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
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Language of labels.",
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


def _register() -> None:
    from cli import (
        admin_commands,
        audit_commands,
        batch,
        db_commands,
        demo,
        import_command,
        logging_commands,
        overdue_command,
        query_commands,
        report_command,
    )

    for module in (
        logging_commands,
        query_commands,
        report_command,
        overdue_command,
        import_command,
        batch,
        audit_commands,
        admin_commands,
        db_commands,
        demo,
    ):
        for command in module.COMMANDS:
            main.add_command(command)


_register()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
