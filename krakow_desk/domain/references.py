"""Reference numbers of letters: the office's pattern, e.g. "IR/{year}/{number:04}" → "IR/2026/0007".

The pattern is the office's own (set in Settings), so it is parsed here rather than handed to
str.format, which would let a typing mistake read attributes or fail at the worst moment.
"""

import re

_FIELD = re.compile(r"\{(year|number)(?::(0?\d))?\}")
_ANY_BRACE = re.compile(r"[{}]")


class PatternError(ValueError):
    """The pattern cannot number letters."""


def check_pattern(pattern: str) -> str:
    """The pattern, if it numbers letters: {number} once (optionally padded, {number:04}), {year}
    at most once, and no other braces."""
    fields = [m.group(1) for m in _FIELD.finditer(pattern)]
    if fields.count("number") != 1:
        raise PatternError("the pattern needs {number} exactly once, e.g. IR/{year}/{number:04}")
    if fields.count("year") > 1:
        raise PatternError("{year} may appear once")
    if _ANY_BRACE.search(_FIELD.sub("", pattern)):
        raise PatternError("only {year} and {number} may stand in braces")
    if len(render(pattern, 2026, 1)) > 80:
        raise PatternError("a reference may have at most 80 characters")
    return pattern


def render(pattern: str, year: int, number: int) -> str:
    def field(match: "re.Match[str]") -> str:
        value = year if match.group(1) == "year" else number
        width = match.group(2)
        return f"{value:0{int(width)}d}" if width else str(value)
    return _FIELD.sub(field, pattern)
