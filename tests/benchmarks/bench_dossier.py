"""Partner dossier time for a partner with 1,000 visits and 1,000 letters (not part of the default run).

    .venv/bin/python tests/benchmarks/bench_dossier.py [--visits N] [--letters N] [--runs N] [--fresh] [--profile]

Builds (once, cached in /tmp) a SQLite database with Krakow's data, then gives Kyiv N visits
(participants, a programme of three items, alternating directions, over forty years) and N
letters (a third with a reply due, half of those answered) through the services, as the window
would save them. Times the whole dossier — reading it (services.dossier) and laying out the PDF
— and each half. Target (issue 7): median <= 1 s. ``--profile`` prints where the time goes.
"""

import argparse
import cProfile
import pstats
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from krakow_desk.reports.dossier import dossier_pdf
from krakow_desk.services.desk import Desk
from krakow_desk.services.dossier import dossier
from krakow_desk.services.setup import open_ready

CACHE = Path("/tmp/krakow_desk_bench_dossier")
SEED = 20061122
PARTNER = "kyiv"
PRINTED = date(2026, 11, 20)


def fill(desk: Desk, visits: int, letters: int) -> None:
    rng = random.Random(SEED)
    started = time.perf_counter()
    desk.people.create({"key": "bench-mayor", "given_name": "Witalij", "family_name": "Kłyczko",
                        "function": "Mayor of Kyiv", "emails": ["mayor@kyiv.example"],
                        "affiliations": [{"partner": PARTNER, "role": "Mayor"}]})
    first = date(1986, 1, 1)
    for i in range(visits):
        day = first + timedelta(days=rng.randrange(40 * 365))
        desk.visits.create({
            "key": f"bench-visit-{i}", "direction": rng.choice(["incoming", "outgoing"]), "partners": [PARTNER],
            "title": f"Wizyta robocza nr {i} — współpraca młodzieżowa", "status": "done",
            "start_on": day.isoformat(), "end_on": (day + timedelta(days=2)).isoformat(), "place": "Kraków",
            "participants": [{"person": "bench-mayor", "side": "guest"},
                             {"name": "Anna Nowak", "side": "host", "role": "host"}],
            "programme": [{"day": day.isoformat(), "start": f"{9 + k * 2:02d}:00",
                           "activity": f"Punkt programu {k}", "place": "Sala Obrad"} for k in range(3)]})
    for i in range(letters):
        day = first + timedelta(days=rng.randrange(40 * 365))
        data = {"key": f"bench-letter-{i}", "direction": rng.choice(["incoming", "outgoing"]), "partner": PARTNER,
                "date": day.isoformat(), "subject": f"Pismo w sprawie współpracy nr {i}"}
        if i % 3 == 0:
            data["reply_due_on"] = (day + timedelta(days=30)).isoformat()
        if i % 6 == 3:
            data["reply_to"] = f"bench-letter-{i - 3}"
        desk.letters.create(data)
    print(f"  {visits} visits and {letters} letters saved in {time.perf_counter() - started:.1f} s")


def build(path: Path, visits: int, letters: int, fresh: bool) -> None:
    marker = path.with_suffix(f".{visits}-{letters}.done")
    if marker.exists() and path.exists() and not fresh:
        return
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    print(f"building {path} ...")
    desk, _ = open_ready(f"sqlite:///{path}")
    try:
        fill(desk, visits, letters)
    finally:
        desk.close()
    marker.touch()


def timed(function, runs: int) -> tuple[list[float], object]:  # noqa: ANN001
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return times, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1000)
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached database")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile run")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    path = CACHE / "desk.sqlite3"
    build(path, args.visits, args.letters, args.fresh)
    with Desk.open(f"sqlite:///{path}") as desk:
        dossier_pdf(dossier(desk, PARTNER, PRINTED), "pl", PRINTED)     # warm: fonts, map, catalogs
        read_times, read = timed(lambda: dossier(desk, PARTNER, PRINTED), args.runs)
        layout_times, pdf = timed(lambda: dossier_pdf(read, "pl", PRINTED), args.runs)
        whole_times, _ = timed(lambda: dossier_pdf(dossier(desk, PARTNER, PRINTED), "pl", PRINTED), args.runs)
        print(f"{PARTNER}: {read.visit_count} visits, {read.correspondence.total} letters, "
              f"{len(pdf)} bytes")
        for name, times in (("read", read_times), ("layout", layout_times), ("whole", whole_times)):
            print(f"  {name:7} median {statistics.median(times) * 1000:7.0f} ms, "
                  f"best {min(times) * 1000:7.0f} ms")
        print(f"  target: whole median <= 1000 ms: {'met' if statistics.median(whole_times) <= 1 else 'MISSED'}")
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            dossier_pdf(dossier(desk, PARTNER, PRINTED), "pl", PRINTED)
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
