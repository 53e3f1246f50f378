"""What the pinned ``holidays`` package says of Vietnam, kept beside the code.

Computing it takes the package 0.1-0.2 s in a fresh process (importing it and
its Vietnamese names), which a report's whole budget cannot spare; so the
package's answer for the default years is written once into
``holidays-vn.json`` (``python -m domain.holiday_snapshot``) and read back in
a millisecond. It is the package's answer, not another source: the file names
the version it came from, only that version's file is read, and a test
checks that it equals what the installed package computes
(``tests/domain/test_holiday_snapshot.py``); any other year range is asked of
the package itself.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from domain import working_days

SNAPSHOT = Path(__file__).with_name("holidays-vn.json")
PINNED = "0.109"  # setup.cfg's holidays==: a new pin needs a new file


def read(first_year: int, last_year: int) -> Any:
    """The package's years from the file (a ``_PackageYears``), or None when
    the file does not hold them as the pinned version computed them."""
    try:
        data = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("version") != PINNED or not (
        data["first_year"] <= first_year and last_year <= data["last_year"]
    ):
        return None

    def within(text: str) -> bool:
        return first_year <= int(text[:4]) <= last_year

    return working_days.package_years_of(
        version=data["version"],
        days_off={
            date.fromisoformat(on): (vi, en)
            for on, vi, en in data["days_off"]
            if within(on)
        },
        weekend_working={
            date.fromisoformat(on): date.fromisoformat(freed) if freed else None
            for on, freed in data["weekend_working"]
            if within(on)
        },
        moved=frozenset(date.fromisoformat(on) for on in data["moved"] if within(on)),
    )


def snapshot(first_year: int, last_year: int) -> dict[str, Any]:
    """The installed package's answer for these years, as the file holds it."""
    years = working_days.computed_package_years(first_year, last_year)
    return {
        "package": working_days.PACKAGE,
        "version": years.version,
        "first_year": first_year,
        "last_year": last_year,
        "days_off": [
            [on.isoformat(), *names] for on, names in sorted(years.days_off.items())
        ],
        "weekend_working": [
            [on.isoformat(), freed.isoformat() if freed else None]
            for on, freed in sorted(years.weekend_working.items())
        ],
        "moved": sorted(on.isoformat() for on in years.moved),
    }


def _one_entry_a_line(data: dict[str, Any]) -> str:
    """JSON a reviewer reads in a diff: one date a line."""
    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            items = ",\n".join(
                "    " + json.dumps(item, ensure_ascii=False) for item in value
            )
            lines.append(f'  "{key}": [\n{items}\n  ]')
        else:
            lines.append(f'  "{key}": {json.dumps(value)}')
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> None:
    data = snapshot(working_days.FIRST_YEAR, working_days.LAST_YEAR)
    if data["version"] != PINNED:
        raise SystemExit(f"holidays {data['version']} is installed; {PINNED} is pinned")
    SNAPSHOT.write_text(_one_entry_a_line(data), encoding="utf-8")
    print(f"wrote {SNAPSHOT} ({len(data['days_off'])} days off)")


if __name__ == "__main__":
    main()
