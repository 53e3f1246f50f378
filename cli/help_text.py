"""Help texts (``--help``) in the clerk's language, translated as they are
rendered.

The help stays written in English in code (docstrings, option help); under
``--lang vi`` each paragraph, each option's help and each command's short
help in a listing is looked up whole in ``cli.help_catalog`` (one paragraph,
its lines joined by single spaces). A plain lookup, not the message
templates of ``cli.messages``: help holds no values, and ``tracker --help``
must stay fast. Example blocks (a paragraph marked ``\\b``) are shown as
written. Text with no entry is shown in English, where
``tests/cli/test_help_languages.py`` catches it.

``HelpContext`` carries the formatter; ``cli.main`` gives it to every
command as it loads them, and ``TranslatedGroup`` to every group, whose
listing cuts each command's short help from its translated help.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Iterable
from functools import cache

import click

NO_REWRAP = "\b"
PARAGRAPHS = re.compile(r"\n[ \t]*\n")
# What click appends to an option's help: "  [default: vi]", "  [required]".
SUFFIX = re.compile(r"(?s)^(?P<help>.*?)(?P<suffix>\s*\[[^\[\]]*\])?$")


def normalised(text: str) -> str:
    """A paragraph as ``cli.help_catalog`` keys it: its words, single-spaced."""
    return " ".join(text.split())


@cache
def entries() -> dict[str, str]:
    import importlib
    import pkgutil

    import cli.help_catalog

    merged: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(cli.help_catalog.__path__), key=str):
        module = importlib.import_module(f"cli.help_catalog.{info.name}")
        merged.update(module.VI)
    return {normalised(english): vietnamese for english, vietnamese in merged.items()}


def paragraph(lang: str, text: str) -> str:
    """One paragraph (or option help) in ``lang``: itself in English, or when
    the catalog has no entry for it."""
    if lang != "vi":
        return text
    found = entries().get(normalised(text))
    if found is not None:
        return found
    # An option help click wrote at import time, before the language was
    # chosen ("Show the version and exit."), is in click's own catalog.
    from cli.locale import catalog

    return catalog(lang).gettext(text)


def help_text(lang: str, text: str) -> str:
    """A command's help (paragraphs separated by blank lines) in ``lang``."""
    if lang != "vi":
        return text
    return "\n\n".join(_block(lang, block) for block in PARAGRAPHS.split(text))


# "Example:" or "Example (file NAME):", the first line of an example block.
EXAMPLE_HEADING = re.compile(
    r"^(?P<mark>[ \t]*\x08\n[ \t]*)Example(?: \(file (?P<file>[^)\n]*)\))?:",
    re.MULTILINE,
)
EXAMPLE = {"vi": ("Ví dụ:", "Ví dụ (tệp {file}):")}


def _block(lang: str, block: str) -> str:
    if block.lstrip(" \t").startswith(NO_REWRAP):
        # An example: its heading in the language, commands and values as
        # typed.
        if lang not in EXAMPLE:
            return block
        plain, of_file = EXAMPLE[lang]

        def heading(match: re.Match[str]) -> str:
            shown = of_file.format(file=match["file"]) if match["file"] else plain
            return match["mark"] + shown

        return EXAMPLE_HEADING.sub(heading, block, count=1)
    return paragraph(lang, block)


def definition(lang: str, text: str) -> str:
    """An option's help in ``lang``, click's ``[default: ...]`` suffix kept
    (click's catalog has already translated its words)."""
    match = SUFFIX.match(text)
    if lang != "vi" or match is None or not match["help"].strip():
        return text
    return paragraph(lang, match["help"]) + (match["suffix"] or "")


def short_help(command: click.Command, lang: str, limit: int) -> str:
    """What a listing shows for ``command``: its ``short_help``, else the first
    sentence of its translated help, cut to ``limit`` characters as click
    cuts the English."""
    if lang != "vi" or command.deprecated:
        return command.get_short_help_str(limit)
    if command.short_help:
        return paragraph(lang, inspect.cleandoc(command.short_help))
    if not command.help:
        return ""
    text = inspect.cleandoc(command.help).partition("\f")[0]
    first = PARAGRAPHS.split(text)[0]
    if first.lstrip().startswith(NO_REWRAP):
        return command.get_short_help_str(limit)
    sentence = first_sentence(paragraph(lang, first))
    if len(sentence) <= limit:
        return sentence
    return textwrap.shorten(
        sentence, max(limit, 3), placeholder="...", break_on_hyphens=False
    )


def first_sentence(text: str) -> str:
    """Up to the first period that ends a sentence, as click reads one: the
    next word does not begin in lower case."""
    words = text.split()
    for i, word in enumerate(words):
        if word.endswith(".") and (
            i == len(words) - 1 or not words[i + 1][0].islower()
        ):
            return " ".join(words[: i + 1])
    return " ".join(words)


class TranslatedHelpFormatter(click.HelpFormatter):
    """click's formatter, writing help paragraphs and option help in the
    command's language (``--lang``)."""

    def __init__(
        self,
        indent_increment: int = 2,
        width: int | None = None,
        max_width: int | None = None,
    ) -> None:
        from cli.messages import current_language

        super().__init__(indent_increment, width, max_width)
        self.lang = current_language()

    def write_text(self, text: str) -> None:
        super().write_text(help_text(self.lang, text))

    def write_dl(
        self,
        rows: Iterable[tuple[str, str]],
        col_max: int = 30,
        col_spacing: int = 2,
    ) -> None:
        translated = [(term, definition(self.lang, text)) for term, text in rows]
        super().write_dl(translated, col_max, col_spacing)


class HelpContext(click.Context):
    """A context whose help comes out in the command's language."""

    formatter_class = TranslatedHelpFormatter


class TranslatedGroup(click.Group):
    """A group whose help and listing of commands are in ``--lang``."""

    context_class = HelpContext

    def format_commands(
        self, ctx: click.Context, formatter: click.HelpFormatter
    ) -> None:
        lang = getattr(formatter, "lang", "en")
        if lang != "vi":
            super().format_commands(ctx, formatter)
            return
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                commands.append((name, command))
        if not commands:
            return
        # The width click leaves for a short help (three times its spacing).
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        rows = [(name, short_help(command, lang, limit)) for name, command in commands]
        from cli.locale import catalog

        with formatter.section(catalog(lang).gettext("Commands")):
            formatter.write_dl(rows)


def adopt(command: click.Command) -> click.Command:
    """Give ``command`` (and, for a group, each of its commands) help in
    ``--lang``: the commands' modules declare plain click commands, and
    their groups ``TranslatedGroup`` (for the listing above)."""
    command.context_class = HelpContext
    if isinstance(command, click.Group):
        for subcommand in command.commands.values():
            adopt(subcommand)
    return command
