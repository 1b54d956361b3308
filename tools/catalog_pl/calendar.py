"""Polish for the calendar export (exchange.ical and 'krakow-desk export ical')."""

PL = {
    "Krakow Desk: visits and events": "Krakow Desk: wizyty i wydarzenia",
    "Part of: {title}": "W ramach: {title}",
    "Responsible: {name}": "Odpowiada: {name}",
    "Organisers: {names}": "Organizatorzy: {names}",
    "Programme: {name}": "Program: {name}",
    "Partners: {names}": "Partnerzy: {names}",
    "Status: {status}": "Status: {status}",
    "Ends: {date} (the day is not known)": "Zakończenie: {date} (dokładny dzień nieznany)",
    "Participants:": "Uczestnicy:",
    "languages: {names}": "języki: {names}",
    "Programme of the visit:": "Program wizyty:",
    "Date not set:": "Bez daty:",
    "Accommodation: {text}": "Zakwaterowanie: {text}",
    "Transport: {text}": "Transport: {text}",
    "Interpreters: {text}": "Tłumacze: {text}",
    ("Exported {n} calendar entry to {path}", "Exported {n} calendar entries to {path}"):
        ("Wyeksportowano {n} wpis kalendarza do pliku {path}",
         "Wyeksportowano {n} wpisy kalendarza do pliku {path}",
         "Wyeksportowano {n} wpisów kalendarza do pliku {path}"),
    ("{n} visit or event without an exact date (day, month and year) was left out",
     "{n} visits or events without an exact date (day, month and year) were left out"):
        ("Pominięto {n} wizytę lub wydarzenie bez dokładnej daty (dnia, miesiąca i roku)",
         "Pominięto {n} wizyty lub wydarzenia bez dokładnej daty (dnia, miesiąca i roku)",
         "Pominięto {n} wizyt lub wydarzeń bez dokładnej daty (dnia, miesiąca i roku)"),
}
