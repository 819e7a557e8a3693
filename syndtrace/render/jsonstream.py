"""Writing a large JSON object in chunks, as ``json.dumps(..., indent=2, ensure_ascii=False)`` would.

A corpus result runs to hundreds of megabytes: each list item is converted
only when written (``syndtrace.render.json`` yields them lazily) and encoded
by orjson, whose two-space indentation is re-based to the item's depth.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

import orjson

_BATCH = 512  # list items encoded per write


def indented(sections: list[tuple[str, Any]]) -> Iterator[str]:
    """A JSON object of ``sections`` (key, dict or iterable of items) in chunks: ``json.dumps(..., indent=2)``'s text."""
    yield "{"
    for k, (key, value) in enumerate(sections):
        yield ("\n" if k == 0 else ",\n") + "  " + _encode(key, "") + ": "
        if isinstance(value, dict):
            yield _encode(value, "  ")
            continue
        items = iter(value)
        batch = list(islice(items, _BATCH))
        if not batch:
            yield "[]"
            continue
        yield "[\n"
        while batch:
            yield _items(batch)
            batch = list(islice(items, _BATCH))
            if batch:
                yield ",\n"
        yield "\n  ]"
    yield "\n}\n"


def _items(batch: list) -> str:
    """List items as ``_encode(item, "    ", first=True)`` each, joined by ``",\n"``, with one orjson call.

    orjson indents a list's items by two spaces and separates them by
    ``",\n"``: re-based by two more, and without the brackets, that is
    exactly the items encoded one by one at depth two.
    """
    text = orjson.dumps(batch, option=orjson.OPT_INDENT_2).decode("utf-8").replace("\n", "\n  ")
    return text[2:-4]  # without the opening "[\n" and the closing "\n  ]"


def _encode(value: Any, pad: str, *, first: bool = False) -> str:
    """``value`` as indented JSON, every line after the first padded by ``pad`` (the first too if ``first``)."""
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    if pad:
        text = text.replace("\n", "\n" + pad)
    return pad + text if first else text
