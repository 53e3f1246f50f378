"""Looking after the read models: how far behind, and rebuilding them."""

from __future__ import annotations

import json
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.help_text import TranslatedGroup
from cli.main import say
from cli.params import SecondsParam
from cli.progress import progress_bar


def require_projector(app: AppContext) -> Any:
    """The ledger, if this role may write the read models (on a hardened
    PostgreSQL only the owner and the projector may)."""
    from domain.errors import TrackerError

    ledger = app.ledger_to_read
    if not ledger.read_models.projects:
        raise TrackerError(
            "This role may not write the read models: run this as the owner or "
            "as the projector role ('tracker db harden --kind projector')."
        )
    return ledger


@click.group(cls=TranslatedGroup)
def projections() -> None:
    """Read models built from the ledger: status, rebuild, follow.

    \b
    Example:
      tracker projections status
      tracker projections rebuild
      tracker projections follow
    """


@projections.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@pass_app
def status(app: AppContext, fmt: str) -> None:
    """Show how far each read model is behind the event log.

    \b
    Example:
      tracker projections status --format json
    """
    state = app.ledger_to_read.read_models.status()
    data = {
        "name": state.name,
        "position": state.position,
        "head": state.head,
        "behind": state.behind,
    }
    if fmt == "json":
        click.echo(json.dumps([data], indent=2))
        return
    say(
        f"{state.name}: at event {state.position} of {state.head} "
        f"({state.behind} behind)"
    )


@projections.command()
@pass_app
def rebuild(app: AppContext) -> None:
    """Drop the read models and replay the whole ledger into them.

    \b
    Example:
      tracker projections rebuild
    """
    ledger = require_projector(app)
    read_models = ledger.read_models
    total = read_models.status().head
    with progress_bar("Rebuilding read models", total, app.quiet) as advance:
        applied = read_models.rebuild(progress=advance)
    app.done(f"Rebuilt read models from {applied} events.")


@projections.command()
@click.option(
    "--poll",
    type=SecondsParam(min=0.1, max=3600),
    default=5.0,
    show_default=True,
    metavar="SECONDS",
    help="Also look for new events this often (PostgreSQL wakes the "
    "projector at each commit; SQLite does not).",
)
@pass_app
def follow(app: AppContext, poll: float) -> None:
    """Keep the read models current until stopped (SIGTERM, SIGHUP or
    Ctrl-C): apply every new event as it is recorded. On a shared
    PostgreSQL, run it as a service under the projector role (see README,
    "A shared ledger").

    \b
    Example:
      TRACKER_DATABASE_URL=postgresql+psycopg://tracker_projector:...@db/tracker \\
        tracker projections follow
    """
    import signal
    import threading

    from tracker.projector import Follower

    ledger = require_projector(app)
    stop = threading.Event()
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, lambda *_: stop.set())
    follower = Follower(ledger.read_models, poll_seconds=poll, stop=stop, report=say)
    position = follower.run()
    say(f"Stopped at position {position}.")


COMMANDS = [projections]
