"""The change-history and personal-data commands: `history`, `person export`, `person erase`.

Registered by cli.py; heavy modules are imported inside the commands.
"""

import argparse
import json

from krakow_desk.i18n import _

EXIT_OK = 0


def add_commands(commands: "argparse._SubParsersAction", positive_int) -> None:  # noqa: ANN001
    history = commands.add_parser("history", help=_("the change history"),
                                  description=_("Who changed what and when, newest first: of one "
                                                "record (KIND KEY, e.g. partner kyiv) or of all."))
    history.add_argument("kind", nargs="?", metavar=_("KIND"), help=_("the kind of record: partner, person, visit, …"))
    history.add_argument("key", nargs="?", metavar=_("KEY"), help=_("the record's key"))
    history.add_argument("--limit", type=positive_int, default=50, metavar="N",
                         help=_("show at most N changes (default: 50)"))
    history.add_argument("--json", action="store_true", help=_("print JSON instead of a listing"))
    history.set_defaults(handler=cmd_history)

    person = commands.add_parser("person", help=_("a person's personal data: export or erase"),
                                 description=_("Everything the office holds about one person, as "
                                               "JSON (export), or erasing it (erase): personal "
                                               "fields removed, the record kept as an anonymous link "
                                               "in visits, letters and the gifts register, and the "
                                               "person's values cleared from the change history."))
    actions = person.add_subparsers(dest="action", metavar=_("ACTION"), required=True)
    export = actions.add_parser("export", help=_("write everything held about a person as JSON"))
    export.add_argument("key", metavar=_("KEY"), help=_("the person's key"))
    export.add_argument("-o", "--output", required=True, metavar=_("FILE"), help=_("JSON file to write"))
    export.set_defaults(handler=cmd_person_export)
    erase = actions.add_parser("erase", help=_("erase a person's personal data"))
    erase.add_argument("key", metavar=_("KEY"), help=_("the person's key"))
    erase.add_argument("--yes", action="store_true", help=_("confirm: the erasure cannot be undone"))
    erase.set_defaults(handler=cmd_person_erase)


def cmd_history(args: argparse.Namespace) -> int:
    from krakow_desk.cli import UserError, _open_desk
    from krakow_desk.text_table import clip, columns

    if args.kind and not args.key:
        raise UserError(_("give the record's key after its kind, e.g. 'history partner kyiv'"))
    with _open_desk(args) as desk:
        entries = desk.history.of(args.kind, args.key)[:args.limit] if args.kind else desk.history.log(args.limit)
    if args.json:
        print(json.dumps([entry.as_json() for entry in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        print(_("No changes recorded."))
        return EXIT_OK
    rows = [(_("when (UTC)"), _("who"), _("record"), _("what"), _("changes"))]
    for entry in entries:
        fields = ", ".join(change.field for change in entry.changes)
        rows.append((entry.at.strftime("%Y-%m-%d %H:%M"), clip(entry.actor, 24),
                     clip(f"{entry.kind_name} {entry.key}", 40), entry.action_name, clip(fields, 50)))
    print("\n".join(columns(rows, rule=True)))
    return EXIT_OK


def cmd_person_export(args: argparse.Namespace) -> int:
    from krakow_desk.cli import _open_desk, _output_file

    output = _output_file(args.output)
    with _open_desk(args) as desk:
        written = desk.people.export_personal_data(args.key, output)
    print(_("Written to {path}").format(path=written))
    return EXIT_OK


def cmd_person_erase(args: argparse.Namespace) -> int:
    from krakow_desk.cli import UserError, _open_desk
    from krakow_desk.cli_maintenance import writing

    if not args.yes:
        raise UserError(_("erasing '{key}' cannot be undone; export the data first if it is needed, "
                          "then repeat with --yes").format(key=args.key))
    with writing(args.db), _open_desk(args) as desk:
        changes = desk.people.erase(args.key)
    new_key = next(key for kind, key in changes.updated if kind == "person")
    print(_("The personal data of '{key}' is erased; the record stays as '{new}'.").format(
        key=args.key, new=new_key))
    return EXIT_OK

