"""Polish for the rules of protocol and of the gifts register: programme clashes, value bands,
gift warnings (services.visit_file, services.gifts, labels of ValueBand and ClashKind)."""

PL = {
    # krakow_desk.domain.enums.ValueBand
    "value not known": "wartość nieznana",
    "token": "symboliczna",
    "modest": "niewielka",
    "substantial": "znaczna",
    "high": "wysoka",
    "in another currency": "w innej walucie",
    # krakow_desk.domain.enums.ClashKind
    "items overlap": "punkty programu nakładają się",
    "outside the visit's dates": "poza terminem wizyty",
    "in two places at once": "w dwóch miejscach naraz",
    # value bands with their limits
    "under {limit}": "poniżej {limit}",
    "{low} to {high}": "od {low} do {high}",
    "{limit} or more": "{limit} i więcej",
    # gift warnings
    "A received gift worth {value}, above the threshold of {threshold}: record where it is kept "
    "and what becomes of it.":
        "Otrzymany dar o wartości {value} przekracza próg {threshold}: odnotuj, gdzie jest "
        "przechowywany i jak nim zadysponowano.",
    "The value is in {currency}: compare it with the threshold of {threshold} by hand.":
        "Wartość podano w walucie {currency}: porównaj ją z progiem {threshold} samodzielnie.",
    "this partner": "ten partner",
    "Repeats a gift already given ({when}; recipient: {recipient}): {description}":
        "Powtarza dar już wręczony ({when}; odbiorca: {recipient}): {description}",
    "date not recorded": "data nieznana",
    # programme clashes
    "“{first}” and “{second}” overlap.": "„{first}” i „{second}” nakładają się na siebie.",
    "“{item}” falls outside the visit's dates.": "„{item}” wypada poza terminem wizyty.",
    "{person} is also on “{visit}” at the same time.":
        "{person} w tym samym czasie uczestniczy też w wizycie „{visit}”.",
    "{person} is responsible for “{first}” and “{second}”, in different places at the same time.":
        "{person} odpowiada za „{first}” i „{second}” — w tym samym czasie, w różnych miejscach.",
}
