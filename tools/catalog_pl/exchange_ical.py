"""Polish for reading visits from an iCalendar file (exchange.ical_import)."""

PL = {
    "{path} is not an iCalendar file": "{path} nie jest plikiem iCalendar",
    "{path} is not an iCalendar file: {reason}": "{path} nie jest plikiem iCalendar: {reason}",
    "{path} ends before its calendar does (there is no END:VCALENDAR): is the file complete?":
        "{path} kończy się przed końcem kalendarza (brak END:VCALENDAR): czy plik jest kompletny?",
    "{path} nests calendar components too deeply (line {line}; at most {limit} levels)":
        "{path} zagnieżdża składniki kalendarza zbyt głęboko (wiersz {line}; najwyżej {limit} poziomów)",
    "{path} holds more than {limit} calendar entries": "{path} zawiera ponad {limit} wpisów kalendarza",
    "a value is longer than {limit} characters": "wartość jest dłuższa niż {limit} znaków",
    "the calendar entry cannot be read: {reason}": "nie można odczytać wpisu kalendarza: {reason}",
    "the calendar entry has no title (SUMMARY)": "wpis kalendarza nie ma tytułu (SUMMARY)",
    "the calendar entry has no start date (DTSTART)": "wpis kalendarza nie ma daty rozpoczęcia (DTSTART)",
    "{field} is not a date or time: {value}": "{field} nie jest datą ani godziną: {value}",
    "programme item left out ({reason}); the programme of visit '{key}' stays as it is":
        "pominięto punkt programu ({reason}); program wizyty '{key}' pozostaje bez zmian",
}
