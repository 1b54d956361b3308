"""The calendar export: read back with icalendar's own parser, as a calendar program would."""

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar, Event

from krakow_desk.cli import main
from krakow_desk.exchange.ical import build_calendar, calendar_bytes, item_uid, write_calendar
from krakow_desk.domain.schema import VisitData
from krakow_desk.i18n import set_language
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError

STAMP = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
HOSTILE = '< & " ; , \\ \n Київ 南京 თბილისი فاس'


def _partners(desk: Desk) -> None:
    desk.partners.create({"key": "new-york", "name": "Nowy Jork", "name_en": "New York", "country": "US",
                          "timezone": "America/New_York"})
    desk.partners.create({"key": "kyiv", "name": "Kijów", "name_en": "Kyiv", "name_native": "Київ", "country": "UA",
                          "timezone": "Europe/Kyiv"})
    desk.partners.create({"key": "nowhere", "name": "Bez strefy", "country": "FR"})


def _visits(desk: Desk) -> None:
    _partners(desk)
    desk.people.create({"key": "kovalenko", "given_name": "Ołena", "family_name": "Kowalenko", "title": "dr",
                        "languages": ["uk"]})
    desk.visits.create({
        "key": "kyiv-2025-03", "direction": "incoming", "partners": ["kyiv"], "status": "confirmed",
        "kind": "official", "title": "Wizyta mera Kijowa", "purpose": "Rozmowy o współpracy",
        "start_on": "2025-03-10", "end_on": "2025-03-12", "place": "Kraków",
        "participants": [{"name": "Jan Nowak", "side": "host", "role": "prezydent"},
                         {"person": "kovalenko", "side": "guest", "role": "wicemer", "precedence": 1}],
        "programme": [
            {"day": "2025-03-10", "start": "09:00", "end": "10:00", "place": "Urząd Miasta",
             "activity": "Powitanie", "responsible": "Biuro Protokołu"},
            {"day": "2025-03-11", "activity": "Zwiedzanie Wawelu"},       # no time: description only
            {"activity": "Kolacja pożegnalna", "notes": "termin do ustalenia"},  # no day: description only
        ],
        "accommodation": "Hotel Pod Różą"})
    desk.visits.create({
        "key": "ny-2025-03", "direction": "outgoing", "partners": ["new-york"], "status": "planned",
        "title": "Wyjazd do Nowego Jorku", "start_on": "2025-03-10", "place": "New York",
        "programme": [{"day": "2025-03-10", "start": "09:00", "end": "10:30", "activity": "Spotkanie w ratuszu"}]})
    desk.visits.create({
        "key": "nowhere-2025", "direction": "outgoing", "partners": ["nowhere"], "status": "cancelled",
        "title": "Wyjazd odwołany", "start_on": "2025-06-01", "end_on": "2025-06-01",
        "programme": [{"day": "2025-06-01", "start": "12:00", "activity": "Obiad"}]})
    desk.visits.create({"key": "curitiba-2003", "direction": "incoming", "title": "Delegacja", "start_on": "2003"})
    desk.events.create({"key": "days-2004", "title": "Dni Krakowa", "start_on": "2004-05", "kind": "city_presentation"})
    desk.events.create({"key": "undated", "title": "Bez daty"})
    desk.events.create({"key": "fair-2025", "title": "Targi", "kind": "fair", "start_on": "2025-04-01",
                        "end_on": "2025-04-03", "place": "Frankfurt", "partners": ["kyiv"],
                        "domains": ["economy", "tourism"], "organisers": "Wydział Promocji"})


def _read(data: bytes) -> dict[str, Event]:
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)), "every entry has its own UID"
    return dict(zip(uids, events))


def _export(desk: Desk, tmp_path: Path, name: str = "out.ics") -> tuple[Any, dict[str, Event]]:
    result = write_calendar(desk, tmp_path / name, stamp=STAMP)
    return result, _read((tmp_path / name).read_bytes())


def test_visits_events_and_programme_items_become_entries(desk: Desk, tmp_path: Path) -> None:
    _visits(desk)
    result, entries = _export(desk, tmp_path)
    assert result.entries == len(entries) == 7   # 3 visits, 3 programme items with a time, 1 event
    visit = entries["visit-kyiv-2025-03@krakow-desk"]
    assert str(visit["SUMMARY"]) == "Wizyta mera Kijowa" and str(visit["LOCATION"]) == "Kraków"
    # all-day: a DATE, and DTEND the day after the last (exclusive)
    assert visit.start == date(2025, 3, 10) and not isinstance(visit.start, datetime)
    assert visit.end == date(2025, 3, 13)
    assert [str(c) for c in visit["CATEGORIES"].cats] == ["wizyta", "wizyta oficjalna"]
    assert visit["DTSTAMP"].dt == STAMP
    description = str(visit["DESCRIPTION"])
    assert description.startswith("Rozmowy o współpracy\n\nPartnerzy: Kijów\n")
    # participants by side and precedence, programme by day, then the day-less items
    assert description.index("dr Ołena Kowalenko, wicemer") < description.index("Jan Nowak, prezydent")
    for text in ("10 marca 2025\n– 09:00–10:00 Powitanie, Urząd Miasta\n  Odpowiada: Biuro Protokołu",
                 "11 marca 2025\n– Zwiedzanie Wawelu", "Bez daty:\n– Kolacja pożegnalna\n  termin do ustalenia",
                 "Zakwaterowanie: Hotel Pod Różą"):
        assert text in description, text

    event = entries["event-fair-2025@krakow-desk"]
    assert (event.start, event.end) == (date(2025, 4, 1), date(2025, 4, 4))
    assert [str(c) for c in event["CATEGORIES"].cats] == ["wydarzenie", "targi", "gospodarka", "turystyka"]
    assert "Organizatorzy: Wydział Promocji" in str(event["DESCRIPTION"])
    assert "STATUS" not in event  # events have no status of their own


def test_statuses(desk: Desk, tmp_path: Path) -> None:
    _visits(desk)
    _, entries = _export(desk, tmp_path)
    assert entries["visit-kyiv-2025-03@krakow-desk"]["STATUS"] == "CONFIRMED"
    assert entries["visit-ny-2025-03@krakow-desk"]["STATUS"] == "TENTATIVE"
    assert entries["visit-nowhere-2025@krakow-desk"]["STATUS"] == "CANCELLED"
    # a programme item shares its visit's fate, so cancelling a visit cancels its items too
    assert entries[item_uid("nowhere-2025", date(2025, 6, 1), datetime(1, 1, 1, 12).time())]["STATUS"] == "CANCELLED"
    desk.visits.update("kyiv-2025-03", {**desk.visits.get("kyiv-2025-03").model_dump(), "status": "done"})
    _, entries = _export(desk, tmp_path)
    assert entries["visit-kyiv-2025-03@krakow-desk"]["STATUS"] == "CONFIRMED"


def test_time_zones_of_programme_items(desk: Desk, tmp_path: Path) -> None:
    _visits(desk)
    _, entries = _export(desk, tmp_path)
    data = (tmp_path / "out.ics").read_bytes()
    # trip abroad: the partner's zone; 9:00 in New York on 10 March 2025 is already daylight time
    abroad = entries["visit-ny-2025-03.item-20250310-0900@krakow-desk"]
    assert abroad["DTSTART"].params["TZID"] == "America/New_York"
    assert abroad.start.astimezone(timezone.utc) == datetime(2025, 3, 10, 13, 0, tzinfo=timezone.utc)
    assert abroad.end - abroad.start == timedelta(minutes=90)
    assert str(abroad["RELATED-TO"]) == "visit-ny-2025-03@krakow-desk"
    # visit to Krakow: Warsaw time (still winter time, UTC+1)
    home = entries["visit-kyiv-2025-03.item-20250310-0900@krakow-desk"]
    assert home["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert home.start.astimezone(timezone.utc) == datetime(2025, 3, 10, 8, 0, tzinfo=timezone.utc)
    assert str(home["LOCATION"]) == "Urząd Miasta" and str(home["SUMMARY"]) == "Powitanie"
    assert "W ramach: Wizyta mera Kijowa" in str(home["DESCRIPTION"])
    # a partner without a time zone: Warsaw; an item without an end: a moment, no DTEND
    lunch = entries["visit-nowhere-2025.item-20250601-1200@krakow-desk"]
    assert lunch["DTSTART"].params["TZID"] == "Europe/Warsaw" and "DTEND" not in lunch
    # never floating: every timed value has its zone, and every zone its VTIMEZONE, before the events
    assert all(e.start.tzinfo is not None for e in entries.values() if isinstance(e.start, datetime))
    calendar = Calendar.from_ical(data)
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York", "Europe/Warsaw"]
    assert calendar.get_missing_tzids() == set()
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")


def test_partial_and_missing_dates_are_left_out_and_counted(desk: Desk, tmp_path: Path) -> None:
    _visits(desk)
    result, entries = _export(desk, tmp_path)
    assert result.skipped_visits == ("curitiba-2003",)
    assert result.skipped_events == ("days-2004", "undated")
    assert result.skipped == 3
    assert not any("curitiba" in uid or "days-2004" in uid for uid in entries)


def test_an_end_known_only_to_the_month(desk: Desk, tmp_path: Path) -> None:
    desk.events.create({"key": "expo", "title": "Expo", "start_on": "2025-05-28", "end_on": "2025-06"})
    _, entries = _export(desk, tmp_path)
    expo = entries["event-expo@krakow-desk"]
    assert (expo.start, expo.end) == (date(2025, 5, 28), date(2025, 5, 29))
    assert "czerwiec 2025" in str(expo["DESCRIPTION"])


def test_hostile_and_native_text_round_trips(desk: Desk, tmp_path: Path) -> None:
    _partners(desk)
    desk.visits.create({"key": "hostile", "direction": "outgoing", "partners": ["kyiv"], "start_on": "2025-09-01",
                        "title": HOSTILE, "place": HOSTILE, "purpose": HOSTILE,
                        "programme": [{"day": "2025-09-01", "start": "10:00", "activity": HOSTILE,
                                       "place": "Київ, вул. Хрещатик, 36", "notes": "a\tb\x0bc\r\nd"}]})
    desk.events.create({"key": "native", "title": "南京 • თბილისი • فاس" * 8, "start_on": "2025-09-02"})
    _, entries = _export(desk, tmp_path)
    visit = entries["visit-hostile@krakow-desk"]
    assert str(visit["SUMMARY"]) == HOSTILE and str(visit["LOCATION"]) == HOSTILE
    assert str(visit["DESCRIPTION"]).startswith(HOSTILE + "\n\n")
    item = entries["visit-hostile.item-20250901-1000@krakow-desk"]
    assert str(item["SUMMARY"]) == HOSTILE and str(item["LOCATION"]) == "Київ, вул. Хрещатик, 36"
    assert item["DTSTART"].params["TZID"] == "Europe/Kyiv"
    assert str(item["DESCRIPTION"]).endswith("a\tbc\nd")  # control characters dropped, line breaks kept
    # other control characters never reach the calendar (NUL is refused when a record is entered)
    record = VisitData(key="esc", direction="incoming", title="a\x1bb\x07c", start_on="2025-09-01")
    assert str(_read(calendar_bytes([record], [], [], stamp=STAMP))["visit-esc@krakow-desk"]["SUMMARY"]) == "abc"
    # long lines are folded without splitting a character
    assert str(entries["event-native@krakow-desk"]["SUMMARY"]) == "南京 • თბილისი • فاس" * 8
    raw = (tmp_path / "out.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    raw.decode("utf-8")


def test_uids_stay_when_records_are_edited(desk: Desk, tmp_path: Path) -> None:
    _visits(desk)
    _, before = _export(desk, tmp_path, "before.ics")
    visit = desk.visits.get("kyiv-2025-03").model_dump()
    welcome = visit["programme"][0]
    # a new first item, the old ones reordered, the welcome's text and end changed, the title too
    visit["programme"] = [
        {"day": "2025-03-10", "start": "08:00", "activity": "Śniadanie"},
        {"day": "2025-03-10", "start": "09:00", "activity": "Narada"},   # a second item in the same slot
        *reversed(visit["programme"][1:]),
        {**welcome, "activity": "Powitanie w Sali Obrad", "end": "10:30"},
    ]
    visit["title"] = "Wizyta mera Kijowa (zmieniona)"
    desk.visits.update("kyiv-2025-03", visit)
    _, after = _export(desk, tmp_path, "after.ics")

    assert set(before) <= set(after)       # nothing is duplicated under a new UID
    assert str(after["visit-kyiv-2025-03@krakow-desk"]["SUMMARY"]) == "Wizyta mera Kijowa (zmieniona)"
    slot = "visit-kyiv-2025-03.item-20250310-0900"
    assert str(after[f"{slot}@krakow-desk"]["SUMMARY"]) == "Narada"
    assert str(after[f"{slot}-2@krakow-desk"]["SUMMARY"]) == "Powitanie w Sali Obrad"
    assert set(after) - set(before) == {f"{slot}-2@krakow-desk", "visit-kyiv-2025-03.item-20250310-0800@krakow-desk"}


def test_same_data_gives_the_same_file(desk: Desk, tmp_path: Path) -> None:
    _visits(desk)
    visits, events, partners, people = (desk.visits.all(), desk.events.all(), desk.partners.all(),
                                        desk.people.all())
    first = calendar_bytes(visits, events, partners, people, stamp=STAMP)
    again = calendar_bytes(list(reversed(visits)), list(reversed(events)), partners, people, stamp=STAMP)
    assert first == again
    later = calendar_bytes(visits, events, partners, people, stamp=STAMP + timedelta(days=1))
    assert first.replace(b"DTSTAMP:20250102", b"DTSTAMP:20250103") == later


def test_text_follows_the_language(desk: Desk) -> None:
    _visits(desk)
    set_language("en")
    result = build_calendar(desk.visits.all(), desk.events.all(), desk.partners.all(), stamp=STAMP)
    entries = _read(result.content)
    visit = entries["visit-kyiv-2025-03@krakow-desk"]
    assert "Partners: Kyiv" in str(visit["DESCRIPTION"]) and "10 March 2025" in str(visit["DESCRIPTION"])
    assert [str(c) for c in visit["CATEGORIES"].cats] == ["visit", "official visit"]


def test_an_unwritable_file_is_a_readable_error(desk: Desk, tmp_path: Path) -> None:
    _visits(desk)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "no such folder" / "out.ics"
    with pytest.raises(DeskError, match="nie można zapisać .*no such folder"):
        write_calendar(desk, target)
    folder = tmp_path / "taken.ics"
    folder.mkdir()
    with pytest.raises(DeskError, match="taken.ics"):
        write_calendar(desk, folder)
    (tmp_path / "old.ics").write_bytes(b"old")
    result = write_calendar(desk, tmp_path / "old.ics")
    assert result.summary("old.ics") == ["Wyeksportowano 7 wpisów kalendarza do pliku old.ics",
                                         "Pominięto 3 wizyty lub wydarzenia bez dokładnej daty (dnia, miesiąca i roku)"]
    assert (tmp_path / "old.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.ics", "taken.ics"]  # no temporary files left


def test_krakow_data_exports(krakow: Desk, tmp_path: Path) -> None:
    result, entries = _export(krakow, tmp_path)
    assert result.entries == len(entries) > 0
    assert result.entries + result.skipped == krakow.visits.count() + krakow.events.count()
    assert "visit-quito-2004-05-10-delegation@krakow-desk" in entries


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db, out = str(tmp_path / "x.db"), tmp_path / "krakow.ics"
    assert main(["--db", db, "init"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export", "ical", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    entries = _read(out.read_bytes())
    assert f"Wyeksportowano {len(entries)} wpis" in printed and str(out) in printed
    assert "bez dokładnej daty" in printed
    assert main(["--db", db, "export", "ical", "-o", str(tmp_path / "missing" / "x.ics")]) == 1
    assert "nie można zapisać" in capsys.readouterr().err
