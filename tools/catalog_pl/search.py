"""Polish for the search across all records: the service and `krakow-desk search`."""

PL = {
    "the number of results must be a positive whole number":
        "liczba wyników musi być dodatnią liczbą całkowitą",
    "search all records": "szukaj we wszystkich rekordach",
    "Search partners, people, institutions, organisations, agreements, visits, events, gifts and "
    "letters. Case and Polish letters do not matter; the beginning of a word is enough.":
        "Wyszukuje partnerów, osoby, instytucje, organizacje, umowy, wizyty, wydarzenia, dary i "
        "pisma. Wielkość liter i polskie znaki nie mają znaczenia; wystarczy początek słowa.",
    "TEXT": "TEKST",
    "what to look for": "czego szukać",
    "show at most N hits (default: 20)": "pokaż najwyżej N wyników (domyślnie 20)",
    "must be a positive whole number, not '{text}'":
        "musi być dodatnią liczbą całkowitą, a podano '{text}'",
    "Nothing found for '{text}'.": "Nic nie znaleziono dla '{text}'.",
    "kind": "rodzaj",
    "title": "tytuł",
    "key": "klucz",
}
