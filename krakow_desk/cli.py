"""The command line. With no command it opens the desktop window.

Heavy modules (Qt, SQLAlchemy, the services) are imported inside the commands, so that
``--help`` answers at once. Exit codes: 0 success, 1 the user's mistake (a message, no
traceback), 2 a usage error.
"""

import argparse
import io
import json
import os
import sys
from pathlib import Path
from typing import Callable, Optional, Sequence

from krakow_desk import __version__
from krakow_desk.i18n import LANGUAGES, N_, _, language, ngettext, set_language

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """A problem to report in one line, without a traceback."""


def _language_from_argv(argv: Sequence[str]) -> str:
    # --help is printed before parsing finishes, so its language is read ahead of argparse.
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("KRAKOW_DESK_LANG", "pl")


# argparse's own words, so that help and usage errors speak the user's language too.
ARGPARSE_MESSAGES = (
    N_("usage: "), N_("options"), N_("positional arguments"), N_("show this help message and exit"),
    N_("show program's version number and exit"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)


COLLECTIONS = {
    "sources": N_("sources"), "partners": N_("partners"), "agreements": N_("agreements"),
    "organisations": N_("organisations"), "memberships": N_("memberships"),
    "institutions": N_("institutions"), "people": N_("people"), "visits": N_("visits"),
    "events": N_("events"), "gifts": N_("gifts"), "letters": N_("letters"), "tasks": N_("tasks"),
    "yearly_figures": N_("yearly figures"),
}


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be a positive whole number, not '{text}'").format(text=text))
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            _("must be a non-negative whole number, not '{text}'").format(text=text))
    return value


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="krakow-desk",
        description=_("Partner-relations manager of the City of Krakow. "
                      "Without a command, opens the desktop window."),
    )
    parser.add_argument("--version", action="version", version=f"krakow-desk {__version__}")
    parser.add_argument("--db", metavar=_("PATH|URL"),
                        help=_("database file or SQLAlchemy URL (default: $KRAKOW_DESK_DB, "
                               "then the user's data folder)"))
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of the interface (pl or en)"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    init = commands.add_parser("init", help=_("create or upgrade the database; load Krakow's data"),
                               description=_("Create the database or bring its schema up to date. "
                                             "A new database is filled with Krakow's data unless "
                                             "--empty is given."))
    init.add_argument("--empty", action="store_true", help=_("do not load Krakow's data"))
    init.set_defaults(handler=cmd_init)

    records = commands.add_parser("records", help=_("the partnership records, computed from the data"),
                                  description=_("Nearest and farthest partner, most and least "
                                                "populous, and the other records, over the partners "
                                                "with which cooperation is current."))
    records.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    records.set_defaults(handler=cmd_records)

    search = commands.add_parser("search", help=_("search all records"),
                                 description=_("Search partners, people, institutions, organisations, "
                                               "agreements, visits, events, gifts and letters. Case "
                                               "and Polish letters do not matter; the beginning of a "
                                               "word is enough."))
    search.add_argument("text", metavar=_("TEXT"), help=_("what to look for"))
    search.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    search.add_argument("--limit", type=_positive_int, default=20, metavar="N",
                        help=_("show at most N hits (default: 20)"))
    search.set_defaults(handler=cmd_search)

    agenda = commands.add_parser("agenda", help=_("what falls due in the coming days"),
                                 description=_("Overdue follow-ups, replies due, upcoming visits, "
                                               "agreement deadlines (notice before an automatic "
                                               "renewal, ends of terms and programmes) and dormant "
                                               "partners, from today for N days."))
    agenda.add_argument("--days", type=_non_negative_int, default=60, metavar="N",
                        help=_("how many days ahead to look (default: 60)"))
    agenda.add_argument("--json", action="store_true", help=_("print JSON instead of a listing"))
    agenda.set_defaults(handler=cmd_agenda)

    export = commands.add_parser("export", help=_("write the data to a file"),
                                 description=_("Write the database to a file. Formats: json (the "
                                               "whole dataset, in the format of data/README.md); "
                                               "csv KIND (one kind of record); xlsx [KIND] (a sheet "
                                               "per kind, or one); vcard (people); ical (visits and "
                                               "events as an iCalendar file). KIND is one of: "
                                               "partners, people, institutions, agreements, visits, "
                                               "gifts, letters, tasks."))
    export.add_argument("format", choices=["json", "csv", "xlsx", "vcard", "ical"], help=_("file format"))
    export.add_argument("kind", nargs="?", metavar=_("KIND"), help=_("which records (csv and xlsx)"))
    export.add_argument("-o", "--output", required=True, metavar=_("FILE"), help=_("file to write"))
    export.set_defaults(handler=cmd_export)

    report = commands.add_parser("report", help=_("print a PDF report"),
                                 description=_("Print a PDF report. The report's language is chosen "
                                               "with the report's own --lang (default: the "
                                               "interface's)."))
    reports = report.add_subparsers(dest="report", metavar=_("REPORT"), required=True)
    briefing = reports.add_parser("briefing", help=_("the protocol briefing for a visit"),
                                  description=_("The protocol briefing for one visit: programme by "
                                                "day, participants in order of precedence, "
                                                "languages and interpreting, notes, the partner in "
                                                "brief and the gift history."))
    briefing.add_argument("visit", metavar=_("VISIT"), help=_("the visit's key"))
    _report_options(briefing)
    briefing.set_defaults(handler=cmd_report_briefing)
    dossier = reports.add_parser("dossier", help=_("a partner's dossier"),
                                 description=_("Everything the office holds on one partner, for a "
                                               "meeting or the archive. PARTNER is a Polish, English "
                                               "or native name, or the key."))
    dossier.add_argument("partner", metavar=_("PARTNER"), help=_("the partner's name or key"))
    _report_options(dossier)
    dossier.set_defaults(handler=cmd_report_dossier)
    annual = reports.add_parser("annual", help=_("the annual cooperation summary"),
                                description=_("The year's cooperation in figures and records, for "
                                              "the City Council, compared with the year before."))
    annual.add_argument("year", type=_positive_int, metavar=_("YEAR"), help=_("the year"))
    _report_options(annual)
    annual.set_defaults(handler=cmd_report_annual)
    gifts = reports.add_parser("gifts", help=_("an extract of the gifts register"),
                               description=_("Gifts given and received, of one year or of all years."))
    gifts.add_argument("--year", type=_positive_int, metavar=_("YEAR"), help=_("only this year"))
    _report_options(gifts)
    gifts.set_defaults(handler=cmd_report_gifts)

    imp = commands.add_parser("import", help=_("merge a file into the database"),
                              description=_("Merge a file into the database: a dataset (JSON), a "
                                            "spreadsheet (CSV, XLSX; column headers in Polish or "
                                            "English), people (vCard) or visits (iCalendar). Known "
                                            "records are updated, new ones added; rows that look "
                                            "like records already there are shown and left out "
                                            "unless --duplicates says otherwise. The plan is printed "
                                            "first; nothing is written if any row is wrong."))
    imp.add_argument("file", metavar=_("FILE"), help=_("file to import"))
    imp.add_argument("--dry-run", action="store_true",
                     help=_("check the file and report what would change, writing nothing"))
    imp.add_argument("--kind", metavar=_("KIND"),
                     help=_("which records a CSV file holds, if its columns do not tell"))
    imp.add_argument("--duplicates", choices=["skip", "merge", "add"],
                     help=_("what to do with rows that look like records already there: leave them "
                            "out, merge them into those records, or add them as new ones"))
    imp.add_argument("--skip-rejected", action="store_true",
                     help=_("import the other rows when some are rejected"))
    imp.set_defaults(handler=cmd_import)

    from krakow_desk.cli_maintenance import add_commands
    add_commands(commands)   # backup, restore, check

    from krakow_desk import cli_demo
    cli_demo.add_parser(commands, _positive_int)

    from krakow_desk import cli_history
    cli_history.add_commands(commands, _positive_int)   # history, person export / erase
    return parser


def _report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar=_("FILE"), help=_("PDF file to write"))
    parser.add_argument("--lang", dest="report_lang", choices=LANGUAGES,
                        help=_("language of the report (pl or en; default: the interface's)"))


def _output_file(text: str) -> Path:
    output = Path(text)
    if output.is_dir():
        raise UserError(_("{path} is a folder; give a file name").format(path=output))
    return output


def _open_desk(args: argparse.Namespace):  # noqa: ANN202
    """An existing, up-to-date database; only ``init`` creates one."""
    from krakow_desk.services.desk import Desk
    return Desk.open(args.db)


def cmd_init(args: argparse.Namespace) -> int:
    from krakow_desk.services.setup import open_ready

    from krakow_desk.cli_maintenance import writing

    with writing(args.db) as verify:
        desk, report = open_ready(args.db, empty=args.empty, verify=verify)
        with desk:
            if report is not None:
                print(_("Database ready with Krakow's data ({count} records): {url}").format(
                    count=report.total_changed, url=desk.url))
            elif desk.is_empty():
                print(_("Database ready (empty): {url}").format(url=desk.url))
            else:
                print(_("Database is up to date and already holds data: {url}").format(url=desk.url))
    return EXIT_OK


def cmd_records(args: argparse.Namespace) -> int:
    from krakow_desk.services.records import records_json

    with _open_desk(args) as desk:
        records = desk.records()
    if args.json:
        print(json.dumps(records_json(records), ensure_ascii=False, indent=2))
    else:
        from krakow_desk.records_text import render
        print(render(records))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with _open_desk(args) as desk:
        hits = desk.search(args.text, limit=args.limit)
    if args.json:
        print(json.dumps([hit.as_json() for hit in hits], ensure_ascii=False, indent=2))
    elif not hits:
        print(_("Nothing found for '{text}'.").format(text=args.text))
    else:
        print(_search_table(hits))
    return EXIT_OK


def _search_table(hits: list) -> str:
    from krakow_desk.services.errors import kind_name
    from krakow_desk.text_table import clip, columns
    from krakow_desk.titles import partner_name

    rows = [(_("kind"), _("title"), _("partner"), _("key"))]
    for hit in hits:
        partner = ""
        if hit.partner and hit.kind != "partner":   # a partner's own row would only repeat its name
            partner = partner_name(hit.partner)
        rows.append((kind_name(hit.kind), clip(" ".join(hit.title.split()), 60), partner, hit.id))
    return "\n".join(columns(rows, rule=True))


def cmd_agenda(args: argparse.Namespace) -> int:
    with _open_desk(args) as desk:
        agenda = desk.agenda(days=args.days)
    if args.json:
        print(json.dumps(agenda.as_json(), ensure_ascii=False, indent=2))
    else:
        print(_agenda_text(agenda))
    return EXIT_OK


def _agenda_text(agenda) -> str:  # noqa: ANN001
    from krakow_desk.formatting import format_date
    from krakow_desk.text_table import columns
    from krakow_desk.titles import partner_name

    if agenda.days == 0:
        heading = _("Agenda for today, {date}").format(date=format_date(agenda.today))
    else:
        heading = ngettext("Agenda for the next {n} day, {start} to {end}",
                           "Agenda for the next {n} days, {start} to {end}", agenda.days).format(
            n=agenda.days, start=format_date(agenda.today), end=format_date(agenda.until))
    lines = [heading]
    for _name, title, items in agenda.lists():
        lines += ["", title]
        if not items:
            lines.append("  " + _("nothing"))
            continue
        lines += columns([(format_date(item.date, item.precision) if item.date else "—",
                           partner_name(item.partner), " ".join(item.title.split()))
                          for item in items], indent="  ")
    return "\n".join(lines)


def _write_report(args: argparse.Namespace, write: Callable[..., None], subject: Callable[..., object]) -> int:
    """Open the database, write the report about ``subject(desk)`` in its language, say where."""
    output = _output_file(args.output)
    with _open_desk(args) as desk:
        write(desk, subject(desk), output, args.report_lang or language())
    print(_("Written to {path}").format(path=output))
    return EXIT_OK


def cmd_report_briefing(args: argparse.Namespace) -> int:
    from krakow_desk.reports.briefing import write_briefing
    return _write_report(args, write_briefing, lambda desk: args.visit)


def cmd_report_dossier(args: argparse.Namespace) -> int:
    from krakow_desk.reports.dossier import write_dossier
    return _write_report(args, write_dossier, lambda desk: desk.find_partner(args.partner).key)


def cmd_report_annual(args: argparse.Namespace) -> int:
    from krakow_desk.reports.annual import write_annual
    return _write_report(args, write_annual, lambda desk: args.year)


def cmd_report_gifts(args: argparse.Namespace) -> int:
    from krakow_desk.reports.gifts import write_gifts_extract
    return _write_report(args, write_gifts_extract, lambda desk: args.year)


def cmd_export(args: argparse.Namespace) -> int:
    from krakow_desk.exchange.files import export_file

    output = _output_file(args.output)
    if args.kind and args.format not in ("csv", "xlsx"):
        raise UserError(_("a {format} file holds one kind of record; leave out '{kind}'").format(
            format=args.format, kind=args.kind))
    with _open_desk(args) as desk:
        exported = export_file(desk, args.format, output, args.kind)
    print("\n".join(exported.summary()))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from krakow_desk.exchange.files import read_file
    from krakow_desk.plan_text import render_plan
    from krakow_desk.cli_maintenance import writing
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.import_plan import apply_import, decide_all, plan_import

    path = Path(args.file)
    contents = read_file(path, args.kind)
    # The file's lock is held from the plan to the write (a dry run writes nothing: no lock).
    with writing(args.db, needed=not args.dry_run) as verify, Desk.open(args.db, verify=verify) as desk:
        plan = plan_import(desk, contents)
        print("\n".join(render_plan(plan, path.name)))
        if args.dry_run:
            print(_("Dry run: nothing was written."))
            return EXIT_OK
        if plan.rejected and not args.skip_rejected:
            raise UserError(_("nothing was imported: correct the rejected rows, or give "
                              "--skip-rejected to import the others"))
        if plan.duplicates and args.duplicates is None:
            raise UserError(_("nothing was imported: say what to do with the rows that look like "
                              "records already there (--duplicates skip, merge or add)"))
        report = apply_import(desk, plan, decide_all(plan, args.duplicates or "skip"),
                              skip_rejected=args.skip_rejected)
    print()
    for name in COLLECTIONS:
        if name not in report.created and name not in report.updated and name not in report.unchanged:
            continue
        print(_("{collection}: {created} new, {updated} updated, {unchanged} unchanged").format(
            collection=_(COLLECTIONS[name]), created=report.created.get(name, 0),
            updated=report.updated.get(name, 0), unchanged=report.unchanged.get(name, 0)))
    return EXIT_OK


def cmd_window(args: argparse.Namespace) -> int:
    from krakow_desk.ui.app import run
    return run(args.db, args.lang)


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Arguments that are not UTF-8 reach Python as lone surrogates; echoed back ("Nothing found
    # for ...") they must print escaped, as they do on stderr, not raise UnicodeEncodeError.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    language = _language_from_argv(argv)
    set_language(language if language in LANGUAGES else "pl")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", cmd_window)
    from krakow_desk.services.errors import DeskError
    try:
        return handler(args)
    except (DeskError, UserError) as error:
        print(_("krakow-desk: error: {message}").format(message=getattr(error, "message", str(error))),
              file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
