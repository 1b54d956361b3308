"""Polish for correspondence and the agenda's lists drawn from the registers (services.letters,
services.agenda_lists, services.activity)."""

PL = {
    ("{title} — {n} day late", "{title} — {n} days late"):
        ("{title} — {n} dzień po terminie", "{title} — {n} dni po terminie", "{title} — {n} dni po terminie"),
    ("Our reply to “{subject}” — waiting {n} day", "Our reply to “{subject}” — waiting {n} days"):
        ("Nasza odpowiedź na „{subject}” — czeka {n} dzień", "Nasza odpowiedź na „{subject}” — czeka {n} dni",
         "Nasza odpowiedź na „{subject}” — czeka {n} dni"),
    ("Their reply to “{subject}” — waiting {n} day", "Their reply to “{subject}” — waiting {n} days"):
        ("Odpowiedź partnera na „{subject}” — czeka {n} dzień",
         "Odpowiedź partnera na „{subject}” — czeka {n} dni",
         "Odpowiedź partnera na „{subject}” — czeka {n} dni"),
    "No activity recorded": "Brak zarejestrowanej aktywności",
    "Last activity: {date}": "Ostatnia aktywność: {date}",
    # the agenda page (ui/pages/agenda.py)
    "No follow-up is overdue.": "Żadna sprawa nie jest zaległa.",
    "No letter awaits a reply in this period.": "W tym okresie żaden list nie czeka na odpowiedź.",
    "No visit is planned in this period.": "W tym okresie nie zaplanowano żadnej wizyty.",
    "Every current partner has had a visit, letter, event or gift within the dormancy period.":
        "Z każdym obecnym partnerem w okresie uśpienia była wizyta, list, wydarzenie lub dar.",
    "follow-up": "sprawa do załatwienia",
    "our reply": "nasza odpowiedź",
    "their reply": "odpowiedź partnera",
    "incoming visit": "wizyta w Krakowie",
    "trip abroad": "wyjazd zagraniczny",
    ("{n} thing to see to in the next {days} days", "{n} things to see to in the next {days} days"):
        ("{n} sprawa w ciągu najbliższych {days} dni", "{n} sprawy w ciągu najbliższych {days} dni",
         "{n} spraw w ciągu najbliższych {days} dni"),
    ("{n} follow-up overdue", "{n} follow-ups overdue"):
        ("{n} sprawa zaległa", "{n} sprawy zaległe", "{n} spraw zaległych"),
    # partner activity (ui/pages/partner_view.py)
    "Activity per year": "Aktywność w poszczególnych latach",
    "No dated activity": "Brak datowanej aktywności",
    "No dated visit, letter, event or gift with this partner is recorded.":
        "Nie zarejestrowano żadnej datowanej wizyty, listu, wydarzenia ani daru z tym partnerem.",
    "Year": "Rok",
    "Visits": "Wizyty",
    "Letters": "Pisma",   # the office says "pismo" (correspondence register, reports)
    "Events": "Wydarzenia",
    "Gifts": "Dary",
    "Total": "Razem",
    "Delete the letter “{title}”?": "Usunąć pismo „{title}”?",
    # follow-ups on the partner and agreement pages (ui/follow_ups.py)
    "Nothing to follow up is recorded for this agreement.":
        "Dla tej umowy nie zapisano żadnych spraw do załatwienia.",
    "Nothing to follow up is recorded for this partner or its agreements, visits, letters and events.":
        "Dla tego partnera ani jego umów, wizyt, pism i wydarzeń nie zapisano żadnych spraw do załatwienia.",
}
