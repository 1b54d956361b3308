"""Errors a person can read. Every service failure caused by input is a DeskError."""

from typing import Any, Iterable

from pydantic import ValidationError


class DeskError(Exception):
    """A failure the user can act on; its message is shown as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidRecord(DeskError):
    """Input that breaks a rule; ``field`` names the field at fault (dotted path for nested ones)."""

    def __init__(self, kind: str, field: str | None, problem: str, key: str | None = None) -> None:
        self.kind, self.field, self.problem, self.key = kind, field, problem, key
        where = f"{kind} '{key}'" if key else kind
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


class NotFound(DeskError):
    def __init__(self, kind: str, key: str) -> None:
        self.kind, self.key = kind, key
        super().__init__(f"no {kind} '{key}'")


class UnknownReference(InvalidRecord):
    """A record names another one (by key) that does not exist."""

    def __init__(self, kind: str, key: str | None, field: str, target_kind: str, target: str) -> None:
        super().__init__(kind, field, f"no {target_kind} '{target}'", key)
        self.target_kind, self.target = target_kind, target


class DuplicateKey(InvalidRecord):
    def __init__(self, kind: str, key: str) -> None:
        super().__init__(kind, "key", f"another {kind} already has the key '{key}'", key)


class InUse(DeskError):
    """A record others depend on cannot be deleted."""

    def __init__(self, kind: str, key: str, dependents: dict[str, int]) -> None:
        self.dependents = dependents
        listing = ", ".join(f"{count} {name}" for name, count in sorted(dependents.items()))
        super().__init__(f"{kind} '{key}' cannot be deleted: {listing} depend on it")


class DatasetError(DeskError):
    """A dataset file that cannot be read at all (not JSON, not ours)."""


_MESSAGES = {
    "missing": "is required",
    "date_from_datetime_parsing": "is not a real date (YYYY-MM-DD)",
    "date_parsing": "is not a real date (YYYY-MM-DD)",
    "date_type": "is not a date",
    "time_parsing": "is not a time (HH:MM)",
    "extra_forbidden": "is not a known field",
    "string_pattern_mismatch": "may hold only lower-case letters, digits and single hyphens",
    "int_parsing": "is not a whole number",
    "float_parsing": "is not a number",
    "decimal_parsing": "is not a number",
    "bool_parsing": "is not true or false",
    "enum": "is not one of: {expected}",
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
                    prefix: str = "") -> InvalidRecord:
    """The first problem of a pydantic error, phrased for a person and naming its field."""
    first = error.errors()[0]
    field = _field_path(first["loc"])
    kind_of_error = first["type"]
    if kind_of_error == "value_error":
        problem = str(first.get("ctx", {}).get("error", first["msg"]))
        # Model-level rules say "field: problem" so that the field is named even there.
        head, sep, tail = problem.partition(": ")
        if sep and head.replace("_", "").isalnum() and " " not in head:
            field = _field_path([*first["loc"], head]) if field else head
            problem = tail
    elif kind_of_error.endswith("_type") and first.get("input") is None:
        problem = _MESSAGES["missing"]  # a blank field was cleared to None before the type check
    elif kind_of_error in _MESSAGES:
        problem = _MESSAGES[kind_of_error].format(**first.get("ctx", {}))
    else:
        problem = first["msg"][:1].lower() + first["msg"][1:]
    if prefix:
        field = f"{prefix}.{field}" if field else prefix
    return InvalidRecord(kind, field or None, problem, key)
