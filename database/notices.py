"""Notices to the clerk (waiting for a busy database, read models behind):
warnings of the standard ``logging`` package, on the logger of the module
that gives them.

``logging`` is loaded with the first notice, not by every command: whoever
shows the notices (the CLI, ``cli.notices``) asks ``before_first`` to set
its handlers up then.
"""

from __future__ import annotations

from collections.abc import Callable

_setups: dict[Callable[[], None], None] = {}  # in order, each once


def before_first(setup: Callable[[], None]) -> None:
    """Call ``setup`` before the next notice is logged."""
    _setups[setup] = None


def notice(logger: str, message: str, *args: object) -> None:
    """Log ``message % args`` as a warning of ``logger`` (a module's name)."""
    import logging

    while _setups:
        setup = next(iter(_setups))
        del _setups[setup]
        setup()
    logging.getLogger(logger).warning(message, *args)


def forget_setups() -> None:
    """Drop the set-ups not run yet (a test's, once it ends)."""
    _setups.clear()
