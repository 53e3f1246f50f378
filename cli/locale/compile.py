"""Compile the ``.po`` catalogs under ``cli/locale`` into the ``.mo`` files
gettext reads, in pure Python (no gettext tools needed on the machine).

    python -m cli.locale.compile

A test checks that each committed ``.mo`` equals a fresh compilation of its
``.po``, so the two never drift apart.
"""

from __future__ import annotations

import ast
import struct
from pathlib import Path

from cli.locale import LOCALE_DIR

MAGIC = 0x950412DE


def parse_po(text: str) -> dict[bytes, bytes]:
    """msgid (``msgid\\0msgid_plural`` for plurals) -> msgstr (plural forms
    joined by ``\\0``), fuzzy and untranslated entries left out."""
    entries: dict[bytes, bytes] = {}
    fields: dict[str, str] = {}
    current: str | None = None
    fuzzy = False

    def finish() -> None:
        nonlocal fuzzy
        if "msgid" in fields and not fuzzy:
            key = fields["msgid"]
            if "msgid_plural" in fields:
                key += "\0" + fields["msgid_plural"]
                forms = sorted(k for k in fields if k.startswith("msgstr["))
                value = "\0".join(fields[k] for k in forms)
            else:
                value = fields.get("msgstr", "")
            if value.strip("\0") or key == "":
                entries[key.encode()] = value.encode()
        fields.clear()
        fuzzy = False

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            finish()
            fuzzy = True
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is None:
                raise ValueError(f"A continued string with no keyword: {raw!r}")
            fields[current] += ast.literal_eval(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid" and "msgid" in fields:
            finish()
        current = keyword
        fields[keyword] = ast.literal_eval(rest.strip())
    finish()
    return entries


def compile_po(text: str) -> bytes:
    """The ``.mo`` image of a ``.po`` file's text (GNU format, no hash table)."""
    entries = sorted(parse_po(text).items())
    count = len(entries)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    originals, translations, data = b"", b"", b""
    for key, _ in entries:
        originals += struct.pack("<2I", len(key), data_at + len(data))
        data += key + b"\0"
    for _, value in entries:
        translations += struct.pack("<2I", len(value), data_at + len(data))
        data += value + b"\0"
    header = struct.pack(
        "<7I", MAGIC, 0, count, originals_at, translations_at, 0, data_at
    )
    return header + originals + translations + data


def compile_all(root: Path = LOCALE_DIR) -> list[Path]:
    """Write the ``.mo`` beside every ``.po`` under ``root``."""
    written = []
    for po in sorted(root.rglob("*.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_po(po.read_text(encoding="utf-8")))
        written.append(mo)
    return written


if __name__ == "__main__":  # pragma: no cover
    for path in compile_all():
        print(path)
