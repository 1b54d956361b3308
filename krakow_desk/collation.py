"""Alphabetical order of people's text in the current language, in pure Python.

PyICU has no wheels on PyPI (it needs the system's ICU to build), so this follows the Unicode
collation algorithm's three levels for the scripts the office meets:

1. letters: Latin in the language's alphabet (Polish: a ą b c ć … ł … ó … ś … z ź ż, so "Lwów" <
   "Łódź" and "Ołomuniec" < "Orlean"; English: accents ignored, ł as l), then other scripts in
   Unicode block order (Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian, … CJK), each
   alphabetical where code points are; spaces and punctuation before digits, digits before
   letters, as ICU does;
2. accents (é after e, in English and for letters Polish does not count as its own);
3. case (lower before upper), and finally the text itself, so the order is always total.
"""

import unicodedata
from functools import lru_cache

from krakow_desk.i18n import language

# Latin letters that are letters of their own in an alphabet (CLDR's tailoring for Polish).
_ALPHABETS = {
    "pl": "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
# Latin letters without a Unicode decomposition: base letter(s) and an accent-level weight.
_SPECIAL = {"ł": ("l", 1), "ø": ("o", 1), "đ": ("d", 1), "ð": ("d", 2), "ħ": ("h", 1),
            "ı": ("i", 1), "ŧ": ("t", 1), "ß": ("ss", 1), "æ": ("ae", 1), "œ": ("oe", 1),
            "þ": ("th", 1), "ŀ": ("l", 2)}
# Cyrillic letters in alphabetical order where code points are not (Ukrainian, Belarusian,
# Serbian, Macedonian letters sit after я in Unicode); the rest follow by code point.
_CYRILLIC = "абвгґдђѓеєжзѕиіјклљмнњопрстћќуўфхцчџшщъыьэюя"

_SPACE, _PUNCT, _DIGIT, _LATIN, _OTHER = range(5)
_GROUP = 1 << 21   # above every code point


def _other_script(char: str) -> int:
    index = _CYRILLIC.find(char)
    if index >= 0:
        return _OTHER * _GROUP + 0x0400 + index   # Cyrillic block, reordered inside it
    return _OTHER * _GROUP + ord(char)


@lru_cache(maxsize=16384)
def _key(text: str, lang: str) -> tuple:
    alphabet = _ALPHABETS.get(lang, _ALPHABETS["en"])
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for char in unicodedata.normalize("NFC", text):
        lower = char.lower()
        upper = int(char != lower)
        if lower in alphabet:          # a letter of the alphabet as it stands (incl. ą … ż)
            primary.append(_LATIN * _GROUP + alphabet.index(lower))
            secondary.append(0)
            tertiary.append(upper)
            continue
        if lower in _SPECIAL:
            base, accent = _SPECIAL[lower]
            for letter in base:
                primary.append(_LATIN * _GROUP + alphabet.index(letter))
                secondary.append(accent)
                tertiary.append(upper)
            continue
        decomposed = unicodedata.normalize("NFD", lower)
        base, marks = decomposed[0], decomposed[1:]
        if not all(unicodedata.combining(mark) for mark in marks):
            base, marks = lower[0], ""  # Hangul syllables decompose into letters, not accents
        accent = sum(ord(mark) for mark in marks)
        category = unicodedata.category(base)
        if unicodedata.combining(base) or category in ("Cf", "Cc", "Mn"):
            continue                   # ignorable: stray accents, soft hyphens, controls
        if base in alphabet:           # é, ü, č, ő …: the base letter plus an accent
            weight = _LATIN * _GROUP + alphabet.index(base)
        elif base.isspace():
            weight = _SPACE * _GROUP
        elif category.startswith("N") and unicodedata.digit(base, None) is not None:
            weight = _DIGIT * _GROUP + unicodedata.digit(base)
        elif category[0] in "PSZ":
            weight = _PUNCT * _GROUP + ord(base)
        else:
            weight = _other_script(base)
        primary.append(weight)
        secondary.append(accent)
        tertiary.append(upper)
    return tuple(primary), tuple(secondary), tuple(tertiary), text


def sort_key(text: str | None, lang: str | None = None) -> tuple:
    """A key for sorted(): people's alphabetical order in ``lang`` (the current language if None)."""
    return _key(text or "", lang or language())
