"""Polish for messages added where the services fuzz run (tests/test_fuzz_services.py) found
input that escaped as a crash instead of a DeskError."""

PL = {
    # krakow_desk.services.annual.annual_summary: a year outside the calendar
    "the year must be between {first} and {last}": "rok musi mieścić się między {first} a {last}",
    # krakow_desk.services.errors: an infinite or NaN number
    "is not a finite number": "nie jest liczbą skończoną",
}
