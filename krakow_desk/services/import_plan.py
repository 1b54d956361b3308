"""An import in two steps: the plan (what each row of the file would do to the database, read
only) and its application (the whole plan in one transaction, or nothing).

Each record a reader found is matched to a stored one — by key, else by its natural key (a name,
a title and date, a reference number) — and merged onto it: the fields the file gives replace the
stored ones, the others stay. A record that matches none is added, unless it likely duplicates
one (an alias, a near spelling, the same name under another key): then the person decides, per
row, to skip it, merge it into the match, or add it anyway. A row that breaks a rule is rejected
with its line and the reason, naming the field.
"""

from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Optional

from krakow_desk.domain import schema as s
from krakow_desk.domain.text import slugify
from krakow_desk.services.incoming import FileContents, Incoming, Problem, place
from krakow_desk.i18n import _
from krakow_desk.services import shapes
from krakow_desk.services.collection import validate
from krakow_desk.services.dataset import ImportReport, import_dataset
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError, InvalidRecord, kind_name
from krakow_desk.services.matching import NAME_KINDS, Match, RecordIndex, record_label

Action = Literal["add", "update", "unchanged"]
Decision = Literal["skip", "merge", "add"]
KIND_BY_NAME = {kind.name: kind for kind in shapes.KINDS}
REFERENCES = {  # field → the kind its key names, per kind (lists of keys included)
    kind.name: {**{ref.field: ref.target_kind for ref in kind.shape.refs},
                **{child.field: child.target_kind for child in kind.shape.children
                   if hasattr(child, "target_kind")}}
    for kind in shapes.KINDS
}


@dataclass(frozen=True)
class Planned:
    """One record of the file as it would be written."""
    kind: str
    key: str
    action: Action
    record: s.Record
    line: int
    sheet: Optional[str] = None
    label: str = ""
    changed: tuple[str, ...] = ()      # the fields an update changes


@dataclass(frozen=True)
class Duplicate:
    """A new record that is likely one already there; ``merged`` is it merged into the match."""
    incoming: Planned
    match: Match
    match_label: str
    merged: Optional[Planned]


@dataclass
class ImportPlan:
    format: str
    records: list[Planned] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dataset: Optional[s.Dataset] = None      # the JSON dataset's home and yearly figures ride along

    def of(self, action: Action) -> list[Planned]:
        return [record for record in self.records if record.action == action]

    @property
    def rejected(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.rejected]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.rejected]

    def counts(self) -> dict[str, dict[str, int]]:
        """Per kind: how many records are added, updated, unchanged."""
        result: dict[str, dict[str, int]] = {}
        for record in self.records:
            bucket = result.setdefault(record.kind, {"add": 0, "update": 0, "unchanged": 0})
            bucket[record.action] += 1
        return result


def _from_dataset(dataset: s.Dataset) -> list[Incoming]:
    records = []
    for kind in shapes.KINDS:
        for index, record in enumerate(getattr(dataset, kind.plural), start=1):
            values = record.model_dump()
            records.append(Incoming(kind.name, values, index, kind.plural, record_label(kind.name, values)))
    return records


def _new_key(kind: str, values: dict[str, Any], taken: Callable[[str], bool]) -> str:
    if kind == "partner":
        base = slugify(values.get("name_en") or "") or slugify(values.get("name") or "")
    else:
        base = slugify(record_label(kind, values))
    base = base[:60].rstrip("-") or kind
    key, number = base, 2
    while taken(key):
        key, number = f"{base}-{number}", number + 1
    return key


class _Planner:
    def __init__(self, desk: Desk, calendar: bool = False) -> None:
        self.desk = desk
        self.calendar = calendar   # a calendar's programme holds only timed items, bare
        self.stored: dict[str, dict[str, s.Record]] = {}
        self.indexes: dict[str, RecordIndex] = {}
        self.planned: dict[str, dict[str, Planned]] = {}

    def _kind(self, name: str) -> dict[str, s.Record]:
        if name not in self.stored:
            records = getattr(self.desk, KIND_BY_NAME[name].plural).all()
            self.stored[name] = {record.key: record for record in records}
            index = RecordIndex(name)
            for record in records:
                values = record.model_dump()
                index.add(record.key, values, record_label(name, values))
            self.indexes[name] = index
            self.planned[name] = {}
        return self.stored[name]

    def known(self, kind: str, key: str) -> bool:
        return key in self._kind(kind) or key in self.planned[kind]

    def _resolve_references(self, item: Incoming, values: dict[str, Any]) -> None:
        """Keys of other records must exist (stored or earlier in the file); a partner may be
        given by its name, as people write it in a spreadsheet."""
        for name, target in REFERENCES[item.kind].items():
            if name not in values or values[name] in (None, []):
                continue
            many = isinstance(values[name], list)
            resolved = []
            for wanted in (values[name] if many else [values[name]]):
                wanted = str(wanted)
                key = wanted if self.known(target, wanted) else None
                if key is None and target in NAME_KINDS:
                    same = self.indexes[target].named(wanted)
                    key = next(iter(same)) if len(same) == 1 else None
                if key is None:
                    raise InvalidRecord(item.kind, name, _("no {kind} '{key}'").format(
                        kind=kind_name(target), key=wanted))
                resolved.append(key)
            values[name] = resolved if many else resolved[0]

    def plan(self, item: Incoming, plan: ImportPlan) -> None:
        stored = self._kind(item.kind)
        index = self.indexes[item.kind]
        values = dict(item.values)
        key = values.get("key")
        existing = stored.get(key) if key else None
        if key is None:
            same = {k for k in index.same(values) if k in stored}
            if len(same) == 1:
                key = next(iter(same))
                existing = stored[key]
        try:
            self._resolve_references(item, values)
            if key is None:
                key = _new_key(item.kind, values, lambda k: k in stored or k in self.planned[item.kind])
            if key in self.planned[item.kind]:
                earlier = self.planned[item.kind][key]
                raise InvalidRecord(item.kind, "key", _("the same record as {where}").format(
                    where=place(earlier.line, earlier.sheet)), key)
            planned = self._merge(item, key, existing, values)
        except DeskError as error:
            plan.problems.append(Problem(item.line, error.message, item.sheet, label=item.label))
            return
        if existing is None:
            match = index.likely(planned.record.model_dump(), besides=key)
            if match is not None and match.key in stored:
                plan.duplicates.append(self._duplicate(item, planned, match, values))
                return
        self.planned[item.kind][key] = planned
        index.add(key, planned.record.model_dump(), planned.label, fuzzy=False)
        plan.records.append(planned)

    def _merge(self, item: Incoming, key: str, existing: Optional[s.Record],
               values: dict[str, Any]) -> Planned:
        base = existing.model_dump() if existing is not None else {}
        if self.calendar and existing is not None and values.get("programme"):
            values = values | {"programme": calendar_programme(base["programme"], values["programme"])}
        record = validate(KIND_BY_NAME[item.kind], base | values | {"key": key})
        label = item.label or record_label(item.kind, record.model_dump())
        if existing is None:
            return Planned(item.kind, key, "add", record, item.line, item.sheet, label)
        changed = tuple(name for name in type(record).model_fields
                        if getattr(record, name) != getattr(existing, name))
        return Planned(item.kind, key, "update" if changed else "unchanged", record, item.line,
                       item.sheet, label, changed)

    def _duplicate(self, item: Incoming, planned: Planned, match: Match,
                   values: dict[str, Any]) -> Duplicate:
        values = {name: value for name, value in values.items() if name != "key"}
        try:
            merged: Optional[Planned] = self._merge(item, match.key, self.stored[item.kind][match.key], values)
        except DeskError:
            merged = None
        return Duplicate(planned, match, self.indexes[item.kind].labels.get(match.key, match.key), merged)


def calendar_programme(stored: list[dict[str, Any]], incoming: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A visit's programme from a calendar laid over the stored one: a calendar knows only the
    items with a day and a start time, and nothing of who is responsible or the notes. Those are
    kept from the stored item in the same slot, and the untimed items stay as they were."""
    by_slot = {(item["day"], item["start"]): item for item in stored if item["day"] and item["start"]}
    merged = []
    for item in incoming:
        before = by_slot.get((item.get("day"), item.get("start")), {})
        merged.append({"responsible": before.get("responsible"), "notes": before.get("notes")} | item)
    return merged + [item for item in stored if not (item["day"] and item["start"])]


def plan_import(desk: Desk, contents: FileContents) -> ImportPlan:
    """What importing ``contents`` would do; reads the database, writes nothing."""
    plan = ImportPlan(contents.format, problems=list(contents.problems), dataset=contents.dataset)
    incoming = list(contents.records)
    if contents.dataset is not None:
        incoming += _from_dataset(contents.dataset)
    order = {kind.name: position for position, kind in enumerate(shapes.KINDS)}
    planner = _Planner(desk, calendar=contents.format == "ical")
    # Records are planned kind by kind in dependency order, so that a gift may name a partner the
    # same file adds; within a kind, in the file's order.
    for item in sorted(incoming, key=lambda item: order[item.kind]):
        planner.plan(item, plan)
    plan.problems.sort(key=lambda problem: (problem.sheet or "", problem.line))
    return plan


def apply_import(desk: Desk, plan: ImportPlan, decisions: Optional[dict[int, Decision]] = None,
                 *, skip_rejected: bool = False, dry_run: bool = False) -> ImportReport:
    """Write the plan in one transaction. Likely duplicates are skipped unless ``decisions``
    (by their position in ``plan.duplicates``) says to merge or add them. A plan with rejected
    rows is refused unless ``skip_rejected``: nothing is half-imported by accident."""
    if plan.rejected and not skip_rejected:
        raise DeskError(_("rows that cannot be imported: {count}; correct them, or import the "
                          "others without them").format(count=len(plan.rejected)))
    chosen: list[Planned] = list(plan.records)
    for position, duplicate in enumerate(plan.duplicates):
        decision = (decisions or {}).get(position, "skip")
        if decision == "add":
            chosen.append(duplicate.incoming)
        elif decision == "merge":
            if duplicate.merged is None:
                raise DeskError(_("{label} cannot be merged into {match}: together they break a "
                                  "rule").format(label=duplicate.incoming.label, match=duplicate.match_label))
            chosen.append(duplicate.merged)
    collections: dict[str, list[s.Record]] = {}
    for planned in chosen:
        if planned.action != "unchanged":
            collections.setdefault(KIND_BY_NAME[planned.kind].plural, []).append(planned.record)
    dataset = s.Dataset(
        home=plan.dataset.home if plan.dataset else None,
        yearly_figures=plan.dataset.yearly_figures if plan.dataset else [],
        **collections)
    if not dry_run and (collections or dataset.home or dataset.yearly_figures) and not desk.is_empty():
        # Many records change at once: the data as it was is kept first (services.backups).
        from krakow_desk.services.backups import automatic_backup
        automatic_backup(desk, "before-import")
    report = import_dataset(desk, dataset, dry_run=dry_run)
    for planned in chosen:
        if planned.action == "unchanged":
            report.count(report.unchanged, KIND_BY_NAME[planned.kind].plural)
    return report


def decide_all(plan: ImportPlan, decision: Decision) -> dict[int, Decision]:
    return {position: decision for position in range(len(plan.duplicates))}
