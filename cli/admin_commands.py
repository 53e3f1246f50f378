"""Looking after the read models: how far behind, and rebuilding them."""

from __future__ import annotations

import json

import click

from cli.context import AppContext, pass_app
from cli.progress import progress_bar


@click.group()
def projections() -> None:
    """Read models built from the ledger: status and rebuild.

    \b
    Example:
      tracker projections status
      tracker projections rebuild
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
    state = app.ledger.projection_status()
    data = {
        "name": state.name,
        "position": state.position,
        "head": state.head,
        "behind": state.behind,
    }
    if fmt == "json":
        click.echo(json.dumps([data], indent=2))
        return
    click.echo(
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
    ledger = app.ledger
    total = ledger.projection_status().head
    with progress_bar("Rebuilding read models", total, app.quiet) as advance:
        applied = ledger.rebuild_read_models(progress=advance)
    app.done(f"Rebuilt read models from {applied} events.")


COMMANDS = [projections]
