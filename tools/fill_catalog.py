"""Fill the Polish catalog from the table below and make the English one identity.

Run after `make translations` adds new strings; a test fails while any string lacks Polish.
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PL = {
    "usage: ": "użycie: ",
    "options": "opcje",
    "positional arguments": "argumenty pozycyjne",
    "show this help message and exit": "pokaż tę pomoc i zakończ",
    "show program's version number and exit": "pokaż numer wersji programu i zakończ",
    "the following arguments are required: %s": "wymagane są argumenty: %s",
    "unrecognized arguments: %s": "nierozpoznane argumenty: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: błąd: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "oczekiwano jednego argumentu",
    "invalid choice: %(value)r (choose from %(choices)s)": "niedozwolona wartość: %(value)r (do wyboru: %(choices)s)",
    "Partner-relations manager of the City of Krakow. Without a command, opens the desktop window.":
        "Rejestr współpracy zagranicznej Miasta Krakowa. Bez polecenia otwiera okno programu.",
    "PATH|URL": "ŚCIEŻKA|URL",
    "database file or SQLAlchemy URL (default: $KRAKOW_DESK_DB, then the user's data folder)":
        "plik bazy danych lub adres SQLAlchemy (domyślnie: $KRAKOW_DESK_DB, potem folder danych użytkownika)",
    "language of the interface (pl or en)": "język interfejsu (pl lub en)",
    "COMMAND": "POLECENIE",
    "create or upgrade the database; load Krakow's data": "utwórz lub zaktualizuj bazę; wczytaj dane Krakowa",
    "Create the database or bring its schema up to date. A new database is filled with Krakow's data unless --empty is given.":
        "Tworzy bazę danych lub aktualizuje jej schemat. Nowa baza jest wypełniana danymi Krakowa, chyba że podano --empty.",
    "do not load Krakow's data": "nie wczytuj danych Krakowa",
    "the partnership records, computed from the data": "rekordy partnerstw wyliczone z danych",
    "Nearest and farthest partner, most and least populous, and the other records, over the partners with which cooperation is current.":
        "Najbliższy i najdalszy partner, najludniejszy i najmniej ludny oraz pozostałe rekordy, liczone dla partnerów, z którymi współpraca trwa.",
    "print JSON instead of a table": "wypisz JSON zamiast tabeli",
    "write the data to a file": "zapisz dane do pliku",
    "Write the whole database to a file. Formats: json (the dataset format of data/README.md).":
        "Zapisuje całą bazę do pliku. Formaty: json (format zbioru danych opisany w data/README.md).",
    "file format": "format pliku",
    "FILE": "PLIK",
    "file to write": "plik do zapisania",
    "merge a dataset file into the database": "scal plik zbioru danych z bazą",
    "Merge a dataset file (JSON) into the database: records with a known key are updated, new ones created. Nothing is written if any record is wrong.":
        "Scala plik zbioru danych (JSON) z bazą: rekordy o znanym kluczu są aktualizowane, nowe dodawane. Jeśli którykolwiek rekord jest błędny, nic nie zostaje zapisane.",
    "dataset file (JSON)": "plik zbioru danych (JSON)",
    "check the file and report what would change, writing nothing": "sprawdź plik i pokaż, co by się zmieniło, niczego nie zapisując",
    "Database ready with Krakow's data ({count} records): {url}": "Baza gotowa, wczytano dane Krakowa (rekordów: {count}): {url}",
    "Database ready (empty): {url}": "Baza gotowa (pusta): {url}",
    "Database is up to date and already holds data: {url}": "Baza jest aktualna i zawiera już dane: {url}",
    "{path} is a folder; give a file name": "{path} to folder; podaj nazwę pliku",
    "cannot write {path}: {reason}": "nie można zapisać {path}: {reason}",
    "Exported to {path}": "Wyeksportowano do {path}",
    "{collection}: {created} new, {updated} updated, {unchanged} unchanged":
        "{collection}: nowe {created}, zmienione {updated}, bez zmian {unchanged}",
    "Dry run: nothing was written.": "Próba: niczego nie zapisano.",
    "krakow-desk: error: {message}": "krakow-desk: błąd: {message}",
    "twin city": "miasto bliźniacze",
    "partner city": "miasto partnerskie",
    "honorary twin city": "honorowe miasto bliźniacze",
    "cooperation without a formal agreement": "współpraca bez formalnej umowy",
    "active": "aktywna",
    "dormant": "uśpiona",
    "suspended": "zawieszona",
    "ended": "zakończona",
    "Nearest": "Najbliższy",
    "Farthest": "Najdalszy",
    "Most populous": "Najludniejszy",
    "Least populous": "Najmniej ludny",
    "Smallest area": "Najmniejsza powierzchnia",
    "Largest area": "Największa powierzchnia",
    "Highest": "Najwyżej położony",
    "Northernmost": "Najdalej na północ",
    "Southernmost": "Najdalej na południe",
    "Closest to the equator": "Najbliżej równika",
    "Oldest partnership": "Najstarsze partnerstwo",
    "Youngest partnership": "Najmłodsze partnerstwo",
    ("{n} inhabitant", "{n} inhabitants"): ("{n} mieszkaniec", "{n} mieszkańców", "{n} mieszkańców"),
    "{n} m above sea level": "{n} m n.p.m.",
    "N": "N",
    "S": "S",
    "(no data)": "(brak danych)",
    "Partnership records as of {date}": "Rekordy partnerstw na dzień {date}",
    ("over {n} partner with current cooperation", "over {n} partners with current cooperation"):
        ("spośród {n} partnera, z którym współpraca trwa", "spośród {n} partnerów, z którymi współpraca trwa",
         "spośród {n} partnerów, z którymi współpraca trwa"),
    "(none)": "(brak)",
    "Capitals ({n}): {names}": "Stolice ({n}): {names}",
    "no Krakow Desk database at {path} — create it with 'krakow-desk init'":
        "brak bazy Krakow Desk w {path} — utwórz ją poleceniem 'krakow-desk init'",
    "the database is from another version of Krakow Desk — upgrade it with 'krakow-desk init'":
        "baza pochodzi z innej wersji Krakow Desk — zaktualizuj ją poleceniem 'krakow-desk init'",
    "cannot open the database: {reason}": "nie można otworzyć bazy: {reason}",
    "which partner? The name is empty": "który partner? Nazwa jest pusta",
    "'{text}' could mean {keys} — use the key": "'{text}' może oznaczać: {keys} — podaj klucz",
    "partner": "partner",
    "agreement": "umowa",
    "organisation": "organizacja",
    "membership": "członkostwo",
    "institution": "instytucja",
    "person": "osoba",
    "visit": "wizyta",
    "event": "wydarzenie",
    "gift": "dar",
    "letter": "pismo",
    "task": "zadanie",
    "source": "źródło",
    "home city": "miasto macierzyste",
    "yearly figure": "dane roczne",
    "dataset": "zbiór danych",
    "no {kind} '{key}'": "{kind} '{key}' nie istnieje",
    "another {kind} already has the key '{key}'": "klucz '{key}' jest już zajęty ({kind})",
    "{kind} '{key}' cannot be deleted: records depend on it ({listing})":
        "nie można usunąć: {kind} '{key}' — zależą od tego rekordy ({listing})",
    "is required": "pole wymagane",
    "is not a real date (YYYY-MM-DD)": "to nie jest prawdziwa data (RRRR-MM-DD)",
    "is not a date": "to nie jest data",
    "is not a time (HH:MM)": "to nie jest godzina (GG:MM)",
    "is not a known field": "nieznane pole",
    "may hold only lower-case letters, digits and single hyphens": "może zawierać tylko małe litery, cyfry i pojedyncze łączniki",
    "is not a whole number": "to nie jest liczba całkowita",
    "is not a number": "to nie jest liczba",
    "is not true or false": "to nie jest prawda ani fałsz",
    "is not one of: {expected}": "dozwolone wartości: {expected}",
    "must be greater than {gt}": "musi być większe niż {gt}",
    "must be at least {ge}": "musi wynosić co najmniej {ge}",
    "must be less than {lt}": "musi być mniejsze niż {lt}",
    "must be at most {le}": "może wynosić najwyżej {le}",
    "is too long (at most {max_length} characters)": "za długie (najwyżej {max_length} znaków)",
    "has too many items": "za dużo pozycji",
    "Krakow Desk": "Krakow Desk",
    "not stated": "nie określono",
    "sources": "źródła", "partners": "partnerzy", "agreements": "umowy", "organisations": "organizacje",
    "memberships": "członkostwa", "institutions": "instytucje", "people": "osoby", "visits": "wizyty",
    "events": "wydarzenia", "gifts": "dary", "letters": "pisma", "tasks": "zadania",
    "yearly figures": "dane roczne",
    "Krakow Desk — international relations office": "Krakow Desk — Biuro Współpracy Zagranicznej",
    ("{n} partner", "{n} partners"): ("{n} partner", "{n} partnerów", "{n} partnerów"),
    "Database: {url}": "Baza danych: {url}",
    "Name": "Nazwa",
    "English name": "Nazwa angielska",
    "Native name": "Nazwa oryginalna",
    "Country": "Kraj",
    "Category": "Kategoria",
    "Status": "Status",
}


def fill(path: Path, translate) -> list:  # noqa: ANN001
    with path.open("rb") as handle:
        catalog = read_po(handle)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        value = translate(message.id)
        if value is None:
            missing.append(message.id)
        else:
            message.string = value
            message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True)
    return missing


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent / "resources" / "locale"
    missing = fill(root / "pl" / "LC_MESSAGES" / "krakow_desk.po", PL.get)
    fill(root / "en" / "LC_MESSAGES" / "krakow_desk.po",
         lambda mid: mid if isinstance(mid, str) else (mid[0], mid[1]))
    for mid in missing:
        print("no Polish for:", repr(mid), file=sys.stderr)
    sys.exit(1 if missing else 0)
