"""The article fields a corpus record can carry, and ``--field``: which of the corpus's names hold them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from syndtrace.errors import SettingsError
from syndtrace.load import FRONT_MATTER_FIELDS

# The front-matter fields plus the text: one vocabulary for every input kind.
FIELD_NAMES = (*FRONT_MATTER_FIELDS, "text")
# In name order, so the ``fields`` tuple built from them is already sorted.
META_FIELDS = tuple(sorted(set(FRONT_MATTER_FIELDS) - {"id"}))
_FIELD_USAGE = "--field takes NAME=COLUMN, e.g. text=body; NAME is one of " + ", ".join(FIELD_NAMES)


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which corpus field or column holds each syndtrace field.

    ``mapping`` holds only the renamed fields as sorted ``(name, column)``
    pairs; every other field is read under its own name.
    """

    mapping: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, specs: Iterable[str]) -> FieldMap:
        """Build from ``--field`` values like ``["text=body", "outlet=publisher"]``.

        Raises ``SettingsError`` for bad syntax, unknown names or a name given twice.
        """
        mapping: dict[str, str] = {}
        for spec in specs:
            name, sep, column = spec.partition("=")
            name, column = name.strip().lower(), column.strip()
            if not sep or not name or not column:
                raise SettingsError(f"bad --field {spec!r}: {_FIELD_USAGE}")
            if name not in FIELD_NAMES:
                raise SettingsError(f"bad --field {spec!r}: unknown field {name!r}; {_FIELD_USAGE}")
            if name in mapping and mapping[name] != column:
                raise SettingsError(
                    f"bad --field {spec!r}: {name} is already read from {mapping[name]!r}; "
                    "give each NAME once"
                )
            mapping[name] = column
        return cls(tuple(sorted(mapping.items())))

    def column(self, name: str) -> str:
        """The corpus's name for syndtrace field ``name`` (``name`` itself unless mapped)."""
        if name not in FIELD_NAMES:
            raise ValueError(f"unknown field {name!r}; expected one of {', '.join(FIELD_NAMES)}")
        for ours, theirs in self.mapping:
            if ours == name:
                return theirs
        return name
