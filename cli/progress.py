"""Progress bars for long work, on stderr and only when it is a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def progress_bar(description: str, total: int | None, quiet: bool) -> Iterator[Any]:
    """A rich progress bar on stderr (when it is a terminal); yields
    ``advance(count)``."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from cli.messages import current_language, translate

    description = translate(current_language(), description)
    console = Console(stderr=True)
    with Progress(
        TextColumn(f"[bold]{description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    ) as progress:
        bar = progress.add_task(description, total=total)
        yield lambda count: progress.advance(bar, count)
