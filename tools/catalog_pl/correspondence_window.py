"""Polish for the correspondence register's window: the letter form, the page, the letter's thread,
and the correspondence rules in the settings (ui/forms/letter.py, ui/pages/correspondence*.py).

An office letter is "pismo" and its reference number "znak" ("Nasz znak" / "Wasz znak" head
Polish official letters), as the office writes them."""

PL = {
    # the letter form
    "New letter": "Nowe pismo",
    "Letter — {subject}": "Pismo — {subject}",
    "&Letter": "&Pismo",
    "&People and summary": "&Osoby i streszczenie",
    "— choose —": "— wybierz —",
    "Incoming: to Krakow; outgoing: from Krakow": "Przychodzące: do Krakowa; wychodzące: z Krakowa",
    "Date:": "Data:",
    "Sent or received on": "Data wysłania lub otrzymania",
    "Channel:": "Kanał:",
    "Subject:": "Temat:",
    "e.g. Invitation to the Days of Krakow": "np. Zaproszenie na Dni Krakowa",
    "Our reference:": "Nasz znak:",
    "assigned when saved": "nadawany przy zapisie",
    "Leave it empty: the next number of the year is given when the letter is saved (e.g. {example}). "
    "An incoming letter's own number goes in the summary.":
        "Pozostaw puste: kolejny numer w roku zostanie nadany przy zapisie (np. {example}). "
        "Znak nadawcy pisma przychodzącego wpisz w streszczeniu.",
    "Our number; an incoming letter's own number goes in the summary":
        "Nasz znak; znak nadawcy pisma przychodzącego wpisz w streszczeniu",
    "is already the reference of “{subject}”": "ten znak ma już pismo „{subject}”",
    "In reply to:": "W odpowiedzi na:",
    "The letter this one answers; the partner's letters come first":
        "Pismo, na które to odpowiada; pisma tego partnera są na początku listy",
    "Reply due by:": "Termin odpowiedzi:",
    "When a reply is expected; the agenda lists the letter until one is recorded":
        "Do kiedy oczekujemy odpowiedzi; do czasu jej zarejestrowania pismo widnieje w terminarzu",
    "People:": "Osoby:",
    "Whom the letter concerns; the partner's contacts are listed first":
        "Kogo dotyczy pismo; osoby kontaktowe partnera są na początku listy",
    "Type to find a person…": "Wpisz, aby znaleźć osobę…",
    "A contact of the letter's partner": "Osoba kontaktowa partnera, którego dotyczy pismo",
    "People chosen: {names}": "Wybrane osoby: {names}",
    "Nobody chosen.": "Nikogo nie wybrano.",
    "Summary:": "Streszczenie:",
    # the settings
    "Correspondence (the whole office)": "Korespondencja (całe biuro)",
    "Reference numbers:": "Wzór znaku pisma:",
    "{year}: the year of the letter's date; {number}: its number in that year, "
    "{number:04} padded to four digits":
        "{year}: rok z daty pisma; {number}: jego kolejny numer w tym roku, "
        "{number:04} uzupełniony zerami do czterech cyfr",
    "The first letters of {year} will be numbered {first}, {second}, …":
        "Pierwsze pisma roku {year} otrzymają znaki {first}, {second}, …",
    "needs {number} exactly once, e.g. IR/{year}/{number:04}":
        "wzór musi zawierać {number} dokładnie raz, np. IR/{year}/{number:04}",
    "{year} may appear only once": "{year} może wystąpić tylko raz",
    "only {year} and {number} may stand in braces": "w nawiasach klamrowych mogą stać tylko {year} i {number}",
    "a reference may have at most 80 characters": "znak pisma może mieć najwyżej 80 znaków",
    "Dormant after (months):": "Okres uśpienia (miesiące):",
    "A partner with no visit, letter, event or gift for this long is listed on the agenda":
        "Partner, z którym przez tyle czasu nie było wizyty, pisma, wydarzenia ani daru, trafia do terminarza",
    "give a whole number of months from 1 to 600": "podaj pełną liczbę miesięcy od 1 do 600",
    # the page
    "Reply due": "Termin odpowiedzi",
    "Reply": "Odpowiedź",
    "Replied or not": "Z odpowiedzią lub bez",
    "awaiting a reply": "czeka na odpowiedź",
    "reply overdue": "odpowiedź po terminie",
    "replied": "z odpowiedzią",
    ("waiting {n} day", "waiting {n} days"): ("czeka {n} dzień", "czeka {n} dni", "czeka {n} dni"),
    "{waiting}, overdue": "{waiting}, po terminie",
    "Saved with the reference {reference}.": "Zapisano ze znakiem {reference}.",
    "Saved without a reference.": "Zapisano bez znaku.",
    # the letter's pane
    "Reply…": "Odpowiedź…",
    "Record our reply to this letter": "Zarejestruj naszą odpowiedź na to pismo",
    "Record the partner's reply to this letter": "Zarejestruj odpowiedź partnera na to pismo",
    "Letter and thread": "Pismo i wątek",
    "No letter selected": "Nie wybrano pisma",
    "Choose a letter from the list.": "Wybierz pismo z listy.",
    "No thread": "Brak wątku",
    "This letter answers no other letter, and no reply to it is recorded.":
        "To pismo nie odpowiada na żadne inne i nie zarejestrowano odpowiedzi na nie.",
    "Nothing to follow up is recorded for this letter.": "Przy tym piśmie nie zapisano nic do załatwienia.",
    "Letter": "Pismo",
    "Our reference": "Nasz znak",
    "In reply to": "W odpowiedzi na",
    "Reply due by": "Termin odpowiedzi",
    "Summary": "Streszczenie",
    "Thread": "Wątek",
    ("Thread: {n} letter", "Thread: {n} letters"): ("Wątek: {n} pismo", "Wątek: {n} pisma", "Wątek: {n} pism"),
}
