"""Krakow's own data: every partner of the seeds, the agreements, and a lossless round trip."""

import json
from collections import Counter
from pathlib import Path

import pytest

from krakow_desk.exchange import dataset_json
from krakow_desk.resources import krakow_dataset
from krakow_desk.services.dataset import export_dataset, import_dataset
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DatasetError, InvalidRecord

# Every city the two seeds name as a partner, with the category the programme gives it.
SEED_PARTNERS = {
    "kyiv": ("Kijów", "twin_city"), "leuven": ("Leuven", "twin_city"),
    "milan": ("Mediolan", "twin_city"), "nuremberg": ("Norymberga", "twin_city"),
    "curitiba": ("Kurytyba", "honorary_twin_city"), "la-serena": ("La Serena", "honorary_twin_city"),
    "bordeaux": ("Bordeaux", "partner_city"), "bratislava": ("Bratysława", "partner_city"),
    "budapest": ("Budapeszt", "partner_city"), "cusco": ("Cusco", "partner_city"),
    "edinburgh": ("Edynburg", "partner_city"), "fez": ("Fez", "partner_city"),
    "florence": ("Florencja", "partner_city"), "frankfurt": ("Frankfurt nad Menem", "partner_city"),
    "gothenburg": ("Göteborg", "partner_city"), "innsbruck": ("Innsbruck", "partner_city"),
    "leipzig": ("Lipsk", "partner_city"), "lviv": ("Lwów", "partner_city"),
    "orleans": ("Orlean", "partner_city"), "pecs": ("Pecs", "partner_city"),
    "rochester": ("Rochester", "partner_city"), "saint-petersburg": ("Sankt Petersburg", "partner_city"),
    "seville": ("Sewilla", "partner_city"), "solothurn": ("Solura", "partner_city"),
    "vilnius": ("Wilno", "partner_city"), "zagreb": ("Zagrzeb", "partner_city"),
    "moscow": ("Moskwa", "no_agreement"), "quito": ("Quito", "no_agreement"),
    "strasbourg": ("Strasbourg", "no_agreement"), "vienna": ("Wiedeń", "no_agreement"),
    "kosice": ("Koszyce", "no_agreement"), "olomouc": ("Ołomuniec", "no_agreement"),
    "tbilisi": ("Tbilisi", None), "nanjing": ("Nankin", None), "rome": ("Rzym", None),
    "trondheim": ("Trondheim", None), "san-francisco": ("San Francisco", None),
}

# Counted by hand from the programme (and the later page for Olomouc). The third honorary title is
# Curitiba's grant to Krakow: the chapter on the Polish diaspora says the two cities conferred the
# title on each other.
AGREEMENTS_PER_KIND = {
    "cooperation_agreement": 21, "understanding": 7, "cooperation_protocol": 7, "joint_statement": 5,
    "declaration": 4, "partnership_agreement": 4, "twin_city_agreement": 3,
    "cooperation_programme": 2, "friendship_pact": 2, "honorary_twin_city_title": 3,
    "letter_of_intent": 2,
}


def test_every_partner_of_the_seeds_is_present(krakow: Desk) -> None:
    partners = {p.key: p for p in krakow.partners.all()}
    assert set(partners) == set(SEED_PARTNERS)
    for key, (name, category) in SEED_PARTNERS.items():
        assert partners[key].name == name
        assert (partners[key].category.value if partners[key].category else None) == category
    assert Counter(p.category.value for p in partners.values() if p.category)["partner_city"] == 20


def test_agreements_counted_per_kind(krakow: Desk) -> None:
    counts = Counter(a.kind.value for a in krakow.agreements.all())
    assert dict(counts) == AGREEMENTS_PER_KIND


def test_rochester_agreement_renews_every_five_years_with_six_months_notice(krakow: Desk) -> None:
    rochester = krakow.agreements.get("rochester-1973-07-18-cooperation-agreement")
    assert rochester.signed_on.iso() == "1973-07-18"
    assert (rochester.term_months, rochester.auto_renews, rochester.renewal_months,
            rochester.notice_months) == (60, True, 60, 6)


def test_terms_the_programme_states(krakow: Desk) -> None:
    agreements = {a.key: a for a in krakow.agreements.all()}
    # "na lata 1997 – 2001", "na okres 2006-2008": whole calendar years.
    for key, start, end in (
            ("frankfurt-1997-07-09-cooperation-protocol", "1997-01-01", "2001-12-31"),
            ("moscow-2004-07-01-cooperation-programme", "2004-01-01", "2006-12-31"),
            ("moscow-2006-04-19-cooperation-programme", "2006-01-01", "2008-12-31"),
            ("orleans-2002-09-05-cooperation-protocol", "2002-01-01", "2003-12-31"),
            ("zagreb-1986-04-03-cooperation-protocol", "1986-01-01", "1990-12-31")):
        agreement = agreements[key]
        assert (agreement.term_start.isoformat(), agreement.term_end.isoformat()) == (start, end), key
        assert not agreement.auto_renews and not agreement.indefinite, key
    # Vienna 2005: "przewidziane na okres 4 lat", signed on 1 July 2005; its end is left to the arithmetic.
    vienna = agreements["vienna-2005-07-01-joint-statement"]
    assert (vienna.term_start.isoformat(), vienna.term_months, vienna.term_end, vienna.auto_renews) == (
        "2005-07-01", 48, None, False)
    # Göteborg: "automatycznie przedłużana umowa terminowa" -- neither the term nor notice is stated.
    gothenburg = agreements["gothenburg-1990-03-22-cooperation-agreement"]
    assert gothenburg.auto_renews
    assert (gothenburg.term_months, gothenburg.renewal_months, gothenburg.notice_months) == (None, None, None)
    assert {k for k, a in agreements.items() if a.auto_renews} == {
        "rochester-1973-07-18-cooperation-agreement", "gothenburg-1990-03-22-cooperation-agreement"}
    assert {k for k, a in agreements.items() if a.indefinite} == {
        "florence-1985-04-18-cooperation-agreement", "saint-petersburg-2006-04-20-cooperation-agreement"}
    assert not any(a.terminated_on for a in agreements.values())


def test_documents_that_renew_or_confirm_another(krakow: Desk) -> None:
    relations = {a.key: (a.relation.value, a.related) for a in krakow.agreements.all() if a.relation}
    assert relations == {
        "orleans-2002-05-07-friendship-pact": ("renews", "orleans-1992-03-14-friendship-pact"),
        "pecs-1998-04-27-cooperation-agreement": ("renews", "pecs-1987-05-27-cooperation-agreement"),
        "florence-1987-10-09-cooperation-agreement": ("confirms", "florence-1985-04-18-cooperation-agreement"),
    }


def test_curitiba_and_krakow_conferred_the_title_on_each_other(krakow: Desk) -> None:
    titles = {a.key: a for a in krakow.agreements.all()
              if a.partner == "curitiba" and a.kind.value == "honorary_twin_city_title"}
    assert set(titles) == {"curitiba-1993-02-05-honorary-twin-city-title",
                           "curitiba-undated-honorary-twin-city-title"}
    by_krakow = titles["curitiba-1993-02-05-honorary-twin-city-title"]
    assert (by_krakow.signed_on.iso(), by_krakow.party_krakow) == ("1993-02-05", "Rada Miasta Krakowa")
    by_curitiba = titles["curitiba-undated-honorary-twin-city-title"]
    assert (by_curitiba.signed_on, by_curitiba.party_partner) == (None, "Kurytyba")


def test_memberships_gifts_and_reported_figures(krakow: Desk) -> None:
    memberships = {m.organisation: m for m in krakow.memberships.all()}
    assert len(memberships) == 8
    assert memberships["eurocities"].joined_year == 1990
    league = next(m for m in memberships.values() if m.fee is not None and m.fee > 0)
    assert (league.fee, league.fee_currency) == (100, "USD")
    gifts = krakow.gifts.all()
    trams = [g for g in gifts if g.partner == "nuremberg" and g.quantity == 124]
    assert trams and trams[0].direction.value == "received"
    engines = [g for g in gifts if g.partner == "innsbruck" and g.quantity == 4]
    assert engines and engines[0].date.iso() == "2003-12"
    bust = [g for g in gifts if g.partner == "la-serena" and g.direction.value == "given"]
    assert bust and "Domeyk" in bust[0].description and bust[0].date.iso() == "2005-09"
    figures = {(f.year, f.metric.value): f for f in krakow.yearly_figures()}
    assert figures[(2005, "delegations_received")].value == 100
    assert figures[(2005, "delegations_received")].approximate
    assert figures[(2005, "delegations_from_partners")].value == 21
    assert figures[(2005, "trips_abroad")].value == 182
    assert figures[(2005, "presentations_and_fairs")].value == 30


def test_visits_events_and_gifts_of_the_programme(krakow: Desk) -> None:
    # Counted from the programme, partner by partner (the audit behind issue 5); the later page has none.
    assert (krakow.visits.count(), krakow.events.count(), krakow.gifts.count()) == (28, 90, 36)
    for record in (*krakow.visits.all(), *krakow.events.all(), *krakow.gifts.all()):
        assert record.source == "programme-2006", record.key
    # "podpisany w Moskwie w dniu 19 kwietnia 2006 r. przez Prezydenta Miasta Krakowa i Mera Miasta Moskwy"
    moscow = krakow.visits.get("moscow-2006-04-19-president")
    assert (moscow.direction.value, moscow.start_on.iso(), moscow.end_on, moscow.place) == (
        "outgoing", "2006-04-19", None, "Moskwa")
    assert [(p.side.value, p.role) for p in moscow.participants] == [
        ("guest", "Prezydent Miasta Krakowa"), ("host", "Mer Miasta Moskwy")]
    # "Prowadzone są przygotowania do zorganizowania misji gospodarczej" -- planned, no date given.
    mission = krakow.visits.get("lviv-planned-business-mission")
    assert (mission.status.value, mission.start_on, mission.partners) == ("planned", None, ["lviv"])
    # "Kraków regularnie uczestniczy w międzynarodowych targach turystycznych TUR w Göteborgu" -- no year.
    fair = krakow.events.get("gothenburg-tur-fair")
    assert (fair.kind.value, fair.partners, fair.place, fair.start_on) == (
        "fair", ["gothenburg"], "Göteborg", None)
    # "IV Światowej Konferencji Miast Historycznych w Kyoto w 1994 r." -- a year, no month.
    kyoto = krakow.events.get("lhc-1994-kyoto-conference")
    assert (kyoto.kind.value, kyoto.start_on.iso(), kyoto.place) == ("conference", "1994", "Kyoto")
    # "pomoc materialna (ratrak, skuter śnieżny, specjalne akcje pomocy dla młodzieży z Krakowa)"
    youth = krakow.gifts.get("innsbruck-youth-aid")
    assert (youth.direction.value, youth.category.value, youth.partner, youth.date) == (
        "received", "material_aid", "innsbruck", None)
    # Krakow sends Polish books to the diaspora: a gift given to no partner city.
    books = krakow.gifts.get("polonia-polish-publications")
    assert (books.direction.value, books.category.value, books.partner) == ("given", "book", None)


def test_every_geographic_fact_has_a_source(krakow: Desk) -> None:
    sources = {s.key for s in krakow.sources.all()}
    for partner in krakow.partners.all():
        for value, source in ((partner.latitude, partner.coordinates_source),
                              (partner.population, partner.population_source),
                              (partner.area_km2, partner.area_source),
                              (partner.elevation_m, partner.elevation_source)):
            if value is not None:
                assert source in sources, (partner.key, value)


def test_native_scripts_survive(krakow: Desk) -> None:
    assert krakow.find_partner("Київ").key == "kyiv"
    assert krakow.find_partner("kijow").key == "kyiv"
    assert krakow.find_partner("KIEV").key == "kyiv"
    assert krakow.find_partner("南京").key == "nanjing"
    assert krakow.find_partner("თბილისი").key == "tbilisi"
    assert krakow.find_partner("فاس").key == "fez"
    assert krakow.find_partner("goteborg").key == "gothenburg"


def test_the_data_file_is_in_canonical_form(krakow: Desk) -> None:
    assert dataset_json.dumps(export_dataset(krakow)) == krakow_dataset().read_text(encoding="utf-8")


def test_export_import_export_is_byte_identical(krakow: Desk, tmp_path: Path) -> None:
    first = dataset_json.dumps(export_dataset(krakow))
    with Desk.open(str(tmp_path / "copy.sqlite3"), create=True) as other:
        import_dataset(other, dataset_json.loads(first))
        assert dataset_json.dumps(export_dataset(other)) == first


def test_reimporting_the_same_data_changes_nothing(krakow: Desk) -> None:
    report = import_dataset(krakow, dataset_json.read(krakow_dataset()))
    assert report.total_changed == 0
    assert report.unchanged["partners"] == len(SEED_PARTNERS)


def test_import_merges_by_key_and_dry_run_writes_nothing(krakow: Desk) -> None:
    data = json.loads(krakow_dataset().read_text(encoding="utf-8"))
    data["partners"] = [p for p in data["partners"] if p["key"] == "leuven"]
    data["partners"][0]["notes"] = "Nowa notatka"
    data["partners"].append({**data["partners"][0], "key": "ghent", "name": "Gandawa", "name_en": "Ghent",
                             "aliases": [], "statuses": []})
    subset = {"format": data["format"], "version": 1, "partners": data["partners"]}
    dry = import_dataset(krakow, dataset_json.loads(json.dumps(subset)), dry_run=True)
    assert dry.created == {"partners": 1} and dry.updated == {"partners": 1}
    assert krakow.partners.find("ghent") is None
    assert krakow.partners.get("leuven").notes != "Nowa notatka"
    import_dataset(krakow, dataset_json.loads(json.dumps(subset)))
    assert krakow.partners.get("leuven").notes == "Nowa notatka"
    assert krakow.partners.get("ghent").name == "Gandawa"
    assert krakow.partners.count() == len(SEED_PARTNERS) + 1


@pytest.mark.parametrize("text, words", [
    ("not json at all", "not valid JSON"),
    ("[1, 2]", "JSON object"),
    ('{"format": "something-else", "version": 1}', "not a Krakow Desk dataset"),
    ('{"format": "krakow-desk/dataset", "version": 99}', "newer"),
    ('{"format": "krakow-desk/dataset", "version": 1, "partners": [{"key": "x", "name": "X", '
     '"country": "PL", "population": -1}]}', "partners 'x': population"),
])
def test_hostile_files_are_refused_with_a_reason(text: str, words: str) -> None:
    with pytest.raises((DatasetError, InvalidRecord)) as caught:
        dataset_json.loads(text)
    assert words in caught.value.message


def test_a_failing_import_writes_nothing(krakow: Desk) -> None:
    bad = {"format": "krakow-desk/dataset", "version": 1,
           "partners": [{"key": "ghent", "name": "Gandawa", "country": "BE"}],
           "agreements": [{"key": "ghent-1", "partner": "atlantis", "kind": "memorandum"}]}
    with pytest.raises(InvalidRecord, match="atlantis"):
        import_dataset(krakow, dataset_json.loads(json.dumps(bad)))
    assert krakow.partners.find("ghent") is None


def test_a_changed_agreement_keeps_the_agreement_it_renews(krakow: Desk) -> None:
    renewal = krakow.agreements.get("orleans-2002-05-07-friendship-pact")
    assert renewal.related == "orleans-1992-03-14-friendship-pact"
    changed = {**renewal.model_dump(mode="json"), "notes": "Sprawdzone z oryginałem."}
    subset = {"format": "krakow-desk/dataset", "version": 1, "agreements": [changed]}
    report = import_dataset(krakow, dataset_json.loads(json.dumps(subset)))
    assert report.updated == {"agreements": 1}
    again = krakow.agreements.get("orleans-2002-05-07-friendship-pact")
    assert again.notes == "Sprawdzone z oryginałem." and again.related == "orleans-1992-03-14-friendship-pact"
