"""Polish for the events and gifts pages, their forms, and the gifts group of the settings."""

PL = {
    # deleting
    "Delete the event “{title}”?": "Usunąć wydarzenie „{title}”?",
    "Delete the gift “{title}” from the register?": "Usunąć dar „{title}” z rejestru?",
    # the partners picker
    "Type to find a partner…": "Wpisz, aby znaleźć partnera…",
    "Chosen: {names}": "Wybrani: {names}",
    "No partner chosen.": "Nie wybrano partnera.",
    "Type part of a partner's or its country's name; Enter ticks the only one found":
        "Wpisz fragment nazwy partnera lub jego kraju; Enter zaznacza jedynego znalezionego",
    # the event form
    "New event": "Nowe wydarzenie",
    "Event — {title}": "Wydarzenie — {title}",
    "&Event": "&Wydarzenie",
    "&Partners and domains": "&Partnerzy i dziedziny",
    "&Funding and outcomes": "&Finansowanie i rezultaty",
    "e.g. Days of Krakow in Frankfurt": "np. Dni Krakowa we Frankfurcie",
    "Starts on:": "Data rozpoczęcia:",
    "Ends on:": "Data zakończenia:",
    "Empty for a one-day event": "Puste, gdy wydarzenie trwa jeden dzień",
    "City, and the venue if known": "Miasto, a jeśli wiadomo — także obiekt",
    "Organisers:": "Organizatorzy:",
    "Krakow's departments and institutions, and the partner's": "Wydziały i instytucje Krakowa oraz partnera",
    "Domains:": "Dziedziny:",
    "Programme:": "Program:",
    "The project's or funding programme's name, e.g. Town-Twinning":
        "Nazwa projektu lub programu finansującego, np. Town-Twinning",
    "Budget:": "Budżet:",
    "e.g. PLN, EUR": "np. PLN, EUR",
    "Co-financing:": "Współfinansowanie:",
    "Who else paid, and how much, e.g. the EU: 75 per cent":
        "Kto jeszcze finansował i w jakiej części, np. UE: 75 procent",
    "Source:": "Źródło:",
    # the gift form
    "New gift": "Nowy dar",
    "Gift — {title}": "Dar — {title}",
    "&Gift": "&Dar",
    "&Where it is and notes": "&Miejsce przechowywania i uwagi",
    "The visit at which it was handed over, if any": "Wizyta, podczas której go przekazano (jeśli była)",
    "Description:": "Opis:",
    "e.g. Album about Krakow": "np. album o Krakowie",
    "Quantity:": "Liczba sztuk:",
    "Empty for a single gift": "Puste, gdy to jedna rzecz",
    "Estimated value:": "Szacunkowa wartość:",
    "The office's policy counts in {currency}": "Progi w zasadach biura są podane w {currency}",
    "Given by:": "Darczyńca:",
    "A person, an office or a city": "Osoba, urząd lub miasto",
    "Received by:": "Obdarowany:",
    "Where it is kept:": "Miejsce przechowywania:",
    "e.g. the Mayor's office, the City History Museum":
        "np. gabinet Prezydenta, Muzeum Historyczne Miasta Krakowa",
    "Disposition:": "Dalsze losy:",
    "What became of it: displayed, handed to a museum, used…":
        "Co się z nim stało: wystawiony, przekazany do muzeum, używany…",
    ("… and {n} more warning", "… and {n} more warnings"):
        ("… i jeszcze {n} ostrzeżenie", "… i jeszcze {n} ostrzeżenia", "… i jeszcze {n} ostrzeżeń"),
    # the gifts group of the settings
    "Gifts register (the whole office)": "Rejestr darów (całe biuro)",
    "A received gift worth more than this is flagged in the register":
        "Otrzymany dar o wyższej wartości jest oznaczany w rejestrze",
    "Values in other currencies are not converted": "Wartości w innych walutach nie są przeliczane",
    "Upper limits of the token, modest and substantial bands; above the last, a gift's value is high":
        "Górne granice przedziałów: symbolicznego, niewielkiego i znacznego; powyżej ostatniej "
        "wartość daru jest wysoka",
    "These rules are kept in the database and apply to everyone who uses it, unlike the language, "
    "which is a setting of this computer.":
        "Te zasady są zapisane w bazie danych i obowiązują wszystkich jej użytkowników — "
        "w przeciwieństwie do języka, który jest ustawieniem tego komputera.",
    "Threshold for received gifts:": "Próg dla otrzymanych darów:",
    "Policy currency:": "Waluta progów:",
    "Value bands up to:": "Przedziały wartości do:",
    "give three amounts above zero, each larger than the one before":
        "podaj trzy kwoty większe od zera, każdą większą od poprzedniej",
    # the pages
    "Event": "Wydarzenie",
    "Partners and scope": "Partnerzy i zakres",
    "Funding": "Finansowanie",
    "Organisers": "Organizatorzy",
    "Budget": "Budżet",
    "Co-financing": "Współfinansowanie",
    "Partner or country": "Partner lub kraj",
    "Quantity": "Liczba",
    "Value band": "Przedział wartości",
    "Given by": "Darczyńca",
    "Received by": "Obdarowany",
    "Kept at": "Miejsce przechowywania",
    "Where it is": "Gdzie jest",
    "Open the visit": "Pokaż wizytę",
    "Show the visit at which this gift was handed over": "Pokaż wizytę, podczas której przekazano ten dar",
    "Photo and documents": "Zdjęcie i dokumenty",
    "Estimated value": "Szacunkowa wartość",
    "Disposition": "Dalsze losy",
    "Given and received": "Przekazane i otrzymane",
    "Any value": "Każda wartość",
}
