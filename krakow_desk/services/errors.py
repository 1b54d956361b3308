"""Errors a person can read. Every service failure caused by input is a DeskError."""

from typing import Any, Iterable

from pydantic import ValidationError

from krakow_desk.i18n import N_, _

# Names of record kinds as people say them; field names stay as the dataset spells them.
KIND_NAMES = {
    "partner": N_("partner"), "agreement": N_("agreement"), "organisation": N_("organisation"),
    "membership": N_("membership"), "institution": N_("institution"), "person": N_("person"),
    "visit": N_("visit"), "event": N_("event"), "gift": N_("gift"), "letter": N_("letter"),
    "task": N_("task"), "source": N_("source"), "home": N_("home city"),
    "yearly figure": N_("yearly figure"), "dataset": N_("dataset"),
    "document": N_("document"),
    "setting": N_("office setting"), "demo": N_("demonstration data"), "database": N_("database"),
}


def kind_name(kind: str) -> str:
    text = KIND_NAMES.get(kind)
    return _(text) if text else kind


class DeskError(Exception):
    """A failure the user can act on; its message is shown as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidRecord(DeskError):
    """Input that breaks a rule; ``field`` names the field at fault (dotted path for nested ones)."""

    def __init__(self, kind: str, field: str | None, problem: str, key: str | None = None) -> None:
        self.kind, self.field, self.problem, self.key = kind, field, problem, key
        where = f"{kind_name(kind)} '{key}'" if key else kind_name(kind)
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


class NotFound(DeskError):
    def __init__(self, kind: str, key: str) -> None:
        self.kind, self.key = kind, key
        super().__init__(_("no {kind} '{key}'").format(kind=kind_name(kind), key=key))


class UnknownReference(InvalidRecord):
    """A record names another one (by key) that does not exist."""

    def __init__(self, kind: str, key: str | None, field: str, target_kind: str, target: str) -> None:
        super().__init__(kind, field, _("no {kind} '{key}'").format(kind=kind_name(target_kind), key=target), key)
        self.target_kind, self.target = target_kind, target


class DuplicateKey(InvalidRecord):
    def __init__(self, kind: str, key: str) -> None:
        super().__init__(kind, "key", _("another {kind} already has the key '{key}'").format(
            kind=kind_name(kind), key=key), key)


class InUse(DeskError):
    """A record others depend on cannot be deleted."""

    def __init__(self, kind: str, key: str, dependents: dict[str, int]) -> None:
        self.dependents = dependents
        listing = ", ".join(f"{count} × {kind_name(name)}" for name, count in sorted(dependents.items()))
        super().__init__(_("{kind} '{key}' cannot be deleted: records depend on it ({listing})").format(
            kind=kind_name(kind), key=key, listing=listing))


class Conflict(DeskError):
    """Someone saved the record after this copy of it was read: nothing was written.

    ``mine`` is what was to be saved, ``theirs`` what is stored now (at ``version``), and
    ``by`` who saved it last and when (``actor``, ``at``), when the history knows."""

    def __init__(self, kind: str, key: str, mine: Any, theirs: Any, version: int, by: Any = None) -> None:
        self.kind, self.key, self.mine, self.theirs, self.version, self.by = kind, key, mine, theirs, version, by
        if by is not None:
            message = _("{kind} '{key}' was changed by {actor} ({at}) after you opened it; "
                        "nothing was saved").format(kind=kind_name(kind), key=key, actor=by.actor,
                                                    at=by.at[:16].replace("T", " ") + " UTC")
        else:
            message = _("{kind} '{key}' was changed by someone else after you opened it; "
                        "nothing was saved").format(kind=kind_name(kind), key=key)
        super().__init__(message)


class DatasetError(DeskError):
    """A dataset file that cannot be read at all (not JSON, not ours)."""


REQUIRED = N_("is required")
_MESSAGES = {
    "missing": REQUIRED,
    "date_from_datetime_parsing": N_("is not a real date (YYYY-MM-DD)"),
    "date_parsing": N_("is not a real date (YYYY-MM-DD)"),
    "date_type": N_("is not a date"),
    "time_parsing": N_("is not a time (HH:MM)"),
    "extra_forbidden": N_("is not a known field"),
    "string_pattern_mismatch": N_("may hold only lower-case letters, digits and single hyphens"),
    "int_parsing": N_("is not a whole number"),
    "float_parsing": N_("is not a number"),
    "finite_number": N_("is not a finite number"),
    "decimal_parsing": N_("is not a number"),
    "bool_parsing": N_("is not true or false"),
    "enum": N_("is not one of: {expected}"),
    "greater_than": N_("must be greater than {gt}"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than": N_("must be less than {lt}"),
    "less_than_equal": N_("must be at most {le}"),
    "string_too_long": N_("is too long (at most {max_length} characters)"),
    "too_long": N_("has too many items"),
}


def _field_path(loc: Iterable[Any]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + str(part)
    return path


def from_validation(kind: str, error: ValidationError, key: str | None = None,
                    prefix: str = "", skip: int = 0) -> InvalidRecord:
    """The first problem of a pydantic error, phrased for a person and naming its field.

    ``skip`` drops leading parts of the location (the collection and index of a dataset record).
    """
    first = error.errors()[0]
    loc = tuple(first["loc"])[skip:]
    field = _field_path(loc)
    kind_of_error = first["type"]
    if kind_of_error == "value_error":
        problem = str(first.get("ctx", {}).get("error", first["msg"]))
        # Model-level rules say "field: problem" so that the field is named even there.
        head, sep, tail = problem.partition(": ")
        if sep and head.replace("_", "").isalnum() and " " not in head:
            field = _field_path([*loc, head]) if field else head
            problem = tail
    elif kind_of_error.endswith("_type") and first.get("input") is None:
        problem = _(REQUIRED)  # a blank field was cleared to None before the type check
    elif kind_of_error in _MESSAGES:
        problem = _(_MESSAGES[kind_of_error]).format(**first.get("ctx", {}))
    else:
        problem = first["msg"][:1].lower() + first["msg"][1:]
    if prefix:
        field = f"{prefix}.{field}" if field else prefix
    return InvalidRecord(kind, field or None, problem, key)
