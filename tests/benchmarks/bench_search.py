"""Search latency on Krakow's data and on ~100,000 records (not part of the default run).

    .venv/bin/python tests/benchmarks/bench_search.py [--records N] [--pg URL] [--fresh] [--like]

Builds (once, cached in /tmp) a SQLite database with Krakow's data plus synthetic partners,
people, institutions, organisations, agreements, visits, events, gifts and letters — bulk
inserts with a fixed random seed, then one index rebuild — and times ``desk.search`` over a
realistic mix of queries: 1-, 2- and 3-letter prefixes, whole names, several words, Polish
letters and queries that find nothing. With ``--pg`` (or $KRAKOW_DESK_BENCH_PG_URL) the same
records go into that PostgreSQL database too (its tables are replaced). Targets at 100k:
median <= 30 ms, p95 <= 80 ms.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from krakow_desk.domain import enums as e
from krakow_desk.domain import tables as t
from krakow_desk.services.desk import Desk
from krakow_desk.services.setup import open_ready
from krakow_desk.store import search_index, search_query

CACHE = Path("/tmp/krakow_desk_bench_search")
SEED = 20061122
SYLLABLES = ["ka", "ro", "mi", "la", "no", "wa", "sze", "cz", "ło", "dź", "ró", "ża", "be", "ta", "ki",
             "sk", "po", "ny", "gó", "ra", "li", "ma", "to", "wi", "śl", "zy", "bo", "de", "ję", "ań"]
GIVEN = ["Anna", "Jan", "Piotr", "Małgorzata", "Łukasz", "Zofia", "Paweł", "Agnieszka", "Krzysztof",
         "Ewa", "Tomasz", "Katarzyna", "Jürgen", "Olena", "Giorgi", "Maria", "Ahmed", "Li", "Søren"]
WORDS = ["Dom", "Kultury", "Instytut", "Polski", "Konsulat", "Generalny", "Fundacja", "Stowarzyszenie",
         "Uniwersytet", "Szkoła", "Muzeum", "Teatr", "Izba", "Handlowa", "Centrum", "Miejskie",
         "Festiwal", "Dni", "Wystawa", "Konferencja", "Wizyta", "delegacji", "współpracy", "umowa",
         "Obraz", "Medal", "Książka", "Album", "Tramwaj", "Zaproszenie", "Podziękowanie", "sprawie",
         "Krakowa", "partnerskiego", "miasta", "Jubileusz", "Kraków", "Europa", "Region", "Rada"]
NATIVE = ["Київ", "南京", "თბილისი", "فاس", "Москва", "Львів", "Αθήνα", "ירושלים", "서울", "東京"]
TABLE_ORDER = ("partner", "partner_alias", "organisation", "institution", "person", "affiliation",
               "agreement", "visit", "visit_partner", "event", "event_partner", "gift", "letter")


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def phrase(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def synthetic(n: int) -> dict[str, list[dict]]:
    """About n records over the nine searchable kinds, with their links, from a fixed seed."""
    rng = random.Random(SEED)
    share = {"partner": .03, "organisation": .01, "institution": .12, "person": .24, "agreement": .09,
             "visit": .10, "event": .10, "gift": .11, "letter": .20}
    count = {kind: max(1, int(n * part)) for kind, part in share.items()}
    base = 1_000_000   # ids far above Krakow's own
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_ORDER}
    partner_ids = [base + i for i in range(count["partner"])]
    for i, id_ in enumerate(partner_ids):
        name = word(rng, rng.randint(2, 4))
        rows["partner"].append(dict(id=id_, key=f"s-partner-{i}", name=name, name_en=name + "ia",
                                    name_native=rng.choice(NATIVE) if rng.random() < .1 else None,
                                    country="XX", kind=e.PartnerKind.CITY, is_capital=False))
        if rng.random() < .3:
            rows["partner_alias"].append(dict(partner_id=id_, alias=word(rng, 3)))
    for i in range(count["organisation"]):
        rows["organisation"].append(dict(id=base + i, key=f"s-org-{i}", name=phrase(rng, 3),
                                          acronym=word(rng, 2).upper()))
    for i in range(count["institution"]):
        rows["institution"].append(dict(
            id=base + i, key=f"s-inst-{i}", name=f"{phrase(rng, 2)} {word(rng, 3)}",
            kind=e.InstitutionKind.OTHER, city=word(rng, 3), in_krakow=False,
            partner_id=rng.choice(partner_ids) if rng.random() < .5 else None))
    for i in range(count["person"]):
        id_ = base + i
        given, family = rng.choice(GIVEN), word(rng, rng.randint(2, 4)) + rng.choice(["ski", "icz", "er", ""])
        rows["person"].append(dict(id=id_, key=f"s-person-{i}", given_name=given, family_name=family,
                                   function=phrase(rng, 2), languages=[], phones=[],
                                   emails=[f"{given.lower()}.{family.lower()}@example.org"]))
        if rng.random() < .5:
            rows["affiliation"].append(dict(person_id=id_, partner_id=rng.choice(partner_ids)))
    start = date(1970, 1, 1)
    for i in range(count["agreement"]):
        rows["agreement"].append(dict(
            id=base + i, key=f"s-agreement-{i}", partner_id=rng.choice(partner_ids),
            kind=rng.choice(list(e.AgreementKind)),
            title=f"Umowa {phrase(rng, 3)}" if rng.random() < .7 else None,
            signed_on=start + timedelta(days=rng.randrange(20_000)), indefinite=False, auto_renews=False))
    for i in range(count["visit"]):
        rows["visit"].append(dict(id=base + i, key=f"s-visit-{i}", direction=rng.choice(list(e.Direction)),
                                  title=f"Wizyta {phrase(rng, 3)} {word(rng, 3)}", status=e.VisitStatus.DONE,
                                  place=rng.choice(["Kraków", word(rng, 3)]), purpose=phrase(rng, 6)))
        rows["visit_partner"].append(dict(visit_id=base + i, partner_id=rng.choice(partner_ids)))
    for i in range(count["event"]):
        rows["event"].append(dict(id=base + i, key=f"s-event-{i}", kind=e.EventKind.OTHER,
                                  title=f"{phrase(rng, 3)} {word(rng, 3)}", place=word(rng, 3),
                                  organisers=phrase(rng, 2)))
        rows["event_partner"].append(dict(event_id=base + i, partner_id=rng.choice(partner_ids)))
    for i in range(count["gift"]):
        rows["gift"].append(dict(id=base + i, key=f"s-gift-{i}", direction=rng.choice(list(e.GiftDirection)),
                                 description=f"{phrase(rng, 2)} {word(rng, 3)}", category=e.GiftCategory.OTHER,
                                 partner_id=rng.choice(partner_ids), giver=phrase(rng, 2)))
    for i in range(count["letter"]):
        rows["letter"].append(dict(id=base + i, key=f"s-letter-{i}", direction=rng.choice(list(e.Direction)),
                                   date=start + timedelta(days=rng.randrange(20_000)), channel=e.Channel.LETTER,
                                   subject=f"{phrase(rng, 3)} {word(rng, 2)}",
                                   reference=f"KS-{i:06d}/{rng.randint(1990, 2025)}",
                                   partner_id=rng.choice(partner_ids), summary=phrase(rng, 8)))
    return rows


def fill(url: str, n: int) -> None:
    desk, _ = open_ready(url)   # migrated, with Krakow's data
    tables = {table.name: table for table in t.metadata.sorted_tables}
    started = time.perf_counter()
    with desk.engine.begin() as conn:
        for name, batch in synthetic(n).items():
            for chunk in range(0, len(batch), 5000):
                conn.execute(tables[name].insert(), batch[chunk:chunk + 5000])
        if conn.dialect.name == "postgresql":   # explicit ids: move the sequences past them
            for name in TABLE_ORDER:
                if "id" in tables[name].c:
                    conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                         f"(SELECT max(id) FROM {name}))")
        entries = search_index.rebuild(conn)
    if desk.engine.dialect.name == "postgresql":
        with desk.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    desk.close()
    print(f"  built {entries} index entries in {time.perf_counter() - started:.1f} s")


def queries(desk: Desk) -> list[tuple[str, str]]:
    """(group, text): the mix a person types, with names drawn from the database itself."""
    rng = random.Random(SEED + 1)
    with desk.engine.connect() as conn:
        def sample(column: sa.Column, k: int) -> list[str]:
            values = [v for (v,) in conn.execute(sa.select(column).where(column.is_not(None)).limit(2000))]
            return rng.sample(values, min(k, len(values)))
        names = (sample(t.Partner.__table__.c.name, 8) + sample(t.Person.__table__.c.family_name, 8)
                 + sample(t.Institution.__table__.c.name, 4))
    mix = [("1 letter", q) for q in "akmswzpbł"]
    mix += [("2 letters", q) for q in ("kr", "wa", "no", "po", "ma", "st", "ło", "ja")]
    mix += [("3 letters", q) for q in ("kra", "nor", "wil", "ber", "mos", "sze", "dom", "uni")]
    mix += [("whole name", q) for q in names + ["Kijów", "Norymberga", "Łódź", "Київ", "南京"]]
    mix += [("words", q) for q in ("dom kultury", "umowa o współpracy", "wizyta delegacji", "kraków dni",
                                   "instytut pol", "anna now")]
    mix += [("no hit", q) for q in ("qqzx", "xyzzy plugh", "zzzzzz", "kraków qqq", "a\"b NEAR(", "🙂")]
    return mix


def measure(desk: Desk, mix: list[tuple[str, str]], rounds: int = 5) -> dict[str, list[float]]:
    for _, text in mix:
        desk.search(text)   # warm the caches once
    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        for group, text in mix:
            start = time.perf_counter()
            desk.search(text)
            times.setdefault(group, []).append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, times: dict[str, list[float]]) -> None:
    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
    every = [v for values in times.values() for v in values]
    print(f"{label}: median {statistics.median(every):6.1f} ms, p95 {p95(every):6.1f} ms, "
          f"max {max(every):6.1f} ms over {len(every)} searches")
    for group, values in times.items():
        print(f"    {group:12} median {statistics.median(values):6.1f} ms, p95 {p95(values):6.1f} ms")


def bench(label: str, url: str) -> None:
    with Desk.open(url) as desk:
        report(label, measure(desk, queries(desk)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--pg", default=os.environ.get("KRAKOW_DESK_BENCH_PG_URL"))
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached SQLite database")
    parser.add_argument("--like", action="store_true",
                        help="time the portable LIKE path (what a database without FTS5 or tsvector gets)")
    args = parser.parse_args()
    if args.like:
        search_query.index_for = lambda conn: search_query.LikeIndex()
    CACHE.mkdir(exist_ok=True)
    krakow = CACHE / "krakow.sqlite3"
    big = CACHE / f"scale-{args.records}.sqlite3"
    for path in (krakow, big):
        if args.fresh and path.exists():
            path.unlink()
    if not krakow.exists():
        open_ready(f"sqlite:///{krakow}")[0].close()
    if not big.exists():
        print(f"building {big} ...")
        fill(f"sqlite:///{big}", args.records)
    bench("SQLite, Krakow's data", f"sqlite:///{krakow}")
    bench(f"SQLite, {args.records:,} records", f"sqlite:///{big}")
    if args.pg:
        bench_postgres(args.pg, args.records, args.fresh)


def _entries(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(sa.select(sa.func.count()).select_from(search_index.search_entry)) or 0
    except sa.exc.DBAPIError:
        return 0
    finally:
        engine.dispose()


def _clean(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:   # the benchmark's own database: its schema is replaced
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


def bench_postgres(url: str, records: int, fresh: bool) -> None:
    if fresh or _entries(url) < records:   # kept between runs, like the SQLite file
        _clean(url)
        open_ready(url)[0].close()
        bench("PostgreSQL, Krakow's data", url)
        print("building the PostgreSQL database ...")
        _clean(url)
        fill(url, records)
    bench(f"PostgreSQL, {records:,} records", url)

if __name__ == "__main__":
    sys.exit(main())
