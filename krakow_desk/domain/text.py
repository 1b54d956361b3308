"""Polish-aware text folding and slugs.

Unicode decomposition strips most accents but leaves ``ł`` alone (it has no decomposition), so it
is mapped by hand; the same folding serves look-ups, keys and (later) the search index.
"""

import re
import unicodedata

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
                        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i"})

# The combining diacritical marks block, all of which unicodedata.combining() strips (but U+034F,
# the grapheme joiner, which it keeps).
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")


def fold(text: str) -> str:
    """Lower-case, accent-free form for comparison: 'Łódź' and 'lodz' fold alike."""
    if text.isascii():
        # Decomposition and the extra mappings leave ASCII as it is (the index folds every
        # record's text, so the common case skips the walk over characters).
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    latin = _LATIN_MARKS.sub("", text)
    if latin.isascii():   # Polish and most Latin text: its accents were all in that block
        return " ".join(latin.lower().split())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def slugify(text: str) -> str:
    """A key-safe slug: ASCII letters, digits and single hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_key(text: object) -> bool:
    """Whether ``text`` could be a record's key. A look-up by anything else finds nothing without
    asking the database, which fails on text it cannot hold (NUL, a lone surrogate) instead."""
    return isinstance(text, str) and len(text) <= 120 and KEY_PATTERN.fullmatch(text) is not None
