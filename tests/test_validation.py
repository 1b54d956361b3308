"""Bad input is refused with a message naming the field, and nothing half-written remains."""

import pytest

from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DuplicateKey, InUse, InvalidRecord, NotFound, UnknownReference

@pytest.fixture(autouse=True)
def _english() -> None:
    from krakow_desk import i18n
    i18n.set_language("en")


PARTNER = {"key": "rochester", "name": "Rochester", "name_en": "Rochester", "country": "US",
           "statuses": [{"status": "active", "since": "1973-07-18"}], "domains": ["health"]}


def agreement(**extra: object) -> dict:
    return {"key": "rochester-1973", "partner": "rochester", "kind": "cooperation_agreement",
            "signed_on": "1973-07-18", **extra}


def test_a_valid_partner_is_saved_and_read_back(desk: Desk) -> None:
    saved = desk.partners.create(PARTNER)
    assert saved.changes.created == (("partner", "rochester"),)
    again = desk.partners.get("rochester")
    assert again.name == "Rochester" and again.statuses[0].since.iso() == "1973-07-18"
    assert [d.value for d in again.domains] == ["health"]


@pytest.mark.parametrize("change, field, words", [
    ({"name": "  "}, "name", "required"),
    ({"country": "XX"}, "country", "ISO 3166"),
    ({"country": None}, "country", "required"),
    ({"latitude": 95, "longitude": 10}, "latitude", "at most 90"),
    ({"latitude": 50.0}, "longitude", "give both"),
    ({"population": -5}, "population", "at least 0"),
    ({"timezone": "Mars/Olympus"}, "timezone", "IANA"),
    ({"statuses": [{"status": "active", "since": "2023-02-30"}]}, "statuses[0].since", "real calendar date"),
    ({"statuses": [{"status": "active", "since": "2010", "until": "2005"}]}, "statuses[0].until", "before"),
    ({"statuses": [{"status": "sleeping"}]}, "statuses[0].status", "is not one of"),
    ({"domains": ["knitting"]}, "domains[0]", "is not one of"),
    ({"key": "Not A Key"}, "key", "lower-case"),
    ({"colour": "red"}, "colour", "not a known field"),
])
def test_partner_errors_name_the_field(desk: Desk, change: dict, field: str, words: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        desk.partners.create({**PARTNER, **change})
    assert caught.value.field == field
    assert words in caught.value.message
    assert field in caught.value.message
    assert desk.partners.count() == 0


@pytest.mark.parametrize("change, field", [
    ({"term_start": "2023-02-30"}, "term_start"),
    ({"term_start": "2010-01-01", "term_end": "2009-12-31"}, "term_end"),
    ({"term_months": 0}, "term_months"),
    ({"indefinite": True, "term_end": "2020-01-01"}, "term_end"),
    ({"relation": "renews"}, "related"),
])
def test_agreement_errors_name_the_field(desk: Desk, change: dict, field: str) -> None:
    desk.partners.create(PARTNER)
    with pytest.raises(InvalidRecord) as caught:
        desk.agreements.create(agreement(**change))
    assert caught.value.field == field
    assert desk.agreements.count() == 0


def test_an_unknown_partner_is_named(desk: Desk) -> None:
    with pytest.raises(UnknownReference) as caught:
        desk.agreements.create(agreement(partner="atlantis"))
    assert caught.value.field == "partner" and "atlantis" in caught.value.message
    assert desk.agreements.count() == 0


def test_a_negative_or_zero_quantity_is_refused(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    for quantity in (-4, 0):
        with pytest.raises(InvalidRecord) as caught:
            desk.gifts.create({"key": "g", "direction": "received", "partner": "rochester",
                               "description": "Ambulance", "quantity": quantity})
        assert caught.value.field == "quantity"
    with pytest.raises(InvalidRecord) as caught:
        desk.gifts.create({"key": "g", "direction": "received", "description": "Money", "value": 100})
    assert caught.value.field == "currency"
    assert desk.gifts.count() == 0


def test_a_bad_child_row_leaves_nothing_half_written(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    visit = {"key": "v", "direction": "incoming", "title": "Delegation", "partners": ["rochester", "nowhere"]}
    with pytest.raises(UnknownReference) as caught:
        desk.visits.create(visit)
    assert caught.value.field == "partners[1]"
    assert desk.visits.count() == 0


def test_an_update_that_fails_keeps_what_was_saved(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    with pytest.raises(InvalidRecord):
        desk.partners.update("rochester", {**PARTNER, "name": "New name", "statuses": [{"status": "nope"}]})
    kept = desk.partners.get("rochester")
    assert kept.name == "Rochester" and len(kept.statuses) == 1


def test_keys_are_unique(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    with pytest.raises(DuplicateKey) as caught:
        desk.partners.create({**PARTNER, "name": "Another"})
    assert caught.value.field == "key"


def test_hostile_text_is_kept_as_it_was_typed(desk: Desk) -> None:
    text = '<b>Ratusz</b> & "Sukiennice" =SUM(A1) \'; DROP TABLE partner; --'
    desk.partners.create({**PARTNER, "notes": text, "name_native": "Київ 南京 თბილისი فاس"})
    partner = desk.partners.get("rochester")
    assert partner.notes == text
    assert partner.name_native == "Київ 南京 თბილისი فاس"


def test_delete_refuses_while_records_depend_and_says_what(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    desk.agreements.create(agreement())
    with pytest.raises(InUse) as caught:
        desk.partners.delete("rochester")
    assert caught.value.dependents == {"agreement": 1}
    assert desk.partners.dependents("rochester") == {"agreement": 1}
    assert "1 × agreement" in caught.value.message
    desk.agreements.delete("rochester-1973")
    assert desk.partners.delete("rochester").deleted == (("partner", "rochester"),)
    with pytest.raises(NotFound):
        desk.partners.get("rochester")


def test_update_reports_no_change_when_nothing_changed(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    assert not desk.partners.update("rochester", PARTNER).changes
    assert desk.partners.update("rochester", {**PARTNER, "notes": "x"}).changes.updated == (("partner", "rochester"),)


def test_agreements_may_relate_to_one_another(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    desk.agreements.create(agreement())
    desk.agreements.create(agreement(key="rochester-1998", signed_on="1998", relation="renews",
                                     related="rochester-1973"))
    renewal = desk.agreements.get("rochester-1998")
    assert renewal.related == "rochester-1973" and renewal.signed_on.iso() == "1998"


def test_a_source_must_exist(desk: Desk) -> None:
    with pytest.raises(UnknownReference) as caught:
        desk.partners.create({**PARTNER, "population": 5, "population_source": "nowhere"})
    assert caught.value.field == "population_source"


def test_messages_speak_polish_when_the_window_does(desk: Desk) -> None:
    from krakow_desk import i18n
    i18n.set_language("pl")
    with pytest.raises(InvalidRecord) as caught:
        desk.partners.create({**PARTNER, "name": ""})
    assert caught.value.message == "partner 'rochester': name: pole wymagane"
    with pytest.raises(UnknownReference) as caught:
        desk.agreements.create(agreement(partner="atlantis"))
    assert "partner 'atlantis' nie istnieje" in caught.value.message
