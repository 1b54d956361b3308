"""Polish for backups, restore, check, the lock file and errors of the environment."""

PL = {
    "back the database up, or list its backups": "utwórz kopię zapasową bazy albo pokaż listę kopii",
    "Write a checked copy of the database: into its backups folder (beside the database file, or under the data folder for a server), or to the file given with -o. --list shows the backups kept.":
        "Zapisuje sprawdzoną kopię bazy: w folderze kopii (obok pliku bazy, a dla serwera w folderze danych) "
        "albo w pliku podanym w -o. --list pokazuje przechowywane kopie.",
    "file to write the backup to": "plik, do którego zapisać kopię",
    "list the backups: date, reason, size, path": "pokaż kopie: data, powód, rozmiar, ścieżka",
    "replace the data with a backup's": "zastąp dane danymi z kopii zapasowej",
    "Check the backup file, keep the current data as a 'before-restore' backup, then replace the database's content with the backup's. A backup made by an older version is brought up to date on a copy. A SQLite backup can be restored into a PostgreSQL database: this is how a desk file moves to a shared server.":
        "Sprawdza plik kopii, zachowuje obecne dane jako kopię „przed przywróceniem”, po czym zastępuje "
        "zawartość bazy zawartością kopii. Kopia ze starszej wersji jest uaktualniana na duplikacie. Kopię "
        "SQLite można przywrócić do bazy PostgreSQL — tak plik bazy przenosi się na wspólny serwer.",
    "the backup file": "plik kopii zapasowej",
    "check the database and its documents": "sprawdź bazę i jej dokumenty",
    "Check the database file's integrity and references, every attached document against its checksum, and files in the documents folder that no record refers to. Exits with 1 and lists the problems if any.":
        "Sprawdza spójność pliku bazy i powiązań, każdy załączony dokument z jego sumą kontrolną oraz pliki "
        "w folderze dokumentów, do których nie odwołuje się żaden rekord. Jeśli są problemy, wypisuje je i "
        "kończy się kodem 1.",
    "krakow-desk: warning: the database is on a network share ({kind}); SQLite's locking is not reliable there and the file can be damaged — a shared office database belongs on a PostgreSQL server":
        "krakow-desk: uwaga: baza leży w udziale sieciowym ({kind}); blokady SQLite nie są tam pewne i plik "
        "może ulec uszkodzeniu — wspólna baza biura powinna być na serwerze PostgreSQL",
    "No backups yet in {path}": "Brak kopii zapasowych w {path}",
    "reason": "powód",
    "size": "rozmiar",
    "file": "plik",
    "Backup written to {path}": "Kopię zapisano w {path}",
    "Restored {backup} as {path}": "Przywrócono {backup} jako {path}",
    "Restored {backup} into {path}; the data it replaced is kept in {kept}":
        "Przywrócono {backup} do {path}; zastąpione dane zachowano w {kept}",
    "Restored {backup} into {path}": "Przywrócono {backup} do {path}",
    "No problems found in {path}": "Nie znaleziono problemów w {path}",
    ("{count} problem found in {path}", "{count} problems found in {path}"): (
        "Znaleziono {count} problem w {path}", "Znaleziono {count} problemy w {path}",
        "Znaleziono {count} problemów w {path}"),
    "the database was opened read-only (it is open elsewhere): nothing can be saved in this window":
        "bazę otwarto tylko do odczytu (jest otwarta gdzie indziej): w tym oknie nie można niczego zapisać",
    "the database file cannot be written (it or its folder is read-only): nothing was saved — check the file's permissions":
        "nie można zapisać pliku bazy (on lub jego folder jest tylko do odczytu): niczego nie zapisano — "
        "sprawdź uprawnienia pliku",
    "the disk is full: nothing was saved — free some space, then save again":
        "dysk jest pełny: niczego nie zapisano — zwolnij trochę miejsca i zapisz ponownie",
    "the database is busy in another program: nothing was saved — try again in a moment":
        "baza jest zajęta przez inny program: niczego nie zapisano — spróbuj ponownie za chwilę",
    "the database file is damaged ({reason}) — restart Krakow Desk to set it aside and restore a backup":
        "plik bazy jest uszkodzony ({reason}) — uruchom Krakow Desk ponownie, by go odłożyć i przywrócić kopię",
    "cannot reach the database: {reason}": "brak dostępu do bazy: {reason}",
    'restore the newest good backup with: krakow-desk --db "{db}" restore "{backup}"':
        'przywróć najnowszą dobrą kopię poleceniem: krakow-desk --db "{db}" restore "{backup}"',
    "there is no backup of it; 'krakow-desk init' starts a new database":
        "nie ma jej kopii; 'krakow-desk init' zakłada nową bazę",
    "the database {path} is damaged ({reason}); it was moved aside to {moved} — {advice}":
        "baza {path} jest uszkodzona ({reason}); przeniesiono ją do {moved} — {advice}",
    "the database {path} is open in another Krakow Desk (user {user} on {host}, since {since}); close it there first":
        "baza {path} jest otwarta w innym Krakow Desk (użytkownik {user} na {host}, od {since}); najpierw "
        "zamknij ją tam",
    "daily": "codzienna",
    "by hand": "ręcznie",
    "before an upgrade": "przed aktualizacją",
    "before an import": "przed importem",
    "before a restore": "przed przywróceniem",
    "the backup copy did not pass SQLite's integrity check ({problem}); the database may be damaged — run 'krakow-desk check'":
        "kopia nie przeszła kontroli spójności SQLite ({problem}); baza może być uszkodzona — uruchom "
        "'krakow-desk check'",
    "cannot write the backup {path}: {reason}": "nie można zapisać kopii {path}: {reason}",
    "no backup file at {path}": "nie ma pliku kopii {path}",
    "{path} is not a Krakow Desk backup (not a SQLite database)":
        "{path} nie jest kopią Krakow Desk (to nie jest baza SQLite)",
    "the backup {path} is damaged: {problem}": "kopia {path} jest uszkodzona: {problem}",
    "{path} is not a Krakow Desk backup (it has no schema version)":
        "{path} nie jest kopią Krakow Desk (brak wersji schematu)",
    "the backup {path} was made by a newer version of Krakow Desk; update Krakow Desk to restore it":
        "kopię {path} utworzyła nowsza wersja Krakow Desk; zaktualizuj program, by ją przywrócić",
    "the database was opened read-only: it cannot be restored in this window":
        "bazę otwarto tylko do odczytu: w tym oknie nie można jej przywrócić",
    "{path} exists; restore into it with 'krakow-desk restore'":
        "{path} istnieje; przywróć do niego kopię poleceniem 'krakow-desk restore'",
    "database": "baza",
    "integrity: {problem}": "spójność: {problem}",
    "row {rowid} of {table} refers to a missing row of {parent}":
        "wiersz {rowid} tabeli {table} wskazuje nieistniejący wiersz tabeli {parent}",
    "documents": "dokumenty",
    "a database opened read-only cannot be created or upgraded":
        "bazy otwartej tylko do odczytu nie można utworzyć ani zaktualizować",
    "A backup is made every day at start, and before every upgrade, import and restore. Kept: one a day for a week, one a week for a month, one a month for a year, and always the last five. Folder: {path}":
        "Kopia zapasowa powstaje codziennie przy uruchomieniu oraz przed każdą aktualizacją, importem i "
        "przywróceniem. Przechowywane są: jedna dziennie z tygodnia, jedna tygodniowo z miesiąca, jedna "
        "miesięcznie z roku i zawsze pięć ostatnich. Folder: {path}",
    "Reason": "Powód",
    "Backups": "Kopie zapasowe",
    "Back up now": "Utwórz kopię teraz",
    "Restore…": "Przywróć…",
    "Replace the data with the selected backup's (or a backup file chosen when none is selected)":
        "Zastąp dane danymi z zaznaczonej kopii (albo z wybranego pliku, gdy nic nie zaznaczono)",
    "No backups yet.": "Nie ma jeszcze kopii.",
    "Nothing was changed.": "Niczego nie zmieniono.",
    "Backing up…": "Tworzenie kopii…",
    "Backup written: {name}": "Zapisano kopię: {name}",
    "Restore a backup": "Przywracanie kopii",
    "Krakow Desk backups (*.sqlite3);;All files (*)": "Kopie Krakow Desk (*.sqlite3);;Wszystkie pliki (*)",
    "Replace all the data in the database with the backup of {when}?\n\nWhat was saved after it will no longer be shown; it is kept first in a 'before a restore' backup.":
        "Zastąpić wszystkie dane w bazie kopią z {when}?\n\nTo, co zapisano później, przestanie być "
        "widoczne; najpierw zostanie zachowane w kopii „przed przywróceniem”.",
    "Restoring…": "Przywracanie…",
    "Restored the backup of {when}.": "Przywrócono kopię z {when}.",
    "Krakow Desk — the database is damaged": "Krakow Desk — baza jest uszkodzona",
    "The database file cannot be used: it is damaged.": "Nie można użyć pliku bazy: jest uszkodzony.",
    "SQLite reported: {reason}.": "SQLite zgłosił: {reason}.",
    "Nothing was overwritten. The damaged file was moved aside to:":
        "Niczego nie nadpisano. Uszkodzony plik przeniesiono do:",
    "The newest good backup is from {when}. Restoring it brings back the data as it was then; what was saved after that is not in it.":
        "Najnowsza dobra kopia pochodzi z {when}. Jej przywrócenie odtworzy dane z tamtej chwili; tego, "
        "co zapisano później, w niej nie ma.",
    "There is no backup of this database.": "Nie ma kopii zapasowej tej bazy.",
    "Restore the backup of {when}": "Przywróć kopię z {when}",
    "Start with a new database": "Zacznij od nowej bazy",
    "Quit": "Zakończ",
    "The database {path} is already open in Krakow Desk — user {user} on computer {host}, since {since}.\n\nOnly one program may change it at a time. You can open it read-only to look things up; to change records, close it there first.":
        "Baza {path} jest już otwarta w Krakow Desk — użytkownik {user} na komputerze {host}, od {since}."
        "\n\nZmieniać ją może naraz tylko jeden program. Możesz otworzyć ją tylko do odczytu, by coś "
        "sprawdzić; aby zmieniać rekordy, najpierw zamknij ją tam.",
    "Open read-only": "Otwórz tylko do odczytu",
    "The database {path} is on a network share ({kind}). SQLite's locking cannot be relied on there, and two computers writing to it at once can damage it.\n\nFor a database the office shares, use a PostgreSQL server (see the README: “Backups and safety”).":
        "Baza {path} leży w udziale sieciowym ({kind}). Blokady SQLite nie są tam pewne, a dwa komputery "
        "zapisujące naraz mogą ją uszkodzić.\n\nDla bazy wspólnej dla biura użyj serwera PostgreSQL "
        "(zob. README: „Backups and safety”).",
    "The name the change history gives for what you save here; empty: your login name":
        "Nazwisko, którym historia zmian podpisuje to, co tu zapiszesz; puste: nazwa logowania",
    "Your &name in the change history:": "Twoje &nazwisko w historii zmian:",
    "&Backups": "&Kopie zapasowe",
    "{path} (read-only)": "{path} (tylko do odczytu)",
    "Today's backup was made: {path}": "Utworzono dzisiejszą kopię: {path}",
}
