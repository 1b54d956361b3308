"""Gathering the facts the records are computed from."""

from datetime import date
from typing import TYPE_CHECKING

from krakow_desk.domain.records import RECORD_FIGURES, PartnerFacts, Records, compute

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk


def compute_records(desk: "Desk", as_of: date) -> Records:
    documents: dict[str, list] = {}
    for agreement in desk.agreements.all():
        if agreement.signed_on is not None:
            documents.setdefault(agreement.partner, []).append(agreement.signed_on)
    facts = [
        PartnerFacts(
            key=p.key, name=p.name, name_en=p.name_en, latitude=p.latitude, longitude=p.longitude,
            population=p.population, area_km2=p.area_km2, elevation_m=p.elevation_m,
            is_capital=p.is_capital,
            statuses=p.statuses,
            documents=tuple(documents.get(p.key, ())),
        )
        for p in desk.partners.all()
    ]
    home = desk.home()
    return compute(facts, (home.latitude, home.longitude) if home else None, as_of)


def records_json(records: Records) -> dict:
    """The records as DESIGN.md §4 gives them for ``records --json``."""
    result: dict = {}
    for name, figure in RECORD_FIGURES:
        holder = getattr(records, name)
        result[name] = None if holder is None else {"name": holder.name, "name_en": holder.name_en,
                                                    figure: holder.value}
    result["capitals"] = [{"name": h.name, "name_en": h.name_en} for h in records.capitals]
    return result
