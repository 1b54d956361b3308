"""The agenda's lists from the registers, on constructed data: overdue follow-ups, replies due,
upcoming visits, dormant partners; and partner activity per year."""

from datetime import date

import pytest

from krakow_desk.services.activity import YearActivity, activity_by_partner, partner_activity
from krakow_desk.services.desk import Desk

TODAY = date(2026, 11, 22)


@pytest.fixture
def office(desk: Desk) -> Desk:
    for key, name, statuses in (("lwow", "Lwów", []), ("kijow", "Kijów", []),
                                ("moskwa", "Moskwa", [{"status": "suspended", "since": "2022-03"}])):
        desk.partners.create({"key": key, "name": name, "kind": "city", "country": "UA",
                              "category": "partner_city", "statuses": statuses})
    return desk


def keys(items) -> list[str]:
    return [i.key for i in items]


def test_overdue_follow_ups_exclude_done_and_future_ones(office: Desk) -> None:
    office.visits.create({"key": "v", "direction": "incoming", "title": "Wizyta", "partners": ["lwow"]})
    office.tasks.create({"key": "late", "title": "Wysłać podziękowanie", "due_on": "2026-11-20",
                         "visit": "v", "assignee": "Anna"})
    office.tasks.create({"key": "today", "title": "Dziś", "due_on": "2026-11-22"})
    office.tasks.create({"key": "done", "title": "Zrobione", "due_on": "2026-11-01", "status": "done",
                         "done_on": "2026-11-02"})
    office.tasks.create({"key": "busy", "title": "W toku", "due_on": "2026-10-01", "status": "in_progress"})
    overdue = office.agenda(days=30, today=TODAY).overdue
    assert keys(overdue) == ["busy", "late"]
    late = overdue[1]
    assert late.partner.key == "lwow"                     # through the visit it belongs to
    assert late.title == "Wysłać podziękowanie — 2 dni po terminie (Anna)"
    assert late.as_json()["date"] == "2026-11-20"


def test_replies_due_both_ways_with_days_waiting(office: Desk) -> None:
    office.letters.create({"key": "in", "direction": "incoming", "date": "2026-11-02", "subject": "Zaproszenie",
                           "partner": "lwow", "reply_due_on": "2026-11-30"})
    office.letters.create({"key": "out", "direction": "outgoing", "date": "2026-10-23", "subject": "Propozycja",
                           "partner": "kijow", "reply_due_on": "2026-11-15"})
    office.letters.create({"key": "later", "direction": "incoming", "date": "2026-11-20", "subject": "Później",
                           "reply_due_on": "2027-03-01"})      # beyond the agenda's horizon
    office.letters.create({"key": "answered", "direction": "incoming", "date": "2026-11-01", "subject": "Pytanie",
                           "reply_due_on": "2026-11-10"})
    office.letters.create({"key": "answer", "direction": "outgoing", "date": "2026-11-05", "subject": "Odpowiedź",
                           "reply_to": "answered"})
    due = office.agenda(days=30, today=TODAY).replies_due
    assert [(i.key, i.kind) for i in due] == [("out", "awaiting_their_reply"), ("in", "awaiting_our_reply")]
    assert due[0].title == "Odpowiedź partnera na „Propozycja” — czeka 30 dni [IR/2026/0002]"
    assert due[1].title == "Nasza odpowiedź na „Zaproszenie” — czeka 20 dni [IR/2026/0001]"


def test_upcoming_visits_within_the_period_and_not_cancelled(office: Desk) -> None:
    def visit(key: str, start: str, end: str | None = None, status: str = "planned") -> None:
        office.visits.create({"key": key, "direction": "incoming", "title": key, "partners": ["lwow"],
                              "start_on": start, "end_on": end, "status": status})
    visit("soon", "2026-12-01")
    visit("running", "2026-11-20", "2026-11-24", "confirmed")    # started, not over
    visit("past", "2026-11-01", "2026-11-03", "done")
    visit("cancelled", "2026-12-02", status="cancelled")
    visit("far", "2027-06-01")
    visit("last-day", "2026-12-22")                              # today + 30: included
    agenda = office.agenda(days=30, today=TODAY)
    assert keys(agenda.upcoming_visits) == ["running", "soon", "last-day"]
    assert agenda.upcoming_visits[0].partner.name == "Lwów"


def test_dormancy_at_its_boundary(office: Desk) -> None:
    # 24 months before 22 November 2026 is 22 November 2024: activity that day still counts.
    office.visits.create({"key": "edge", "direction": "incoming", "title": "Na granicy", "partners": ["lwow"],
                          "start_on": "2024-11-22"})
    office.visits.create({"key": "day-before", "direction": "incoming", "title": "Dzień za wcześnie",
                          "partners": ["kijow"], "start_on": "2024-11-21"})
    dormant = office.agenda(today=TODAY).dormant_partners
    assert keys(dormant) == ["kijow"]                       # Moskwa is suspended, not dormant
    assert dormant[0].title == "Ostatnia aktywność: 21 listopada 2024"
    assert keys(office.agenda(today=date(2026, 11, 23)).dormant_partners) == ["kijow", "lwow"]


def test_a_partial_date_counts_as_its_last_day_and_never_active_partners_come_first(office: Desk) -> None:
    office.gifts.create({"key": "g", "direction": "received", "partner": "lwow", "date": "2024",
                         "description": "Obraz"})
    assert keys(office.agenda(today=date(2026, 12, 31)).dormant_partners) == ["kijow"]
    dormant = office.agenda(today=date(2027, 1, 1)).dormant_partners
    assert [(i.key, i.as_json()["date"]) for i in dormant] == [("kijow", None), ("lwow", "2024")]


def test_the_dormancy_period_is_the_offices_setting(office: Desk) -> None:
    office.letters.create({"key": "l", "direction": "outgoing", "date": "2026-01-10", "subject": "List",
                           "partner": "lwow"})
    assert "lwow" not in keys(office.agenda(today=TODAY).dormant_partners)
    office.set_policy({"dormant_months": 6})
    assert "lwow" in keys(office.agenda(today=TODAY).dormant_partners)


def test_partner_activity_per_year(office: Desk) -> None:
    office.visits.create({"key": "v1", "direction": "incoming", "title": "a", "partners": ["lwow", "kijow"],
                          "start_on": "2025-05"})
    office.events.create({"key": "e1", "title": "Dni Krakowa", "partners": ["lwow"], "start_on": "2025"})
    office.letters.create({"key": "l1", "direction": "outgoing", "date": "2026-01-10", "subject": "s",
                           "partner": "lwow"})
    office.gifts.create({"key": "g1", "direction": "given", "partner": "lwow", "description": "Album"})  # no date
    assert partner_activity(office, "lwow") == [YearActivity(2025, visits=1, events=1), YearActivity(2026, letters=1)]
    assert activity_by_partner(office, 2026, 2026) == {"lwow": [YearActivity(2026, letters=1)]}
    assert partner_activity(office, "moskwa") == []


def test_follow_ups_of_a_record_and_of_a_partner(office: Desk) -> None:
    office.agreements.create({"key": "a", "partner": "lwow", "kind": "cooperation_agreement", "signed_on": "2020"})
    office.visits.create({"key": "v", "direction": "incoming", "title": "Wizyta", "partners": ["lwow", "kijow"]})
    office.tasks.create({"key": "on-visit", "title": "Podziękować", "due_on": "2026-12-01", "visit": "v"})
    office.tasks.create({"key": "on-agreement", "title": "Przedłużyć", "due_on": "2026-11-01", "agreement": "a"})
    office.tasks.create({"key": "on-partner", "title": "Zadzwonić", "partner": "lwow"})
    office.tasks.create({"key": "done", "title": "Już", "due_on": "2026-01-01", "partner": "lwow", "status": "done"})
    assert [t.key for t in office.tasks_of("partner", "lwow")] == ["on-agreement", "on-visit", "on-partner", "done"]
    assert [t.key for t in office.tasks_of("partner", "kijow")] == ["on-visit"]
    assert [t.key for t in office.tasks_of("agreement", "a")] == ["on-agreement"]
    assert office.tasks_of("partner", "moskwa") == []
