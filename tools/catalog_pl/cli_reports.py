"""Polish for the command line's report and export commands (krakow_desk/cli.py)."""

PL = {
    "Write the database to a file. Formats: json (the whole dataset, in the format of data/README.md); "
    "ical (visits and events as an iCalendar file).":
        "Zapisuje bazę danych do pliku. Formaty: json (cały zbiór danych w formacie opisanym "
        "w data/README.md); ical (wizyty i wydarzenia jako plik iCalendar).",
    "print a PDF report": "drukuje raport PDF",
    "Print a PDF report. The report's language is chosen with the report's own --lang (default: the "
    "interface's).":
        "Drukuje raport PDF. Język raportu wybiera się opcją --lang samego raportu (domyślnie język "
        "interfejsu).",
    "REPORT": "RAPORT",
    "the protocol briefing for a visit": "notatka protokolarna na wizytę",
    "The protocol briefing for one visit: programme by day, participants in order of precedence, "
    "languages and interpreting, notes, the partner in brief and the gift history.":
        "Notatka protokolarna na jedną wizytę: program dzień po dniu, uczestnicy według "
        "pierwszeństwa, języki i tłumaczenie, uwagi, partner w skrócie i historia darów.",
    "VISIT": "WIZYTA",
    "the visit's key": "klucz wizyty",
    "PDF file to write": "plik PDF do zapisania",
    "language of the report (pl or en; default: the interface's)":
        "język raportu (pl lub en; domyślnie język interfejsu)",
    "Written to {path}": "Zapisano do pliku {path}",
    "a partner's dossier": "dossier partnera",
    "Everything the office holds on one partner, for a meeting or the archive. PARTNER is a Polish, "
    "English or native name, or the key.":
        "Wszystko, co biuro wie o jednym partnerze — na spotkanie lub do archiwum. PARTNER to nazwa "
        "polska, angielska lub oryginalna albo klucz.",
    "PARTNER": "PARTNER",
    "the partner's name or key": "nazwa lub klucz partnera",
    "the annual cooperation summary": "roczne podsumowanie współpracy",
    "The year's cooperation in figures and records, for the City Council, compared with the year before.":
        "Współpraca w danym roku w liczbach i zapisach, dla Rady Miasta, w porównaniu z rokiem "
        "poprzednim.",
    "YEAR": "ROK",
    "the year": "rok",
    "an extract of the gifts register": "wyciąg z rejestru darów",
    "Gifts given and received, of one year or of all years.":
        "Dary przekazane i otrzymane — z jednego roku lub ze wszystkich lat.",
    "only this year": "tylko z tego roku",
}
