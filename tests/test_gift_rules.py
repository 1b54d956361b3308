"""The gifts register's rules: value bands, the threshold, repeated gifts, a visit's gift history."""

from decimal import Decimal

import pytest

from krakow_desk.domain.enums import ValueBand
from krakow_desk.domain.gifts import similar_descriptions, value_band
from krakow_desk.i18n import set_language
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError
from krakow_desk.services.gifts import band_text

LIMITS = [Decimal(100), Decimal(500), Decimal(2000)]


@pytest.mark.parametrize("value, currency, band", [
    (None, None, ValueBand.UNKNOWN),
    ("99.99", "PLN", ValueBand.TOKEN),
    ("100", "PLN", ValueBand.MODEST),             # a limit opens the next band
    ("499.99", "pln", ValueBand.MODEST),
    ("500", "PLN", ValueBand.SUBSTANTIAL),
    ("2000", "PLN", ValueBand.HIGH),
    ("50", "EUR", ValueBand.OTHER_CURRENCY),      # never converted at a guessed rate
])
def test_value_bands(value, currency, band) -> None:
    amount = Decimal(value) if value is not None else None
    assert value_band(amount, currency, LIMITS, "PLN") is band


@pytest.mark.parametrize("a, b, same", [
    ("Album o Krakowie", "album „Kraków”", True),
    ("Popiersie Ignacego Domeyki", "Popiersie Domeyki", True),
    ("Wieliczka salt sculpture", "Salt sculpture from Wieliczka", True),
    ("Kryształowy wazon", "Kryształowa patera", False),
    ("Obraz", "Obrus", False),
    ("Tramwaje", "Samochody pożarnicze", False),
])
def test_similar_descriptions(a: str, b: str, same: bool) -> None:
    assert similar_descriptions(a, b) is same


def received(key: str, value: str | None, currency: str | None = "PLN", **more) -> dict:
    return {"key": key, "direction": "received", "partner": "leipzig", "description": "Porcelana",
            "value": value, "currency": currency, **more}


def test_a_received_gift_above_the_threshold_is_flagged_and_at_it_is_not(desk: Desk) -> None:
    assert desk.policy().gift_threshold == Decimal(300)
    assert desk.gift_warnings(received("a", "300")) == []
    [warning] = desk.gift_warnings(received("b", "300.01"))
    assert warning.kind == "over_threshold"
    assert warning.text == ("Otrzymany dar o wartości 300,01\u00a0zł przekracza próg 300,00\u00a0zł: odnotuj, "
                            "gdzie jest przechowywany i jak nim zadysponowano.")
    assert [w.kind for w in desk.gift_warnings(received("c", "900", "EUR"))] == ["other_currency"]
    assert desk.gift_warnings(received("d", None, None)) == []


def test_the_threshold_is_the_offices_setting(desk: Desk) -> None:
    desk.set_policy({"gift_threshold": "1000", "gift_currency": "PLN", "gift_bands": ["50", "300", "1000"]})
    assert desk.gift_warnings(received("a", "900")) == []
    assert desk.policy().gift_bands == [Decimal(50), Decimal(300), Decimal(1000)]
    set_language("en")
    assert band_text(ValueBand.MODEST, desk.policy()) == "PLN\u00a050.00 to PLN\u00a0300.00"


def test_a_policy_with_falling_band_limits_is_refused(desk: Desk) -> None:
    with pytest.raises(DeskError, match="gift_bands"):
        desk.set_policy({"gift_bands": ["500", "100", "2000"]})
    assert desk.policy().gift_bands == LIMITS       # nothing saved


def test_a_given_gift_repeating_one_given_to_the_same_partner_is_flagged(krakow: Desk) -> None:
    krakow.gifts.create({"key": "leipzig-2019-album", "direction": "given", "partner": "leipzig",
                         "date": "2019-06", "description": "Album „Kraków”", "recipient": "Burmistrz Lipska"})
    planned = {"key": "leipzig-2027-album", "direction": "given", "partner": "leipzig",
               "description": "album o Krakowie"}
    [warning] = krakow.gift_warnings(planned)
    assert warning.kind == "repeat" and warning.earlier.key == "leipzig-2019-album"
    assert warning.text == ("Powtarza dar już wręczony (czerwiec 2019; odbiorca: Burmistrz Lipska): "
                            "Album „Kraków”")
    assert krakow.gift_warnings({**planned, "description": "Kryształowy wazon"}) == []
    # another partner's album is no repeat, nor is a later gift
    assert krakow.gift_warnings({**planned, "partner": "bordeaux"}) == []
    assert krakow.gift_warnings({**planned, "date": "2018"}) == []


def test_a_repeat_to_the_same_person_across_partners(krakow: Desk) -> None:
    krakow.gifts.create({"key": "g1", "direction": "given", "partner": "kyiv", "date": "2020",
                         "description": "Szopka krakowska", "recipient": "Witalij Kliczko"})
    warnings = krakow.gift_warnings({"key": "g2", "direction": "given", "description": "szopka",
                                     "recipient": "mer Witalij Kliczko"})
    assert [w.earlier.key for w in warnings] == ["g1"]


def test_a_visits_gift_history(krakow: Desk) -> None:
    krakow.visits.create({"key": "leipzig-2027", "direction": "incoming", "partners": ["leipzig"],
                          "title": "Wizyta z Lipska", "start_on": "2027-03-01",
                          "participants": [{"name": "Burkhard Jung", "side": "guest"}]})
    krakow.gifts.create({"key": "old", "direction": "given", "partner": "leipzig", "date": "2015",
                         "description": "Album o Krakowie"})
    krakow.gifts.create({"key": "to-jung", "direction": "given", "date": "2016", "description": "Pióro",
                         "recipient": "Burkhard Jung"})
    krakow.gifts.create({"key": "planned", "direction": "given", "partner": "leipzig", "visit": "leipzig-2027",
                         "description": "Album „Kraków”"})
    history = krakow.gift_history("leipzig-2027")
    assert [g.key for g in history.visit_gifts] == ["planned"]
    assert "old" in [g.key for g in history.partner_gifts]
    assert [(name, g.key) for name, g in history.people_gifts] == [("Burkhard Jung", "to-jung")]
    assert [(w.kind, w.earlier.key) for w in history.warnings] == [("repeat", "old")]


def test_a_participant_known_only_by_role_matches_no_gifts(krakow: Desk) -> None:
    krakow.visits.create({"key": "v", "direction": "outgoing", "partners": ["leipzig"], "title": "Wyjazd",
                          "participants": [{"role": "Prezydent Miasta Krakowa", "side": "guest"}]})
    krakow.gifts.create({"key": "elsewhere", "direction": "given", "partner": "kyiv", "description": "Album",
                         "giver": "Prezydent Miasta Krakowa"})
    assert krakow.gift_history("v").people_gifts == []
