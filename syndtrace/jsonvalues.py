"""JSON values as corpus records hold them: reading one line, naming a value's type, metadata as text.

``syndtrace.records`` reads the records of JSON, JSONL and CSV files with
these; ``syndtrace.texts`` reads a JSONL line back with ``load_json_line``,
so the text read back is the text first read.
"""

from __future__ import annotations

import json

import orjson


def load_json_line(raw: bytes) -> object:
    """``json.loads(raw)``, through orjson when that gives the same object.

    orjson reads a record about three times faster and builds the same
    object, except that it turns integers beyond 64 bits into floats: a
    record holding any float is read again by json (records rarely hold
    one). Whatever orjson refuses goes to json, which decides: json accepts
    NaN, Infinity and lone surrogate escapes (reported later, by field), and
    its errors are the ones the problems quote.
    """
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)
    return json.loads(raw) if _holds_float(obj) else obj


def _holds_float(value: object) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_holds_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_float(v) for v in value)
    return False


def kind_of(value: object) -> str:
    """A JSON value's type as the person who wrote the JSON calls it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


def meta_value(value: object) -> str | None:
    """A metadata value as stripped text, or None when absent or unusable.

    Numbers are written out (``"date": 2020``); a list of names is joined
    (``"author": ["A", "B"]``). Anything else (``unusable``) is left out
    rather than costing the record, whose text is what matters; the reader
    notes it.
    """
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    return None


def unusable(value: object) -> bool:
    """Whether a metadata value is given but cannot be read as text: an object, true/false, a list of non-texts.

    ``None``, empty strings and empty lists are absent values, not unusable ones.
    """
    if value is None or isinstance(value, str):
        return False
    if isinstance(value, bool) or isinstance(value, dict):
        return True
    if isinstance(value, list):
        return not all(isinstance(v, str) for v in value)
    return not isinstance(value, (int, float))
