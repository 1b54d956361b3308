"""Aligned columns for the terminal: the command line's tables (records, search, agenda)."""

import unicodedata
from typing import Sequence


def width(text: str) -> int:
    """Columns a terminal gives the text: CJK characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def clip(text: str, most: int) -> str:
    if width(text) <= most:
        return text
    while width(text) > most - 1:
        text = text[:-1]
    return text + "…"


def columns(rows: Sequence[Sequence[str]], indent: str = "", rule: bool = False) -> list[str]:
    """Each row's cells padded to their column's width (the last column is not padded); with
    ``rule``, the first row is a header underlined with dashes."""
    if not rows:
        return []
    count = len(rows[0])
    widths = [max(width(row[col]) for row in rows) for col in range(count)]
    lines = [indent + "  ".join(cell + " " * (widths[col] - width(cell)) if col < count - 1 else cell
                                for col, cell in enumerate(row)).rstrip() for row in rows]
    if rule:
        lines.insert(1, indent + "  ".join("-" * w for w in widths))
    return lines
