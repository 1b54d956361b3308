"""Programme clashes, interpreting derived from languages, and the visit file."""

from datetime import date, time

import pytest

from krakow_desk.domain.enums import ClashKind, Direction, Side, VisitStatus
from krakow_desk.domain.protocol import Speaker, interpreting, programme_clashes
from krakow_desk.domain.schema import VisitData
from krakow_desk.i18n import set_language
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import NotFound


def visit(**fields) -> VisitData:
    base = {"key": "v", "direction": "incoming", "title": "Wizyta", "start_on": "2027-05-10",
            "end_on": "2027-05-12"}
    return VisitData.model_validate({**base, **fields})


def item(day: str, start: str | None, end: str | None, activity: str, **more) -> dict:
    return {"day": day, "start": start, "end": end, "activity": activity, **more}


def kinds(clashes) -> list[tuple[ClashKind, tuple[int, ...]]]:
    return [(c.kind, c.items) for c in clashes]


def test_overlapping_items_clash_and_touching_ones_do_not() -> None:
    v = visit(programme=[
        item("2027-05-10", "10:00", "11:00", "Ratusz"),
        item("2027-05-10", "10:30", "12:00", "Muzeum"),
        item("2027-05-10", "12:00", "13:00", "Obiad"),          # starts when the museum ends
        item("2027-05-11", "10:30", "12:00", "Wieliczka"),      # same hours, another day
    ])
    assert kinds(programme_clashes(v)) == [(ClashKind.OVERLAP, (0, 1))]


def test_items_at_the_same_moment_without_ends_clash() -> None:
    v = visit(programme=[item("2027-05-10", "09:00", None, "Powitanie"),
                         item("2027-05-10", "09:00", None, "Zdjęcie")])
    assert kinds(programme_clashes(v)) == [(ClashKind.OVERLAP, (0, 1))]


def test_items_outside_the_visits_dates_at_both_boundaries() -> None:
    v = visit(programme=[item("2027-05-09", None, None, "Przylot dzień wcześniej"),
                         item("2027-05-10", None, None, "Pierwszy dzień"),
                         item("2027-05-12", None, None, "Ostatni dzień"),
                         item("2027-05-13", None, None, "Po wizycie")])
    assert kinds(programme_clashes(v)) == [(ClashKind.OUTSIDE_VISIT, (0,)), (ClashKind.OUTSIDE_VISIT, (3,))]


def test_a_visit_known_to_the_month_accepts_any_day_of_it() -> None:
    v = visit(start_on="2027-05", end_on=None, programme=[item("2027-05-31", None, None, "Koniec maja"),
                                                          item("2027-06-01", None, None, "Czerwiec")])
    assert kinds(programme_clashes(v)) == [(ClashKind.OUTSIDE_VISIT, (1,))]


def test_one_person_responsible_in_two_places_at_once() -> None:
    v = visit(programme=[item("2027-05-10", "10:00", "11:00", "Ratusz", place="Sukiennice", responsible="Anna Nowak"),
                         item("2027-05-10", "10:30", "11:30", "Huta", place="Nowa Huta", responsible="anna nowak")])
    assert kinds(programme_clashes(v)) == [(ClashKind.OVERLAP, (0, 1)), (ClashKind.DOUBLE_BOOKED, (0, 1))]


def speaker(name: str, side: Side, *languages: str, role: str | None = None) -> Speaker:
    return Speaker(name, side, role, tuple(languages))


def test_interpreting_needed_only_for_guests_sharing_no_language_with_krakow() -> None:
    needs = interpreting(Direction.INCOMING, [
        speaker("Mer", Side.GUEST, "uk"),
        speaker("Radna", Side.GUEST, "uk", "en"),        # speaks English with the host
        speaker("Konsul", Side.GUEST, "pl", "uk"),       # speaks Polish
        speaker("Gość bez danych", Side.GUEST),          # nothing recorded: nothing derived
        speaker("Prezydent", Side.HOST, "pl", "en"),
    ])
    assert [(n.language, n.speakers, n.needed) for n in needs] == [("uk", ("Mer",), True)]


def test_an_interpreter_covers_a_need_instead_of_removing_it() -> None:
    needs = interpreting(Direction.INCOMING, [
        speaker("Burmistrz", Side.GUEST, "ka"),
        speaker("Nino", Side.HOST, "ka", "pl", role="tłumaczka"),
    ])
    assert [(n.language, n.covered_by, n.needed) for n in needs] == [("ka", ("Nino",), False)]


def test_on_a_trip_abroad_krakows_delegation_is_the_guest_side() -> None:
    needs = interpreting(Direction.OUTGOING, [
        speaker("Prezydent Krakowa", Side.GUEST, "pl", "de"),
        speaker("Burmistrz Norymbergi", Side.HOST, "de"),
        speaker("Mer Kijowa", Side.HOST, "uk"),
    ])
    assert [(n.language, n.speakers) for n in needs] == [("uk", ("Mer Kijowa",))]


@pytest.fixture
def planned(krakow: Desk) -> Desk:
    krakow.people.create({"key": "kovalenko", "given_name": "Ołena", "family_name": "Kowalenko",
                          "title": "dr", "precedence": 1, "languages": ["uk"],
                          "dietary_notes": "wegetariańska"})
    krakow.people.create({"key": "nowak", "given_name": "Anna", "family_name": "Nowak", "languages": ["pl", "en"]})
    krakow.visits.create({
        "key": "lviv-2027-05-mayor", "direction": "incoming", "partners": ["lviv"], "status": "planned",
        "title": "Wizyta mera Lwowa", "start_on": "2027-05-10", "end_on": "2027-05-11",
        "participants": [{"person": "kovalenko", "side": "guest", "role": "wicemer"},
                         {"name": "Iwan Petrenko", "side": "guest", "precedence": 0, "languages": ["uk", "en"]},
                         {"person": "nowak", "side": "host", "role": "dyrektor"}],
        "programme": [item("2027-05-11", "10:00", "12:00", "Sukiennice"),
                      item("2027-05-10", "15:00", "16:00", "Ratusz"),
                      item("2027-05-10", "15:30", None, "Kawa")],
    })
    krakow.visits.create({"key": "other-2027-05", "direction": "outgoing", "partners": ["kyiv"],
                          "title": "Wyjazd do Kijowa", "start_on": "2027-05-11", "end_on": "2027-05-14",
                          "participants": [{"person": "nowak", "side": "guest"}]})
    return krakow


def test_the_visit_file_orders_people_and_the_programme(planned: Desk) -> None:
    f = planned.visit_file("lviv-2027-05-mayor", today=date(2027, 5, 1))
    assert [p.name for p in f.guests] == ["Iwan Petrenko", "dr Ołena Kowalenko"]
    assert f.guests[1].languages == ("uk",) and f.guests[1].person.dietary_notes == "wegetariańska"
    assert [p.name for p in f.hosts] == ["Anna Nowak"]
    assert [(d.day, [i.activity for i in d.items]) for d in f.days] == [
        (date(2027, 5, 10), ["Ratusz", "Kawa"]), (date(2027, 5, 11), ["Sukiennice"])]
    assert [(n.language, n.speakers) for n in f.interpreting] == [("uk", ("dr Ołena Kowalenko",))]
    assert f.partners[0].partner.key == "lviv"
    assert f.partners[0].last_visits[0].key == "lviv-2005-08-pilgrimage"


def test_the_visit_file_names_clashes_in_the_readers_language(planned: Desk) -> None:
    f = planned.visit_file("lviv-2027-05-mayor")
    assert {c.kind for c in f.clashes} == {ClashKind.OVERLAP, ClashKind.DOUBLE_BOOKED}
    double = next(c for c in f.clashes if c.kind is ClashKind.DOUBLE_BOOKED)
    assert double.other_visit == "other-2027-05"
    assert double.text == "Anna Nowak w tym samym czasie uczestniczy też w wizycie „Wyjazd do Kijowa”."
    set_language("en")
    overlap = next(c for c in planned.visit_file("lviv-2027-05-mayor").clashes if c.kind is ClashKind.OVERLAP)
    assert overlap.text == "“10 May 2027 15:00 Ratusz” and “10 May 2027 15:30 Kawa” overlap."


def test_a_cancelled_visit_clashes_with_nobody(planned: Desk) -> None:
    other = planned.visits.get("other-2027-05")
    planned.visits.update("other-2027-05", other.model_copy(update={"status": VisitStatus.CANCELLED}))
    kinds_now = {c.kind for c in planned.visit_file("lviv-2027-05-mayor").clashes}
    assert ClashKind.DOUBLE_BOOKED not in kinds_now


def test_clashes_of_an_unsaved_visit(planned: Desk) -> None:
    draft = {"key": "draft", "direction": "incoming", "title": "Szkic", "start_on": "2027-05-12",
             "programme": [item("2027-05-13", None, None, "Za późno")]}
    assert [c.kind for c in planned.visit_clashes(draft)] == [ClashKind.OUTSIDE_VISIT]


def test_an_unknown_visit_is_reported(krakow: Desk) -> None:
    with pytest.raises(NotFound):
        krakow.visit_file("no-such-visit")
