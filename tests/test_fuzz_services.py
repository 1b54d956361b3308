"""Bad input through the services' front doors: whatever a caller hands the Desk — wrong types,
huge or hostile text, impossible dates, unknown fields, references to nothing — the call either
works or raises a DeskError a person can read, and a refused write leaves the data as it was.

One SQLite copy of Krakow's data serves the whole module (PostgreSQL shares the same services;
tests/test_store.py covers what the two servers refuse differently). The number of cases tried per
target is printed at the end of the run.
"""

import contextlib
import datetime as dt
import io
import os
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from krakow_desk import cli
from krakow_desk.domain import enums
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError, NotFound
from krakow_desk.services.policy import OfficePolicy
from krakow_desk.services.shapes import GIFT, KINDS, VISIT, Kind

CASES: Counter[str] = Counter()
_FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                       HealthCheck.too_slow])


# KRAKOW_DESK_FUZZ_SCALE=10 runs ten times the cases (the default keeps the module near 60 s).
SCALE = float(os.environ.get("KRAKOW_DESK_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    return settings(_FUZZ, max_examples=max(1, round(examples * SCALE)))

# --- what a hostile caller passes ---------------------------------------------------------

HOSTILE_TEXT = st.sampled_from([
    "", " ", "\t\n", "\x00", "Kraków\x00", "<script>alert(1)</script>", "a & b", '"quoted"', "'",
    "=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "Київ", "北京市", "القاهرة", "ירושלים", "🙂🏳️‍🌈", "\u202etxet",
    "e\u0301", "ǅ", "ß", "İstanbul", "x" * 100_000, "ż" * 5000, "a b", "UPPER", "../../etc/passwd",
    "%s%n", "{0}", "{year}", "\\", "\ud800",
])
BAD_DATES = st.sampled_from([
    "2023-02-30", "2023-13-01", "2023-00-10", "2024-02-29", "0000-01-01", "0001-01-01", "1999",
    "1999-05", "1999-00", "9999-12-31", "10000-01-01", "-0001-01-01", "2023/05/01", "01.05.2023",
    "yesterday", "2023-05-01T10:00:00", "2023-W05", "c. 1990", "1990s", "25:00", "12:30:61", "24:00",
])
NUMBERS = st.one_of(
    st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
    st.sampled_from([0, -1, 2 ** 31 - 1, 2 ** 31, 2 ** 63, -(2 ** 63) - 1, 10 ** 30, "1e400", "NaN", "-0",
                     "1,5", "١٢", float("inf"), 1e308, 5e-324]),
    st.floats(), st.decimals(),
)
ENUM_VALUES = st.sampled_from(sorted({member.value for name in dir(enums)
                                      if isinstance(getattr(enums, name), type)
                                      and issubclass(getattr(enums, name), enums.StrEnum)
                                      for member in getattr(enums, name)}))
SCALARS = st.one_of(
    st.none(), st.booleans(), NUMBERS, st.text(max_size=30), HOSTILE_TEXT, BAD_DATES,
    st.dates(), st.dates().map(str), st.times(), ENUM_VALUES,
)
ANYTHING = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)
KRAKOW_HOME = {"name": "Kraków", "name_en": "Krakow", "latitude": 50.06143, "longitude": 19.93658,
               "timezone": "Europe/Warsaw", "coordinates_source": "geonames"}
ODD_KEYS = ["no-such-record", "a b", "UPPER", "żółw", "", "-", "x" * 121, "a/b", "key\x00"]
ODD_FIELDS = ["unknown", "id", "key ", "Key", "partner_id", "", "__class__", "statuses.0"]

Draw = Callable[[st.SearchStrategy[Any]], Any]


def hostile_value(draw: Draw, old: Any, keys: list[str], depth: int) -> Any:
    """Something in place of ``old``: anything at all, a record's key, or ``old`` altered."""
    choices = ["anything", "key", "scalar", "number"]
    if isinstance(old, (int, float)) and not isinstance(old, bool):
        choices += ["number"] * 3
    if isinstance(old, dict) and depth < 3:
        choices += ["nested"] * 3
    if isinstance(old, list) and depth < 3:
        choices += ["list"] * 3
    choice = draw(st.sampled_from(choices))
    if choice == "anything":
        return draw(ANYTHING)
    if choice == "scalar":
        return draw(SCALARS)
    if choice == "number":
        return draw(NUMBERS)
    if choice == "key":
        return draw(st.sampled_from(keys + ODD_KEYS))
    if choice == "nested":
        return hostile_mapping(draw, old, keys, depth + 1)
    items = list(old)
    if items and draw(st.booleans()):
        index = draw(st.integers(0, len(items) - 1))
        items[index] = hostile_value(draw, items[index], keys, depth + 1)
    else:
        template = items[0] if items else None
        items.append(hostile_value(draw, template, keys, depth + 1))
    return items


def hostile_mapping(draw: Draw, base: dict[str, Any], keys: list[str], depth: int = 0) -> dict[str, Any]:
    """``base`` with a few fields replaced, added or dropped: often still valid, often not."""
    record = dict(base)
    fields = sorted(record) or ["key"]
    for _ in range(draw(st.integers(0, 4))):
        name = draw(st.sampled_from(fields * 4 + ODD_FIELDS))
        old = record.get(name)
        if isinstance(old, str) and draw(st.booleans()):
            # Text where text belongs: formulas, markup, other scripts, huge — mostly accepted.
            record[name] = draw(st.one_of(HOSTILE_TEXT, st.text(max_size=30), st.sampled_from(keys)))
        else:
            record[name] = hostile_value(draw, old, keys, depth)
    if draw(st.integers(0, 3)) == 0:
        record.pop(draw(st.sampled_from(fields)), None)
    return record


def hostile_input(draw: Draw, base: dict[str, Any], keys: list[str]) -> Any:
    # Now and then not a mapping at all: a caller mixing up its arguments.
    if draw(st.integers(0, 19)) == 0:
        return draw(ANYTHING)
    return hostile_mapping(draw, base, keys)


# --- one database for the module ----------------------------------------------------------

@contextlib.contextmanager
def _krakow_database(template: Path, folder: Path) -> Iterator[Desk]:
    if not os.environ.get("KRAKOW_DESK_FUZZ_ON_POSTGRES"):
        shutil.copyfile(template, folder / "krakow.sqlite3")
        with Desk.open(f"sqlite:///{folder / 'krakow.sqlite3'}") as desk:
            yield desk
        return
    # KRAKOW_DESK_FUZZ_ON_POSTGRES=1: the same run on PostgreSQL, in a schema of its own.
    import uuid

    from pg_server import SESSION as PG_SERVER

    from krakow_desk.services.setup import open_ready
    base, schema = PG_SERVER.get().url, f"fuzz_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    desk, _ = open_ready(f"{base}?options=-csearch_path%3D{schema}")
    with desk:
        yield desk
    with admin.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


@pytest.fixture(scope="module")
def fuzzed(_krakow_template: Path, tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> Iterator[Desk]:
    with _krakow_database(_krakow_template, tmp_path_factory.mktemp("fuzz")) as desk:
        # Krakow's data holds no correspondence or follow-ups yet: one of each to start from.
        if not desk.letters.count():
            desk.letters.create({"key": "lviv-invitation", "direction": "incoming", "date": "2024-03-01",
                                 "subject": "Zaproszenie", "partner": "lviv", "reply_due_on": "2024-04-01"})
        if not desk.tasks.count():
            desk.tasks.create({"key": "lviv-reply", "title": "Odpowiedzieć", "due_on": "2024-03-20",
                               "partner": "lviv", "letter": "lviv-invitation"})
        assert all(counts(desk).values())
        yield desk
    request.config.pluginmanager.register(_CaseReport(), "krakow-desk-fuzz-cases")


class _CaseReport:
    """Prints how many cases each target saw, so a run's coverage can be quoted."""

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        tried = {target: count for target, count in CASES.items() if not target.endswith(" refused")}
        terminalreporter.write_line(f"services fuzz: {sum(tried.values())} cases (refused with a "
                                    "DeskError) — " + ", ".join(
            f"{target} {count} ({CASES[target + ' refused']})" for target, count in sorted(tried.items())))


@pytest.fixture(scope="module")
def originals(fuzzed: Desk) -> dict[str, list[dict[str, Any]]]:
    """The records as they were before any case ran, to build cases from: what a case draws must
    not depend on what earlier cases wrote, or Hypothesis could not replay a failure."""
    return {kind.plural: [record.model_dump(mode="json") for record in getattr(fuzzed, kind.plural).all()]
            for kind in KINDS}


@pytest.fixture(scope="module")
def known_keys(originals: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Keys of real records of every kind, to be referred to from the wrong places too."""
    return [record["key"] for records in originals.values() for record in records[:4]]


def counts(desk: Desk) -> dict[str, int]:
    return {kind.plural: getattr(desk, kind.plural).count() for kind in KINDS}


def refused(call: Callable[[], Any], target: str) -> bool:
    """Run ``call``: False if it worked, True if it raised a DeskError; anything else escapes."""
    CASES[target] += 1
    try:
        call()
    except DeskError as error:
        assert error.message and isinstance(error.message, str)
        CASES[target + " refused"] += 1
        return True
    return False


def base_record(originals: dict[str, list[dict[str, Any]]], kind: Kind, draw: Draw) -> dict[str, Any]:
    return draw(st.sampled_from(originals[kind.plural]))


# --- creating and updating every kind of record -------------------------------------------

@pytest.mark.parametrize("kind", KINDS, ids=[kind.plural for kind in KINDS])
@fuzz(35)
@given(data=st.data())
def test_creating_any_record_from_hostile_input_works_or_says_why(
        fuzzed: Desk, originals: dict, known_keys: list[str], kind: Kind, data: st.DataObject) -> None:
    collection = getattr(fuzzed, kind.plural)
    base = base_record(originals, kind, data.draw)
    fresh = data.draw(st.sampled_from(["fuzz-new"] * 3 + ["fuzz-" + kind.name, base["key"]]))
    if kind.name == "letter":
        base_fresh = {**base, "key": fresh, "reference": None}   # the program numbers it
    else:
        base_fresh = {**base, "key": fresh}
    candidate = hostile_input(data.draw, base_fresh, known_keys)
    before, kept = counts(fuzzed), collection.find(base["key"])
    saved: list[Any] = []
    if refused(lambda: saved.append(collection.create(candidate)), f"{kind.plural}.create"):
        assert counts(fuzzed) == before
        assert collection.find(base["key"]) == kept
    else:
        record = saved[0].record
        assert counts(fuzzed) == {**before, kind.plural: before[kind.plural] + 1}
        assert collection.get(record.key) == record
        collection.delete(record.key)   # keeps the fresh keys free for the next case


@pytest.mark.parametrize("kind", KINDS, ids=[kind.plural for kind in KINDS])
@fuzz(35)
@given(data=st.data())
def test_updating_any_record_with_hostile_input_works_or_leaves_it_as_it_was(
        fuzzed: Desk, originals: dict, known_keys: list[str], kind: Kind, data: st.DataObject) -> None:
    collection = getattr(fuzzed, kind.plural)
    base = base_record(originals, kind, data.draw)
    key = data.draw(st.sampled_from([base["key"]] * 20 + ODD_KEYS))
    candidate = hostile_input(data.draw, base, known_keys)
    before, kept = counts(fuzzed), collection.find(base["key"])
    saved: list[Any] = []
    if refused(lambda: saved.append(collection.update(key, candidate)), f"{kind.plural}.update"):
        assert counts(fuzzed) == before
        assert collection.find(base["key"]) == kept
    else:
        record = saved[0].record
        assert counts(fuzzed) == before
        assert collection.get(record.key) == record


def test_the_records_are_computed_after_the_random_writes(fuzzed: Desk) -> None:
    # Runs after the writes above (file order): whatever they stored, the records still compute.
    computed: list[Any] = []
    assert not refused(lambda: computed.append(fuzzed.records()), "records")
    assert computed[0].capitals is not None


CHECKED_FIELDS = [("partners", "country"), ("institutions", "country"), ("gifts", "currency"),
                  ("events", "currency"), ("memberships", "fee_currency"), ("people", "languages"),
                  ("partners", "name"), ("sources", "title"), ("people", "emails"),
                  ("visits", "start_on"), ("gifts", "date"), ("agreements", "signed_on")]


@fuzz(60)
@given(where=st.sampled_from(CHECKED_FIELDS), value=ANYTHING)
@example(where=("partners", "country"), value=["PL"])       # once an AttributeError from .strip()
@example(where=("gifts", "currency"), value={"code": "EUR"})
@example(where=("memberships", "fee_currency"), value=978)
@example(where=("people", "languages"), value=[["pl"]])
@example(where=("partners", "country"), value="P\ud800")  # once a UnicodeEncodeError in pydantic
@example(where=("partners", "name"), value="Krak\udcf3w")  # once a UnicodeEncodeError from SQLite
@example(where=("visits", "start_on"), value="\ud800")     # once a UnicodeEncodeError in pydantic
def test_a_checked_field_given_any_value_takes_it_or_refuses_it(
        fuzzed: Desk, where: tuple[str, str], value: Any) -> None:
    plural, name = where
    collection = getattr(fuzzed, plural)
    kept = collection.all()[0]
    if refused(lambda: collection.update(kept.key, {**kept.model_dump(mode="json"), name: value}),
               f"{plural}.{name}"):
        assert collection.get(kept.key) == kept
    else:
        collection.update(kept.key, kept)   # the next case starts from the same record


# --- look-ups, the agenda, settings and checks --------------------------------------------

@fuzz(120)
@given(text=st.one_of(st.text(), HOSTILE_TEXT, BAD_DATES),
       limit=st.one_of(st.integers(-5, 200), st.sampled_from([0, 10 ** 12, -(2 ** 63), True])))
@example(text="kraków lwów", limit=1)
def test_searching_for_anything_gives_hits_or_says_why(fuzzed: Desk, text: str, limit: int) -> None:
    hits: list[Any] = []
    if not refused(lambda: hits.extend(fuzzed.search(text, limit)), "search"):
        assert len(hits) <= max(limit, 0)


@fuzz(120)
@given(text=st.one_of(st.text(), HOSTILE_TEXT, st.sampled_from(["Lwów", "LWOW", " lviv ", "Norymberga"])))
def test_finding_a_partner_by_any_name_gives_one_or_says_why(fuzzed: Desk, text: str) -> None:
    refused(lambda: fuzzed.find_partner(text), "find_partner")


@fuzz(60)
@given(days=st.one_of(st.integers(-(10 ** 12), 10 ** 12), st.integers(-3, 800),
                      st.sampled_from([0, 2 ** 31, 2 ** 63, 3_000_000, -1])),
       # The program's own today, not input: within the years the office works in.
       today=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))))
def test_the_agenda_for_any_number_of_days_is_listed_or_refused(fuzzed: Desk, days: int,
                                                                 today: dt.date | None) -> None:
    refused(lambda: fuzzed.agenda(days, today), "agenda")


@fuzz(80)
@given(data=st.data())
def test_a_hostile_policy_is_saved_or_leaves_the_old_one(fuzzed: Desk, known_keys: list[str],
                                                        data: st.DataObject) -> None:
    kept = fuzzed.policy()
    candidate = hostile_input(data.draw, OfficePolicy().model_dump(mode="json"), known_keys)
    if refused(lambda: fuzzed.set_policy(candidate), "set_policy"):
        assert fuzzed.policy() == kept
    else:
        # A policy that was accepted must work where it is used: numbering letters, gift bands.
        refused(lambda: fuzzed.letters.create({"key": "fuzz-letter", "direction": "outgoing",
                                               "date": "2024-05-01", "subject": "Test"}),
                "letters.create under that policy")
        if fuzzed.letters.find("fuzz-letter"):
            fuzzed.letters.delete("fuzz-letter")


@pytest.mark.parametrize("pattern", ["IR/\ud800/{number}", "IR/\x00/{number}", "   "])
def test_a_reference_pattern_of_text_no_reference_can_hold_is_refused(fuzzed: Desk, pattern: str) -> None:
    kept = fuzzed.policy()
    with pytest.raises(DeskError, match="reference_pattern"):
        fuzzed.set_policy({"reference_pattern": pattern})
    assert fuzzed.policy() == kept


@fuzz(80)
@given(data=st.data())
def test_a_hostile_home_city_is_saved_or_leaves_the_old_one(fuzzed: Desk, known_keys: list[str],
                                                           data: st.DataObject) -> None:
    kept = fuzzed.home()
    candidate = hostile_input(data.draw, KRAKOW_HOME, known_keys)
    if refused(lambda: fuzzed.set_home(candidate), "set_home"):
        assert fuzzed.home() == kept


@fuzz(80)
@given(data=st.data())
def test_checking_a_hostile_visit_for_clashes_lists_them_or_says_why(
        fuzzed: Desk, originals: dict, known_keys: list[str], data: st.DataObject) -> None:
    visit = hostile_input(data.draw, base_record(originals, VISIT, data.draw), known_keys)
    refused(lambda: fuzzed.visit_clashes(visit), "visit_clashes")


@fuzz(80)
@given(data=st.data())
def test_checking_a_hostile_gift_gives_warnings_or_says_why(
        fuzzed: Desk, originals: dict, known_keys: list[str], data: st.DataObject) -> None:
    gift = hostile_input(data.draw, base_record(originals, GIFT, data.draw), known_keys)
    refused(lambda: fuzzed.gift_warnings(gift), "gift_warnings")


# --- the command line ---------------------------------------------------------------------

COMMANDS = ["records", "search", "agenda", "export", "import", "report"]
TOKENS = st.one_of(
    st.sampled_from([
        "--json", "--days", "--limit", "-o", "--output", "--lang", "en", "pl", "de", "--kind",
        "--dry-run", "--duplicates", "merge", "add", "skip", "--skip-rejected", "--year", "json",
        "csv", "xlsx", "vcard", "ical", "partners", "people", "visits", "briefing", "dossier",
        "annual", "gifts", "out.pdf", "out.json", "out.csv", "missing.json", "-1", "0", "2024",
        "99999999999999999999", "lviv", "Lwów", "--", "-", "-h", "--version", "--db",
    # What Python makes of bytes in argv that are not UTF-8 (surrogateescape).
    "\udcff", "Krak\udcf3w", "out\udcff.pdf",
    ]),
    st.text(alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
            max_size=12),
    HOSTILE_TEXT.filter(lambda token: "\x00" not in token and "/" not in token and len(token) < 200
                        and "\ud800" not in token),
)


ARGUMENT = st.one_of(TOKENS, st.sampled_from(["lviv", "Lwów", "kyiv-2023-visit", "frankfurt", "krakow"]))
NUMBER = st.one_of(st.integers(-5, 3000).map(str), st.sampled_from(["0", "1", "9999", "10000", "1e3", "x"]))
FILE = st.sampled_from(["in.json", "in.csv", "in.ics", "in.vcf", "in.xlsx", "missing.json", "in", "."])
# Well-formed commands with odd values, so that most cases get past argparse into the services.
WELL_FORMED = st.one_of(
    st.tuples(st.just("records"), st.sampled_from([[], ["--json"]])),
    st.tuples(st.just("search"), st.tuples(ARGUMENT, st.sampled_from(["--json", "--limit"]), NUMBER)),
    st.tuples(st.just("agenda"), st.tuples(st.just("--days"), NUMBER, st.sampled_from(["--json", "-"]))),
    st.tuples(st.just("export"), st.tuples(st.sampled_from(["json", "csv", "xlsx", "vcard", "ical"]),
                                           ARGUMENT, st.just("-o"), FILE)),
    st.tuples(st.just("import"), st.tuples(FILE, st.sampled_from(["--dry-run", "--skip-rejected"]),
                                           st.sampled_from(["--kind", "--duplicates"]), ARGUMENT)),
    st.tuples(st.just("report"), st.tuples(st.sampled_from(["dossier", "briefing", "annual", "gifts"]),
                                           ARGUMENT, st.just("-o"), st.just("out.pdf"))),
).map(lambda parts: (parts[0], [token for token in parts[1] if token != "-"]))
FILE_CONTENTS = st.sampled_from([
    b"", b"garbage \xff\xfe", b"{}", b"[]", b'{"format": "krakow-desk/dataset", "version": 1}',
    b'{"format": "krakow-desk/dataset", "version": 99}', b"BEGIN:VCARD\r\nEND:VCARD\r\n",
    b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", b"key,name\r\nx,y\r\n", b"PK\x03\x04 not a zip",
])


@fuzz(60)
@given(call=st.one_of(st.tuples(st.sampled_from(COMMANDS), st.lists(TOKENS, max_size=6)), WELL_FORMED),
       contents=FILE_CONTENTS)
@example(call=("agenda", ["--days", "99999999999999999999"]), contents=b"")
@example(call=("report", ["annual", "99999999999999999999", "-o", "out.pdf"]), contents=b"")  # was OverflowError
@example(call=("report", ["annual", "1", "-o", "out.pdf"]), contents=b"")
@example(call=("report", ["briefing", "\udcff", "-o", "out.pdf"]), contents=b"")  # was UnicodeEncodeError
@example(call=("search", ["\udcff"]), contents=b"")   # "Nothing found for ..." once failed to print
def test_the_command_line_answers_any_arguments_with_an_exit_code(
        fuzzed: Desk, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        call: tuple[str, list[str]], contents: bytes) -> None:
    command, tokens = call
    CASES["cli"] += 1
    # Files the command writes land in a folder of their own; the database is the fuzzed copy.
    folder = tmp_path_factory.mktemp("cli")
    monkeypatch.chdir(folder)
    for name in ("in.json", "in.csv", "in.ics", "in.vcf", "in.xlsx", "in"):
        (folder / name).write_bytes(contents)
    argv = ["--db", fuzzed.location, command, *tokens]
    # Encoded as a terminal's streams are: strict UTF-8 output, escaped errors.
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as stop:   # argparse: --help, --version, a usage error
            code = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 2
    printed = b"".join(stream.flush() or stream.buffer.getvalue() for stream in (out, err))
    assert code in (0, 1, 2), (argv, code, printed)
    CASES["cli refused"] += code != 0
    assert b"Traceback" not in printed


# --- limits the fuzz run found, checked on both databases ---------------------------------

LIMITS = [
    ("partners", {"key": "big", "name": "Big", "country": "PL"}, "population", 2_147_483_647, 2 ** 63),
    ("people", {"key": "big", "family_name": "Big"}, "precedence", 2_147_483_647, 2 ** 31),
    ("gifts", {"key": "big", "direction": "received", "description": "Big"}, "quantity",
     2_147_483_647, 2 ** 31),
    ("letters", {"key": "big", "direction": "incoming", "date": "2024-01-02", "subject": "Big"},
     "reference", "R" * 80, "R" * 81),
    ("tasks", {"key": "big", "title": "Big"}, "assignee", "A" * 200, "A" * 201),
    ("partners", {"key": "big", "name": "Big", "country": "PL"}, "area_km2", 1e9, float("inf")),
    *[(plural, record, name, "N" * length, "N" * (length + 1)) for plural, record, name, length in [
        ("partners", {"key": "big", "name": "Big", "country": "PL"}, "name", 200),
        ("partners", {"key": "big", "name": "Big", "country": "PL"}, "name_en", 200),
        ("partners", {"key": "big", "name": "Big", "country": "PL"}, "name_native", 200),
        ("organisations", {"key": "big", "name": "Big"}, "name", 300),
        ("organisations", {"key": "big", "name": "Big"}, "name_en", 300),
        ("organisations", {"key": "big", "name": "Big"}, "acronym", 40),
        ("institutions", {"key": "big", "name": "Big"}, "name", 300),
        ("institutions", {"key": "big", "name": "Big"}, "name_en", 300),
        ("institutions", {"key": "big", "name": "Big"}, "city", 200),
        ("people", {"key": "big", "family_name": "Big"}, "given_name", 200),
        ("people", {"key": "big", "family_name": "Big"}, "family_name", 200),
        ("people", {"key": "big", "family_name": "Big"}, "name_native", 300),
        ("people", {"key": "big", "family_name": "Big"}, "honorific", 80),
        ("people", {"key": "big", "family_name": "Big"}, "title", 120),
    ]],
    ("partners", {"key": "big", "name": "Big", "country": "PL"}, "aliases", ["A" * 200], ["A" * 201]),
]


@pytest.mark.parametrize("plural,record,name,largest,too_large", LIMITS,
                         ids=[f"{plural}.{name}" for plural, _, name, _, _ in LIMITS])
def test_the_largest_value_a_field_takes_is_stored_and_a_larger_one_refused(
        desk: Desk, plural: str, record: dict, name: str, largest: Any, too_large: Any) -> None:
    # SQLite stores what PostgreSQL's INTEGER and VARCHAR(n) columns refuse: the models must refuse
    # it first, or the driver's error (OverflowError, DataError) escapes instead of a DeskError.
    collection = getattr(desk, plural)
    with pytest.raises(DeskError, match=name):
        collection.create({**record, name: too_large})
    assert collection.count() == 0
    saved = collection.create({**record, name: largest}).record
    assert getattr(saved, name) == largest


def _length_limit(model: Any, name: str) -> int | None:
    field = model.model_fields[name]
    limits = [getattr(item, "max_length", None) for item in field.metadata]
    annotation = field.annotation
    for argument in getattr(annotation, "__args__", ()):   # list[Annotated[str, Field(max_length)]]
        for item in getattr(argument, "__metadata__", ()):
            limits += [getattr(inner, "max_length", None) for inner in getattr(item, "metadata", ())]
    return min((limit for limit in limits if limit), default=None)


# Codes checked against ISO and IANA lists, which are all shorter than their columns.
CHECKED_AGAINST_A_LIST = {"country", "currency", "fee_currency", "timezone"}


def _varchar(column: Any) -> bool:
    return bool(getattr(column.type, "length", None)) and not isinstance(column.type, sa.Enum)


def _text_columns(kind: Kind) -> list[tuple[Any, str, int]]:
    """(model, field, VARCHAR length) for the kind's own columns and its children's."""
    shape = kind.shape
    found = [(shape.model, column.name, column.type.length) for column in shape.table.__table__.columns
             if _varchar(column) and column.name in shape.model.model_fields]
    for child in shape.children:
        inner = getattr(child, "shape", None)
        if inner is not None:
            found += [(inner.model, column.name, column.type.length)
                      for column in inner.table.__table__.columns
                      if _varchar(column) and column.name in inner.model.model_fields]
        elif not hasattr(child, "target"):   # a list of plain values: aliases, domains
            column = child.table.__table__.columns[child.value_column]
            if _varchar(column):
                found.append((shape.model, child.field, column.type.length))
    return found


@pytest.mark.parametrize("kind", KINDS, ids=[kind.plural for kind in KINDS])
def test_every_text_field_is_limited_to_what_its_column_holds(kind: Kind) -> None:
    # PostgreSQL refuses longer text in a VARCHAR(n) column with a DataError, not a DeskError.
    too_loose = [f"{model.__name__}.{name}: column {length}, model {_length_limit(model, name)}"
                 for model, name, length in _text_columns(kind)
                 if name not in CHECKED_AGAINST_A_LIST and (_length_limit(model, name) or 10 ** 9) > length]
    assert not too_loose


UNSTORABLE_KEYS = ["\udcff", "lviv\x00", "LVIV", "lviv\n", "x" * 500]


@pytest.mark.parametrize("key", UNSTORABLE_KEYS, ids=["surrogate", "nul", "upper", "newline", "long"])
def test_looking_up_a_visit_or_partner_by_text_no_key_can_be_finds_nothing(desk: Desk, key: str) -> None:
    # Keys come from the command line and links as typed; the database must not see such text.
    from krakow_desk.services.dossier import dossier
    from krakow_desk.services.partner_file import partner_file
    for look_up in (desk.visit_file, lambda k: dossier(desk, k), lambda k: partner_file(desk, k)):
        with pytest.raises(NotFound):
            look_up(key)


# Found by the fuzz run: look-ups by text no key can be, and sources referred to by key.


@pytest.mark.parametrize("key", ["\udcff", "lviv\x00"], ids=["surrogate", "nul"])
def test_a_collection_looks_up_text_no_key_can_be_as_not_found(desk: Desk, key: str) -> None:
    desk.partners.create({"key": "lviv", "name": "Lwów", "country": "UA"})
    for look_up in (desk.partners.get, desk.partners.delete,
                    lambda k: desk.partners.update(k, {"key": "lviv", "name": "Lwów", "country": "UA"})):
        with pytest.raises(NotFound):
            look_up(key)


def test_a_source_records_cite_is_not_deleted_and_one_none_cite_is(desk: Desk) -> None:
    desk.sources.create({"key": "cited", "title": "Cited"})
    desk.sources.create({"key": "alone", "title": "Alone"})
    desk.partners.create({"key": "lviv", "name": "Lwów", "country": "UA", "source": "cited"})
    assert desk.sources.dependents("cited") == {"partner": 1}
    with pytest.raises(DeskError):
        desk.sources.delete("cited")
    desk.sources.delete("alone")
    assert [source.key for source in desk.sources.all()] == ["cited"]
