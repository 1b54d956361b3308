"""What synchronous=FULL costs against NORMAL (not part of the tests):

    .venv/bin/python tests/benchmarks/bench_synchronous.py [--runs 5] [--folder DIR]

Loads Krakow's data into a new database (one import transaction) and saves 200 partners one by
one (200 transactions, as a person working in the window does), under each setting; prints the
median times. Run it on the disk the database will live on: a tmpfs hides the cost of fsync.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from krakow_desk.store import engine as engine_module


def _with_synchronous(mode: str) -> None:
    original = engine_module._sqlite_pragmas.__wrapped__ if hasattr(engine_module._sqlite_pragmas, "__wrapped__") \
        else engine_module._sqlite_pragmas

    def pragmas(dbapi_connection, record) -> None:  # noqa: ANN001
        original(dbapi_connection, record)
        dbapi_connection.execute(f"PRAGMA synchronous={mode}")
    pragmas.__wrapped__ = original  # type: ignore[attr-defined]
    engine_module._sqlite_pragmas = pragmas


def run_once(folder: Path, mode: str) -> tuple[float, float]:
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.setup import load_krakow

    _with_synchronous(mode)
    db = folder / f"bench-{mode}-{time.monotonic_ns()}.sqlite3"
    with Desk.open(str(db), create=True) as desk:
        started = time.perf_counter()
        load_krakow(desk)
        imported = time.perf_counter() - started
        started = time.perf_counter()
        for n in range(200):
            desk.partners.create({"key": f"bench-{n}", "name": f"Bench {n}", "country": "PL"})
        one_by_one = time.perf_counter() - started
    return imported, one_by_one


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="krakow-desk-sync-", dir=Path.cwd()))
    results: dict[str, list[tuple[float, float]]] = {"NORMAL": [], "FULL": []}
    for _ in range(args.runs):
        for mode in results:   # interleaved, so that load on the machine hits both alike
            results[mode].append(run_once(folder, mode))
    for mode, runs in results.items():
        imported = statistics.median(r[0] for r in runs)
        saves = statistics.median(r[1] for r in runs)
        print(f"synchronous={mode:6}  Krakow's data imported: {imported * 1000:7.0f} ms   "
              f"200 saves one by one: {saves * 1000:7.0f} ms ({saves / 200 * 1000:.1f} ms each)")


if __name__ == "__main__":
    main()
