"""Polish for the window's change history, edit conflicts and personal data."""

PL = {
    # field names the spreadsheet columns do not give
    "status history": "historia statusów",
    "affiliations": "afiliacje",
    "participants": "uczestnicy",
    "programme": "program",
    "retention note": "okres przechowywania danych",
    "erased on": "data usunięcia",
    "organisers": "organizatorzy",
    "funding programme": "program finansowania",
    "budget": "budżet",
    "co-financing": "współfinansowanie",
    "acronym": "skrót",
    "joined in": "rok przystąpienia",
    "left in": "rok wystąpienia",
    "membership fee": "składka członkowska",
    "fee currency": "waluta składki",
    "fee note": "uwagi o składce",
    "coordinating department": "wydział koordynujący",
    "representative": "przedstawiciel",
    "history entries cleared": "wyczyszczone wpisy historii",
    "address (URL)": "adres (URL)",
    "setting": "ustawienie",
    "[erased]": "[usunięto]",
    ("{n} item", "{n} items"): ("{n} pozycja", "{n} pozycje", "{n} pozycji"),
    ("{n} history entry cleared of personal data", "{n} history entries cleared of personal data"): (
        "{n} wpis historii oczyszczony z danych osobowych", "{n} wpisy historii oczyszczone z danych osobowych",
        "{n} wpisów historii oczyszczonych z danych osobowych"),
    "Before: {value}": "Przed: {value}",
    "After: {value}": "Po: {value}",
    # a record's History tab
    "When": "Kiedy",
    "Who": "Kto",
    "Changes": "Zmiany",
    ("{n} field: {names}", "{n} fields: {names}"): ("{n} pole: {names}", "{n} pola: {names}", "{n} pól: {names}"),
    "Personal data in this entry was erased.": "Dane osobowe w tym wpisie zostały usunięte.",
    "No changes recorded": "Brak zapisanych zmian",
    "Who changes this record, what and when, is recorded here from now on. Changes made before the history was kept are not listed.":
        "Odtąd zapisuje się tu, kto, co i kiedy zmienił w tym rekordzie. Zmiany sprzed prowadzenia historii "
        "nie są wymienione.",
    "The change history could not be read.": "Nie udało się odczytać historii zmian.",
    "Details": "Szczegóły",
    # the whole log
    "Change &history…": "&Historia zmian…",
    "Change history": "Historia zmian",
    "All kinds of record": "Wszystkie rodzaje rekordów",
    "Everybody": "Wszyscy",
    "Kind of record": "Rodzaj rekordu",
    "Who made the change": "Kto wprowadził zmianę",
    "&Verify the history": "&Sprawdź historię",
    "Check that no entry was altered, removed or inserted since it was written (each entry's checksum covers the one before it)":
        "Sprawdza, czy żaden wpis nie został zmieniony, usunięty ani dopisany po zapisaniu (suma kontrolna "
        "każdego wpisu obejmuje poprzedni)",
    "Show:": "Pokaż:",
    "Double-click an entry to open its record; click the arrow to see each field":
        "Dwukrotne kliknięcie otwiera rekord; strzałka pokazuje zmienione pola",
    "Load &more": "Wczytaj &więcej",
    "Close": "Zamknij",
    ("{n} entry shown", "{n} entries shown"): ("{n} wpis", "{n} wpisy", "{n} wpisów"),
    "{shown} of {total} in the history": "{shown} z {total} w historii",
    "Checking every entry of the history…": "Sprawdzanie wszystkich wpisów historii…",
    ("The history was tampered with: {n} problem found.", "The history was tampered with: {n} problems found."): (
        "Historia została naruszona: znaleziono {n} problem.", "Historia została naruszona: znaleziono {n} problemy.",
        "Historia została naruszona: znaleziono {n} problemów."),
    "… and {n} more": "… i jeszcze {n}",
    ("The history is intact: {n} entry checked.", "The history is intact: {n} entries checked."): (
        "Historia jest nienaruszona: sprawdzono {n} wpis.", "Historia jest nienaruszona: sprawdzono {n} wpisy.",
        "Historia jest nienaruszona: sprawdzono {n} wpisów."),
    "This record cannot be shown: it was deleted, or it is a setting.":
        "Tego rekordu nie można pokazać: został usunięty albo jest ustawieniem.",
    # edit conflicts
    "Someone else saved this {kind} after you opened it.": "Ktoś inny zapisał ten rekord ({kind}) po jego otwarciu przez Ciebie.",
    "{actor} saved this {kind} on {at}, after you opened it.":
        "{actor} zapisał(a) ten rekord ({kind}) {at}, już po jego otwarciu przez Ciebie.",
    "Nothing has been saved yet.": "Niczego jeszcze nie zapisano.",
    "The record was changed meanwhile": "Rekord został w międzyczasie zmieniony",
    "The fields that differ between their version and yours:": "Pola, w których ich wersja różni się od Twojej:",
    "Their version and yours hold the same values.": "Ich wersja i Twoja mają te same wartości.",
    "Field": "Pole",
    "Their version (saved)": "Ich wersja (zapisana)",
    "Your version": "Twoja wersja",
    "{value} (you did not change this: theirs is kept)": "{value} (nie zmieniono: zostaje ich wersja)",
    "&Keep mine": "&Zachowaj moją",
    "Save your version over theirs (their changes to fields you did not touch are kept)":
        "Zapisuje Twoją wersję w miejsce ich wersji (ich zmiany w polach, których nie zmieniałeś/aś, zostają)",
    "&Take theirs": "&Przyjmij ich",
    "Discard your changes and show their version in the form": "Porzuca Twoje zmiany i pokazuje w formularzu ich wersję",
    "&Back to editing": "&Wróć do edycji",
    "Keep your values in the form, with theirs shown beside each field that differs; saving then saves over their version":
        "Twoje wartości zostają w formularzu, a przy każdym różniącym się polu widać ich wartość; zapis zastąpi "
        "wtedy ich wersję",
    "someone else": "ktoś inny",
    "{who} saved this record while you were editing it. Your values are kept; where they differ from theirs ({fields}), theirs is shown under the field. Saving now replaces their version.":
        "{who} zapisał(a) ten rekord, gdy go edytowałeś/aś. Twoje wartości zostają; tam, gdzie różnią się od "
        "zapisanych ({fields}), zapisana wartość jest pokazana pod polem. Zapis zastąpi teraz ich wersję.",
    "{who} saved this record while you were editing it; their changes are now in the form, with yours.":
        "{who} zapisał(a) ten rekord, gdy go edytowałeś/aś; ich zmiany są teraz w formularzu razem z Twoimi.",
    "{who} saved: {value}": "{who} zapisał(a): {value}",
    # personal data
    "Erased person": "Osoba usunięta",
    "Personal data": "Dane osobowe",
    "Export personal data…": "Eksportuj dane osobowe…",
    "Everything the office holds about this person, as a JSON file (for a request under the GDPR)":
        "Wszystko, co wydział przechowuje o tej osobie, jako plik JSON (na wniosek na podstawie RODO)",
    "Erase personal data…": "Usuń dane osobowe…",
    "Remove this person's personal data everywhere; the record stays as an anonymous link":
        "Usuwa wszędzie dane osobowe tej osoby; rekord zostaje jako anonimowe powiązanie",
    "Personal data erased on {date}; the record stays as an anonymous link.":
        "Dane osobowe usunięto {date}; rekord zostaje jako anonimowe powiązanie.",
    "Retention note": "Okres przechowywania danych",
    "Erased on": "Data usunięcia",
    "Retention note:": "Okres przechowywania:",
    "How long the office keeps this person's data, and why": "Jak długo wydział przechowuje dane tej osoby i dlaczego",
    "personal-data-{key}.json": "dane-osobowe-{key}.json",
    "Export personal data": "Eksport danych osobowych",
    "JSON files (*.json)": "Pliki JSON (*.json)",
    "Everything the office holds about this person was written to {path}.":
        "Wszystko, co wydział przechowuje o tej osobie, zapisano w pliku {path}.",
    "Erase personal data": "Usuń dane osobowe",
    "Erase the personal data of {name}?": "Usunąć dane osobowe: {name}?",
    "This removes the person's name, contact details, function, affiliations, protocol notes and every other personal field, and clears their values from the change history.":
        "Zostaną usunięte imię i nazwisko, dane kontaktowe, funkcja, afiliacje, uwagi protokolarne i wszystkie "
        "inne dane osobowe, a ich wartości zostaną wyczyszczone z historii zmian.",
    "Their name is also removed from visit delegations, programmes and the gifts register. The record stays as an anonymous “Erased person”, so that visits, letters and gifts keep their links.":
        "Nazwisko zniknie też ze składów delegacji, programów wizyt i rejestru upominków. Rekord zostaje jako "
        "anonimowa „Osoba usunięta”, aby wizyty, pisma i upominki zachowały powiązania.",
    "This cannot be undone. Export the personal data first if the person asked for a copy.":
        "Tego nie można cofnąć. Jeśli osoba prosiła o kopię swoich danych, najpierw je wyeksportuj.",
    "To confirm, type the family name: {name}": "Aby potwierdzić, wpisz nazwisko: {name}",
    "Family name, to confirm": "Nazwisko, dla potwierdzenia",
}
