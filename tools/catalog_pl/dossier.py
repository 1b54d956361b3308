"""Polish for the partner dossier (krakow_desk/reports/dossier.py, dossier_parts.py)."""

PL = {
    # the cover, the fact sheet and the relationship
    "Partner dossier": "Teczka partnera",
    "As of {date}.": "Stan na {date}.",
    "{difference} from Krakow": "{difference} względem Krakowa",
    "Time difference": "Różnica czasu",
    "Fact sheet": "Dane podstawowe",
    "No relationship recorded yet.": "Nie zapisano jeszcze informacji o współpracy.",

    # agreements
    "notice by {date}": "wypowiedzenie do {date}",
    "term ends {date}": "koniec okresu {date}",
    ("notice {n} month", "notice {n} months"):
        ("wypowiedzenie {n} miesiąc", "wypowiedzenie {n} miesiące", "wypowiedzenie {n} miesięcy"),
    "since {date}": "od {date}",
    "No agreement recorded; cooperation without a signed document.":
        "Nie zapisano żadnej umowy; współpraca bez podpisanego dokumentu.",
    "In force": "Obowiązują",
    "none known": "brak znanych",
    ("{n} document does not say for how long it runs, or its dates are too vague: it is marked as of "
     "unknown standing.",
     "{n} documents do not say for how long they run, or their dates are too vague: they are marked as of "
     "unknown standing."):
        ("{n} dokument nie określa okresu obowiązywania albo jego daty są zbyt ogólne: oznaczono go jako "
         "dokument o nieustalonym statusie.",
         "{n} dokumenty nie określają okresu obowiązywania albo ich daty są zbyt ogólne: oznaczono je jako "
         "dokumenty o nieustalonym statusie.",
         "{n} dokumentów nie określa okresu obowiązywania albo ich daty są zbyt ogólne: oznaczono je jako "
         "dokumenty o nieustalonym statusie."),
    "Coming deadlines": "Najbliższe terminy",

    # people
    "former": "dawniej",
    "Contact details": "Dane kontaktowe",
    "Key people": "Najważniejsze osoby",

    # visits and activity
    "Latest visit: {title}": "Ostatnia wizyta: {title}",
    ("{n} visit recorded.", "{n} visits recorded."):
        ("Zapisano {n} wizytę.", "Zapisano {n} wizyty.", "Zapisano {n} wizyt."),
    "Earlier visits": "Wcześniejsze wizyty",
    ("… and {n} earlier visit.", "… and {n} earlier visits."):
        ("… oraz {n} wcześniejsza wizyta.", "… oraz {n} wcześniejsze wizyty.", "… oraz {n} wcześniejszych wizyt."),
    "Events and presentations": "Wydarzenia i prezentacje",
    ("… and {n} earlier event.", "… and {n} earlier events."):
        ("… oraz {n} wcześniejsze wydarzenie.", "… oraz {n} wcześniejsze wydarzenia.",
         "… oraz {n} wcześniejszych wydarzeń."),
    "Dated records only; a record known only by its year counts in that year.":
        "Liczone są tylko wpisy z datą; wpis, którego znany jest tylko rok, liczy się w tym roku.",
    "No visits or events recorded.": "Nie zapisano wizyt ani wydarzeń.",
    "Visits and activity": "Wizyty i aktywność",

    # gifts, correspondence, follow-ups
    "Given by Krakow": "Przekazane przez Kraków",
    "Received by Krakow": "Otrzymane przez Kraków",
    "No gifts recorded either way.": "Nie zapisano darów przekazanych ani otrzymanych.",
    "No letters recorded.": "Nie zapisano korespondencji.",
    "Letters from the partner": "Pisma od partnera",
    "Letters to the partner": "Pisma do partnera",
    "Latest letter": "Ostatnie pismo",
    "{date}, overdue": "{date}, po terminie",
    "Awaiting our reply": "Czekają na naszą odpowiedź",
    "Awaiting their reply": "Czekamy na odpowiedź partnera",
    ("… and {n} more letter awaiting a reply (the register lists them).",
     "… and {n} more letters awaiting a reply (the register lists them)."):
        ("… oraz {n} kolejne pismo czekające na odpowiedź (wszystkie są w rejestrze korespondencji).",
         "… oraz {n} kolejne pisma czekające na odpowiedź (wszystkie są w rejestrze korespondencji).",
         "… oraz {n} kolejnych pism czekających na odpowiedź (wszystkie są w rejestrze korespondencji)."),
    "No letter is awaiting a reply.": "Żadne pismo nie czeka na odpowiedź.",
    "None open.": "Brak otwartych spraw.",
}
