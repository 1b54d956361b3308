"""Term arithmetic: Krakow's real agreements as worked cases, then properties over any agreement."""

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import assume, given, settings, strategies as st

from krakow_desk.domain.enums import AgreementState as S, TermGap
from krakow_desk.domain.schema import AgreementData
from krakow_desk.domain.terms import (
    TermEvent, TermEventKind, add_months, agreement_state, agreement_states, term_events,
)

D = date


def agreement(key: str = "a", **fields: Any) -> AgreementData:
    return AgreementData(key=key, partner="p", kind=fields.pop("kind", "cooperation_agreement"), **fields)


ROCHESTER = agreement("rochester", signed_on="1973-07-18", term_start=D(1973, 7, 18), term_months=60,
                      auto_renews=True, renewal_months=60, notice_months=6)


# -- months --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("start, months, expected", [
    (D(2023, 1, 31), 1, D(2023, 2, 28)),
    (D(2024, 1, 31), 1, D(2024, 2, 29)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2024, 2, 29), 48, D(2028, 2, 29)),
    (D(2024, 3, 31), -1, D(2024, 2, 29)),
    (D(2028, 7, 17), -6, D(2028, 1, 17)),
    (D(2026, 12, 15), 1, D(2027, 1, 15)),
    (D(2026, 1, 15), -13, D(2024, 12, 15)),
    (D(2024, 8, 31), -6, D(2024, 2, 29)),
    (D(2026, 5, 31), 0, D(2026, 5, 31)),
])
def test_add_months_clamps_at_month_ends(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_add_months_outside_the_calendar_is_an_overflow() -> None:
    with pytest.raises(OverflowError):
        add_months(D(9999, 12, 1), 1)
    with pytest.raises(OverflowError):
        add_months(D(1, 1, 1), -1)


# -- Rochester: five-year terms renewed automatically, notice six months before expiry -------------------

def test_rochester_on_2026_11_22_counts_from_the_running_term_not_the_first() -> None:
    state = agreement_state(ROCHESTER, D(2026, 11, 22))
    assert state.status is S.IN_FORCE and state.gap is None
    assert (state.term_start, state.term_end) == (D(2023, 7, 18), D(2028, 7, 17))
    assert state.next_renewal == D(2028, 7, 18)
    assert state.notice_deadline == D(2028, 1, 17)     # not 1978-01-17, the first term's
    assert not state.notice_deadline_passed


@pytest.mark.parametrize("on, term, renewal, deadline, passed", [
    (D(1973, 7, 18), (D(1973, 7, 18), D(1978, 7, 17)), D(1978, 7, 18), D(1978, 1, 17), False),
    (D(1978, 7, 17), (D(1973, 7, 18), D(1978, 7, 17)), D(1978, 7, 18), D(1978, 1, 17), True),
    (D(1978, 7, 18), (D(1978, 7, 18), D(1983, 7, 17)), D(1983, 7, 18), D(1983, 1, 17), False),
    (D(2023, 7, 17), (D(2018, 7, 18), D(2023, 7, 17)), D(2023, 7, 18), D(2023, 1, 17), True),
    (D(2023, 7, 18), (D(2023, 7, 18), D(2028, 7, 17)), D(2028, 7, 18), D(2028, 1, 17), False),
    (D(2028, 1, 17), (D(2023, 7, 18), D(2028, 7, 17)), D(2028, 7, 18), D(2028, 1, 17), False),
    (D(2028, 1, 18), (D(2023, 7, 18), D(2028, 7, 17)), D(2028, 7, 18), D(2028, 1, 17), True),
    (D(2028, 7, 17), (D(2023, 7, 18), D(2028, 7, 17)), D(2028, 7, 18), D(2028, 1, 17), True),
    (D(2028, 7, 18), (D(2028, 7, 18), D(2033, 7, 17)), D(2033, 7, 18), D(2033, 1, 17), False),
])
def test_rochester_on_the_boundary_days(on: date, term: tuple, renewal: date, deadline: date,
                                        passed: bool) -> None:
    state = agreement_state(ROCHESTER, on)
    assert state.status is S.IN_FORCE
    assert (state.term_start, state.term_end) == term
    assert (state.next_renewal, state.notice_deadline, state.notice_deadline_passed) == (renewal, deadline, passed)


def test_rochester_before_signing_is_not_yet_in_force_with_its_first_term() -> None:
    state = agreement_state(ROCHESTER, D(1973, 7, 17))
    assert state.status is S.NOT_YET_IN_FORCE
    assert (state.term_start, state.term_end, state.next_renewal) == (D(1973, 7, 18), D(1978, 7, 17), D(1978, 7, 18))


def test_rochester_deadlines_ahead_over_ten_years() -> None:
    events = term_events(ROCHESTER, D(2026, 11, 22), D(2036, 11, 22))
    assert events == [
        TermEvent(D(2028, 1, 17), TermEventKind.NOTICE_DEADLINE, D(2028, 7, 17), D(2028, 7, 18)),
        TermEvent(D(2033, 1, 17), TermEventKind.NOTICE_DEADLINE, D(2033, 7, 17), D(2033, 7, 18)),
    ]
    assert term_events(ROCHESTER, D(2028, 1, 17), D(2028, 1, 17))[0].date == D(2028, 1, 17)  # both ends count
    assert term_events(ROCHESTER, D(2028, 1, 18), D(2033, 1, 16)) == []     # passed, and not yet the next


# -- Göteborg: a fixed-term agreement extended automatically, length not stated ---------------------------

def test_gothenburg_renews_automatically_but_the_programme_gives_no_lengths() -> None:
    gothenburg = agreement("gothenburg", signed_on="1990-03-22", auto_renews=True)
    state = agreement_state(gothenburg, D(2026, 11, 22))
    assert state.status is S.IN_FORCE and state.gap is TermGap.TERM_LENGTH_NOT_STATED
    assert (state.term_end, state.next_renewal, state.notice_deadline) == (None, None, None)
    assert term_events(gothenburg, D(2026, 11, 22), D(2036, 11, 22)) == []


def test_a_renewing_agreement_without_a_notice_period_renews_with_no_deadline() -> None:
    yearly = agreement(signed_on="2020-03-01", term_months=12, auto_renews=True)
    state = agreement_state(yearly, D(2026, 11, 22))
    assert (state.term_start, state.term_end, state.next_renewal) == (D(2026, 3, 1), D(2027, 2, 28), D(2027, 3, 1))
    assert state.notice_deadline is None and state.gap is TermGap.NOTICE_PERIOD_NOT_STATED


def test_a_renewing_agreement_with_a_stated_end_renews_by_the_renewal_period() -> None:
    a = agreement(term_start=D(2020, 1, 1), term_end=D(2022, 12, 31), auto_renews=True, renewal_months=12,
                  notice_months=3)
    state = agreement_state(a, D(2026, 11, 22))
    assert (state.term_start, state.term_end, state.next_renewal, state.notice_deadline) == (
        D(2026, 1, 1), D(2026, 12, 31), D(2027, 1, 1), D(2026, 9, 30))
    assert state.notice_deadline_passed


def test_a_term_begun_on_the_31st_returns_to_the_31st() -> None:
    monthly = agreement(term_start=D(2026, 1, 31), term_months=1, auto_renews=True, notice_months=0)
    assert agreement_state(monthly, D(2026, 2, 15)).term_end == D(2026, 2, 27)
    march = agreement_state(monthly, D(2026, 3, 15))
    assert (march.term_start, march.term_end) == (D(2026, 2, 28), D(2026, 3, 30))
    april = agreement_state(monthly, D(2026, 4, 15))
    assert (april.term_start, april.term_end) == (D(2026, 3, 31), D(2026, 4, 29))


# -- fixed terms that ended -------------------------------------------------------------------------------

FRANKFURT = agreement("frankfurt", kind="cooperation_protocol", signed_on="1997-07-09",
                      term_start=D(1997, 1, 1), term_end=D(2001, 12, 31))
VIENNA = agreement("vienna", kind="joint_statement", signed_on="2005-07-01", term_start=D(2005, 7, 1),
                   term_months=48)


@pytest.mark.parametrize("on, status", [
    (D(1996, 12, 31), S.NOT_YET_IN_FORCE), (D(1997, 1, 1), S.IN_FORCE), (D(2001, 12, 31), S.IN_FORCE),
    (D(2002, 1, 1), S.EXPIRED), (D(2026, 11, 22), S.EXPIRED),
])
def test_frankfurt_protocol_for_1997_2001(on: date, status: S) -> None:
    assert agreement_state(FRANKFURT, on).status is status


def test_frankfurt_protocol_expired_with_its_term() -> None:
    state = agreement_state(FRANKFURT, D(2026, 11, 22))
    assert (state.term_start, state.term_end, state.ended_on) == (D(1997, 1, 1), D(2001, 12, 31), D(2001, 12, 31))
    assert state.next_renewal is None and state.notice_deadline is None


def test_vienna_joint_statement_for_four_years_expired_in_2009() -> None:
    assert agreement_state(VIENNA, D(2009, 6, 30)).status is S.IN_FORCE
    state = agreement_state(VIENNA, D(2009, 7, 1))
    assert state.status is S.EXPIRED and state.ended_on == D(2009, 6, 30)
    assert agreement_state(VIENNA, D(2026, 11, 22)).status is S.EXPIRED
    assert term_events(VIENNA, D(2009, 6, 1), D(2009, 6, 30)) == [
        TermEvent(D(2009, 6, 30), TermEventKind.EXPIRY, D(2009, 6, 30))]
    assert term_events(VIENNA, D(2009, 6, 1), D(2009, 6, 29)) == []


@pytest.mark.parametrize("on, status", [
    (D(2004, 12, 31), S.NOT_YET_IN_FORCE),
    (D(2005, 6, 1), S.UNKNOWN),        # perhaps not signed yet
    (D(2007, 6, 1), S.IN_FORCE),       # signed in 2005, four years: surely running
    (D(2009, 6, 1), S.UNKNOWN),        # ended or not, depending on the day in 2005
    (D(2010, 1, 1), S.EXPIRED),        # ended on every reading
])
def test_a_term_counted_from_a_year_alone_has_no_invented_dates(on: date, status: S) -> None:
    vague = agreement(signed_on="2005", term_months=48)
    state = agreement_state(vague, on)
    assert state.status is status
    assert (state.term_start, state.term_end) == (None, None)
    if status is not S.NOT_YET_IN_FORCE:
        assert state.gap is TermGap.START_NOT_EXACT


# -- indefinite, unstated, terminated, superseded ----------------------------------------------------------

def test_indefinite_agreements_are_in_force_with_no_end() -> None:
    florence = agreement("florence", signed_on="1985-04-18", indefinite=True)
    state = agreement_state(florence, D(2026, 11, 22))
    assert state.status is S.IN_FORCE and state.term_start == D(1985, 4, 18)
    assert (state.term_end, state.next_renewal, state.notice_deadline) == (None, None, None)
    assert agreement_state(florence, D(1985, 4, 17)).status is S.NOT_YET_IN_FORCE
    assert agreement_state(agreement(indefinite=True), D(2026, 1, 1)).status is S.IN_FORCE
    year_only = agreement(signed_on="1985", indefinite=True)
    assert agreement_state(year_only, D(1985, 6, 1)).gap is TermGap.SIGNING_DATE_NOT_EXACT
    assert agreement_state(year_only, D(1986, 1, 1)).status is S.IN_FORCE


def test_a_document_stating_no_term_is_unknown_unless_something_decides() -> None:
    plain = agreement(signed_on="1996-06-12")
    state = agreement_state(plain, D(2026, 11, 22))
    assert state.status is S.UNKNOWN and state.gap is TermGap.NO_TERM_STATED
    assert agreement_state(plain, D(1996, 6, 11)).status is S.NOT_YET_IN_FORCE
    assert agreement_state(agreement(signed_on="1996-06-12", terminated_on=D(2000, 1, 1)),
                           D(2026, 1, 1)).status is S.TERMINATED


def test_terminated_from_the_day_of_termination() -> None:
    ended = ROCHESTER.model_copy(update={"terminated_on": D(2027, 3, 1)})
    before = agreement_state(ended, D(2027, 2, 28))
    assert before.status is S.IN_FORCE
    assert before.next_renewal is None and before.notice_deadline is None   # it will not renew
    state = agreement_state(ended, D(2027, 3, 1))
    assert state.status is S.TERMINATED and state.ended_on == D(2027, 3, 1)
    assert term_events(ended, D(2026, 11, 22), D(2036, 11, 22)) == []
    late = ROCHESTER.model_copy(update={"terminated_on": D(2030, 1, 1)})   # notice given too late
    assert agreement_state(late, D(2026, 11, 22)).next_renewal == D(2028, 7, 18)
    assert agreement_state(late, D(2029, 1, 1)).next_renewal is None


def test_renewed_and_replaced_agreements_are_superseded_once_the_successor_is_signed() -> None:
    old = agreement("pecs-1987", signed_on="1987-05-27")
    renewal = agreement("pecs-1998", signed_on="1998-04-27", relation="renews", related="pecs-1987")
    states = agreement_states([old, renewal], D(2026, 11, 22))
    assert states["pecs-1987"].status is S.SUPERSEDED
    assert (states["pecs-1987"].successor, states["pecs-1987"].ended_on) == ("pecs-1998", D(1998, 4, 27))
    assert states["pecs-1998"].status is S.UNKNOWN
    assert agreement_states([old, renewal], D(1998, 4, 26))["pecs-1987"].status is S.UNKNOWN

    indefinite = agreement("x", signed_on="1990-01-01", indefinite=True)
    vague = agreement("y", signed_on="2002", relation="replaces", related="x")
    assert agreement_states([indefinite, vague], D(2002, 6, 1))["x"].status is S.IN_FORCE   # maybe not yet
    assert agreement_states([indefinite, vague], D(2003, 1, 1))["x"].ended_on == D(2002, 12, 31)
    undated = agreement("z", relation="replaces", related="x")
    assert agreement_states([indefinite, undated], D(1995, 1, 1))["x"].status is S.SUPERSEDED


def test_amendments_and_confirmations_leave_the_agreement_in_force() -> None:
    florence = agreement("f", signed_on="1985-04-18", indefinite=True)
    for relation in ("confirms", "amends", "supplements"):
        later = agreement("g", signed_on="1987-10-09", relation=relation, related="f")
        assert agreement_states([florence, later], D(2026, 1, 1))["f"].status is S.IN_FORCE


def test_the_earliest_ending_decides() -> None:
    renewed_late = agreement("n", signed_on="2003-05-01", relation="renews", related="frankfurt")
    state = agreement_states([FRANKFURT, renewed_late], D(2026, 11, 22))["frankfurt"]
    assert state.status is S.EXPIRED and state.ended_on == D(2001, 12, 31)
    renewed_early = agreement("n", signed_on="2001-05-01", relation="renews", related="frankfurt")
    assert agreement_states([FRANKFURT, renewed_early], D(2026, 11, 22))["frankfurt"].status is S.SUPERSEDED
    cut = FRANKFURT.model_copy(update={"terminated_on": D(2000, 1, 1)})
    assert agreement_states([cut, renewed_early], D(2026, 11, 22))["frankfurt"].status is S.TERMINATED
    assert term_events(FRANKFURT, D(2001, 1, 1), D(2002, 1, 1),
                       [("n", D(2001, 5, 1))]) == []       # superseded: its end no longer matters


# -- properties -----------------------------------------------------------------------------------------------

days = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))
renewing = st.builds(
    lambda start, months, renewal, notice: agreement(
        term_start=start, term_months=months, auto_renews=True, renewal_months=renewal,
        notice_months=min(notice, renewal or months)),
    days, st.integers(1, 120), st.none() | st.integers(1, 120), st.integers(0, 24))


@given(renewing, st.dates(min_value=D(1900, 1, 1), max_value=D(2300, 12, 31)))
def test_the_running_term_contains_the_day_and_its_deadline_precedes_its_end(a: AgreementData, on: date) -> None:
    state = agreement_state(a, on)
    assume(state.status is S.IN_FORCE)
    assert state.term_start <= on <= state.term_end
    assert state.next_renewal == state.term_end + timedelta(days=1)
    assert state.notice_deadline <= state.term_end
    if a.notice_months:
        assert state.notice_deadline < state.term_end
    assert state.notice_deadline_passed == (on > state.notice_deadline)


@settings(max_examples=50)
@given(renewing)
def test_renewal_dates_strictly_increase_and_terms_follow_each_other(a: AgreementData) -> None:
    state = agreement_state(a, a.term_start)
    for _ in range(30):
        following = agreement_state(a, state.next_renewal)
        assert following.term_start == state.next_renewal
        assert following.next_renewal > state.next_renewal
        assert following.notice_deadline >= state.notice_deadline
        state = following


@given(renewing, days, days)
def test_a_later_day_never_gets_an_earlier_deadline(a: AgreementData, one: date, other: date) -> None:
    early, late = sorted((one, other))
    first, second = agreement_state(a, early), agreement_state(a, late)
    assume(first.notice_deadline is not None)
    assert second.notice_deadline >= first.notice_deadline
    assert second.next_renewal >= first.next_renewal


@given(renewing, days, st.integers(0, 3650))
def test_term_events_are_the_deadlines_of_the_running_terms(a: AgreementData, first: date, span: int) -> None:
    last = first + timedelta(days=span)
    events = term_events(a, first, last)
    assert [e.date for e in events] == sorted({e.date for e in events})
    for event in events:
        assert first <= event.date <= last and event.kind is TermEventKind.NOTICE_DEADLINE
        running = agreement_state(a, event.term_end)   # the deadline of the term ending then
        assert (running.notice_deadline, running.next_renewal) == (event.date, event.renews_on)


@given(st.dates(), st.integers(-1200, 1200))
def test_add_months_never_raises_inside_the_calendar_and_round_trips_where_defined(d: date, n: int) -> None:
    target_year = (d.year * 12 + d.month - 1 + n) // 12
    if not 1 <= target_year <= 9999:
        with pytest.raises(OverflowError):
            add_months(d, n)
        return
    moved = add_months(d, n)
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == n
    assert moved.day <= d.day
    if moved.day == d.day:
        assert add_months(moved, -n) == d


fuzzy_texts = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]]))


@st.composite
def any_agreement(draw: st.DrawFn) -> AgreementData:
    start = draw(st.none() | days)
    end = draw(st.none() | st.dates(min_value=start or D(1900, 1, 1), max_value=D(2100, 12, 31)))
    indefinite = draw(st.booleans()) and end is None
    return agreement(
        signed_on=draw(st.none() | fuzzy_texts), term_start=start, term_end=end, indefinite=indefinite,
        term_months=draw(st.none() | st.integers(1, 1200)), auto_renews=draw(st.booleans()),
        renewal_months=draw(st.none() | st.integers(1, 1200)), notice_months=draw(st.none() | st.integers(0, 1200)),
        terminated_on=draw(st.none() | days))


@given(any_agreement(), st.dates())
def test_any_recorded_agreement_gets_a_state_on_any_day(a: AgreementData, on: date) -> None:
    state = agreement_state(a, on)
    if state.status is S.IN_FORCE and state.term_start and state.term_end:
        assert state.term_start <= on <= state.term_end
    if state.status is S.UNKNOWN:
        assert state.gap is not None
    term_events(a, on, on + timedelta(days=365) if on.year < 9999 else on)
