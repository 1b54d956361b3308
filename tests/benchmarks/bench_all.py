"""Issue 10's benchmarks: Krakow Desk at a hundred times the data (``make bench``; not part of the tests).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_all.py [--scales 10,100,1000] [--fresh]

Builds (once, cached in /tmp/krakow_desk_bench) SQLite databases with Krakow's data plus
``krakow-desk demo --scale N`` for each scale (10, 100, 1000 partners: about 1k, 10k and 100k
records), then measures against the issue's targets on the largest:

- the demo's own rate (records/s; target >= 5,000);
- cold start to a populated, painted window, against a bare PySide6 window (<= 4x);
- search latency, median and p95, at each scale and on Krakow's data (<= 30 / 80 ms; the cost at
  100k <= 1.25x Krakow's);
- first paint and filtering of each list, memory with every list loaded (<= 100 ms, <= 400 MB);
- opening a partner page (<= 150 ms); a dossier (<= 1 s); the annual summary (<= 3 s);
- export of 10k rows (people as CSV) and their import into another database; the whole dataset
  exported as JSON (<= 20 s).

A missed target gets a pyinstrument profile of the operation (its top frames go into the
summary). Results: tests/benchmarks/results.json and results.md.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CACHE = Path("/tmp/krakow_desk_bench")
DATA_VERSION = 2          # raise when the demo's data changes, to rebuild the cached databases
PRINTED = date(2026, 11, 20)
ANNUAL_YEAR = 2005
TARGETS = {
    "demo_records_per_s": (">=", 5000), "cold_start_ratio": ("<=", 4.0),
    "search_median_ms": ("<=", 30.0), "search_p95_ms": ("<=", 80.0), "search_cost_ratio": ("<=", 1.25),
    "list_first_paint_ms": ("<=", 100.0), "rss_mb": ("<=", 400.0), "partner_page_ms": ("<=", 150.0),
    "dossier_s": ("<=", 1.0), "annual_s": ("<=", 3.0), "export_all_s": ("<=", 20.0),
}


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def timed(action: Callable[[], Any], runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def profile(action: Callable[[], Any], lines: int = 40) -> str:
    """The top of a pyinstrument profile of one run (pip install pyinstrument; the bench extra)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "(pyinstrument not installed: pip install -e '.[bench]')"
    profiler = Profiler(interval=0.001)
    profiler.start()
    action()
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    return "\n".join(text.splitlines()[6:6 + lines])


# --- databases ---------------------------------------------------------------------------------

def database(scale: int, fresh: bool) -> tuple[str, dict]:
    """Krakow's data plus ``scale`` demo partners (0: Krakow's data alone), built once."""
    from krakow_desk.services.demo import add_demo
    from krakow_desk.services.setup import open_ready

    path = CACHE / f"demo-{scale}.sqlite3"
    meta = path.with_suffix(f".v{DATA_VERSION}.json")
    if fresh or not (path.exists() and meta.exists()):
        for old in CACHE.glob(path.name + "*"):
            old.unlink()
        meta.unlink(missing_ok=True)
        print(f"building {path} ...", flush=True)
        desk, _ = open_ready(f"sqlite:///{path}")
        info: dict = {"scale": scale}
        with desk:
            if scale:
                cpu = time.process_time()
                report = add_demo(desk, scale)
                info.update(records=report.records, seconds=report.seconds, records_per_s=report.rate,
                            cpu_records_per_s=report.records / max(time.process_time() - cpu, 1e-9))
        info["db_mb"] = path.stat().st_size / 2**20
        meta.write_text(json.dumps(info))
    return f"sqlite:///{path}", json.loads(meta.read_text())


def record_count(url: str) -> int:
    import sqlalchemy as sa

    from krakow_desk.store import search_index
    from krakow_desk.services.desk import Desk
    with Desk.open(url) as desk, desk.engine.connect() as conn:
        entries = conn.scalar(sa.select(sa.func.count()).select_from(search_index.search_entry)) or 0
        tasks = conn.scalar(sa.text("SELECT count(*) FROM task")) or 0
    return entries + tasks


# --- measurements ------------------------------------------------------------------------------

def search(url: str) -> dict:
    from bench_search import measure, queries

    from krakow_desk.services.desk import Desk
    with Desk.open(url) as desk:
        times = measure(desk, queries(desk), rounds=3)
    every = [v for values in times.values() for v in values]
    return {"median_ms": statistics.median(every), "p95_ms": p95(every), "max_ms": max(every),
            "searches": len(every),
            "groups": {group: {"median_ms": statistics.median(v), "p95_ms": p95(v)} for group, v in times.items()}}


def _probe(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(HERE / "window_probe.py"), *args], env=env,
                          capture_output=True, text=True, timeout=600)


def window(url: str, krakow_url: str) -> dict:
    home = tempfile.mkdtemp(prefix="krakow-desk-bench-home-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KRAKOW_DESK_HOME": home}

    def wall(*args: str, runs: int = 5) -> list[float]:
        _probe(*args, env=env)   # warm the file cache once
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            done = _probe(*args, env=env)
            times.append(time.perf_counter() - started)
            if done.returncode:
                raise RuntimeError(f"window_probe {args} failed: {done.stderr[-2000:]}")
        return times
    bare = wall("bare")
    cold = wall("cold", url)
    cold_krakow = wall("cold", krakow_url)
    done = _probe("lists", url, env=env)
    if done.returncode:
        raise RuntimeError(f"window_probe lists failed: {done.stderr[-2000:]}")
    lists = json.loads(done.stdout.strip().splitlines()[-1])
    return {"bare_s": statistics.median(bare), "cold_s": statistics.median(cold),
            "cold_krakow_s": statistics.median(cold_krakow),
            "cold_start_ratio": statistics.median(cold) / statistics.median(bare), **lists}


def reports(url: str, demo_key: str) -> dict:
    from krakow_desk.reports.annual import annual_pdf
    from krakow_desk.reports.dossier import dossier_pdf
    from krakow_desk.services.annual import annual_summary
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.dossier import dossier

    out: dict = {}
    with Desk.open(url) as desk:
        for key in ("kyiv", demo_key):
            dossier_pdf(dossier(desk, key, PRINTED), "pl", PRINTED)   # warm: fonts, map, catalogs
            out[f"dossier_{key}_s"] = statistics.median(
                timed(lambda: dossier_pdf(dossier(desk, key, PRINTED), "pl", PRINTED), 3))
        out["dossier_s"] = max(out["dossier_kyiv_s"], out[f"dossier_{demo_key}_s"])
        out["annual_s"] = statistics.median(
            timed(lambda: annual_pdf(annual_summary(desk, ANNUAL_YEAR), "pl", PRINTED), 3))
    return out


def exchange(url: str, krakow_url: str) -> dict:
    import shutil

    from krakow_desk.exchange.files import export_file, read_file
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.import_plan import apply_import, decide_all, plan_import

    out: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "people.csv"
        with Desk.open(url) as desk:
            out["export_people_csv_s"] = statistics.median(timed(lambda: export_file(desk, "csv", csv, "people"), 3))
            out["export_people_rows"] = desk.people.count()
            out["export_all_s"] = timed(lambda: export_file(desk, "json", Path(folder) / "all.json"), 1)[0]
            out["export_all_mb"] = (Path(folder) / "all.json").stat().st_size / 2**20
        target = Path(folder) / "import.sqlite3"
        shutil.copyfile(krakow_url.removeprefix("sqlite:///"), target)
        with Desk.open(f"sqlite:///{target}") as desk:
            started = time.perf_counter()
            contents = read_file(csv, "people")
            plan = plan_import(desk, contents)
            out["import_plan_s"] = time.perf_counter() - started
            started = time.perf_counter()
            apply_import(desk, plan, decide_all(plan, "add"), skip_rejected=True)
            out["import_apply_s"] = time.perf_counter() - started
            out["import_rows"] = desk.people.count()
        out["import_people_csv_s"] = out["import_plan_s"] + out["import_apply_s"]
    return out


# --- verdicts and the summary ------------------------------------------------------------------

def verdicts(results: dict) -> dict[str, dict]:
    big = results["scales"][str(max(map(int, results["scales"])))]
    w = big["window"]
    figures = {
        "demo_records_per_s": big["demo"].get("records_per_s", 0),
        "cold_start_ratio": w["cold_start_ratio"],
        "search_median_ms": big["search"]["median_ms"], "search_p95_ms": big["search"]["p95_ms"],
        "search_cost_ratio": big["search"]["median_ms"] / results["krakow"]["search"]["median_ms"],
        "list_first_paint_ms": max(ms for section, ms in w["first_paint_ms"].items() if section in w["rows"]),
        "rss_mb": w["rss_mb"],
        "partner_page_ms": statistics.median(w["partner_page_ms"]),
        "dossier_s": big["reports"]["dossier_s"], "annual_s": big["reports"]["annual_s"],
        "export_all_s": big["exchange"]["export_all_s"],
    }
    out = {}
    for name, value in figures.items():
        op, target = TARGETS[name]
        out[name] = {"value": value, "target": f"{op} {target:g}",
                     "met": value >= target if op == ">=" else value <= target}
    return out


def markdown(results: dict) -> str:
    lines = [f"# Benchmarks ({results['when']}, {results['machine']})", "",
             "| figure | value | target | |", "|---|---|---|---|"]
    for name, v in results["verdicts"].items():
        lines.append(f"| {name} | {v['value']:.4g} | {v['target']} | {'met' if v['met'] else '**missed**'} |")
    lines += ["", "## By scale", "", "| records | db MB | demo rec/s | search median ms | p95 ms |",
              "|---|---|---|---|---|"]
    k = results["krakow"]
    lines.append(f"| Krakow's data ({k['records']}) | {k['db_mb']:.1f} | — | {k['search']['median_ms']:.1f} "
                 f"| {k['search']['p95_ms']:.1f} |")
    for scale, r in results["scales"].items():
        lines.append(f"| {r['records']} (scale {scale}) | {r['demo']['db_mb']:.1f} | "
                     f"{r['demo'].get('records_per_s', 0):,.0f} (CPU {r['demo'].get('cpu_records_per_s', 0):,.0f}) | "
                     f"{r['search']['median_ms']:.1f} | {r['search']['p95_ms']:.1f} |")
    big = results["scales"][str(max(map(int, results["scales"])))]
    w = big["window"]
    lines += ["", "## Window at the largest scale", "",
              f"cold start {w['cold_s']:.2f} s (Krakow's data {w['cold_krakow_s']:.2f} s), bare Qt window "
              f"{w['bare_s']:.2f} s; RSS {w['rss_mb']:.0f} MB (peak {w['peak_rss_mb']:.0f} MB); partner page "
              f"median {statistics.median(w['partner_page_ms']):.0f} ms", "",
              "| section | rows | first paint ms | filter ms (median) |", "|---|---|---|---|"]
    for section, ms in w["first_paint_ms"].items():
        filt = w["filter_ms"].get(section)
        lines.append(f"| {section} | {w['rows'].get(section, '')} | {ms:.0f} | "
                     f"{statistics.median(filt):.0f} |" if filt else f"| {section} | | {ms:.0f} | |")
    lines += ["", "## Reports and exchange at the largest scale", ""]
    lines += [f"- {name}: {value:.3g}" for name, value in {**big["reports"], **big["exchange"]}.items()]
    for name, text in results.get("profiles", {}).items():
        lines += ["", f"## Profile: {name}", "", "```", text, "```"]
    return "\n".join(lines) + "\n"


def profiles(results: dict, url: str) -> dict[str, str]:
    """A profile of each operation whose target was missed."""
    from krakow_desk.reports.annual import annual_pdf
    from krakow_desk.reports.dossier import dossier_pdf
    from krakow_desk.services.annual import annual_summary
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.dossier import dossier
    from krakow_desk.services.partner_file import partner_file

    missed = {name for name, v in results["verdicts"].items() if not v["met"]}
    out = {}
    with Desk.open(url) as desk:
        if missed & {"search_median_ms", "search_p95_ms", "search_cost_ratio"}:
            out["search (the query mix, once)"] = profile(
                lambda: [desk.search(q) for q in ("k", "po", "kra", "dom kultury", "anna now", "qqzx")])
        if "dossier_s" in missed:
            key = max((k for k in results["scales"][str(max(map(int, results["scales"])))]["reports"]
                       if k.startswith("dossier_") and k != "dossier_s"),
                      key=results["scales"][str(max(map(int, results["scales"])))]["reports"].get)[8:-2]
            out[f"dossier {key}"] = profile(lambda: dossier_pdf(dossier(desk, key, PRINTED), "pl", PRINTED))
        if "annual_s" in missed:
            out["annual summary"] = profile(lambda: annual_pdf(annual_summary(desk, ANNUAL_YEAR), "pl", PRINTED))
        if "partner_page_ms" in missed:
            out["partner page: services.partner_file (the window's read)"] = profile(
                lambda: partner_file(desk, "kyiv"))
        if "list_first_paint_ms" in missed:
            w = results["scales"][str(max(map(int, results["scales"])))]["window"]
            slowest = max(w["rows"], key=w["first_paint_ms"].get)
            out[f"list {slowest}: the page's load() (off the GUI thread)"] = _profile_list_load(url, slowest)
        if "cold_start_ratio" in missed:
            out["cold start: imports (python -X importtime, cumulative ms, top 15)"] = _import_times(url)
        if "export_all_s" in missed:
            from krakow_desk.exchange.files import export_file
            with tempfile.TemporaryDirectory() as folder:
                out["export json"] = profile(lambda: export_file(desk, "json", Path(folder) / "all.json"))
    return out


def _import_times(url: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "KRAKOW_DESK_HOME": tempfile.mkdtemp(prefix="krakow-desk-bench-home-")}
    done = subprocess.run([sys.executable, "-X", "importtime", str(HERE / "window_probe.py"), "cold", url],
                          capture_output=True, text=True, timeout=600, env=env)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]) / 1000, parts[2].rstrip()))
    return "\n".join(f"{ms:8.0f}  {name}" for ms, name in sorted(rows, reverse=True)[:15])


def _profile_list_load(url: str, section: str) -> str:
    code = ("import sys; sys.path.insert(0, %r); from bench_all import profile\n"
            "from krakow_desk.ui.app import make_application; make_application()\n"
            "from krakow_desk.services.desk import Desk; from krakow_desk.ui.pages import SECTIONS\n"
            "desk = Desk.open(%r); page = [s for s in SECTIONS if s.id == %r][0].make(desk, None)\n"
            "print(profile(page.load))" % (str(HERE), url, section))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return done.stdout or done.stderr[-3000:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="10,100,1000")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached databases")
    parser.add_argument("--output", default=str(HERE / "results.json"))
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    scales = [int(s) for s in args.scales.split(",")]
    started = time.perf_counter()
    krakow_url, krakow_info = database(0, args.fresh)
    results: dict = {"when": time.strftime("%Y-%m-%d %H:%M"),
                     "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                     "krakow": {**krakow_info, "records": record_count(krakow_url), "search": search(krakow_url)},
                     "scales": {}}
    print(f"Krakow's data: search median {results['krakow']['search']['median_ms']:.1f} ms", flush=True)
    for scale in scales:
        url, info = database(scale, args.fresh)
        entry = {"demo": info, "records": record_count(url), "search": search(url)}
        print(f"scale {scale}: {entry['records']} records, demo {info.get('records_per_s', 0):,.0f} rec/s, "
              f"search median {entry['search']['median_ms']:.1f} ms, p95 {entry['search']['p95_ms']:.1f} ms",
              flush=True)
        results["scales"][str(scale)] = entry
    big_url = database(max(scales), False)[0]
    big = results["scales"][str(max(scales))]
    big["window"] = window(big_url, krakow_url)
    print(f"window: cold {big['window']['cold_s']:.2f} s vs bare {big['window']['bare_s']:.2f} s", flush=True)
    big["reports"] = reports(big_url, f"demo-{max(scales) // 2}")
    print(f"reports: {big['reports']}", flush=True)
    big["exchange"] = exchange(big_url, krakow_url)
    print(f"exchange: {big['exchange']}", flush=True)
    results["verdicts"] = verdicts(results)
    results["profiles"] = profiles(results, big_url)
    results["seconds"] = time.perf_counter() - started
    output = Path(args.output)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    output.with_suffix(".md").write_text(markdown(results))
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
