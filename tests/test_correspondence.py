"""Letters: reference numbers per year in the office's pattern, replies linked to letters."""

import threading
from datetime import date

import pytest

from krakow_desk.domain.references import PatternError, check_pattern, render
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError


def letter(key: str, day: str = "2026-03-02", **more) -> dict:
    return {"key": key, "direction": "outgoing", "date": day, "subject": f"Sprawa {key}", **more}


def test_pattern_rendering_and_checking() -> None:
    assert render("IR/{year}/{number:04}", 2026, 7) == "IR/2026/0007"
    assert render("{number}.{year}", 2027, 12) == "12.2027"
    for bad in ("IR/{year}", "{number}/{number}", "{numer}/{number}", "{number}/{year}/{year}", "{number}{"):
        with pytest.raises(PatternError):
            check_pattern(bad)


def test_letters_are_numbered_per_year(desk: Desk) -> None:
    refs = [desk.letters.create(letter(f"l{n}", day)).record.reference
            for n, day in enumerate(["2026-01-05", "2026-02-01", "2027-01-02", "2026-12-31"])]
    assert refs == ["IR/2026/0001", "IR/2026/0002", "IR/2027/0001", "IR/2026/0003"]


def test_a_typed_reference_is_kept_and_skipped_over(desk: Desk) -> None:
    assert desk.letters.create(letter("typed", reference="IR/2026/0002")).record.reference == "IR/2026/0002"
    assert desk.letters.create(letter("a")).record.reference == "IR/2026/0001"
    assert desk.letters.create(letter("b")).record.reference == "IR/2026/0003"


def test_the_pattern_is_the_offices_setting(desk: Desk) -> None:
    desk.set_policy({"reference_pattern": "KD-{number:03}/{year}"})
    assert desk.letters.create(letter("a")).record.reference == "KD-001/2026"
    with pytest.raises(DeskError, match="reference_pattern"):
        desk.set_policy({"reference_pattern": "KD/{year}"})
    assert desk.policy().reference_pattern == "KD-{number:03}/{year}"


def test_a_refused_letter_uses_up_no_number(desk: Desk) -> None:
    desk.letters.create(letter("a"))
    with pytest.raises(DeskError):
        desk.letters.create(letter("a"))          # the same key again: refused, rolled back
    assert desk.letters.create(letter("b")).record.reference == "IR/2026/0002"


def test_two_letters_saved_at_once_get_different_numbers(db_url: str) -> None:
    with Desk.open(db_url, create=True) as first, Desk.open(db_url) as second:
        barrier = threading.Barrier(2)
        refs: list[str] = []
        errors: list[BaseException] = []

        def save(desk: Desk, prefix: str) -> None:
            try:
                barrier.wait()
                for n in range(10):
                    refs.append(desk.letters.create(letter(f"{prefix}{n}")).record.reference)
            except BaseException as error:      # reported below, not lost in the thread
                errors.append(error)

        threads = [threading.Thread(target=save, args=(d, p)) for d, p in ((first, "a"), (second, "b"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sorted(refs) == [f"IR/2026/{n:04}" for n in range(1, 21)]


def test_a_reply_is_linked_to_its_letter(desk: Desk) -> None:
    desk.letters.create(letter("ask", direction="incoming", reply_due_on="2026-03-20"))
    desk.letters.create(letter("answer", "2026-03-10", reply_to="ask"))
    assert desk.letters.get("answer").reply_to == "ask"
    # the question no longer awaits a reply
    assert desk.agenda(days=60, today=date(2026, 3, 15)).replies_due == []


def test_a_reply_to_an_unknown_letter_is_refused(desk: Desk) -> None:
    with pytest.raises(DeskError, match="reply_to"):
        desk.letters.create(letter("answer", reply_to="nothing-like-it"))
    assert desk.letters.count() == 0
