"""Import, export and records on a database 100× Krakow's (not part of the default run).

    .venv/bin/python tests/benchmarks/bench_scale.py [SCALE]

Copies every record of data/krakow.json SCALE times under new keys (references rewritten),
then reports the median of three runs of each operation.
"""

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from krakow_desk.exchange import dataset_json
from krakow_desk.resources import krakow_dataset
from krakow_desk.services.dataset import export_dataset, import_dataset
from krakow_desk.services.desk import Desk

REF_FIELDS = {"partner", "organisation", "institution", "person", "visit", "related", "reply_to",
              "agreement", "letter", "event"}
LIST_REFS = {"partners", "people"}


def scaled(raw: dict, scale: int) -> dict:
    out = {key: value for key, value in raw.items() if not isinstance(value, list)}
    out["sources"] = raw["sources"]
    out["yearly_figures"] = raw["yearly_figures"]

    def rekey(obj, copy: int):  # noqa: ANN001, ANN202
        if isinstance(obj, dict):
            result = {}
            for key, value in obj.items():
                if key in ("key", *REF_FIELDS) and isinstance(value, str):
                    value = f"{value}-{copy}"
                elif key in LIST_REFS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                    value = [f"{v}-{copy}" for v in value]
                else:
                    value = rekey(value, copy)
                result[key] = value
            return result
        if isinstance(obj, list):
            return [rekey(v, copy) for v in obj]
        return obj

    for name, records in raw.items():
        if isinstance(records, list) and name not in ("sources", "yearly_figures"):
            out[name] = [rekey(r, copy) for copy in range(scale) for r in records]
    return out


def timed(action) -> float:  # noqa: ANN001
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(scale: int) -> None:
    raw = json.loads(krakow_dataset().read_text(encoding="utf-8"))
    dataset = dataset_json.loads(json.dumps(scaled(raw, scale)))
    print(f"scale {scale}: {len(dataset.partners)} partners, {len(dataset.agreements)} agreements, "
          f"{len(dataset.events)} events")
    results: dict[str, list[float]] = {"import (new db)": [], "re-import (unchanged)": [], "export": [],
                                       "records": [], "list partners": []}
    for _ in range(3):
        with tempfile.TemporaryDirectory() as folder:
            with Desk.open(str(Path(folder) / "b.sqlite3"), create=True) as desk:
                results["import (new db)"].append(timed(lambda: import_dataset(desk, dataset)))
                results["re-import (unchanged)"].append(timed(lambda: import_dataset(desk, dataset)))
                results["export"].append(timed(lambda: export_dataset(desk)))
                results["records"].append(timed(desk.records))
                results["list partners"].append(timed(desk.partners.all))
    for name, values in results.items():
        print(f"{name:24} median {statistics.median(values):7.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
