"""The annual cooperation summary for a year with 5,000 visits (not part of the default run).

    .venv/bin/python tests/benchmarks/bench_annual.py [VISITS] [DATABASE]

Loads Krakow's data into a scratch SQLite database (or DATABASE, a file or SQLAlchemy URL), adds
VISITS visits in 2005 (with letters, events and gifts at a tenth of that) through the dataset
import, then reports the median of five runs: reading the summary, laying out the PDF, and both.
Target: at most 3 s for both.
"""

import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from krakow_desk.domain import schema as s
from krakow_desk.reports.annual import annual_pdf
from krakow_desk.services.annual import annual_summary
from krakow_desk.services.dataset import import_dataset
from krakow_desk.services.desk import Desk
from krakow_desk.services.setup import open_ready

YEAR = 2005
TARGET = 3.0


def year_of_activity(partners: list[str], visits: int) -> s.Dataset:
    start = date(YEAR, 1, 1)
    day = lambda i: (start + timedelta(days=i % 365)).isoformat()  # noqa: E731
    return s.Dataset(
        visits=[s.VisitData(key=f"bench-visit-{i}", direction="incoming" if i % 3 else "outgoing",
                            partners=[partners[i % len(partners)]] if i % 7 else [], title=f"Visit {i}",
                            start_on=day(i) if i % 10 else str(YEAR), status="done",
                            participants=[{"name": f"Guest {i}", "side": "guest"}],
                            programme=[{"day": day(i), "activity": "Talks"}]) for i in range(visits)],
        letters=[s.LetterData(key=f"bench-letter-{i}", direction="incoming" if i % 2 else "outgoing", date=day(i),
                              subject=f"Letter {i}", partner=partners[i % len(partners)]) for i in range(visits // 10)],
        events=[s.EventData(key=f"bench-event-{i}", kind="city_presentation" if i % 4 == 0 else "festival",
                            title=f"Event {i}", start_on=day(i), partners=[partners[i % len(partners)]],
                            domains=["culture"] if i % 2 else ["education", "youth"]) for i in range(visits // 10)],
        gifts=[s.GiftData(key=f"bench-gift-{i}", direction="given" if i % 2 else "received", date=day(i),
                          partner=partners[i % len(partners)], description=f"Gift {i}",
                          value=str(100 + i), currency="PLN" if i % 3 else "EUR") for i in range(visits // 10)],
    )


def timed(action) -> float:  # noqa: ANN001
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(visits: int, target: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        desk, _report = open_ready(target or f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with desk:
            partners = [p.key for p in desk.partners.all()]
            started = time.perf_counter()
            import_dataset(desk, year_of_activity(partners, visits))
            print(f"{visits} visits in {YEAR} loaded in {time.perf_counter() - started:.1f} s")
            run(desk)


def run(desk: Desk) -> None:
    read, layout, both = [], [], []
    for _ in range(5):
        summary = None

        def read_it() -> None:
            nonlocal summary
            summary = annual_summary(desk, YEAR)

        read.append(timed(read_it))
        layout.append(timed(lambda: annual_pdf(summary, "pl", date(2026, 1, 1))))
        both.append(read[-1] + layout[-1])
    print(f"visits counted: {summary.totals.delegations_received + summary.totals.trips_abroad}")
    for name, values in (("read the summary", read), ("lay out the PDF", layout), ("both", both)):
        print(f"{name:18} median {statistics.median(values):6.3f} s")
    verdict = "within" if statistics.median(both) <= TARGET else "OVER"
    print(f"target {TARGET:.0f} s: {verdict}")
    if "--profile" in sys.argv:
        profile = cProfile.Profile()
        profile.enable()
        annual_pdf(annual_summary(desk, YEAR), "pl")
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(arguments[0]) if arguments else 5000, arguments[1] if len(arguments) > 1 else None)
