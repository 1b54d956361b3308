"""Polish for the annual cooperation summary and the gifts register extract
(krakow_desk/reports/annual*.py, krakow_desk/reports/gifts.py)."""

PL = {
    # the annual summary: the year in figures
    "Annual cooperation summary": "Roczne podsumowanie współpracy",
    "Annual cooperation summary {year}": "Roczne podsumowanie współpracy {year}",
    "The international cooperation of the City of Krakow in {year}":
        "Współpraca zagraniczna Miasta Krakowa w roku {year}",
    "The year in figures": "Rok w liczbach",
    "In {year}": "W roku {year}",
    "Records kept": "W rejestrach",
    "Reported by the office": "Według danych biura",
    "Delegations received": "Przyjęte delegacje",
    "of which from partner cities": "w tym z miast partnerskich",
    "Trips abroad (delegations sent)": "Wyjazdy zagraniczne (delegacje wysłane)",
    "of which presentations and fairs": "w tym prezentacje i targi",
    "Letters received": "Pisma otrzymane",
    "Letters sent": "Pisma wysłane",
    "Gifts given": "Dary przekazane",
    "value of gifts given": "wartość darów przekazanych",
    "Gifts received": "Dary otrzymane",
    "value of gifts received": "wartość darów otrzymanych",
    "about {n}": "około {n}",
    ("{n} gift without a recorded value", "{n} gifts without a recorded value"):
        ("{n} dar bez zapisanej wartości", "{n} dary bez zapisanej wartości", "{n} darów bez zapisanej wartości"),
    "Counted from the individual records kept in Krakow Desk: a visit or event counts in the year it began, "
    "cancelled visits do not count, and records without a date cannot be counted.":
        "Policzono z pojedynczych wpisów w rejestrach Krakow Desk: wizyta lub wydarzenie liczy się w roku, "
        "w którym się rozpoczęło, wizyt odwołanych się nie liczy, a wpisów bez daty nie da się policzyć.",
    "Where the office reported a total for the year by hand, it stands beside the count of records kept; "
    "the records kept are then only part of the year's activity.":
        "Tam, gdzie biuro podało łączną liczbę za rok, stoi ona obok liczby wpisów w rejestrach; wpisy "
        "obejmują wtedy tylko część działań z tego roku.",
    "Figures reported by the office": "Dane podane przez biuro",
    "{what} — records kept: {kept}; reported by the office: {reported}.":
        "{what} — w rejestrach: {kept}; według danych biura: {reported}.",
    "Source: {source}": "Źródło: {source}",
    "No visits, events, letters or gifts are recorded for {year}.":
        "Dla roku {year} nie zapisano wizyt, wydarzeń, pism ani darów.",

    # the comparison
    "Compared with {year}": "Porównanie z rokiem {year}",
    "{kept} (reported: {reported})": "{kept} (wg biura: {reported})",
    "Change in records kept": "Zmiana w rejestrach",
    "The change compares the records kept; reported figures are shown for reference.":
        "Zmiana porównuje wpisy w rejestrach; dane podane przez biuro pokazano dla informacji.",

    # activity by partner, domain and month; the map
    "Activity by partner": "Aktywność według partnerów",
    "No activity with partners recorded for this year.": "W tym roku nie zapisano działań z partnerami.",
    "Most active partners (visits, letters, events and gifts)":
        "Najaktywniejsi partnerzy (wizyty, pisma, wydarzenia i dary)",
    "Cooperation by domain": "Współpraca według dziedzin",
    "No events or active partners with domains this year.":
        "W tym roku brak wydarzeń i aktywnych partnerów z określonymi dziedzinami.",
    "Events of the year": "Wydarzenia w roku",
    "Active partners cooperating in it": "Aktywni partnerzy współpracujący w tej dziedzinie",
    "Events of the year by domain": "Wydarzenia roku według dziedzin",
    "Active partners by domain of cooperation": "Aktywni partnerzy według dziedzin współpracy",
    "Activity by month": "Aktywność według miesięcy",
    "Visits, letters and events by month": "Wizyty, pisma i wydarzenia według miesięcy",
    "month not known": "miesiąc nieznany",
    "“?”: the month is not known (records dated only to the year).":
        "„?”: miesiąc nieznany (wpisy datowane tylko rokiem).",
    "The partners on the map": "Partnerzy na mapie",
    "All partners with known coordinates; those active in the year are named.":
        "Wszyscy partnerzy o znanych współrzędnych; podpisano tych, którzy byli aktywni w tym roku.",

    # records, agreements, fees
    "Partnership records": "Rekordy partnerstw",
    ("As of {date}, over {n} partner with cooperation current on that day.",
     "As of {date}, over {n} partners with cooperation current on that day."):
        ("Stan na {date}, spośród {n} partnera, z którym tego dnia trwała współpraca.",
         "Stan na {date}, spośród {n} partnerów, z którymi tego dnia trwała współpraca.",
         "Stan na {date}, spośród {n} partnerów, z którymi tego dnia trwała współpraca."),
    "Not enough data to compute the records.": "Za mało danych, by wyznaczyć rekordy.",
    "Record": "Rekord",
    "Figure": "Wartość",
    "Capitals": "Stolice",
    "Agreement": "Umowa",
    "Standing on 31 December": "Stan na 31 grudnia",
    "Signed in {year}": "Podpisane w roku {year}",
    "Expired or ended in {year}": "Wygasłe lub zakończone w roku {year}",
    "Membership fees": "Składki członkowskie",
    "No memberships recorded for this year.": "W tym roku brak zapisanych członkostw.",
    "Member since": "Członek od",
    "Note on the fee": "Uwagi o składce",

    # the gifts register extract
    "Gifts register extract": "Wyciąg z rejestru darów",
    "Gifts register": "Rejestr darów",
    "Gifts register: {year}": "Rejestr darów: {year}",
    "all years": "wszystkie lata",
    "A received gift worth more than {threshold} is reviewed by the office; such gifts are marked {mark} "
    "below. Bands of value: {bands}.":
        "Dar otrzymany o wartości powyżej {threshold} podlega przeglądowi biura; takie dary oznaczono poniżej "
        "znakiem {mark}. Przedziały wartości: {bands}.",
    "No gifts recorded for {year}.": "Nie zapisano darów z roku {year}.",
    "No gifts recorded.": "Nie zapisano żadnych darów.",
    "Date not recorded": "Bez daty",
    "Direction and partner": "Kierunek i partner",
    "Value and band": "Wartość i przedział",
    "Giver → recipient": "Darczyńca → obdarowany",
    "Where kept; what became of it": "Miejsce, dalsze losy",
    "Given": "Przekazane",
    "Received": "Otrzymane",
    "above the threshold": "powyżej progu",
    "quantity: {n}": "liczba sztuk: {n}",
    ("{n} without a recorded value", "{n} without a recorded value"):
        ("{n} bez zapisanej wartości", "{n} bez zapisanej wartości", "{n} bez zapisanej wartości"),
}
