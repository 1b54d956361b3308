"""Polish for import and export: spreadsheet columns, the readers' messages, the import plan."""

PL = {
    # sheets and column headers (also accepted as headers on import)
    "Partners": "Partnerzy", "People": "Osoby", "Institutions": "Instytucje",
    "Agreements": "Umowy", "Visits": "Wizyty", "Gifts": "Dary", "Letters": "Pisma",
    "Tasks": "Zadania",
    "key": "klucz", "name": "nazwa",
    "native name": "nazwa oryginalna", "other names": "inne nazwy", "kind": "rodzaj",
    "country": "kraj", "capital": "stolica", "time zone": "strefa czasowa",
    "latitude": "szerokość geograficzna", "longitude": "długość geograficzna",
    "source of coordinates": "źródło współrzędnych", "population": "ludność",
    "population year": "rok danych o ludności", "source of population": "źródło danych o ludności",
    "area (km²)": "powierzchnia (km²)", "source of area": "źródło powierzchni",
    "elevation (m)": "wysokość (m n.p.m.)", "source of elevation": "źródło wysokości",
    "category": "kategoria", "domains": "dziedziny", "assessment": "ocena",
    "assessment note": "uzasadnienie oceny", "notes": "uwagi", "source": "źródło",
    "given name": "imię", "family name": "nazwisko", "honorific": "forma grzecznościowa",
    "function": "funkcja", "languages": "języki", "e-mails": "adresy e-mail", "phones": "telefony",
    "address": "adres", "salutation": "zwrot grzecznościowy",
    "salutation in Polish": "zwrot grzecznościowy po polsku", "precedence": "pierwszeństwo",
    "dietary needs": "wymagania żywieniowe", "accessibility needs": "potrzeby dostępności",
    "lawful basis": "podstawa prawna", "city": "miasto", "in Krakow": "w Krakowie",
    "partner": "partner", "website": "strona internetowa", "e-mail": "e-mail", "phone": "telefon",
    "signed on": "data podpisania", "party for Krakow": "strona krakowska",
    "party for the partner": "strona partnerska", "signatory for Krakow": "podpisujący za Kraków",
    "signatory for the partner": "podpisujący za partnera", "term starts": "początek obowiązywania",
    "term (months)": "okres (miesiące)",
    "renewal (months)": "przedłużenie (miesiące)", "notice (months)": "wypowiedzenie (miesiące)",
    "terminated on": "data rozwiązania", "relation": "związek", "related agreement": "umowa powiązana",
    "direction": "kierunek", "partners": "partnerzy", "purpose": "cel", "status": "stan",
    "starts on": "początek", "ends on": "koniec", "place": "miejsce",
    "accommodation": "zakwaterowanie", "transport": "transport", "interpreters": "tłumacze",
    "outcomes": "rezultaty", "date": "data", "visit": "wizyta", "giver": "darczyńca",
    "recipient": "obdarowany", "description": "opis", "quantity": "liczba sztuk",
    "value": "wartość", "currency": "waluta", "where it is kept": "miejsce przechowywania",
    "disposition": "przeznaczenie", "channel": "forma", "reference number": "znak sprawy",
    "subject": "temat", "people": "osoby", "summary": "streszczenie",
    "reply due on": "termin odpowiedzi", "reply to": "odpowiedź na", "due on": "termin",
    "assignee": "odpowiedzialny", "done on": "data wykonania", "letter": "pismo",
    "event": "wydarzenie", "academic title": "tytuł naukowy", "title": "tytuł",
    "yes": "tak", "no": "nie",
    # reading cells
    "'{text}' is not one of: {names}": "'{text}' nie jest żadną z wartości: {names}",
    "'{text}' is not a real calendar date": "'{text}' nie jest prawdziwą datą",
    "'{text}' is not yes or no": "'{text}' to ani tak, ani nie",
    "'{text}' is not a number": "'{text}' nie jest liczbą",
    "'{text}' is not a whole number": "'{text}' nie jest liczbą całkowitą",
    "column '{header}' is not a field of this kind; it was left out":
        "kolumna '{header}' nie jest polem tego rodzaju rekordów; pominięto ją",
    "columns '{first}' and '{second}' are the same field; the second was left out":
        "kolumny '{first}' i '{second}' to to samo pole; pominięto drugą",
    "no column of the header names a field (the first row must name the columns, e.g. '{example}')":
        "żadna kolumna nagłówka nie nazywa pola (pierwszy wiersz musi nazywać kolumny, np. '{example}')",
    "more than {limit} rows: too many to import at once":
        "ponad {limit} wierszy: za dużo na jeden import",
    "{column}: longer than {limit} characters": "{column}: dłuższe niż {limit} znaków",
    "the row has more cells than the header has columns; the extra cells were left out":
        "wiersz ma więcej komórek niż nagłówek kolumn; nadmiarowe komórki pominięto",
    "the file is not CSV a program can read (line {line}: {reason})":
        "plik nie jest czytelnym plikiem CSV (wiersz {line}: {reason})",
    "{path} is empty": "{path} jest pusty",
    "cannot tell what {path} holds from its columns; say which records they are (--kind)":
        "z kolumn nie wynika, co zawiera {path}; podaj rodzaj rekordów (--kind)",
    "{path} is not an XLSX workbook": "{path} nie jest skoroszytem XLSX",
    "{path} holds too many parts to be a workbook": "{path} ma zbyt wiele części jak na skoroszyt",
    "{path} would unpack to {size} MB: refused as a ZIP bomb, not a workbook":
        "{path} rozpakowałby się do {size} MB: odrzucono jako bombę ZIP, nie skoroszyt",
    "{path} is not an XLSX workbook this program can read ({reason})":
        "{path} nie jest skoroszytem XLSX, który program umie odczytać ({reason})",
    "this sheet does not hold records this program knows; it was left out":
        "ten arkusz nie zawiera rekordów znanych programowi; pominięto go",
    "'{kind}' is not a kind of record a spreadsheet holds (one of: {kinds})":
        "'{kind}' nie jest rodzajem rekordów arkusza (jeden z: {kinds})",
    "a CSV file holds one kind of record: say which (e.g. partners)":
        "plik CSV zawiera jeden rodzaj rekordów: podaj który (np. partners)",
    "'{format}' is not a format this program writes (one of: {formats})":
        "'{format}' nie jest formatem, który program zapisuje (jeden z: {formats})",
    "{path} is too large to import ({size} MB; at most {limit} MB)":
        "{path} jest za duży do importu ({size} MB; najwyżej {limit} MB)",
    "no file {path}": "nie ma pliku {path}",
    "{path} is a folder, not a file to import": "{path} to folder, a nie plik do importu",
    "cannot read {path}: {reason}": "nie można odczytać {path}: {reason}",
    "{path} is not text in an encoding this program reads (UTF-8, UTF-16 with a byte-order mark, "
    "Windows-1250)":
        "{path} nie jest tekstem w kodowaniu, które program czyta (UTF-8, UTF-16 ze znacznikiem "
        "kolejności bajtów, Windows-1250)",
    "sheet {sheet}, row {line}": "arkusz {sheet}, wiersz {line}",
    "line {line}": "wiersz {line}",
    # the plan
    "the same record as {where}": "ten sam rekord co {where}",
    "rows that cannot be imported: {count}; correct them, or import the others without them":
        "wiersze, których nie można zaimportować: {count}; popraw je albo zaimportuj pozostałe bez nich",
    "{label} cannot be merged into {match}: together they break a rule":
        "nie można scalić {label} z {match}: razem naruszają regułę",
    "the same name": "ta sama nazwa",
    "one of its other names": "jedna z jego innych nazw",
    "another name of the same place": "inna nazwa tego samego miejsca",
    "a similar spelling ({score}%)": "podobna pisownia ({score}%)",
    "the same record": "ten sam rekord",
    "'{label}' looks like '{match}' ({key}): {how}": "'{label}' wygląda jak '{match}' ({key}): {how}",
    "Import plan for {file}:": "Plan importu pliku {file}:",
    "nothing to import": "nic do zaimportowania",
    "{kind}: {add} to add, {update} to update, {unchanged} unchanged":
        "{kind}: do dodania {add}, do zmiany {update}, bez zmian {unchanged}",
    "To update:": "Do zmiany:",
    "{where}: {label} ({fields})": "{where}: {label} ({fields})",
    "… and {n} more": "… i jeszcze {n}",
    ("{n} row rejected:", "{n} rows rejected:"):
        ("Odrzucono {n} wiersz:", "Odrzucono {n} wiersze:", "Odrzucono {n} wierszy:"),
    "Left out:": "Pominięto:",
    ("{n} row looks like a record already there:", "{n} rows look like records already there:"):
        ("{n} wiersz wygląda jak istniejący już rekord:", "{n} wiersze wyglądają jak istniejące już rekordy:",
         "{n} wierszy wygląda jak istniejące już rekordy:"),
    # the command line
    "Write the database to a file. Formats: json (the whole dataset, in the format of "
    "data/README.md); csv KIND (one kind of record); xlsx [KIND] (a sheet per kind, or one); vcard "
    "(people); ical (visits and events as an iCalendar file). KIND is one of: partners, people, "
    "institutions, agreements, visits, gifts, letters, tasks.":
        "Zapisuje bazę do pliku. Formaty: json (cały zbiór danych, w formacie z data/README.md); "
        "csv RODZAJ (jeden rodzaj rekordów); xlsx [RODZAJ] (arkusz na każdy rodzaj albo jeden); "
        "vcard (osoby); ical (wizyty i wydarzenia jako plik iCalendar). RODZAJ to jeden z: "
        "partners, people, institutions, agreements, visits, gifts, letters, tasks.",
    "KIND": "RODZAJ",
    "which records (csv and xlsx)": "które rekordy (csv i xlsx)",
    "merge a file into the database": "scal plik z bazą",
    "Merge a file into the database: a dataset (JSON), a spreadsheet (CSV, XLSX; column headers in "
    "Polish or English), people (vCard) or visits (iCalendar). Known records are updated, new ones "
    "added; rows that look like records already there are shown and left out unless --duplicates "
    "says otherwise. The plan is printed first; nothing is written if any row is wrong.":
        "Scala plik z bazą: zbiór danych (JSON), arkusz (CSV, XLSX; nagłówki kolumn po polsku lub "
        "angielsku), osoby (vCard) albo wizyty (iCalendar). Znane rekordy są aktualizowane, nowe "
        "dodawane; wiersze wyglądające jak istniejące rekordy są pokazywane i pomijane, chyba że "
        "--duplicates mówi inaczej. Najpierw drukowany jest plan; nic nie jest zapisywane, jeśli "
        "któryś wiersz jest błędny.",
    "file to import": "plik do zaimportowania",
    "which records a CSV file holds, if its columns do not tell":
        "jakie rekordy zawiera plik CSV, jeśli nie wynika to z kolumn",
    "what to do with rows that look like records already there: leave them out, merge them into "
    "those records, or add them as new ones":
        "co zrobić z wierszami wyglądającymi jak istniejące rekordy: pominąć je, scalić z tymi "
        "rekordami albo dodać jako nowe",
    "import the other rows when some are rejected": "zaimportuj pozostałe wiersze, gdy część odrzucono",
    "a {format} file holds one kind of record; leave out '{kind}'":
        "plik {format} zawiera jeden rodzaj rekordów; pomiń '{kind}'",
    "nothing was imported: correct the rejected rows, or give --skip-rejected to import the others":
        "niczego nie zaimportowano: popraw odrzucone wiersze albo podaj --skip-rejected, by "
        "zaimportować pozostałe",
    "nothing was imported: say what to do with the rows that look like records already there "
    "(--duplicates skip, merge or add)":
        "niczego nie zaimportowano: powiedz, co zrobić z wierszami wyglądającymi jak istniejące "
        "rekordy (--duplicates skip, merge albo add)",
    # vCard
    "{path}: cards nested more than {depth} deep at line {line}; not an address book":
        "{path}: wizytówki zagnieżdżone głębiej niż {depth} w wierszu {line}; to nie jest książka adresowa",
    "more than {limit} cards: too many to import at once":
        "ponad {limit} wizytówek: za dużo na jeden import",
    "{path} is not a vCard file (no BEGIN:VCARD)": "{path} nie jest plikiem vCard (brak BEGIN:VCARD)",
    "{property}: longer than {limit} characters": "{property}: dłuższe niż {limit} znaków",
    "the card has no name (N or FN)": "wizytówka nie ma nazwiska (N ani FN)",
    "the card cannot be read: {reason}": "nie można odczytać wizytówki: {reason}",
    "{path} declares XML entities, which no workbook does: refused":
        "{path} deklaruje encje XML, czego żaden skoroszyt nie robi: odrzucono",
    "the card is not closed: no END:VCARD follows it (is the file cut short?)":
        "wizytówka nie jest zamknięta: nie następuje po niej END:VCARD (czy plik jest ucięty?)",
    "line {line} is not a vCard property (NAME:value): {text}":
        "wiersz {line} nie jest właściwością vCard (NAZWA:wartość): {text}",
    "line {line}: a card inside the card; cards inside cards are not read":
        "wiersz {line}: wizytówka w wizytówce; zagnieżdżonych wizytówek się nie czyta",
    "line {line}: {property} is longer than {limit} characters":
        "wiersz {line}: {property} jest dłuższe niż {limit} znaków",
}
