"""The bottom bar: who is logging, today in Vietnam, where the ledger
stands and whether the read models are current.

prompt_toolkit redraws the bar on every keystroke; the figures are read
from the ledger once after each line (``refresh``), not on each redraw.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from cli.messages import translate

if TYPE_CHECKING:
    from tracker.ledger import TaskLedger


class Toolbar:
    def __init__(
        self, ledger: TaskLedger, actor: str, lang: str, today: Callable[[], date]
    ) -> None:
        self.ledger = ledger
        self.actor = actor
        self.lang = lang
        self.today = today
        self.line = ""
        self.refresh()

    def refresh(self) -> None:
        status = self.ledger.read_models.status()
        today = self.today().isoformat()
        if status.behind:
            text = (
                f"{self.actor} · today {today} · ledger at event {status.head} · "
                f"read models {status.behind} events behind"
            )
        else:
            text = (
                f"{self.actor} · today {today} · ledger at event {status.head} · "
                "read models current"
            )
        self.line = translate(self.lang, text)

    def __call__(self) -> str:
        return f" {self.line} "
