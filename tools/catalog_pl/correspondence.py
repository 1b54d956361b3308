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
    "No activity since {date}": "Brak aktywności od {date}",
}
