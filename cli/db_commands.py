"""``tracker db``: create the schema, check the database, harden PostgreSQL."""

from __future__ import annotations

import json

import click

from cli.context import AppContext, pass_app
from cli.help_text import TranslatedGroup

CHECK_WORDS = {
    "vi": {
        "database": "Cơ sở dữ liệu",
        "schema": "Lược đồ",
        "ready": "sẵn sàng",
        "missing": "thiếu {tables} (hãy chạy 'tracker db init')",
        "events": "Số sự kiện",
        "read_models": "Dữ liệu tổng hợp",
        "behind": "chậm {behind} sự kiện",
        "not_built": "chưa dựng",
    },
    "en": {
        "database": "Database",
        "schema": "Schema",
        "ready": "ready",
        "missing": "missing {tables} (run 'tracker db init')",
        "events": "Events",
        "read_models": "Read models",
        "behind": "{behind} events behind",
        "not_built": "not built yet",
    },
}


def _url(app: AppContext) -> str:
    from tracker.settings import database_url

    return database_url(app.db)


@click.group(cls=TranslatedGroup)
def db() -> None:
    """The database behind the ledger: init, check, harden.

    \b
    Example:
      tracker --db postgresql+psycopg://vp@db.local/tracker db init
      tracker db check
    """


@db.command()
@pass_app
def init(app: AppContext) -> None:
    """Create the ledger's tables if they are missing (safe to run again).

    \b
    Example:
      tracker --db postgresql+psycopg://admin@db.local/tracker db init
    """
    from tracker.administration import check_database

    app.ledger.read_models.catch_up.run()  # opening creates what is missing
    report = check_database(_url(app))
    app.done(f"Schema ready on {report.kind} {report.version} ({report.url}).")


@db.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@pass_app
def check(app: AppContext, fmt: str) -> None:
    """Report the database kind, schema state, event count and how far the read
    models are behind. Exits 1 when the schema is incomplete.

    \b
    Example:
      tracker db check --format json
    """
    from tracker.administration import check_database

    report = check_database(app.url_to_read())
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        words = CHECK_WORDS[app.lang if app.lang in CHECK_WORDS else "en"]
        missing = ", ".join(report.missing_tables)
        behind = report.behind
        lines = (
            (words["database"], f"{report.kind} {report.version}"),
            ("URL", report.url),
            (
                words["schema"],
                words["ready"]
                if report.schema_ready
                else words["missing"].format(tables=missing),
            ),
            (words["events"], str(report.events if report.events is not None else "-")),
            (
                words["read_models"],
                words["behind"].format(behind=behind)
                if behind is not None
                else words["not_built"],
            ),
        )
        width = max(len(name) for name, _ in lines) + 2
        for name, value in lines:
            click.echo(f"{name + ':':<{width}}{value}")
    if not report.schema_ready:
        raise click.exceptions.Exit(1)


@db.command()
@click.option("--role", required=True, help="The PostgreSQL role to create or adjust.")
@click.option(
    "--kind",
    type=click.Choice(["clerk", "projector"]),
    default="clerk",
    show_default=True,
    help="clerk: reads, and appends events through the append functions only; "
    "projector: the only writer of the read models.",
)
@click.option(
    "--password",
    default=None,
    help="Set the role's password (omit to keep or set it yourself).",
)
@pass_app
def harden(app: AppContext, role: str, kind: str, password: str | None) -> None:
    """Create or adjust a PostgreSQL role for clerks (who may read everything
    and append events, never change a table) or for the projector (the only
    writer of the read models). Safe to run again, e.g. to reset a password
    or to add a clerk, by the tables' owner with CREATEROLE.

    \b
    Example:
      tracker --db postgresql+psycopg://admin@db.local/tracker \\
        db harden --role van_thu --password 'mật khẩu'
      tracker --db postgresql+psycopg://admin@db.local/tracker \\
        db harden --role tracker_projector --kind projector --password '...'
      TRACKER_DATABASE_URL=postgresql+psycopg://van_thu:...@db.local/tracker \\
        tracker list
    """
    from tracker.administration import harden as harden_role

    app.ledger.read_models.catch_up.run()  # the tables must exist to be granted
    for statement in harden_role(_url(app), role, password, kind):
        click.echo(statement + ";")
    if kind == "clerk":
        app.done(f"Role {role} may now read and append events, never change them.")
    else:
        app.done(f"Role {role} may now keep the read models; run it as the projector.")


COMMANDS = [db]
