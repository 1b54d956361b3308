"""Reading visits from an iCalendar file: our own export read back, other programs' files, and
files that are broken or hostile."""

import re
import tempfile
import time as clock
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings, strategies as st
from icalendar import Calendar

from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.schema import EventData, ProgrammeItemData, VisitData
from krakow_desk.exchange import ical_import
from krakow_desk.exchange.ical import calendar_bytes, desk_calendar
from krakow_desk.exchange.ical_import import read_calendar
from krakow_desk.exchange.incoming import FileContents
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DatasetError, DeskError
from krakow_desk.services.import_plan import plan_import

STAMP = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _read(tmp: Path, content: bytes, name: str = "in.ics") -> FileContents:
    path = tmp / name
    path.write_bytes(content)
    return read_calendar(path)


def _by_key(contents: FileContents) -> dict:
    return {record.values["key"]: record for record in contents.records if "key" in record.values}


def _cleaned(text: str) -> str:
    """What the export makes of a text (control characters out) and a record of it (stripped)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


# --- our own export, read back ------------------------------------------------------------------------

def _add_programmed_visit(desk: Desk) -> None:
    desk.visits.create({
        "key": "bordeaux-2026-10", "direction": "outgoing", "partners": ["bordeaux"], "status": "confirmed",
        "title": "Wyjazd do Bordeaux", "start_on": "2026-10-05", "end_on": "2026-10-07", "place": "Bordeaux",
        "programme": [
            {"day": "2026-10-05", "start": "09:30", "end": "11:00", "place": "Hôtel de Ville",
             "activity": "Spotkanie z merem"},
            {"day": "2026-10-05", "start": "09:30", "activity": "Drugie spotkanie w tym samym czasie"},
            {"day": "2026-10-06", "start": "14:00", "end": "16:15", "activity": "Wizyta w porcie"}]})


def test_our_export_reads_back_as_the_stored_visits(krakow: Desk, tmp_path: Path) -> None:
    _add_programmed_visit(krakow)
    exported = desk_calendar(krakow, stamp=STAMP)
    contents = _read(tmp_path, exported.content)
    assert contents.format == "ical" and contents.problems == []
    records = _by_key(contents)
    dated = [v for v in krakow.visits.all() if v.key not in exported.skipped_visits]
    assert len(dated) >= 5 and set(records) == {v.key for v in dated}
    assert len(contents.records) == len(records)      # events and programme items are not visits
    text = exported.content.decode()
    for key, record in records.items():
        stored = krakow.visits.get(key)
        values = record.values
        assert record.kind == "visit" and record.label == stored.title
        assert (values["title"], values["place"]) == (stored.title, stored.place)
        assert FuzzyDate.of(values["start_on"]) == stored.start_on
        assert (FuzzyDate.of(values["end_on"]) if values["end_on"] else None) == (
            stored.end_on if stored.end_on != stored.start_on else None)
        assert values["direction"] == stored.direction.value and "notes" not in values
        assert values.get("partners", []) == stored.partners
        # the line is the one holding this visit's BEGIN:VEVENT
        lines = text.split("\r\n")
        assert lines[record.line - 1] == "BEGIN:VEVENT"
        assert f"UID:visit-{key}@krakow-desk" in "\n".join(lines[record.line:record.line + 12])
        if stored.programme:
            assert [ProgrammeItemData(**item) for item in values["programme"]] == stored.programme
        else:
            assert "programme" not in values
    assert records["bordeaux-2026-10"].values["programme"][1] == {
        "day": date(2026, 10, 5), "start": time(9, 30), "end": None, "place": None,
        "activity": "Drugie spotkanie w tym samym czasie"}
    # what the import would do with it: nothing
    plan = plan_import(krakow, contents)
    assert plan.problems == [] and plan.duplicates == []
    assert {record.action for record in plan.records} == {"unchanged"}


def test_our_status_and_what_the_export_could_add(tmp_path: Path) -> None:
    visits = [VisitData(key=f"v-{n}", direction="incoming", title=f"Wizyta {n}", start_on=f"2025-05-0{n}",
                        status=status)
              for n, status in enumerate(["planned", "confirmed", "done", "cancelled"], start=1)]
    calendar = Calendar.from_ical(calendar_bytes(visits, [], [], stamp=STAMP))
    records = _by_key(_read(tmp_path, calendar.to_ical()))
    # The export says the status in its own property, since CONFIRMED is both confirmed and done.
    assert [records[f"v-{n}"].values["status"] for n in range(1, 5)] == ["planned", "confirmed", "done", "cancelled"]
    for entry in calendar.walk("VEVENT"):      # without it, CONFIRMED leaves the stored status alone
        del entry["X-KRAKOW-DESK-STATUS"]
    records = _by_key(_read(tmp_path, calendar.to_ical()))
    assert records["v-1"].values["status"] == "planned" and records["v-4"].values["status"] == "cancelled"
    assert "status" not in records["v-2"].values and "status" not in records["v-3"].values
    for entry in calendar.walk("VEVENT"):
        for name in ("X-KRAKOW-DESK-DIRECTION", "X-KRAKOW-DESK-STATUS", "X-KRAKOW-DESK-PARTNERS"):
            entry.pop(name, None)
        entry.add("X-KRAKOW-DESK-DIRECTION", "outgoing")
        entry.add("X-KRAKOW-DESK-STATUS", "done")
        entry.add("X-KRAKOW-DESK-PARTNERS", "kyiv,new-york")
    records = _by_key(_read(tmp_path, calendar.to_ical()))
    assert {(r.values["direction"], r.values["status"], tuple(r.values["partners"]))
            for r in records.values()} == {("outgoing", "done", ("kyiv", "new-york"))}


# --- other programs' calendars ----------------------------------------------------------------------------

OUTLOOK = (
    "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\n"
    "METHOD:PUBLISH\r\nX-MS-OLK-FORCEINSPECTOROPEN:TRUE\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\nBEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nCLASS:PUBLIC\r\nCREATED:20261101T120000Z\r\n"
    "DESCRIPTION:Spotkanie w Sali Obrad\\, potem obiad\\; tłumacz: p. Łukasiewicz.\\nDruga l\r\n"
    " inia opisu – zażółć gęślą jaźń.\r\n"
    "DTSTART;TZID=Europe/Warsaw:20261210T100000\r\nDTEND;TZID=Europe/Warsaw:20261210T120000\r\n"
    "LOCATION:Urząd Miasta Krakowa\\, pl. Wszystkich Świętych 3-4\r\n"
    "SUMMARY;LANGUAGE=uk:Делегація з Києва\r\n"
    "UID:040000008200E00074C5B7101A82E00800000000D0B4C5A1F2@outlook.example\r\n"
    "BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nSUMMARY:Targi turystyczne w Wilnie – stoisko Krakowa z bardzo długim tytułem, który\r\n"
    "  się zawija\r\nDTSTART;VALUE=DATE:20270115\r\nDTEND;VALUE=DATE:20270118\r\nLOCATION:Wilno\r\n"
    "STATUS:TENTATIVE\r\nUID:abc@google.example\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nSUMMARY:Late call\r\nDTSTART:20261209T233000Z\r\nDURATION:PT1H\r\n"
    "UID:late@example\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n")


def test_a_calendar_from_outlook_gives_visits_without_keys(tmp_path: Path) -> None:
    contents = _read(tmp_path, OUTLOOK.encode("utf-8"))
    assert contents.problems == []
    kyiv, vilnius, late = contents.records
    assert kyiv.values == {
        "title": "Делегація з Києва", "start_on": date(2026, 12, 10), "end_on": None,
        "place": "Urząd Miasta Krakowa, pl. Wszystkich Świętych 3-4",
        "notes": "Spotkanie w Sali Obrad, potem obiad; tłumacz: p. Łukasiewicz.\n"
                 "Druga linia opisu – zażółć gęślą jaźń."}
    assert kyiv.line == OUTLOOK.split("\r\n").index("BEGIN:VEVENT") + 1 and kyiv.label == "Делегація з Києва"
    assert vilnius.values == {
        "title": "Targi turystyczne w Wilnie – stoisko Krakowa z bardzo długim tytułem, który się zawija",
        "start_on": date(2027, 1, 15), "end_on": date(2027, 1, 17), "place": "Wilno", "status": "planned"}
    # UTC is read at home: 23:30 UTC on the 9th is half past midnight on the 10th in Krakow
    assert late.values == {"title": "Late call", "start_on": date(2026, 12, 10), "end_on": None}


def test_a_calendar_in_utf16_reads_as_in_utf8(tmp_path: Path) -> None:
    data = OUTLOOK.replace("\r\n", "\n")
    in_utf8 = _read(tmp_path, data.encode("utf-8"), "a.ics")
    in_utf16 = _read(tmp_path, data.encode("utf-16"), "b.ics")          # with its byte-order mark
    assert in_utf16.records == in_utf8.records and len(in_utf8.records) == 3


# --- text survives the round trip ----------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=120)
VISIT = st.fixed_dictionaries({
    "title": TEXT.filter(lambda t: _cleaned(t) and t.strip()),
    "place": st.one_of(st.none(), TEXT.filter(lambda t: _cleaned(t) and t.strip())),
    "start": st.dates(date(1900, 1, 1), date(2200, 1, 1)),
    "days": st.integers(0, 40),
})


@settings(max_examples=150, deadline=None)
@given(st.lists(VISIT, min_size=1, max_size=4))
def test_titles_and_places_survive_the_round_trip(drawn: list[dict]) -> None:
    visits = [VisitData(key=f"visit-{n}", direction="incoming", title=d["title"], place=d["place"],
                        start_on=d["start"], end_on=d["start"] + timedelta(days=d["days"]))
              for n, d in enumerate(drawn)]
    with tempfile.TemporaryDirectory() as folder:
        contents = _read(Path(folder), calendar_bytes(visits, [], [], stamp=STAMP))
    assert contents.problems == []
    records = _by_key(contents)
    assert set(records) == {visit.key for visit in visits}
    for visit in visits:
        values = records[visit.key].values
        assert values["title"] == _cleaned(visit.title)
        assert values["place"] == (_cleaned(visit.place) or None if visit.place else None)
        assert values["start_on"] == visit.start_on.start
        assert values["end_on"] == (visit.end_on.start if visit.end_on != visit.start_on else None)


# --- broken and hostile files -----------------------------------------------------------------------------------

def _sample() -> bytes:
    visits = [
        VisitData(key="kyiv-2025", direction="incoming", title="Wizyta z Kijowa", start_on="2025-03-10",
                  end_on="2025-03-12", place="Kraków", programme=[
                      ProgrammeItemData(day=date(2025, 3, 10), start=time(9), end=time(10), activity="Powitanie"),
                      ProgrammeItemData(day=date(2025, 3, 11), start=time(15), activity="Wawel", place="Wawel")]),
        VisitData(key="ny-2025", direction="outgoing", title="Wyjazd", start_on="2025-04-01", place="New York")]
    events = [EventData(key="fair-2025", title="Targi", start_on="2025-05-01")]
    return calendar_bytes(visits, events, [], stamp=STAMP)


SAMPLE = _sample()
SAMPLE_LINES = SAMPLE.split(b"\r\n")
JUNK_LINES = st.sampled_from([
    b"BEGIN:VEVENT", b"END:VEVENT", b"BEGIN:VALARM", b"END:VALARM", b"BEGIN:VCALENDAR", b"END:VCALENDAR",
    b"END:VTIMEZONE", b"DTSTART:garbage", b"DTSTART;TZID=Nowhere/Zone:20250101T100000", b"DTEND;VALUE=DATE:1",
    b"DTEND:PT1H", b"DTSTART;VALUE=PERIOD:20250101T100000Z/PT1H", b"DURATION:xyz", b"SUMMARY:", b"UID:",
    b"UID:visit-kyiv-2025.item-1@krakow-desk", b"RELATED-TO:visit-ny-2025@krakow-desk", b" folded",
    b"DTSTART:00010101T000000Z", b"DTSTART:99991231T235959Z", b"DTEND;VALUE=DATE:99991231", b"STATUS:\xff",
    b"X-KRAKOW-DESK-PARTNERS:\\,\\,", b"RRULE:FREQ=DAILY;COUNT=x", b"CATEGORIES:a\\,b,c", b":", b";;;:",
    b"X-WR-TIMEZONE:../../etc/passwd", b"SUMMARY;LANGUAGE=\"a:b\":x"])


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    lines = list(SAMPLE_LINES)
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["insert"] * 4 + ["truncate", "swap", "junk", "drop"]))
        spot = draw(st.integers(0, len(lines)))
        if how == "truncate":
            data = b"\r\n".join(lines)
            return data[:draw(st.integers(0, len(data)))]
        if how == "insert":
            lines.insert(spot, draw(JUNK_LINES))
        elif how == "swap" and spot < len(lines):
            line = lines[spot]
            lines[spot] = (line.replace(b"BEGIN:", b"END:") if line.startswith(b"BEGIN:")
                           else line.replace(b"END:", b"BEGIN:"))
        elif how == "junk":
            lines.insert(spot, draw(st.binary(min_size=1, max_size=200)))
        elif how == "drop" and spot < len(lines):
            del lines[spot]
    return b"\r\n".join(lines)


def _survives(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            contents = _read(Path(folder), data)
        except DeskError as error:
            assert error.message
            event("refused as a whole")
            return
    assert isinstance(contents, FileContents)
    for record in contents.records:
        assert record.kind == "visit" and record.line >= 1 and record.values["title"]
    for problem in contents.problems:
        assert problem.line >= 1 and problem.message
    event("read, with problems" if contents.problems else "read cleanly")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 4).flatmap(lambda n: st.binary(max_size=3000) if n == 0 else _mutated()))
def test_a_broken_file_is_an_error_or_problems_never_a_crash(data: bytes) -> None:
    _survives(data)


def test_the_sample_for_the_fuzzing_reads_cleanly(tmp_path: Path) -> None:
    contents = _read(tmp_path, SAMPLE)
    assert contents.problems == [] and [r.values["key"] for r in contents.records] == ["kyiv-2025", "ny-2025"]
    assert [item["activity"] for item in contents.records[0].values["programme"]] == ["Powitanie", "Wawel"]


def test_an_entry_without_a_start_is_a_problem_and_the_next_is_read(tmp_path: Path) -> None:
    text = ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a@x\nSUMMARY:Bez daty\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:b@x\nDTSTART;VALUE=DATE:20250101\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:c@x\nSUMMARY:Zła data\nDTSTART:20251340\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:d@x\nSUMMARY:Dobra\nDTSTART;VALUE=DATE:20250102\nEND:VEVENT\nEND:VCALENDAR\n")
    contents = _read(tmp_path, text.encode())
    assert [(p.line, p.rejected) for p in contents.problems] == [(3, True), (7, True), (11, True)]
    assert "DTSTART" in contents.problems[0].message and "SUMMARY" in contents.problems[1].message
    assert "DTSTART" in contents.problems[2].message
    assert [p.label for p in contents.problems] == ["Bez daty", "", "Zła data"]
    assert [(r.line, r.values["title"]) for r in contents.records] == [(16, "Dobra")]


def test_a_nested_alarm_bomb_fails_fast(tmp_path: Path) -> None:
    bomb = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n" + "BEGIN:VALARM\r\n" * 50_000
            + "END:VALARM\r\n" * 50_000 + "END:VEVENT\r\nEND:VCALENDAR\r\n")
    began = clock.monotonic()
    with pytest.raises(DatasetError, match=r"\b12\b"):   # the 11th level's BEGIN
        _read(tmp_path, bomb.encode())
    assert clock.monotonic() - began < 2


def test_limits_on_entries_and_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    long = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART;VALUE=DATE:20250101\nDESCRIPTION:" + "a" * 100_001
    long += "\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:y\nDTSTART;VALUE=DATE:20250101\nEND:VEVENT\nEND:VCALENDAR\n"
    contents = _read(tmp_path, long.encode())
    assert [p.line for p in contents.problems] == [2] and [r.label for r in contents.records] == ["y"]
    monkeypatch.setattr(ical_import, "MAX_RECORDS", 1)
    with pytest.raises(DatasetError):
        _read(tmp_path, long.encode())


def test_what_is_not_a_calendar(tmp_path: Path) -> None:
    for data in (b"", b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jan\r\nEND:VCARD\r\n", b"BEGIN:VCALENDAR\r\n",
                 b"END:VCALENDAR\r\n", b"\x00\x01\x02", b"hello"):
        with pytest.raises(DatasetError, match=re.escape(str(tmp_path / "in.ics"))):
            _read(tmp_path, data)


def test_a_file_cut_short_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="END:VCALENDAR"):
        _read(tmp_path, SAMPLE[:len(SAMPLE) // 2])


def test_items_and_events_are_not_visits(tmp_path: Path) -> None:
    calendar = Calendar.from_ical(SAMPLE)
    lines = SAMPLE.decode().replace("visit-kyiv-2025.item-20250311-1500", "visit-gone.item-20250311-1500")
    lines = lines.replace("LOCATION:Wawel\r\nRELATED-TO:visit-kyiv-2025@krakow-desk",
                          "LOCATION:Wawel\r\nRELATED-TO:visit-gone@krakow-desk")
    assert "visit-gone@" in lines
    contents = _read(tmp_path, lines.encode())
    assert len(calendar.walk("VEVENT")) == 5 and contents.problems == []
    assert [item["activity"] for item in contents.records[0].values["programme"]] == ["Powitanie"]
    assert "programme" not in contents.records[1].values      # no items for it in the file
    # an item that cannot be read leaves the visit's stored programme as it is, with a warning
    broken = SAMPLE.decode().replace("DTSTART;TZID=Europe/Warsaw:20250311T150000", "DTSTART:never", 1)
    contents = _read(tmp_path, broken.encode())
    assert "programme" not in contents.records[0].values
    assert len(contents.problems) == 1 and not contents.problems[0].rejected
    assert "kyiv-2025" in contents.problems[0].message and "DTSTART" in contents.problems[0].message
