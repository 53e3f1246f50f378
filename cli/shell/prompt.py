"""The interactive prompt: completion, the bottom bar, history, keys.

Ctrl-C clears the line being typed (prompt_toolkit raises
``KeyboardInterrupt``, and the loop asks again); Ctrl-D on an empty line
leaves, as ``exit`` does. History is kept beside the default ledger, in the
user's data directory.
"""

from __future__ import annotations

from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

from cli.shell.completion import ShellCompleter
from cli.shell.index import ShellIndex, read_index
from cli.shell.session import Session
from cli.shell.toolbar import Toolbar

PROMPT = "tracker> "


def history_path() -> Path:
    from tracker.settings import default_database_path

    return default_database_path().parent / "shell-history"


def open_history() -> History:
    """The history file; in memory when the data directory cannot be written
    (the shell still works, it only forgets)."""
    path = history_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(exist_ok=True)
    except OSError:
        return InMemoryHistory()
    return FileHistory(str(path))


def tab_completes(completer: Completer) -> KeyBindings:
    """Tab: the one completion at once (it is looked up in memory, so there
    is nothing to wait for); several: the menu, as prompt_toolkit shows it;
    the menu already open: its next entry."""
    bindings = KeyBindings()

    @bindings.add("c-i")
    def complete(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if buffer.complete_state:
            buffer.complete_next()
            return
        requested = CompleteEvent(completion_requested=True)
        found = list(completer.get_completions(buffer.document, requested))
        if len(found) == 1:
            buffer.apply_completion(found[0])
        elif found:
            buffer.start_completion(insert_common_part=True)

    return bindings


class Prompt:
    """One clerk's session at the terminal."""

    def __init__(self, session: Session, history: History | None = None) -> None:
        from tracker.settings import today_in_vietnam

        self.session = session
        self.ledger = session.app.ledger  # opened once, for every line
        self.index = self.read_index()
        app = session.app
        self.toolbar = Toolbar(self.ledger, app.actor, app.lang, today_in_vietnam)
        completer = ShellCompleter(session, self.index, today_in_vietnam)
        self.prompt: PromptSession[str] = PromptSession(
            history=history if history is not None else open_history(),
            completer=completer,
            complete_while_typing=True,
            bottom_toolbar=self.toolbar,
            key_bindings=tab_completes(completer),
        )

    def read_index(self) -> ShellIndex:
        return read_index(self.ledger.store.datastore.url)

    def run(self) -> int:
        """Prompt until the clerk leaves; the exit code is always 0 (each
        refusal was shown on its own line)."""
        while True:
            try:
                line = self.prompt.prompt(PROMPT)
            except KeyboardInterrupt:
                continue
            except EOFError:
                return 0
            try:
                outcome = self.session.run(line)
            except KeyboardInterrupt:
                continue  # a long listing stopped; its transaction is gone
            if outcome.leave:
                return 0
            if outcome.ran:
                self.after_line()

    def after_line(self) -> None:
        with self.ledger.store.transaction(commit=False) as sql:
            self.index.refresh(sql)
        self.toolbar.refresh()
