"""Polish for the document store: attaching, opening and checking files (services and window)."""

PL = {
    # services.errors / services.documents
    "document": "dokument",
    "the file of document '{name}' ({record}) is missing from the document store — it should be at {path}":
        "brak pliku dokumentu '{name}' ({record}) w repozytorium dokumentów — powinien się znajdować "
        "w {path}",
    "the file of document '{name}' ({record}) has been altered in the document store: its content is no "
    "longer what was attached ({path})":
        "plik dokumentu '{name}' ({record}) został zmieniony w repozytorium dokumentów: jego zawartość "
        "nie jest już tą, którą dołączono ({path})",
    "missing: '{name}' ({record})": "brak pliku: '{name}' ({record})",
    "altered: '{name}' ({record})": "zmieniony plik: '{name}' ({record})",
    "in the store but not attached to any record: {path}":
        "plik w repozytorium, niedołączony do żadnego rekordu: {path}",
    "documents cannot be attached to a {kind}": "do rekordu typu '{kind}' nie można dołączać dokumentów",
    "checking '{name}' was cancelled": "przerwano sprawdzanie '{name}'",
    "cannot read the file of document '{name}': {reason}": "nie można odczytać pliku dokumentu '{name}': {reason}",
    "'{name}' cannot be attached: it is {size}, more than the limit of {limit}":
        "nie można dołączyć '{name}': plik ma {size}, a dopuszczalny rozmiar to {limit}",
    "'{name}' cannot be attached: the file is empty": "nie można dołączyć '{name}': plik jest pusty",
    "'{name}' cannot be attached: it is not a file": "nie można dołączyć '{name}': to nie jest plik",
    "'{name}' cannot be attached: its name says {claimed}, but it holds a {detected} file — it may be "
    "the wrong file or damaged":
        "nie można dołączyć '{name}': nazwa wskazuje na plik {claimed}, a zawartość to plik {detected} — "
        "być może wybrano niewłaściwy plik albo jest on uszkodzony",
    "'{name}' cannot be attached: only {types} and plain-text files are accepted":
        "nie można dołączyć '{name}': przyjmowane są tylko pliki {types} oraz zwykłe pliki tekstowe",
    "attaching '{name}' was cancelled": "przerwano dołączanie '{name}'",
    "cannot attach '{name}': {reason}": "nie można dołączyć '{name}': {reason}",
    "'{name}' is already attached to {record} as '{existing}'":
        "plik '{name}' jest już dołączony ({record}) jako '{existing}'",
    # ui.documents
    "Copying '{name}' into the document store…": "Kopiowanie '{name}' do repozytorium dokumentów…",
    "Copying '{name}' into the document store ({number} of {count})…":
        "Kopiowanie '{name}' do repozytorium dokumentów ({number} z {count})…",
    "Copying into the document store…": "Kopiowanie do repozytorium dokumentów…",
    "File type": "Typ pliku",
    "Size": "Rozmiar",
    "Added": "Dodano",
    "&Attach…": "&Dołącz…",
    "Copy files into the document store and attach them to this record":
        "Skopiuj pliki do repozytorium dokumentów i dołącz je do tego rekordu",
    "&Open": "&Otwórz",
    "Check the file and open it in the system's viewer": "Sprawdź plik i otwórz go w programie systemowym",
    "&Remove": "&Usuń",
    "Text read for search": "Tekst odczytany na potrzeby wyszukiwania",
    "No text could be read for search": "Nie udało się odczytać tekstu na potrzeby wyszukiwania",
    "Choose a record to see its documents.": "Wybierz rekord, aby zobaczyć jego dokumenty.",
    "No documents attached. Attach scans, signed copies or related files with Attach…, or drop them here.":
        "Nie dołączono dokumentów. Dołącz skany, podpisane egzemplarze lub inne pliki przyciskiem "
        "Dołącz… albo upuść je tutaj.",
    "Documents and images ({patterns})": "Dokumenty i obrazy ({patterns})",
    "All files (*)": "Wszystkie pliki (*)",
    "Attach documents": "Dołącz dokumenty",
    "no program to open '{name}' was found on this computer":
        "na tym komputerze nie ma programu, który otworzy '{name}'",
    "Remove document": "Usuń dokument",
    "Remove '{name}' from this record? The file is deleted from the document store unless another "
    "record uses the same file. The original you attached it from is not touched.":
        "Usunąć '{name}' z tego rekordu? Plik zostanie usunięty z repozytorium dokumentów, chyba że ten "
        "sam plik jest dołączony do innego rekordu. Oryginał, z którego go dołączono, pozostaje nietknięty.",
}
