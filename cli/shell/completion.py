"""Completion as the clerk types: commands, options, task codes (by code or
by words of the title, accents aside), agency and assigner names, dates.

What is offered is read from the click commands themselves (their options
and parameter types) and from ``cli.shell.index``, never from the database
on a keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta

import click
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from cli.params import DateParam, MomentParam
from cli.shell.index import ShellIndex
from cli.shell.session import HELP, LEAVE, REFUSED, Session
from cli.shell.words import Word, quoted, words
from domain.dates import show_date
from domain.text import fold

LIMIT = 40  # completions offered at most: a menu, not a listing
NAME_OPTIONS = {"agency": "agency", "co_agencies": "agency", "assigner": "assigner"}
CODE_OPTIONS = {"codes"}
# Commands whose code is a new one: nothing to complete.
NEW_CODE = {"assign"}
DATE_WORDS = {
    "vi": (("hôm nay", 0), ("hôm qua", -1), ("ngày mai", 1)),
    "en": (("today", 0), ("yesterday", -1), ("tomorrow", 1)),
}


class ShellCompleter(Completer):
    def __init__(
        self, session: Session, index: ShellIndex, today: Callable[[], date]
    ) -> None:
        self.session = session
        self.index = index
        self.today = today
        self.summaries: dict[str, str] = {}

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterator[Completion]:
        line = document.text_before_cursor
        typed = words(line)
        current, before = typed[-1], typed[:-1]
        back = len(line) - current.start
        if not before:
            yield from self.commands(current.text, back)
            return
        command = self.command_of(before[0].text)
        rest = before[1:]
        while isinstance(command, click.Group):
            if not rest:
                yield from self.subcommands(command, current.text, back)
                return
            command = command.get_command(self.session.root, rest[0].text)
            rest = rest[1:]
        if command is not None:
            yield from self.arguments(command, rest, current, line)

    def command_of(self, name: str) -> click.Command | None:
        if name in REFUSED or name in LEAVE:
            return None
        if name == HELP:
            return HelpPath(self.session)
        return self.session.group.get_command(self.session.root, name)

    def commands(self, typed: str, back: int) -> Iterator[Completion]:
        names = [*self.session.group.list_commands(self.session.root), HELP, *LEAVE]
        for name in names:
            if name.startswith(typed) and name not in REFUSED:
                yield Completion(name, -back, display_meta=self.summary(name))

    def subcommands(
        self, group: click.Group, typed: str, back: int
    ) -> Iterator[Completion]:
        for name in group.list_commands(self.session.root):
            path = f"{group.name} {name}"
            if name.startswith(typed) and path not in REFUSED:
                yield Completion(name, -back)

    def summary(self, name: str) -> str:
        if name not in self.summaries:
            self.summaries[name] = _summary(self.session, name)
        return self.summaries[name]

    def arguments(
        self, command: click.Command, given: list[Word], current: Word, line: str
    ) -> Iterator[Completion]:
        back = len(line) - current.start
        options = option_table(command)
        if current.text.startswith("-"):
            yield from self.options(command, options, given, current.text, back)
            return
        value = self.option_value(options, given, current, line)
        if value is not None:
            yield from value
            return
        positionals = [p for p in command.params if isinstance(p, click.Argument)]
        taken = positional_words(given, options)
        if not positionals:
            return
        if positionals[0].name == "code" and command.name not in NEW_CODE:
            if not taken:
                yield from self.codes(current.text, back)
            elif len(taken) == len(given) and not self.index.tasks.by_code(
                taken[0].text, 1
            ):
                # ``note ho tich``: the words so far are a title's, not a code.
                span = line[taken[0].start :]
                yield from self.titles(span, len(span))
            return
        if len(taken) < len(positionals):
            yield from self.values(positionals[len(taken)], current.text, back)

    def option_value(
        self,
        options: dict[str, click.Option],
        given: list[Word],
        current: Word,
        line: str,
    ) -> Iterator[Completion] | None:
        """Completions of an option's value, or None when the word being
        typed is not one. A name may be typed without quotes, in several
        words (``--agency so tu``): they are completed together."""
        last = max(
            (n for n, word in enumerate(given) if word.text in options), default=None
        )
        if last is None:
            return None
        param = options[given[last].text]
        if param.is_flag or param.count:
            return None
        after = given[last + 1 :]
        if not after:
            return self.values(param, current.text, len(line) - current.start)
        unquoted = line[after[0].start] not in "'\""
        if param.name in NAME_OPTIONS and unquoted:
            span = line[after[0].start :]
            return self.values(param, span, len(span))
        return None

    def options(
        self,
        command: click.Command,
        options: dict[str, click.Option],
        given: list[Word],
        typed: str,
        back: int,
    ) -> Iterator[Completion]:
        used = {options[w.text].name for w in given if w.text in options}
        lang = self.session.lang
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            if param.name in used and not param.multiple:
                continue
            for opt in (*param.opts, *param.secondary_opts):
                if opt.startswith(typed) and opt.startswith("--"):
                    yield Completion(opt, -back, display_meta=_help(lang, param))

    def values(
        self, param: click.Parameter, typed: str, back: int
    ) -> Iterator[Completion]:
        if param.name in NAME_OPTIONS:
            for name in self.index.names.matching(
                NAME_OPTIONS[param.name], typed, LIMIT
            ):
                yield Completion(quoted(name), -back, display=name)
        elif param.name in CODE_OPTIONS:
            yield from self.codes(typed, back)
        elif isinstance(param.type, DateParam | MomentParam):
            yield from self.dates(typed, back)
        elif isinstance(param.type, click.Choice):
            for choice in param.type.choices:
                if str(choice).startswith(typed):
                    yield Completion(str(choice), -back)

    def codes(self, typed: str, back: int) -> Iterator[Completion]:
        found = self.index.tasks.by_code(typed, LIMIT)
        if len(found) < LIMIT and typed:
            seen = {match.code for match in found}
            more = self.index.tasks.by_title(typed, LIMIT - len(found))
            found += [match for match in more if match.code not in seen]
        for match in found:
            yield Completion(match.code, -back, display_meta=match.title)

    def titles(self, span: str, back: int) -> Iterator[Completion]:
        for match in self.index.tasks.by_title(span, LIMIT):
            yield Completion(match.code, -back, display_meta=match.title)

    def dates(self, typed: str, back: int) -> Iterator[Completion]:
        today = self.today()
        lang = self.session.lang
        other = "en" if lang == "vi" else "vi"
        offered: list[tuple[str, date]] = [(show_date(today), today)]
        for word, days in (*DATE_WORDS[lang], *DATE_WORDS[other]):
            offered.append((word, today + timedelta(days=days)))
        key = fold(typed)
        for text, meant in offered:
            if fold(text).startswith(key):
                yield Completion(quoted(text), -back, display_meta=show_date(meant))


class HelpPath(click.Group):
    """``help`` completes as the commands it gives help on."""

    def __init__(self, session: Session) -> None:
        super().__init__("help")
        self.session = session

    def list_commands(self, ctx: click.Context) -> list[str]:
        group = self.session.group
        return [n for n in group.list_commands(ctx) if n not in REFUSED]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self.session.group.get_command(ctx, name)


def option_table(command: click.Command) -> dict[str, click.Option]:
    table: dict[str, click.Option] = {}
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in (*param.opts, *param.secondary_opts):
                table[opt] = param
    return table


def positional_words(
    given: Iterable[Word], options: dict[str, click.Option]
) -> list[Word]:
    """The words that fill arguments: not options, nor the values they take."""
    found: list[Word] = []
    expects_value = False
    for word in given:
        if expects_value:
            expects_value = False
        elif word.text in options:
            option = options[word.text]
            expects_value = not option.is_flag and not option.count
        elif not word.text.startswith("-"):
            found.append(word)
    return found


def _help(lang: str, param: click.Option) -> str:
    from cli.help_text import paragraph

    return paragraph(lang, param.help or "")


def _summary(session: Session, name: str) -> str:
    from cli.help_text import short_help

    if name in (HELP, *LEAVE):
        return ""
    command = session.group.get_command(session.root, name)
    return short_help(command, session.lang, 60) if command else ""
