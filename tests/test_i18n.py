"""Every user-visible string has a Polish translation, and placeholders survive translation."""

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from krakow_desk.resources import locale_dir

PACKAGE = Path(__file__).resolve().parent.parent / "krakow_desk"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _source_messages() -> set:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _catalog(language: str):  # noqa: ANN202
    with (locale_dir() / language / "LC_MESSAGES" / "krakow_desk.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_every_string_in_the_code_is_translated_to_polish() -> None:
    catalog = _catalog("pl")
    translated = {}
    for message in catalog:
        if message.id:
            key = message.id if isinstance(message.id, str) else tuple(message.id)
            translated[key] = message.string
    missing = [m for m in _source_messages() if not translated.get(m) or
               (isinstance(translated[m], tuple) and not all(translated[m]))]
    assert missing == []


def test_english_catalog_is_complete_too() -> None:
    catalog = _catalog("en")
    ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}
    assert _source_messages() <= ids


def test_polish_translations_keep_every_placeholder() -> None:
    pattern = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)[sr]|%s")
    for message in _catalog("pl"):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(pattern.findall(sources[-1]))
        for target in targets:
            assert set(pattern.findall(target)) == wanted, message.id


def test_polish_has_three_plural_forms() -> None:
    from krakow_desk.i18n import translations
    polish = translations("pl")
    # one (1), few (2-4, 22-24 …), many (5-21, 25 …, 12-14)
    assert [polish.plural(n) for n in (1, 2, 4, 5, 12, 14, 21, 22, 25, 112)] == [0, 1, 1, 2, 2, 2, 2, 1, 2, 2]
    assert polish.ngettext("{n} inhabitant", "{n} inhabitants", 1) == "{n} mieszkaniec"


def test_catalogs_compile_as_make_compiles_them() -> None:
    # `pybabel compile` (make's rule) refuses a translation whose %-placeholders differ from the
    # source's — "75% from" reads as a format to it; babel's own checks find the same.
    for language in ("pl", "en"):
        with (locale_dir() / language / "LC_MESSAGES" / "krakow_desk.po").open("rb") as handle:
            catalog = read_po(handle, locale=language)
        problems = [(message.id, errors) for message, errors in catalog.check()]
        assert problems == [], problems
