"""An import plan as text, for the command line: what would be added, updated, left alone,
rejected (with line and reason) and asked about."""

from krakow_desk.services.incoming import place
from krakow_desk.exchange.columns import field_header
from krakow_desk.i18n import _, ngettext
from krakow_desk.services.import_plan import KIND_BY_NAME, Duplicate, ImportPlan

def duplicate_text(duplicate: Duplicate) -> str:
    """'Kiev' looks like 'Kijów' (kijow): another name of the same city — for people."""
    how = {
        "name": _("the same name"), "other-name": _("one of its other names"),
        "alias": _("another name of the same place"),
        "similar": _("a similar spelling ({score}%)").format(score=duplicate.match.score),
    }.get(duplicate.match.how, _("the same record"))
    return _("'{label}' looks like '{match}' ({key}): {how}").format(
        label=duplicate.incoming.label, match=duplicate.match_label, key=duplicate.match.key, how=how)


def render_plan(plan: ImportPlan, name: str) -> list[str]:
    lines = [_("Import plan for {file}:").format(file=name)]
    counts = plan.counts()
    if not counts and not plan.duplicates:
        lines.append("  " + _("nothing to import"))
    for kind, bucket in counts.items():
        lines.append("  " + _("{kind}: {add} to add, {update} to update, {unchanged} unchanged").format(
            kind=_(KIND_BY_NAME[kind].plural).replace("_", " "), add=bucket["add"], update=bucket["update"], unchanged=bucket["unchanged"]))
    updates = plan.of("update")
    if updates:
        lines += ["", _("To update:")]
        for planned in updates[:50]:
            lines.append("  " + _("{where}: {label} ({fields})").format(
                where=place(planned.line, planned.sheet), label=planned.label,
                fields=", ".join(field_header(planned.kind, name) for name in planned.changed)))
        if len(updates) > 50:
            lines.append("  " + _("… and {n} more").format(n=len(updates) - 50))
    if plan.rejected:
        lines += ["", ngettext("{n} row rejected:", "{n} rows rejected:", len(plan.rejected)).format(
            n=len(plan.rejected))]
        lines += [f"  {problem.where()}: {problem.message}" for problem in plan.rejected]
    if plan.warnings:
        lines += ["", _("Left out:")]
        lines += [f"  {problem.where()}: {problem.message}" for problem in plan.warnings]
    if plan.duplicates:
        lines += ["", ngettext("{n} row looks like a record already there:",
                               "{n} rows look like records already there:", len(plan.duplicates)).format(
            n=len(plan.duplicates))]
        lines += [f"  {place(d.incoming.line, d.incoming.sheet)}: {duplicate_text(d)}" for d in plan.duplicates]
    return lines
