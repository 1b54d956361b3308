"""Vocabulary labels, alphabetical order and continents, as a person sees them in both languages."""

import json
from enum import Enum
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from krakow_desk import labels
from krakow_desk.collation import sort_key
from krakow_desk.domain import enums as e
from krakow_desk.domain.continents import continent_of, countries_in
from krakow_desk.i18n import set_language, translations

DATA = Path(__file__).resolve().parent.parent / "data" / "krakow.json"
ALL_MEMBERS = [member for enum_cls in labels.labelled_enums() for member in enum_cls]


def test_the_enums_module_is_really_scanned() -> None:
    found = set(labels.labelled_enums())
    assert {e.Domain, e.AgreementKind, e.TaskStatus, e.Continent, e.Precision} <= found
    assert e.StrEnum not in found


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_enum_value_has_a_label_translated_to_polish(member: Enum) -> None:
    # a new enum value without a label (or without Polish) fails here, not in front of a user
    assert labels.has_label(member), f"{type(member).__name__}.{member.name} has no label in krakow_desk/labels.py"
    source = labels._LABELS[type(member), member.value]
    assert translations("pl").gettext(source) != source or source in _SAME_IN_POLISH, source


_SAME_IN_POLISH = {"region", "sport", "memorandum", "e-mail", "Oceania"}


@pytest.mark.parametrize("language", ["pl", "en"])
def test_no_two_values_of_a_vocabulary_look_alike(language: str) -> None:
    set_language(language)
    for enum_cls in labels.labelled_enums():
        names = [labels.label(member) for member in enum_cls]
        assert len(set(names)) == len(names), enum_cls.__name__


@pytest.mark.parametrize("member, polish, english", [
    (e.Domain.CULTURE, "kultura", "culture"),
    (e.Domain.ECONOMY, "gospodarka", "economy"),
    (e.Domain.DIASPORA, "Polonia", "Polish diaspora"),
    (e.AgreementKind.LETTER_OF_INTENT, "list intencyjny", "letter of intent"),
    (e.AgreementKind.PARTNERSHIP_AGREEMENT, "umowa partnerska", "partnership agreement"),
    (e.AgreementKind.FRIENDSHIP_PACT, "układ o przyjaźni", "friendship pact"),
    (e.VisitStatus.CANCELLED, "odwołana", "cancelled"),
    (e.TaskStatus.CANCELLED, "nieaktualne", "no longer needed"),
    (e.InstitutionKind.POLONIA_ORGANISATION, "organizacja polonijna", "Polish diaspora organisation"),
    (e.Continent.NORTH_AMERICA, "Ameryka Północna", "North America"),
    (e.Continent.SOUTH_AMERICA, "Ameryka Południowa", "South America"),
    (None, "nie określono", "not stated"),
])
def test_labels_read_as_the_office_says_them(member: Enum | None, polish: str, english: str) -> None:
    assert labels.label(member) == polish
    set_language("en")
    assert labels.label(member) == english


def test_choices_are_in_polish_alphabetical_order() -> None:
    names = [name for _member, name in labels.choices(e.Continent)]
    assert names == ["Afryka", "Ameryka Południowa", "Ameryka Północna", "Antarktyda", "Azja",
                     "Europa", "Oceania"]
    set_language("en")
    assert [name for _member, name in labels.choices(e.Continent)][:3] == ["Africa", "Antarctica", "Asia"]


def test_other_comes_last_and_scales_keep_their_order() -> None:
    names = [name for _member, name in labels.choices(e.InstitutionKind)]
    assert names[-1] == "inne" and names[:3] == ["ambasada", "firma", "instytut kultury"]
    assert [member for member, _name in labels.choices(e.Assessment)] == list(e.Assessment)
    assert [name for _member, name in labels.choices(e.TaskStatus)] == \
        ["do wykonania", "w toku", "wykonane", "nieaktualne"]


def test_choices_cover_the_whole_vocabulary() -> None:
    assert {member for member, _name in labels.choices(e.Domain)} == set(e.Domain)


def test_countries_sort_by_the_polish_alphabet() -> None:
    names = [name for _code, name in labels.countries()]
    assert names.index("Luksemburg") < names.index("Łotwa") < names.index("Macedonia Północna")
    assert names.index("Wyspy Salomona") < names.index("Wyspy Świętego Tomasza i Książęca") < names.index("Zambia")
    assert names.index("Czarnogóra") < names.index("Czechy") < names.index("Dania")
    assert dict(labels.countries())["GE"] == "Gruzja"


def test_country_names_follow_the_language() -> None:
    assert labels.country_name("de") == "Niemcy"
    set_language("en")
    assert labels.country_name("DE") == "Germany"
    assert labels.country_name(None) == ""


# -- collation --------------------------------------------------------------------------------

POLISH_ORDER = ["Ćmielów", "Lublin", "Lwów", "Łódź", "Ołomuniec", "Orlean", "Sewilla", "Śrem",
                "Zabrze", "Zürich", "Źródła", "Żywiec"]


def test_polish_alphabet_order() -> None:
    assert sort_key("Lwów") < sort_key("Łódź")
    assert sort_key("Ołomuniec") < sort_key("Orlean")
    assert sorted(reversed(POLISH_ORDER), key=sort_key) == POLISH_ORDER
    # a letter Polish does not have counts as its base letter, its accent only breaks ties
    assert sort_key("Zürich") < sort_key("Źródła")
    assert sorted(["Czestochowa", "Ćmielów", "Częstochowa", "Cusco"], key=sort_key) == \
        ["Cusco", "Czestochowa", "Częstochowa", "Ćmielów"]


def test_english_ignores_accents_at_first() -> None:
    set_language("en")
    assert sorted(["Lwów", "Łódź", "Lublin"], key=sort_key) == ["Łódź", "Lublin", "Lwów"]
    assert sorted(["Zürich", "Źródła", "Zabrze", "Żywiec"], key=sort_key) == \
        ["Zabrze", "Źródła", "Zürich", "Żywiec"]
    assert sort_key("resume") < sort_key("résumé") < sort_key("resumes")


def test_case_is_ignored_but_order_stays_total() -> None:
    assert sorted(["lublin", "LWÓW", "Lublin"], key=sort_key) == ["lublin", "Lublin", "LWÓW"]
    assert sort_key("Kraków") != sort_key("kraków")


def test_other_scripts_come_after_latin_in_a_stable_order() -> None:
    words = ["北京", "თბილისი", "Киев", "Αθήνα", "القاهرة", "Żywiec", "Kyjiw",
             "Ґалич", "Гамбург"]
    ordered = sorted(words, key=sort_key)
    assert ordered[:2] == ["Kyjiw", "Żywiec"]
    # Greek, Cyrillic (Ukrainian ґ right after г), Arabic, Georgian, Chinese
    assert ordered[2:] == ["Αθήνα", "Гамбург", "Ґалич", "Киев", "القاهرة",
                           "თბილისი", "北京"]


def test_spaces_and_digits_come_before_letters() -> None:
    assert sorted(["Newark", "New York", "3city", ""], key=sort_key) == ["", "3city", "New York", "Newark"]


@given(st.lists(st.text(max_size=8), max_size=12))
def test_sorting_is_total_and_repeatable(words: list[str]) -> None:
    once = sorted(words, key=sort_key)
    assert sorted(reversed(once), key=sort_key) == once
    for a in words:
        for b in words:
            assert (sort_key(a) == sort_key(b)) == (a == b)


# -- continents ------------------------------------------------------------------------------

def test_every_partner_of_krakow_lies_on_a_continent() -> None:
    partners = json.loads(DATA.read_text(encoding="utf-8"))["partners"]
    where = {p["country"]: continent_of(p["country"]) for p in partners}
    assert None not in where.values()
    europe = {"UA", "BE", "IT", "DE", "FR", "SK", "HU", "GB", "AT", "SE", "RU", "ES", "CH", "LT",
              "HR", "CZ", "NO"}
    assert {code for code, continent in where.items() if continent is e.Continent.EUROPE} == europe & set(where)
    assert {code: where[code] for code in ("BR", "CL", "PE", "EC", "US", "MA", "CN", "GE")} == {
        "BR": e.Continent.SOUTH_AMERICA, "CL": e.Continent.SOUTH_AMERICA, "PE": e.Continent.SOUTH_AMERICA,
        "EC": e.Continent.SOUTH_AMERICA, "US": e.Continent.NORTH_AMERICA, "MA": e.Continent.AFRICA,
        "CN": e.Continent.ASIA, "GE": e.Continent.ASIA}   # Georgia: UN M49 "Western Asia"


def test_continents_of_other_countries() -> None:
    assert continent_of("pl") is e.Continent.EUROPE
    assert continent_of("MX") is e.Continent.NORTH_AMERICA       # Central America is North America
    assert continent_of("JM") is e.Continent.NORTH_AMERICA       # so is the Caribbean
    assert continent_of("AU") is e.Continent.OCEANIA
    assert continent_of("AQ") is e.Continent.ANTARCTICA
    assert continent_of("XX") is None and continent_of("") is None and continent_of(None) is None


def test_every_country_babel_names_has_a_continent() -> None:
    from babel import Locale
    codes = {code for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
    # groupings and codes that are no country
    unplaced = {code for code in codes if continent_of(code) is None}
    assert unplaced <= {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}
    assert len(countries_in(e.Continent.EUROPE)) > 40
