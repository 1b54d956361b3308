"""Loading a whole dataset into the database (merging by natural key) and exporting one."""

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.services import shapes
from krakow_desk.services.collection import Collection
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DatasetError, from_validation
from krakow_desk.services.mapping import KeyCache, require_source
from krakow_desk.store import search_index


@dataclass
class ImportReport:
    """Per collection, how many records an import creates, updates and leaves as they were."""
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def count(self, bucket: dict[str, int], name: str) -> None:
        bucket[name] = bucket.get(name, 0) + 1

    @property
    def total_changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


def parse_dataset(raw: Any) -> s.Dataset:
    """Validate a dataset; the first problem is reported with the record and field it is in."""
    if not isinstance(raw, dict):
        raise DatasetError("not a Krakow Desk dataset: the file must hold a JSON object")
    try:
        return s.Dataset.model_validate(raw)
    except ValidationError as error:
        loc = error.errors()[0]["loc"]
        if len(loc) >= 2 and isinstance(loc[1], int):
            collection, index = str(loc[0]), loc[1]
            item = raw.get(collection, [])[index] if isinstance(raw.get(collection), list) else None
            key = item.get("key") if isinstance(item, dict) else None
            raise from_validation(collection, error, key or f"#{index + 1}", skip=2) from None
        raise from_validation("dataset", error) from None


class _DryRun(Exception):
    """Raised inside the import's transaction to roll a dry run back."""


def import_dataset(desk: Desk, dataset: s.Dataset, *, dry_run: bool = False) -> ImportReport:
    """Merge a dataset: a known key updates its record, a new key creates one. All or nothing."""
    report = ImportReport(dry_run=dry_run)
    try:
        with desk.writing() as session, search_index.deferred(session):
            keys = KeyCache(session)
            for kind in shapes.KINDS:
                _import_kind(session, keys, getattr(desk, kind.plural), getattr(dataset, kind.plural), report)
            _import_figures(session, keys, dataset.yearly_figures, report)
            if dataset.home is not None:
                Desk.write_home(session, dataset.home, desk.actor)
            session.flush()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _import_kind(session, keys: KeyCache, collection: Collection, records: list, report: ImportReport) -> None:
    kind = collection.kind
    table = kind.shape.table
    deferred = []
    for record in records:
        existing = session.scalar(sa.select(table).where(table.key == record.key))
        outcome = collection.write(session, keys, record, existing, defer_self_ref=True)
        if outcome != "unchanged" and kind.self_ref and getattr(record, kind.self_ref) is not None:
            deferred.append(record)
        report.count(getattr(report, outcome), kind.plural)
    # Records of a kind may point at each other in any order: link them once all exist.
    for record in deferred:
        collection.set_self_ref(session, keys, record)


def _import_figures(session, keys: KeyCache, figures: list[s.YearlyFigureData], report: ImportReport) -> None:
    for figure in figures:
        row = session.scalar(sa.select(t.YearlyFigure).where(
            t.YearlyFigure.year == figure.year, t.YearlyFigure.metric == figure.metric))
        require_source(keys, figure.source, "yearly figure", f"{figure.year}/{figure.metric}", "source")
        values = figure.model_dump()
        if row is None:
            session.add(t.YearlyFigure(**values))
            report.count(report.created, "yearly_figures")
        elif s.YearlyFigureData.model_validate(row, from_attributes=True) != figure:
            for name, value in values.items():
                setattr(row, name, value)
            report.count(report.updated, "yearly_figures")
        else:
            report.count(report.unchanged, "yearly_figures")


def export_dataset(desk: Desk) -> s.Dataset:
    """The whole database as a dataset, every list in a stable order."""
    with desk.session() as session:
        keys = KeyCache(session)
        collections = {kind.plural: getattr(desk, kind.plural).list_in(session, keys) for kind in shapes.KINDS}
        figures = Desk.yearly_figures_in(session)
    return s.Dataset(home=desk.home(), yearly_figures=figures, **collections)
