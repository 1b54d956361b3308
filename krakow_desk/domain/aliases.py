"""Names one city goes by in Polish, English, its own language and history.

Fuzzy matching finds "Krakow" for "Kraków", but not "Kiev" for "Kijów": exonyms share too few
letters. This table holds the variants a spreadsheet or an address book is likely to use for the
office's partners and their neighbours, so that an import asks before adding a second Kyiv. A
partner's own aliases (in the database) count too; this table is for names not yet stored there.
"""

from functools import lru_cache

from krakow_desk.domain.text import fold

GROUPS: tuple[tuple[str, ...], ...] = (
    ("Kijów", "Kyiv", "Kiev", "Київ", "Киев", "Kiew"),
    ("Lwów", "Lviv", "Lvov", "Львів", "Lemberg"),
    ("Wilno", "Vilnius", "Vilna", "Wilna"),
    ("Nankin", "Nanjing", "Nanking", "南京"),
    ("Tbilisi", "Tyflis", "Tiflis", "თბილისი"),
    ("Fez", "Fès", "Fes", "Fas", "فاس"),
    ("Moskwa", "Moscow", "Moskva", "Москва"),
    ("Sankt Petersburg", "Saint Petersburg", "St Petersburg", "Санкт-Петербург", "Leningrad"),
    ("Wiedeń", "Vienna", "Wien"),
    ("Praga", "Prague", "Praha"),
    ("Norymberga", "Nuremberg", "Nürnberg"),
    ("Lipsk", "Leipzig"),
    ("Florencja", "Florence", "Firenze"),
    ("Mediolan", "Milan", "Milano"),
    ("Bratysława", "Bratislava", "Pressburg"),
    ("Budapeszt", "Budapest"),
    ("Koszyce", "Košice", "Kassa", "Kaschau"),
    ("Ołomuniec", "Olomouc", "Olmütz"),
    ("Zagrzeb", "Zagreb"),
    ("Kowno", "Kaunas"),
    ("Ryga", "Riga", "Rīga"),
    ("Pekin", "Beijing", "Peking", "北京"),
    ("Strasburg", "Strasbourg", "Straßburg"),
    ("Frankfurt nad Menem", "Frankfurt am Main"),
    ("Solura", "Solothurn", "Soleure"),
    ("Edynburg", "Edinburgh"),
    ("Lizbona", "Lisbon", "Lisboa"),
    ("Rzym", "Rome", "Roma"),
    ("Wenecja", "Venice", "Venezia"),
    ("Neapol", "Naples", "Napoli"),
    ("Hawana", "Havana", "La Habana"),
    ("Kolonia", "Cologne", "Köln"),
    ("Monachium", "Munich", "München"),
    ("Akwizgran", "Aachen", "Aix-la-Chapelle"),
    ("Genewa", "Geneva", "Genève", "Genf"),
    ("Bazylea", "Basel", "Bâle"),
    ("Bruksela", "Brussels", "Bruxelles", "Brussel"),
    ("Haga", "The Hague", "Den Haag"),
    ("Kopenhaga", "Copenhagen", "København"),
    ("Sztokholm", "Stockholm"),
    ("Ateny", "Athens", "Αθήνα"),
    ("Jerozolima", "Jerusalem", "ירושלים"),
    ("Kair", "Cairo", "القاهرة"),
    ("Tokio", "Tokyo", "東京"),
    ("Seul", "Seoul", "서울"),
    ("Nowy Jork", "New York"),
)


@lru_cache(maxsize=1)
def _index() -> dict[str, int]:
    index: dict[str, int] = {}
    for number, group in enumerate(GROUPS):
        for name in group:
            index[fold(name)] = number
    return index


def alias_group(name: str) -> int | None:
    """The number of the group of names ``name`` belongs to, or None when the table has none."""
    return _index().get(fold(name))
