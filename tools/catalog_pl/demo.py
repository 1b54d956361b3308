"""Polish for `krakow-desk demo`: synthetic records for trials and benchmarks."""

PL = {
    "fill a database with synthetic records for benchmarks":
        "wypełnij bazę danymi syntetycznymi do testów wydajności",
    "Add N synthetic partners, each with about 100 records (people, visits with their programme, "
    "letters, gifts, agreements and follow-ups), names drawn in Polish and other languages from a "
    "fixed seed. Keys begin with 'demo-'; a second run adds N more. A database that does not exist "
    "yet is created with Krakow's data first.":
        "Dodaje N syntetycznych partnerów, każdego z około 100 rekordami (osoby, wizyty z programem, "
        "pisma, dary, umowy i zadania), z nazwami po polsku i w innych językach, losowanymi ze "
        "stałego ziarna. Klucze zaczynają się od 'demo-'; kolejne uruchomienie dodaje następnych N. "
        "Baza, której jeszcze nie ma, jest najpierw tworzona z danymi Krakowa.",
    "how many partners to add (1000 gives about 100,000 records)":
        "ilu partnerów dodać (1000 daje około 100 000 rekordów)",
    "{done} of {total} partners, {records} records ({rate:,.0f} records/s)":
        "{done} z {total} partnerów, rekordów: {records} ({rate:,.0f} rekordów/s)",
    "Added {partners} partners and {records} records in {seconds:.1f} s ({rate:,.0f} records/s), "
    "from demo-{first}: {url}":
        "Dodano partnerów: {partners}, rekordów: {records} w {seconds:.1f} s ({rate:,.0f} rekordów/s), "
        "od demo-{first}: {url}",
    "the scale must be at least 1": "skala musi wynosić co najmniej 1",
    "demo data needs the Faker package: pip install 'krakow-desk[demo]'":
        "dane demonstracyjne wymagają pakietu Faker: pip install 'krakow-desk[demo]'",
}
