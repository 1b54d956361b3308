"""Polish for agreement terms (states, what a record leaves unsaid) and the agenda: the service
and `krakow-desk agenda`.

The states avoid a grammatical gender: the document may be an "umowa", a "protokół" or a
"porozumienie".
"""

PL = {
    # krakow_desk.domain.enums.AgreementState
    "in force": "obowiązuje",
    "not yet in force": "jeszcze nie obowiązuje",
    "expired": "po upływie terminu",
    "terminated": "rozwiązano",
    "superseded": "zastąpiono nowszym dokumentem",
    "not known whether in force": "nie wiadomo, czy obowiązuje",
    # krakow_desk.domain.enums.TermGap
    "the document states no term": "dokument nie określa okresu obowiązywania",
    "the start of the term is not known to the day": "początek okresu obowiązywania nie jest znany co do dnia",
    "the date of signing is not known to the day": "data podpisania nie jest znana co do dnia",
    "the length of the term is not stated": "nie podano długości okresu obowiązywania",
    "the notice period is not stated": "nie podano okresu wypowiedzenia",

    # the agenda's lists
    "Overdue follow-ups": "Zaległe sprawy",
    "Replies due": "Terminy odpowiedzi",
    "Upcoming visits": "Nadchodzące wizyty",
    "Agreement deadlines": "Terminy wynikające z umów",
    "Dormant partners": "Uśpione partnerstwa",
    "nothing": "brak",
    "Notice deadline: {agreement} (renews on {date})":
        "Ostatni dzień na wypowiedzenie: {agreement} (automatyczne przedłużenie {date})",
    "Term ends: {agreement}": "Upływa okres obowiązywania: {agreement}",
    "Programme ends: {agreement}": "Kończy się program współpracy: {agreement}",
    "the number of days must be a non-negative whole number":
        "liczba dni musi być nieujemną liczbą całkowitą",

    # krakow-desk agenda
    "what falls due in the coming days": "co przypada w najbliższych dniach",
    "Overdue follow-ups, replies due, upcoming visits, agreement deadlines (notice before an "
    "automatic renewal, ends of terms and programmes) and dormant partners, from today for N days.":
        "Zaległe sprawy, terminy odpowiedzi, nadchodzące wizyty, terminy wynikające z umów "
        "(wypowiedzenie przed automatycznym przedłużeniem, upływ okresu obowiązywania, koniec "
        "programów współpracy) oraz uśpione partnerstwa — od dziś na N dni.",
    "how many days ahead to look (default: 60)": "na ile dni naprzód (domyślnie 60)",
    "print JSON instead of a listing": "wypisz JSON zamiast zestawienia",
    "must be a non-negative whole number, not '{text}'":
        "musi być nieujemną liczbą całkowitą, a podano '{text}'",
    "Agenda for today, {date}": "Terminarz na dziś, {date}",
    ("Agenda for the next {n} day, {start} to {end}", "Agenda for the next {n} days, {start} to {end}"): (
        "Terminarz na najbliższy {n} dzień, od {start} do {end}",
        "Terminarz na najbliższe {n} dni, od {start} do {end}",
        "Terminarz na najbliższych {n} dni, od {start} do {end}",
    ),
}
