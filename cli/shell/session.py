"""Running one typed line of the shell as the command line would run it.

Every line goes through the same click commands as ``tracker ...`` with the
root context of ``tracker shell`` as parent, so every command finds the one
``AppContext`` and the one ledger it keeps open. Each line is its own
transaction (a logging command records its event and commits); a refused
line prints its one-line reason on stderr, as ``cli.main`` would, and the
shell goes on.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass

import click

from cli.context import AppContext
from cli.messages import translate

# Commands the shell does not run, and why: they run until stopped, replace
# the ledger the shell holds open, or change the database's roles.
REFUSED = {
    "shell": "The shell is already running.",
    "demo": "demo builds a ledger of its own; run it outside the shell.",
    "projections follow": (
        "projections follow runs until it is stopped; run it outside the shell."
    ),
    "db harden": ("db harden changes the database's roles; run it outside the shell."),
    "restore": (
        "restore writes a new ledger from an export; run it outside the shell."
    ),
}
LEAVE = ("exit", "quit")
HELP = "help"


@dataclass(frozen=True)
class Outcome:
    """What a line did: its exit code (0: done; nothing run on an empty
    line), and whether the clerk asked to leave."""

    exit_code: int = 0
    leave: bool = False
    ran: bool = True


class Session:
    """Runs lines under the root context of ``tracker shell``."""

    def __init__(self, root: click.Context) -> None:
        self.root = root
        self.app: AppContext = root.find_object(AppContext)
        self.group = root.command
        self.number: int | None = None
        assert isinstance(self.group, click.Group)

    @property
    def lang(self) -> str:
        return self.app.lang

    def run(self, line: str, number: int | None = None) -> Outcome:
        """Run ``line``; a refusal is printed as one line on stderr (after
        the line's ``number``, when the lines come from a file)."""
        self.app.quiet = False  # a refused batch leaves it set
        self.number = number
        try:
            args = shlex.split(line, comments=True)
        except ValueError as exc:
            return self.refuse(f"The line cannot be read: {exc}.", 2)
        if args[:1] == ["tracker"]:
            args = args[1:]
        if not args:
            return Outcome(ran=False)
        if args[0] in LEAVE:
            return Outcome(leave=True)
        if args[0] == HELP:
            return self.run_help(args[1:])
        refusal = REFUSED.get(" ".join(args[:2])) or REFUSED.get(args[0])
        if refusal is not None:
            return self.refuse(refusal, 2)
        return self.invoke(args)

    def invoke(self, args: list[str]) -> Outcome:
        try:
            name, command, rest = self.group.resolve_command(self.root, args)
            assert name is not None and command is not None
            with command.make_context(name, rest, parent=self.root) as ctx:
                command.invoke(ctx)
        except click.exceptions.Exit as exc:
            return Outcome(exc.exit_code)
        except click.ClickException as exc:
            exc.message = translate(self.lang, exc.message)
            return self.refuse_line(self.click_error(exc.format_message()), exc)
        except click.Abort:
            from cli.locale import catalog

            return self.refuse_line(catalog(self.lang).gettext("Aborted!"), None)
        except BrokenPipeError:
            raise  # the reader went away: ``cli.main`` stops quietly
        except Exception as exc:
            if os.environ.get("TRACKER_DEBUG"):
                raise
            from cli.main import error_line

            message, code = error_line(exc, self.lang)
            self.refusal(message)
            return Outcome(code)
        return Outcome()

    def run_help(self, path: list[str]) -> Outcome:
        """``help``: the commands the shell runs; ``help COMMAND``: its help."""
        if path:
            return self.invoke([*path, "--help"])
        from cli.help_text import short_help

        say = self.say
        say("Type a command as on the command line, without 'tracker'.")
        say("Tab completes commands, options, task codes, names and dates.")
        say("help COMMAND shows a command's help; exit or Ctrl-D leaves.")
        click.echo()
        names = [n for n in self.group.list_commands(self.root) if n not in REFUSED]
        width = max(len(name) for name in names)
        for name in names:
            command = self.group.get_command(self.root, name)
            if command is None:
                continue
            summary = short_help(command, self.lang, 78 - width - 4)
            click.echo(f"  {name.ljust(width)}  {summary}")
        return Outcome()

    def say(self, message: str) -> None:
        click.echo(translate(self.lang, message))

    def click_error(self, message: str) -> str:
        from cli.locale import catalog
        from cli.main import one_line

        return one_line(
            catalog(self.lang).gettext("Error: {message}").format(message=message)
        )

    def refuse_line(self, line: str, exc: click.ClickException | None) -> Outcome:
        self.refusal(line)
        return Outcome(exc.exit_code if exc is not None else 1)

    def refusal(self, line: str) -> None:
        """One line on stderr, numbered when the lines come from a file."""
        if self.number is not None:
            line = f"{translate(self.lang, f'Line {self.number}:')} {line}"
        click.echo(line, err=True)

    def refuse(self, message: str, code: int) -> Outcome:
        from cli.main import one_line

        text = f"{translate(self.lang, 'Error:')} {translate(self.lang, message)}"
        self.refusal(one_line(text))
        return Outcome(code)


def root_context(db: str | None, actor: str, lang: str) -> click.Context:
    """A root context of ``tracker`` as ``tracker --db ... shell`` makes it,
    for running the shell without the command line (tests, the bench)."""
    from cli.help_text import HelpContext
    from cli.locale import use_click_language
    from cli.main import main
    from cli.messages import set_language

    set_language(lang)
    use_click_language(lang)
    ctx = HelpContext(main, info_name="tracker")
    ctx.obj = AppContext(db=db, actor=actor, lang=lang)
    return ctx
