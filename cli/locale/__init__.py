"""click's own messages ("Usage:", "Missing option", ...) in the clerk's
language, from the Vietnamese catalog shipped beside this module.

click looks its messages up with ``gettext.gettext`` (domain ``messages``),
which picks the language from the process environment (``LANGUAGE``,
``LC_ALL``, ``LANG``) and would change every other library's language with
it. ``use_click_language`` instead points click's own ``_`` and ``ngettext``
at the chosen catalog, so ``--lang`` decides and nothing else changes.
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent
DOMAIN = "messages"
CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.utils",
    "click.termui",
    "click.shell_completion",
    "click._termui_impl",
)


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog for ``lang`` (English: click's own words, but for
    the few sentences ``en/LC_MESSAGES/messages.po`` rewords)."""
    return gettext.translation(
        DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True
    )


def use_click_language(lang: str) -> None:
    """Make click's messages come out in ``lang`` from now on."""
    translations = catalog(lang)
    lookups: dict[str, Callable[..., str]] = {
        "_": translations.gettext,
        "ngettext": translations.ngettext,
    }
    for name in CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        for attribute, lookup in lookups.items():
            if attribute in vars(module):
                setattr(module, attribute, lookup)
