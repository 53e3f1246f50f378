"""``tracker config``: the Office's settings (its name on documents).

Settings live in a small file of the user's (``tracker.settings``), not in
the ledger: they are not facts about tasks.
"""

from __future__ import annotations

import click

from cli.context import AppContext, pass_app
from cli.help_text import TranslatedGroup

SETTING_LABELS = {
    "vi": {
        "office": "Tên cơ quan (đầu văn bản)",
        "deadline_rolls_to_working_day": "Thời hạn rơi vào ngày nghỉ kéo đến hết "
        "ngày làm việc tiếp theo, on/off (Điều 148 Bộ luật Dân sự 2015)",
        "undo_window_minutes": "Số phút sau khi ghi nhận mà người ghi còn hủy ghi "
        "nhận được (tracker undo)",
    },
    "en": {
        "office": "Office name (document heading)",
        "deadline_rolls_to_working_day": "A deadline on a day off ends at the end "
        "of the next working day, on/off (Civil Code 2015, art. 148)",
        "undo_window_minutes": "Minutes after recording an event in which its "
        "author may still undo it (tracker undo)",
    },
}


@click.group(cls=TranslatedGroup)
def config() -> None:
    """The Office's settings, such as its name on reports and letters.

    \b
    Example:
      tracker config set office "Văn phòng UBND tỉnh Quảng Ngãi"
    """


@config.command("set")
@click.argument("name")
@click.argument("value")
@pass_app
def set_setting(app: AppContext, name: str, value: str) -> None:
    """Set one setting (not a ledger event: it changes no task).

    \b
    Example:
      tracker config set office "Văn phòng UBND tỉnh Quảng Ngãi"
      tracker config set deadline_rolls_to_working_day on
    """
    from tracker.settings import store_setting

    stored = store_setting(name, value)
    app.done(f"Set {name} to {stored}.")


@config.command("get")
@click.argument("name")
def get_setting(name: str) -> None:
    """Print one setting's value (its default when it was never set).

    \b
    Example:
      tracker config get office
    """
    from cli.main import say
    from tracker.settings import setting

    say(setting(name))


@config.command("list")
@pass_app
def list_settings(app: AppContext) -> None:
    """Every setting, its value, and the file they are kept in.

    \b
    Example:
      tracker config list
    """
    from cli.main import say
    from tracker.settings import settings, settings_path

    labels = SETTING_LABELS.get(app.lang, SETTING_LABELS["en"])
    for name, value in settings().items():
        say(f"{name} = {value}    # {labels.get(name, name)}")
    say(f"# {settings_path()}")


COMMANDS = [config]
