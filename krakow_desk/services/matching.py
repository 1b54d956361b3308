"""Which stored record an imported one is: the same key, the same natural key (a name, a title
and date, a reference number), or likely the same thing under another spelling.

Names are compared after Polish folding (so 'Łódź' is 'lodz'); exonyms through the alias table
(Kijów / Kiev / Kyiv / Київ); near spellings with rapidfuzz ('Krakow' / 'Cracow' is not one,
'Nurnberg' / 'Nürnberg' is folded away, 'Tbilissi' / 'Tbilisi' scores 93).
"""

from dataclasses import dataclass, field
from typing import Any, Optional

from rapidfuzz import fuzz, process

from krakow_desk.domain.aliases import alias_group
from krakow_desk.domain.text import fold

# A person's name or a city's spelling this close is asked about, never silently added again.
FUZZY_CUTOFF = 88
NAME_KINDS = ("partner", "person", "institution", "organisation")


def _text(value: Any) -> str:
    if value is None:
        return ""
    iso = getattr(value, "iso", None)
    if callable(iso):
        return iso()
    return str(getattr(value, "value", value))


def names(kind: str, values: dict[str, Any]) -> list[str]:
    """The folded names a record of a name-bearing kind is known by."""
    if kind == "partner":
        found = [values.get("name"), values.get("name_en"), values.get("name_native"),
                 *(values.get("aliases") or [])]
    elif kind == "person":
        full = " ".join(part for part in (values.get("given_name"), values.get("family_name")) if part)
        found = [full, values.get("name_native")]
    elif kind in ("institution", "organisation"):
        found = [values.get("name"), values.get("name_en"), values.get("acronym")]
    else:
        found = []
    return [fold(name) for name in found if name and fold(name)]


def record_label(kind: str, values: dict[str, Any]) -> str:
    """How a person recognises a record in a list: a name, a title, a subject."""
    if kind == "person":
        return " ".join(str(values[f]) for f in ("given_name", "family_name") if values.get(f))
    for name in ("name", "title", "subject", "description", "reference"):
        if values.get(name):
            return str(values[name])
    return str(values.get("key") or "")


def primary(kind: str, values: dict[str, Any]) -> Optional[str]:
    """The one name that identifies a record when a file gives no key: a partner's Polish name,
    a person's full name. Other names (aliases, English) only make a row a likely duplicate."""
    found = names(kind, {name: value for name, value in values.items() if name != "aliases"})
    return found[0] if found else None


def identity(kind: str, values: dict[str, Any]) -> Optional[tuple]:
    """The natural key of a record of a kind without names: what makes two rows the same thing."""
    def of(*fields: str) -> Optional[tuple]:
        parts = tuple(fold(_text(values.get(name))) for name in fields)
        return (kind, *parts) if parts[0] else None

    if kind == "letter" and values.get("reference"):
        return of("reference")
    return {
        "source": lambda: of("title"),
        "agreement": lambda: of("partner", "kind", "signed_on"),
        "membership": lambda: of("organisation"),
        "visit": lambda: of("title", "start_on"),
        "event": lambda: of("title", "start_on"),
        "gift": lambda: of("description", "date", "direction"),
        "letter": lambda: of("subject", "date", "direction"),
        "task": lambda: of("title", "due_on"),
    }.get(kind, lambda: None)()


@dataclass(frozen=True)
class Match:
    key: str
    score: int            # 100 for the same name or an alias of it
    how: str              # "name" (or natural key), "other-name", "alias", "similar"


@dataclass
class RecordIndex:
    """The records of one kind by key, folded name, alias group and natural key."""
    kind: str
    labels: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, set[str]] = field(default_factory=dict)
    by_primary: dict[str, set[str]] = field(default_factory=dict)
    by_group: dict[int, set[str]] = field(default_factory=dict)
    by_identity: dict[tuple, set[str]] = field(default_factory=dict)
    choices: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)

    def add(self, key: str, values: dict[str, Any], label: str, fuzzy: bool = True) -> None:
        """Index a record; ``fuzzy`` false leaves it out of the near-spelling search (rows of the
        file being imported: comparing each with every other would cost n² for a large file)."""
        self.labels[key] = label
        main = primary(self.kind, values)
        if main:
            self.by_primary.setdefault(main, set()).add(key)
        for name in names(self.kind, values):
            self.by_name.setdefault(name, set()).add(key)
            group = alias_group(name)
            if group is not None:
                self.by_group.setdefault(group, set()).add(key)
            if fuzzy:
                self.choices.append(name)
                self.owners.append(key)
        ident = identity(self.kind, values)
        if ident is not None:
            self.by_identity.setdefault(ident, set()).add(key)

    def same(self, values: dict[str, Any]) -> set[str]:
        """Keys of the records a row without a key is: the same primary name, or the same
        natural key."""
        main = primary(self.kind, values)
        found = set(self.by_primary.get(main, set())) if main else set()
        ident = identity(self.kind, values)
        if ident is not None:
            found |= self.by_identity.get(ident, set())
        return found

    def named(self, text: str) -> set[str]:
        """Keys of the records known by this name, any of their names."""
        return set(self.by_name.get(fold(text), set()))

    def likely(self, values: dict[str, Any], besides: str = "") -> Optional[Match]:
        """The record this one most likely duplicates (another key), or None."""
        wanted = names(self.kind, values)
        for how, keys in (("name", self.same(values)),
                          ("other-name", set().union(*(self.by_name.get(name, set()) for name in wanted)))):
            candidates = sorted(key for key in keys if key != besides)
            if candidates:
                return Match(candidates[0], 100, how)
        for name in wanted:
            group = alias_group(name)
            for key in sorted(self.by_group.get(group, set()) if group is not None else ()):
                if key != besides:
                    return Match(key, 100, "alias")
        best: Optional[Match] = None
        scorer = fuzz.token_sort_ratio if self.kind == "person" else fuzz.ratio
        for name in wanted:
            if len(name) < 4:
                continue  # 'Ulm' and 'Ula' are not one city
            for _choice, score, position in process.extract(
                    name, self.choices, scorer=scorer, score_cutoff=FUZZY_CUTOFF, limit=5):
                key = self.owners[position]
                if key != besides and (best is None or score > best.score):
                    best = Match(key, int(score), "similar")
        return best
