"""Polish for the window's Reports section (krakow_desk/ui/pages/reports.py)."""

PL = {
    # file names offered by "Save as PDF…", in the report's language
    "dossier": "teczka",
    "annual-summary": "podsumowanie-roczne",
    "gifts-register": "rejestr-darow",
    "briefing": "notatka-protokolarna",
    "all-years": "wszystkie-lata",
    "Generate": "Przygotuj",
    "Preparing the report…": "Trwa przygotowywanie raportu…",
    "Report": "Raport",
    "Language of the report": "Język raportu",
    "Save as PDF…": "Zapisz jako PDF…",
    "Print…": "Drukuj…",
    "Gifts of": "Dary z okresu",
    "Pick the report's subject from the list first.": "Najpierw wybierz z listy, czego raport ma dotyczyć.",
    "Pick a report and press Generate to see it here.": "Wybierz raport i kliknij „Przygotuj”, aby zobaczyć go tutaj.",
    ("{n} page", "{n} pages"): ("{n} strona", "{n} strony", "{n} stron"),
    "Save the report": "Zapisz raport",
    "Saved to {path}": "Zapisano w pliku {path}",
    "Preparing the pages for the printer…": "Trwa przygotowywanie stron do druku…",
    "Sent to the printer.": "Wysłano do drukarki.",
    "The printer could not be opened.": "Nie udało się połączyć z drukarką.",
    # on the partner page, beside "Edit partner…"
    "Dossier (PDF)…": "Teczka partnera (PDF)…",
}
