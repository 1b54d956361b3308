"""Synthetic partners with their records, as plain rows for bulk inserts (services.demo).

Names, jobs, companies and phone numbers come from Faker in the partner country's locale, drawn
once into pools from a fixed seed; everything else is picked by a random generator seeded with
the partner's number alone, so partner n is the same whichever run adds it. Dates lie between
1990 and 2030 (not around today), so the same number gives the same data on any day.
"""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from krakow_desk.domain import enums as e
from krakow_desk.domain.text import slugify

SEED = 20061122          # fixed, independent of the scale asked for
POOL = 120               # values drawn per locale and kind: enough variety, quick to draw
FIRST_DAY = dt.date(1990, 1, 1)
DAYS = (dt.date(2030, 12, 31) - FIRST_DAY).days


@dataclass(frozen=True)
class Locale:
    code: str            # Faker's locale
    country: str         # ISO 3166 alpha-2
    timezone: str
    currency: str
    language: str        # ISO 639-1
    latin: bool          # Faker's city names are in Latin script


LOCALES = (
    Locale("de_DE", "DE", "Europe/Berlin", "EUR", "de", True),
    Locale("uk_UA", "UA", "Europe/Kyiv", "UAH", "uk", False),
    Locale("en_GB", "GB", "Europe/London", "GBP", "en", True),
    Locale("fr_FR", "FR", "Europe/Paris", "EUR", "fr", True),
    Locale("zh_CN", "CN", "Asia/Shanghai", "CNY", "zh", False),
    Locale("it_IT", "IT", "Europe/Rome", "EUR", "it", True),
    Locale("ka_GE", "GE", "Asia/Tbilisi", "GEL", "ka", False),
    Locale("cs_CZ", "CZ", "Europe/Prague", "CZK", "cs", True),
    Locale("ar_SA", "SA", "Asia/Riyadh", "SAR", "ar", False),
    Locale("hu_HU", "HU", "Europe/Budapest", "HUF", "hu", True),
    Locale("ja_JP", "JP", "Asia/Tokyo", "JPY", "ja", False),
    Locale("es_ES", "ES", "Europe/Madrid", "EUR", "es", True),
    Locale("he_IL", "IL", "Asia/Jerusalem", "ILS", "he", False),
    Locale("pl_PL", "PL", "Europe/Warsaw", "PLN", "pl", True),
)

# Faker's geography knows few places (or none) in these countries: some more, in Latin script.
EXTRA_PLACES: dict[str, tuple[tuple[str, float, float], ...]] = {
    "HU": (("Budapest", 47.50, 19.04), ("Debrecen", 47.53, 21.63), ("Szeged", 46.25, 20.15),
           ("Pécs", 46.07, 18.23), ("Győr", 47.69, 17.63), ("Eger", 47.90, 20.37)),
    "GE": (("Kutaisi", 42.27, 42.70), ("Batumi", 41.64, 41.63), ("Rustavi", 41.55, 45.00),
           ("Zugdidi", 42.51, 41.87), ("Gori", 41.98, 44.11), ("Telavi", 41.92, 45.47), ("Poti", 42.15, 41.67)),
    "SA": (("Jeddah", 21.49, 39.19), ("Mecca", 21.39, 39.86), ("Medina", 24.47, 39.61),
           ("Dammam", 26.43, 50.10), ("Taif", 21.27, 40.42), ("Tabuk", 28.38, 36.57), ("Abha", 18.22, 42.51)),
    "IL": (("Haifa", 32.79, 34.99), ("Beersheba", 31.25, 34.79), ("Netanya", 32.33, 34.86),
           ("Ashdod", 31.80, 34.65), ("Eilat", 29.56, 34.95), ("Nazareth", 32.70, 35.30)),
    "PL": (("Gdańsk", 54.35, 18.65), ("Wrocław", 51.11, 17.03), ("Poznań", 52.41, 16.93),
           ("Lublin", 51.25, 22.57), ("Rzeszów", 50.04, 22.00)),
}

TOPICS = ("współpracy kulturalnej", "wymiany młodzieży", "transportu publicznego", "ochrony zabytków",
          "turystyki", "gospodarki i inwestycji", "edukacji", "ochrony środowiska", "sportu",
          "polityki senioralnej", "zarządzania kryzysowego", "rewitalizacji dzielnic", "zdrowia publicznego",
          "nauki i szkolnictwa wyższego", "promocji miasta", "innowacji cyfrowych")
OCCASIONS = ("Dni Krakowa", "jubileuszu partnerstwa", "Święta Niepodległości", "festiwalu muzycznego",
             "forum gospodarczego", "targów turystycznych", "konferencji burmistrzów", "Nowego Roku")
ACTIVITIES = ("Spotkanie z Prezydentem Miasta", "Zwiedzanie Starego Miasta", "Obiad roboczy",
              "Wizyta w Radzie Miasta", "Konferencja prasowa", "Zwiedzanie Wawelu", "Wizyta w Nowej Hucie",
              "Spotkanie z przedsiębiorcami", "Wizyta w Kopalni Soli Wieliczka", "Koncert w Filharmonii",
              "Seminarium eksperckie", "Wizyta w szkole partnerskiej")
PLACES = ("Sala Obrad, Urząd Miasta", "Pałac Krzysztofory", "Sukiennice", "ICE Kraków", "Hotel Pod Różą",
          "Collegium Maius", "Wawel", "Nowa Huta")
GIFTS_GIVEN = ("Album o Krakowie", "Grafika z widokiem Wawelu", "Medal pamiątkowy Miasta Krakowa",
               "Szopka krakowska", "Kryształowy wazon", "Porcelanowy talerz z herbem", "Obraz olejny",
               "Książka o historii Krakowa", "Ceramika artystyczna", "Haftowana serweta")
GIFTS_RECEIVED = ("Herb miasta w ramie", "Rzeźba z brązu", "Album fotograficzny", "Tkanina dekoracyjna",
                  "Zestaw porcelany", "Medal jubileuszowy", "Obraz współczesny", "Wóz strażacki",
                  "Sprzęt medyczny", "Książki do biblioteki")
GIFT_CATEGORY = {"Wóz strażacki": e.GiftCategory.VEHICLE, "Sprzęt medyczny": e.GiftCategory.MEDICAL,
                 "Książki do biblioteki": e.GiftCategory.BOOK, "Album o Krakowie": e.GiftCategory.BOOK,
                 "Medal pamiątkowy Miasta Krakowa": e.GiftCategory.COMMEMORATIVE}
TASKS = ("Przygotować program wizyty", "Odpowiedzieć na zaproszenie", "Wysłać podziękowanie",
         "Zamówić upominki", "Przygotować notatkę dla Prezydenta", "Uzgodnić termin spotkania",
         "Zarezerwować tłumacza", "Sprawdzić termin wypowiedzenia umowy")
ASSIGNEES = ("Anna Kowalska", "Piotr Nowak", "Magdalena Wiśniewska", "Tomasz Zieliński", "Ewa Lewandowska")
HOST_ROLES = ("Prezydent Miasta Krakowa", "Zastępca Prezydenta", "Dyrektor Wydziału Polityki Międzynarodowej",
              "Przewodniczący Rady Miasta", "Tłumacz")
HONORIFICS = ("Pan", "Pani", "Dr", "Prof.", None)


@dataclass(frozen=True)
class Pools:
    """Faker's values for one locale: drawn once, combined many times."""
    locale: Locale
    cities: tuple[str, ...]
    places: tuple[tuple[str, float, float], ...]   # real places of the country: name, lat, lon
    given: tuple[str, ...]
    family: tuple[str, ...]
    jobs: tuple[str, ...]
    companies: tuple[str, ...]
    phones: tuple[str, ...]
    streets: tuple[str, ...]


def faker_class() -> Any:
    try:
        from faker import Faker
    except ImportError:   # an optional dependency: the services report it as a DeskError
        return None
    return Faker


@lru_cache(maxsize=1)
def pools() -> tuple[Pools, ...]:
    Faker = faker_class()
    from faker.providers.geo import Provider as Geo
    Faker.seed(SEED)
    result = []
    for index, locale in enumerate(LOCALES):
        fake = Faker(locale.code)
        fake.seed_instance(SEED + index)

        def draw(method: Any) -> tuple[str, ...]:
            return tuple(dict.fromkeys(str(method()) for _ in range(POOL)))
        places = tuple((name, float(lat), float(lon)) for lat, lon, name, country, _tz in Geo.land_coords
                       if country == locale.country) + EXTRA_PLACES.get(locale.country, ())
        result.append(Pools(locale, draw(fake.city), places, draw(fake.first_name), draw(fake.last_name),
                            draw(fake.job), draw(fake.company), draw(fake.phone_number),
                            draw(fake.street_address)))
    return tuple(result)


def day(rng: random.Random, first: dt.date = FIRST_DAY, span: int = DAYS) -> dt.date:
    return first + dt.timedelta(days=rng.randrange(span))


def polish() -> Pools:
    return pools()[-1]


@dataclass
class Ids:
    """The next free id of each table whose new ids the caller must know (search, links)."""
    partner: int
    person: int
    agreement: int
    visit: int
    letter: int
    gift: int

    def take(self, table: str, count: int) -> list[int]:
        first = getattr(self, table)
        setattr(self, table, first + count)
        return list(range(first, first + count))


def partner_rows(n: int, ids: Ids, sizes: dict[str, int]) -> dict[str, list[dict]]:
    """Rows of every table for synthetic partner ``n`` (keys demo-<n>-…); letters' references are
    left to the caller, who numbers them per year. ``sizes``: how many people, visits, … each."""
    rng = random.Random(f"{SEED}-{n}")
    pool = pools()[n % len(LOCALES)]
    loc = pool.locale
    rows: dict[str, list[dict]] = {}
    add = lambda table, **values: rows.setdefault(table, []).append(values)  # noqa: E731
    pid = ids.take("partner", 1)[0]
    key = f"demo-{n}"
    place, lat, lon = rng.choice(pool.places)
    native = rng.choice(pool.cities)
    name = native if loc.latin else place
    signed = day(rng, FIRST_DAY, 20 * 365)
    add("partner", id=pid, key=key, name=name, name_en=name, kind=e.PartnerKind.CITY,
        name_native=None if loc.latin else native, country=loc.country,
        is_capital=False, timezone=loc.timezone,
        latitude=max(-90.0, min(90.0, lat + rng.uniform(-.3, .3))),
        longitude=max(-180.0, min(180.0, lon + rng.uniform(-.3, .3))),
        population=rng.randrange(20_000, 3_000_000), population_year=rng.randrange(2000, 2025),
        area_km2=round(rng.uniform(20, 900), 1), elevation_m=float(rng.randrange(0, 1200)),
        category=rng.choice([e.Category.TWIN_CITY, e.Category.PARTNER_CITY, e.Category.PARTNER_CITY,
                             e.Category.NO_AGREEMENT]),
        assessment=rng.choice(list(e.Assessment)),
        notes=f"Partner syntetyczny nr {n} (dane demonstracyjne)")
    if rng.random() < .3:
        add("partner_alias", partner_id=pid, alias=f"{name} {rng.choice(['City', 'Stadt', 'Miasto'])}")
    add("partner_status", partner_id=pid, status=e.PartnerStatusKind.ACTIVE, since=signed,
        since_precision=e.Precision.DAY, until_precision=e.Precision.DAY)
    for domain in rng.sample(list(e.Domain), 3):
        add("partner_domain", partner_id=pid, domain=domain)

    people = ids.take("person", sizes["people"])
    for k, person_id in enumerate(people):
        given, family = rng.choice(pool.given), rng.choice(pool.family)
        handle = ".".join(filter(None, (slugify(given), slugify(family)))) or f"contact{k}"
        add("person", id=person_id, key=f"{key}-person-{k}", given_name=given, family_name=family,
            honorific=rng.choice(HONORIFICS), function=rng.choice(pool.jobs),
            languages=sorted({loc.language, "en"}), emails=[f"{handle}@{key}.example.org"],
            phones=[rng.choice(pool.phones)], address=rng.choice(pool.streets),
            precedence=k + 1, lawful_basis=e.LawfulBasis.PUBLIC_TASK)
        add("affiliation", person_id=person_id, partner_id=pid, role=rng.choice(pool.jobs),
            since=signed + dt.timedelta(days=rng.randrange(3000)))

    agreements = ids.take("agreement", sizes["agreements"])
    for k, agreement_id in enumerate(agreements):
        kind = e.AgreementKind.TWIN_CITY_AGREEMENT if k == 0 else rng.choice(list(e.AgreementKind))
        on = signed if k == 0 else day(rng, signed, 10 * 365)
        programme = kind == e.AgreementKind.COOPERATION_PROGRAMME
        add("agreement", id=agreement_id, key=f"{key}-agreement-{k}", partner_id=pid, kind=kind,
            title=f"Umowa w zakresie {rng.choice(TOPICS)} między Krakowem a miastem {name}",
            signed_on=on, signed_on_precision=e.Precision.DAY, party_krakow="Gmina Miejska Kraków",
            party_partner=f"Miasto {name}", indefinite=not programme, auto_renews=programme and rng.random() < .5,
            term_start=on if programme else None,
            term_end=on + dt.timedelta(days=3 * 365) if programme else None,
            term_months=36 if programme else None, renewal_months=None,
            notice_months=6 if programme else None)
        add("agreement_domain", agreement_id=agreement_id, domain=rng.choice(list(e.Domain)))

    visits = ids.take("visit", sizes["visits"])
    host = polish()
    for k, visit_id in enumerate(visits):
        direction = rng.choice(list(e.Direction))
        start = day(rng)
        end = start + dt.timedelta(days=rng.randrange(4))
        topic = rng.choice(TOPICS)
        title = (f"Delegacja z miasta {name} w sprawie {topic}" if direction == e.Direction.INCOMING
                 else f"Wizyta w mieście {name}: {topic}")
        status = e.VisitStatus.DONE if start < dt.date(2026, 1, 1) else rng.choice(
            [e.VisitStatus.PLANNED, e.VisitStatus.CONFIRMED])
        add("visit", id=visit_id, key=f"{key}-visit-{k}", direction=direction, title=title,
            purpose=f"Rozmowy o {topic}", kind=rng.choice(list(e.VisitKind)), status=status,
            start_on=start, end_on=end, start_on_precision=e.Precision.DAY, end_on_precision=e.Precision.DAY,
            place="Kraków" if direction == e.Direction.INCOMING else name,
            interpreters=f"język {loc.language}" if loc.language != "pl" else None)
        add("visit_partner", visit_id=visit_id, partner_id=pid)
        for position, person_id in enumerate(rng.sample(people, min(2, len(people)))):
            add("visit_participant", visit_id=visit_id, person_id=person_id, name=None, side=e.Side.GUEST,
                role=None, precedence=position + 1, languages=[loc.language], position=position)
        add("visit_participant", visit_id=visit_id, person_id=None, side=e.Side.HOST, position=2,
            name=f"{rng.choice(host.given)} {rng.choice(host.family)}", role=rng.choice(HOST_ROLES),
            precedence=None, languages=["pl"])
        for position in range(3):
            hour = 9 + 3 * position
            add("programme_item", visit_id=visit_id, day=start + dt.timedelta(days=min(position, (end - start).days)),
                start=dt.time(hour), end=dt.time(hour + 2), place=rng.choice(PLACES),
                activity=rng.choice(ACTIVITIES), responsible=rng.choice(ASSIGNEES), position=position)

    gifts = ids.take("gift", sizes["gifts"])
    for k, gift_id in enumerate(gifts):
        given = rng.random() < .5
        description = rng.choice(GIFTS_GIVEN if given else GIFTS_RECEIVED)
        value = Decimal(rng.randrange(50, 5000))
        add("gift", id=gift_id, key=f"{key}-gift-{k}",
            direction=e.GiftDirection.GIVEN if given else e.GiftDirection.RECEIVED,
            date=day(rng), date_precision=e.Precision.DAY, partner_id=pid,
            visit_id=rng.choice(visits) if visits and rng.random() < .5 else None,
            giver="Prezydent Miasta Krakowa" if given else f"Burmistrz miasta {name}",
            recipient=f"Burmistrz miasta {name}" if given else "Prezydent Miasta Krakowa",
            description=f"{description} — {name}", category=GIFT_CATEGORY.get(description, e.GiftCategory.ARTWORK),
            quantity=1, value=value, currency="PLN" if given else loc.currency)

    letters = ids.take("letter", sizes["letters"])
    awaiting = None   # (id, date, direction, subject) of a letter whose reply comes next
    for k, letter_id in enumerate(letters):
        if awaiting is not None:
            # The office answers: letters before 2026 have their reply (as in a kept register).
            first_id, first_on, first_direction, first_subject = awaiting
            direction = e.Direction.OUTGOING if first_direction == e.Direction.INCOMING else e.Direction.INCOMING
            on, subject, reply_to, due = first_on + dt.timedelta(days=rng.randrange(2, 28)), \
                f"Odpowiedź: {first_subject}", first_id, None
            awaiting = None
        else:
            direction = rng.choice(list(e.Direction))
            on = day(rng)
            subject = rng.choice((f"Zaproszenie na obchody {rng.choice(OCCASIONS)}",
                                  f"Propozycja współpracy w zakresie {rng.choice(TOPICS)}",
                                  f"Podziękowanie za wizytę delegacji z miasta {name}",
                                  f"W sprawie {rng.choice(TOPICS)}", f"Życzenia z okazji {rng.choice(OCCASIONS)}"))
            reply_to, due = None, on + dt.timedelta(days=30) if k % 3 == 0 else None
            if due is not None and on < dt.date(2026, 1, 1):
                awaiting = (letter_id, on, direction, subject)
        add("letter", id=letter_id, key=f"{key}-letter-{k}", direction=direction, date=on,
            channel=rng.choice([e.Channel.LETTER, e.Channel.EMAIL]), reference=None, subject=subject,
            partner_id=pid, summary=f"{subject}. Sprawę prowadzi {rng.choice(ASSIGNEES)}.",
            reply_due_on=due, reply_to_id=reply_to)
        if people and k % 5 == 0:
            add("letter_person", letter_id=letter_id, person_id=rng.choice(people))

    for k in range(sizes["tasks"]):
        due = day(rng, dt.date(2018, 1, 1), 12 * 365)
        done = due < dt.date(2026, 7, 1) or rng.random() < .2
        owner = rng.choice(("partner", "visit", "letter", "agreement"))
        add("task", key=f"{key}-task-{k}", title=f"{rng.choice(TASKS)} ({name})", due_on=due,
            assignee=rng.choice(ASSIGNEES), status=e.TaskStatus.DONE if done else e.TaskStatus.OPEN,
            done_on=due if done else None, partner_id=pid,
            visit_id=rng.choice(visits) if owner == "visit" and visits else None,
            letter_id=rng.choice(letters) if owner == "letter" and letters else None,
            agreement_id=rng.choice(agreements) if owner == "agreement" and agreements else None)
    return rows
