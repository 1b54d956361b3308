"""Translation for the window, the command line and the reports alike (no Qt here).

Source strings are English; catalogs live in resources/locale/<lang>/LC_MESSAGES/krakow_desk.po
and are compiled to .mo by `make`. Where only the .po is present (a fresh checkout), it is compiled
in memory, so the program is never left untranslated.
"""

import gettext
import io
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Iterator, Optional

from krakow_desk.resources import locale_dir

DOMAIN = "krakow_desk"
LANGUAGES = ("pl", "en")
DEFAULT_LANGUAGE = "pl"   # the office works in Polish

_language = DEFAULT_LANGUAGE
# A report is printed in its own language while the window keeps its own: the override is
# per thread (context), so a report built on a worker thread does not switch the window.
_override: ContextVar[Optional[str]] = ContextVar("krakow_desk_language", default=None)


@lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    folder = locale_dir() / language / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}' (known: {', '.join(LANGUAGES)})")
    _language = language


def language() -> str:
    return _override.get() or _language


@contextmanager
def using_language(language: str) -> Iterator[None]:
    """Translate in ``language`` inside the block, in this thread only (for reports)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}' (known: {', '.join(LANGUAGES)})")
    token = _override.set(language)
    try:
        yield
    finally:
        _override.reset(token)


def _(message: str) -> str:
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a string for extraction where it is translated later (tables of labels)."""
    return message
