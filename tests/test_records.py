"""The partnership records, on constructed facts and on Krakow's data."""

from datetime import date

import pytest

from krakow_desk.domain.enums import PartnerStatusKind as S
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.records import PartnerFacts, compute, status_on
from krakow_desk.domain.schema import StatusData
from krakow_desk.services.desk import Desk
from krakow_desk.services.records import records_json

KRAKOW = (50.06143, 19.93658)
D = FuzzyDate.parse


def facts(key: str, lat: float, lon: float, **extra: object) -> PartnerFacts:
    return PartnerFacts(key=key, name=key.title(), name_en=key.title(), latitude=lat, longitude=lon, **extra)


def test_each_record_goes_to_the_right_partner() -> None:
    partners = [
        facts("near", 49.0, 21.0, population=200_000, area_km2=240.0, elevation_m=200, documents=(D("1990-05-01"),)),
        facts("far", -33.0, -70.0, population=5_000_000, area_km2=640.0, elevation_m=550, is_capital=True,
              documents=(D("1973"),)),
        facts("north", 63.4, 10.4, population=20_000, area_km2=6.0, elevation_m=10, documents=(D("2016-06-02"),)),
        facts("equator", -0.2, -78.5, population=1_000_000, elevation_m=2850),
    ]
    records = compute(partners, KRAKOW, date(2020, 1, 1))
    assert records.nearest.key == "near" and 130 < records.nearest.value < 150
    assert records.farthest.key == "far"
    assert records.most_populous.key == "far" and records.least_populous.key == "north"
    assert records.smallest_area.key == "north" and records.largest_area.key == "far"
    assert records.highest.key == "equator" and records.highest.value == 2850
    assert records.northernmost.key == "north" and records.southernmost.key == "far"
    assert records.closest_to_equator.key == "equator" and records.closest_to_equator.value == -0.2
    assert records.oldest.key == "far" and records.oldest.value == "1973"
    assert records.youngest.key == "north" and records.youngest.value == "2016-06-02"
    assert [c.key for c in records.capitals] == ["far"]


def test_ended_or_suspended_cooperation_drops_out_and_history_still_counts() -> None:
    near = facts("near", 49.0, 21.0, statuses=(StatusData(status=S.ACTIVE, since=D("1990")), StatusData(status=S.ENDED, since=D("2010-03"))))
    other = facts("other", 52.5, 13.4)
    assert compute([near, other], KRAKOW, date(2009, 6, 1)).nearest.key == "near"
    assert compute([near, other], KRAKOW, date(2015, 1, 1)).nearest.key == "other"
    assert compute([near, other], KRAKOW, date(2015, 1, 1)).considered == 1


def test_status_periods_use_the_whole_of_a_partial_date() -> None:
    periods = (StatusData(status=S.ACTIVE, since=D("1990"), until=D("2004")), StatusData(status=S.DORMANT, since=D("2005")))
    assert status_on(periods, date(2004, 12, 31)) is S.ACTIVE
    assert status_on(periods, date(2005, 1, 1)) is S.DORMANT
    assert status_on(periods, date(1989, 12, 31)) is None


def test_documents_signed_after_the_date_do_not_count() -> None:
    young = facts("young", 49.0, 21.0, documents=(D("2016-06-02"),))
    old = facts("old", 40.0, 20.0, documents=(D("1973-07-18"),))
    assert compute([young, old], KRAKOW, date(2000, 1, 1)).youngest.key == "old"


def test_no_data_gives_no_record() -> None:
    records = compute([PartnerFacts("bare", "Bare", None)], None, date(2020, 1, 1))
    assert records.nearest is None and records.most_populous is None and records.capitals == ()


def test_krakow_records(krakow: Desk) -> None:
    records = krakow.records(date(2026, 11, 22))
    result = records_json(records)
    assert set(result) == {"nearest", "farthest", "most_populous", "least_populous", "smallest_area",
                           "largest_area", "highest", "northernmost", "southernmost",
                           "closest_to_equator", "oldest", "youngest", "capitals"}
    assert result["nearest"] == {"name": "Koszyce", "name_en": "Košice", "km": pytest.approx(177, abs=3)}
    assert result["farthest"]["name"] == "La Serena" and 12_400 < result["farthest"]["km"] < 12_700
    assert result["smallest_area"] == {"name": "Solura", "name_en": "Solothurn", "km2": 6}
    assert result["highest"] == {"name": "Cusco", "name_en": "Cusco", "elevation_m": 3326}
    assert result["northernmost"]["name_en"] == "Trondheim"
    assert result["southernmost"]["name_en"] == "La Serena"
    assert result["closest_to_equator"]["name_en"] == "Quito"
    assert result["oldest"] == {"name": "Rochester", "name_en": "Rochester", "date": "1973-07-18"}
    assert result["youngest"] == {"name": "Ołomuniec", "name_en": "Olomouc", "date": "2016-06-02"}
    capitals = {c["name_en"] for c in result["capitals"]}
    assert {"Bratislava", "Budapest", "Kyiv", "Quito", "Rome", "Tbilisi", "Vienna", "Vilnius"} <= capitals


def test_a_new_nearer_partner_takes_the_record(krakow: Desk) -> None:
    krakow.partners.create({"key": "tarnow-test", "name": "Nowe Miasto", "country": "SK",
                            "latitude": 49.5, "longitude": 20.5})
    assert krakow.records().nearest.key == "tarnow-test"


def test_ending_cooperation_moves_the_record(krakow: Desk) -> None:
    kosice = krakow.partners.get("kosice")
    statuses = [s.model_dump() for s in kosice.statuses] + [{"status": "ended", "since": "2020-01-01"}]
    krakow.partners.update("kosice", {**kosice.model_dump(), "statuses": statuses})
    nearest = krakow.records(date(2026, 1, 1)).nearest
    assert nearest.key != "kosice"
    assert krakow.records(date(2019, 1, 1)).nearest.key == "kosice"
