"""``tracker undo``: take back one's own last event, honestly (``tracker.undo``)."""

from __future__ import annotations

import click

from cli.context import AppContext, pass_app


@click.command()
@click.argument("reason")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Say which event would be voided, and record nothing.",
)
@pass_app
def undo(app: AppContext, reason: str, dry_run: bool) -> None:
    """Take back the last event you recorded, a few minutes ago.

    Records a void that names the event and REASON: the event stays in the
    history, marked, and no report, list or status counts it. It reaches back
    15 minutes, or as many as 'tracker config set undo_window_minutes' says;
    each undo goes one event further back, and none reaches past an event
    someone else recorded on the same task since.

    \b
    Example:
      tracker undo "Ghi nhầm nhiệm vụ"
      tracker undo "Gõ nhầm ngày hoàn thành" --dry-run
    """
    from cli.labels import event_name
    from domain.voiding import show_moment
    from tracker.settings import undo_window
    from tracker.undo import undo_last

    undone = undo_last(
        app.ledger,
        actor=app.actor,
        reason=reason,
        window=undo_window(),
        dry_run=dry_run,
    )
    kind = event_name(app.lang, undone.kind)
    moment = show_moment(undone.recorded_at)
    if dry_run:
        app.done(
            f"Would void '{kind}' (event {undone.voided}, version {undone.version} "
            f"of task {undone.code}, recorded on {moment}); nothing was recorded."
        )
        return
    app.done(
        f"Voided '{kind}' (event {undone.voided}, version {undone.version} of "
        f"task {undone.code}, recorded on {moment}); the void is event "
        f"{undone.position}."
    )


COMMANDS = [undo]
