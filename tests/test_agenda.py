"""The agenda: agreement deadlines on constructed data and on Krakow's, the JSON and the listing."""

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from krakow_desk import i18n
from krakow_desk.cli import main
from krakow_desk.domain.terms import add_months
from krakow_desk.services.agenda import agenda
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError

TODAY = date(2026, 11, 22)
LISTS = ["overdue", "replies_due", "upcoming_visits", "deadlines", "dormant_partners"]


def _partner(desk: Desk, key: str = "lodz", name: str = "Łódź", name_en: str = "Lodz") -> None:
    desk.partners.create({"key": key, "name": name, "name_en": name_en, "country": "PL"})


def _agreement(desk: Desk, key: str, **fields: Any) -> None:
    desk.agreements.create({"key": key, "partner": fields.pop("partner", "lodz"),
                            "kind": fields.pop("kind", "cooperation_agreement"), **fields})


def _renewing(desk: Desk, key: str, deadline: date, notice: int = 1, **fields: Any) -> None:
    """A yearly agreement with ``notice`` months' notice whose running term's deadline is
    ``deadline`` (a day of the month up to the 28th when notice is given in months)."""
    end = add_months(deadline, notice)
    start = add_months(end + timedelta(days=1), -12)
    _agreement(desk, key, term_start=start, term_months=12, auto_renews=True, notice_months=notice, **fields)


def _dates(items: list) -> list[date]:
    return [item.date for item in items]


def test_a_deadline_exactly_n_days_away_is_listed_and_one_day_more_is_not(desk: Desk) -> None:
    _partner(desk)
    _renewing(desk, "near", TODAY + timedelta(days=10), title="Umowa A")
    _agreement(desk, "fixed", term_start=date(2024, 1, 1), term_end=TODAY + timedelta(days=11), title="Umowa B")
    assert _dates(agenda(desk, TODAY, 10).deadlines) == [TODAY + timedelta(days=10)]
    assert _dates(agenda(desk, TODAY, 9).deadlines) == []
    assert _dates(agenda(desk, TODAY, 11).deadlines) == [TODAY + timedelta(days=10), TODAY + timedelta(days=11)]


def test_past_deadlines_are_not_listed_today_is(desk: Desk) -> None:
    _partner(desk)
    _renewing(desk, "yesterday", TODAY - timedelta(days=1))
    _renewing(desk, "today", TODAY)
    _agreement(desk, "ended", term_start=date(2020, 1, 1), term_end=TODAY - timedelta(days=1))
    items = agenda(desk, TODAY, 0).deadlines
    assert [(item.key, item.date) for item in items] == [("today", TODAY)]
    assert agenda(desk, TODAY, 0).days == 0


def test_kinds_titles_partner_and_order(desk: Desk) -> None:
    _partner(desk)
    _partner(desk, "brno", "Brno", "Brno")
    _agreement(desk, "programme", partner="brno", kind="cooperation_programme", title="Program na lata 2025–2026",
               term_start=date(2025, 1, 1), term_end=date(2026, 12, 31))
    _agreement(desk, "statement", kind="joint_statement", signed_on="2022-12-10", term_months=48)
    _renewing(desk, "renewing", date(2026, 12, 5), title="Umowa o współpracy")
    i18n.set_language("en")
    items = agenda(desk, TODAY, 60).deadlines
    assert [(item.date, item.kind, item.key) for item in items] == [
        (date(2026, 12, 5), "notice_deadline", "renewing"),
        (date(2026, 12, 9), "expiry", "statement"),
        (date(2026, 12, 31), "programme_end", "programme"),
    ]
    assert items[0].title == "Notice deadline: Umowa o współpracy (renews on 6 January 2027)"
    assert items[1].title == "Term ends: Joint statement, 2022-12-10"    # untitled: kind and date
    assert items[2].title == "Programme ends: Program na lata 2025–2026"
    assert items[2].as_json() == {"date": "2026-12-31", "kind": "programme_end",
                                  "title": "Programme ends: Program na lata 2025–2026",
                                  "partner": {"name": "Brno", "name_en": "Brno"}}
    i18n.set_language("pl")
    assert agenda(desk, TODAY, 60).deadlines[0].title.startswith("Ostatni dzień na wypowiedzenie: Umowa")
    assert "6 stycznia 2027" in agenda(desk, TODAY, 60).deadlines[0].title


def test_ended_agreements_have_no_deadlines(desk: Desk) -> None:
    _partner(desk)
    _renewing(desk, "terminated", TODAY + timedelta(days=5), terminated_on=TODAY - timedelta(days=30))
    _renewing(desk, "old", TODAY + timedelta(days=5))
    _agreement(desk, "new", signed_on="2026-01-10", relation="replaces", related="old")
    _agreement(desk, "vague", signed_on="2025", term_months=24)     # its last day is not known
    assert agenda(desk, TODAY, 365).deadlines == []


def test_days_must_be_a_non_negative_whole_number(desk: Desk) -> None:
    for wrong in (-1, 1.5, "7", True):
        with pytest.raises(DeskError):
            agenda(desk, TODAY, wrong)  # type: ignore[arg-type]
    assert desk.agenda(days=5, today=TODAY).until == TODAY + timedelta(days=5)
    assert agenda(desk, date(9999, 12, 1), 10**9).until == date.max


def test_krakow_rochester_notice_deadline_within_its_window(krakow: Desk) -> None:
    far = krakow.agenda(days=3650, today=TODAY)
    rochester = [item for item in far.deadlines if item.key.startswith("rochester")]
    assert _dates(rochester)[:2] == [date(2028, 1, 17), date(2033, 1, 17)]
    assert {item.kind for item in rochester} == {"notice_deadline"}
    assert rochester[0].partner.name == "Rochester"
    assert "18 lipca 2028" in rochester[0].title
    assert _dates(far.deadlines) == sorted(_dates(far.deadlines))
    window = (date(2028, 1, 17) - TODAY).days
    assert date(2028, 1, 17) in _dates(krakow.agenda(days=window, today=TODAY).deadlines)
    assert date(2028, 1, 17) not in _dates(krakow.agenda(days=window - 1, today=TODAY).deadlines)
    assert krakow.agenda(days=60, today=TODAY).deadlines == []


def test_krakow_expired_programmes_are_not_on_the_agenda_then_were(krakow: Desk) -> None:
    assert not any(item.kind == "programme_end" for item in krakow.agenda(days=3650, today=TODAY).deadlines)
    back_then = krakow.agenda(days=365, today=date(2008, 6, 1)).deadlines
    assert ("programme_end", date(2008, 12, 31)) in [(item.kind, item.date) for item in back_then]


# -- the command line ---------------------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database whose one deadline is 30 days from the real today (the command has no --today)."""
    path = str(tmp_path / "agenda.db")
    with Desk.open(path, create=True) as desk:
        _partner(desk)
        _renewing(desk, "renewing", date.today() + timedelta(days=30), notice=0, title="Umowa z Łodzią")
    return path


def test_agenda_json_is_the_documented_shape(db: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", db, "agenda", "--json"]) == 0
    out = capsys.readouterr().out
    assert "Łódź" in out                                  # ensure_ascii=False
    data = json.loads(out)
    assert list(data) == LISTS
    assert [list(item) for item in data["deadlines"]] == [["date", "kind", "title", "partner"]]
    item = data["deadlines"][0]
    assert item["date"] == (date.today() + timedelta(days=30)).isoformat()
    assert item["kind"] == "notice_deadline" and item["partner"] == {"name": "Łódź", "name_en": "Lodz"}
    assert main(["--db", db, "agenda", "--json", "--days", "29"]) == 0
    assert json.loads(capsys.readouterr().out)["deadlines"] == []


def test_agenda_listing_in_polish_and_english(db: str, capsys: pytest.CaptureFixture) -> None:
    from krakow_desk.formatting import format_date

    assert main(["--db", db, "agenda"]) == 0
    polish = capsys.readouterr().out
    assert "Terminy wynikające z umów" in polish and "Zaległe sprawy" in polish and "  brak" in polish
    assert "na najbliższych 60 dni" in polish
    assert format_date(date.today() + timedelta(days=30)) in polish and "Łódź" in polish
    assert main(["--db", db, "--lang", "en", "agenda", "--days", "1"]) == 0
    english = capsys.readouterr().out
    assert "next 1 day," in english and "Agreement deadlines" in english and english.count("  nothing") == 4
    # the partner has no activity at all: it is dormant, listed without a date
    assert "  —  Lodz  No activity recorded" in english
    assert main(["--db", db, "--lang", "en", "agenda", "--days", "0"]) == 0
    assert "Agenda for today" in capsys.readouterr().out


@pytest.mark.parametrize("days", ["-1", "abc", "1.5", ""])
def test_agenda_days_usage_errors_exit_2(db: str, days: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--db", db, "agenda", "--days", days])
    assert exit_.value.code == 2
    assert "--days" in capsys.readouterr().err


def test_agenda_help_in_both_languages() -> None:
    import subprocess
    import sys

    def run(*args: str) -> str:
        return subprocess.run([sys.executable, "-m", "krakow_desk.cli", *args], capture_output=True,
                              text=True, timeout=120).stdout

    assert run("agenda", "--help").startswith("użycie: krakow-desk agenda")
    assert "na ile dni naprzód" in run("agenda", "--help")
    assert "how many days ahead" in run("--lang", "en", "agenda", "--help")
