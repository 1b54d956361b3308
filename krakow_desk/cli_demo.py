"""``krakow-desk demo --scale N``: fill a database with synthetic partners for trials and benchmarks."""

import argparse
import sys
import time

from krakow_desk.i18n import _


def add_parser(commands: "argparse._SubParsersAction", positive_int) -> None:  # noqa: ANN001
    demo = commands.add_parser(
        "demo", help=_("fill a database with synthetic records for benchmarks"),
        description=_("Add N synthetic partners, each with about 100 records (people, visits with "
                      "their programme, letters, gifts, agreements and follow-ups), names drawn in "
                      "Polish and other languages from a fixed seed. Keys begin with 'demo-'; a "
                      "second run adds N more. A database that does not exist yet is created with "
                      "Krakow's data first."))
    demo.add_argument("--scale", type=positive_int, required=True, metavar="N",
                      help=_("how many partners to add (1000 gives about 100,000 records)"))
    demo.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from krakow_desk.cli_maintenance import writing
    from krakow_desk.services.setup import open_ready

    with writing(args.db) as verify:   # a bulk writer like import: the file's lock is held
        desk, _report = open_ready(args.db, verify=verify)
        return _fill(args, desk)


def _fill(args: argparse.Namespace, desk) -> int:  # noqa: ANN001
    from krakow_desk.services.demo import add_demo

    started = time.perf_counter()

    live = sys.stderr.isatty()   # one line rewritten in a terminal, a line per step in a log

    def progress(done: int, total: int, records: int) -> None:
        rate = records / max(time.perf_counter() - started, 1e-9)
        text = _("{done} of {total} partners, {records} records ({rate:,.0f} records/s)").format(
            done=done, total=total, records=records, rate=rate)
        print("\r" + text if live else text, end="" if live else "\n", file=sys.stderr, flush=True)

    with desk:
        report = add_demo(desk, args.scale, progress)
    if live:
        print(file=sys.stderr)
    print(_("Added {partners} partners and {records} records in {seconds:.1f} s "
            "({rate:,.0f} records/s), from demo-{first}: {url}").format(
        partners=report.partners, records=report.records, seconds=report.seconds, rate=report.rate,
        first=report.first, url=desk.url))
    return 0
