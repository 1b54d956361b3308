"""Polish for the change history, its chain check, edit conflicts and personal data (services, CLI)."""

PL = {
    # actions
    "created": "utworzono", "changed": "zmieniono", "deleted": "usunięto",
    "document attached": "dołączono dokument", "document removed": "usunięto dokument",
    "personal data erased": "usunięto dane osobowe",
    "demonstration data added": "dodano dane pokazowe",
    "restored from a backup": "przywrócono z kopii zapasowej",
    "office setting": "ustawienie biura", "demonstration data": "dane pokazowe",
    # the chain check
    "history entry {id} does not match its hash: it was altered after it was written":
        "wpis historii {id} nie zgadza się ze swoim skrótem: zmieniono go po zapisaniu",
    "history entry {id} does not follow the entry before it: entries were removed or inserted":
        "wpis historii {id} nie następuje po poprzednim: wpisy usunięto lub wstawiono",
    "history entry {id} holds other changes than it was written with":
        "wpis historii {id} zawiera inne zmiany niż te, z którymi go zapisano",
    "history entry {id} is out of sequence: entries before it are missing":
        "wpis historii {id} jest poza kolejnością: brakuje wpisów przed nim",
    "the last history entries were removed or replaced":
        "ostatnie wpisy historii usunięto lub zastąpiono",
    "history entry {id} is marked as erased, but no erasure names it":
        "wpis historii {id} oznaczono jako wyczyszczony, lecz żadne usunięcie danych go nie wymienia",
    "history": "historia",
    # conflicts
    "{kind} '{key}' was changed by {actor} ({at}) after you opened it; nothing was saved":
        "{kind} „{key}”: {actor} zmienił(a) ten rekord ({at}) po jego otwarciu przez Ciebie; "
        "niczego nie zapisano",
    "{kind} '{key}' was changed by someone else after you opened it; nothing was saved":
        "{kind} „{key}”: ktoś inny zmienił ten rekord po jego otwarciu przez Ciebie; niczego nie zapisano",
    # personal data
    "the personal data of '{key}' was already erased": "dane osobowe „{key}” zostały już usunięte",
    # the command line
    "the change history": "historia zmian",
    "Who changed what and when, newest first: of one record (KIND KEY, e.g. partner kyiv) or of all.":
        "Kto, co i kiedy zmienił, od najnowszych: w jednym rekordzie (RODZAJ KLUCZ, np. partner kyiv) "
        "albo we wszystkich.",
    "KEY": "KLUCZ", "ACTION": "CZYNNOŚĆ",
    "the kind of record: partner, person, visit, …": "rodzaj rekordu: partner, person, visit, …",
    "the record's key": "klucz rekordu",
    "show at most N changes (default: 50)": "pokaż najwyżej N zmian (domyślnie: 50)",
    "a person's personal data: export or erase": "dane osobowe osoby: eksport lub usunięcie",
    "Everything the office holds about one person, as JSON (export), or erasing it (erase): personal "
    "fields removed, the record kept as an anonymous link in visits, letters and the gifts register, "
    "and the person's values cleared from the change history.":
        "Wszystko, co biuro przechowuje o jednej osobie, jako JSON (export), albo usunięcie tych danych "
        "(erase): pola osobowe zostają usunięte, rekord pozostaje jako anonimowe powiązanie w wizytach, "
        "pismach i rejestrze darów, a wartości dotyczące osoby znikają z historii zmian.",
    "write everything held about a person as JSON": "zapisz wszystkie dane o osobie jako JSON",
    "the person's key": "klucz osoby",
    "JSON file to write": "plik JSON do zapisania",
    "erase a person's personal data": "usuń dane osobowe osoby",
    "confirm: the erasure cannot be undone": "potwierdzenie: usunięcia nie można cofnąć",
    "give the record's key after its kind, e.g. 'history partner kyiv'":
        "podaj klucz rekordu po jego rodzaju, np. „history partner kyiv”",
    "No changes recorded.": "Nie zapisano żadnych zmian.",
    "when (UTC)": "kiedy (UTC)", "who": "kto", "record": "rekord", "what": "co", "changes": "zmiany",
    "erasing '{key}' cannot be undone; export the data first if it is needed, then repeat with --yes":
        "usunięcia danych „{key}” nie można cofnąć; jeśli dane są potrzebne, najpierw je wyeksportuj, "
        "a potem powtórz polecenie z --yes",
    "The personal data of '{key}' is erased; the record stays as '{new}'.":
        "Dane osobowe „{key}” zostały usunięte; rekord pozostaje jako „{new}”.",
}
