"""One settings object for the whole pipeline, validated when built.

Every threshold the pipeline uses lives here, so a run is described by its
inputs plus one ``Settings`` (which the JSON output echoes back).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields

from syndtrace.errors import SettingsError
from syndtrace.scripts import LANGUAGES


@dataclass(frozen=True, slots=True)
class Settings:
    """Tunable parameters. Build with ``Settings(...)``; bad values raise ``SettingsError``."""

    # Words per shingle: exact seeds for alignment and units of the MinHash sets.
    shingle_size: int = 5
    # MinHash permutations and the seed of their generator (datasketch's ``seed``).
    num_perm: int = 128
    seed: int = 1
    # A shared passage must have at least this many aligned words to be reported.
    min_words: int = 8
    # Two exact matches whose gap (in words, on either side) is at most this merge
    # into one passage: tolerates an ellipsis cut, a bracketed insertion, a changed word.
    max_gap: int = 8
    # scan: winnowing window, in shingles: every shared run of window + shingle_size - 1
    # words yields a common fingerprint (16 + 5 - 1 = 20 words).
    window: int = 16
    # scan: a fingerprint in more documents than this pairs only where they are copies of
    # one story (they share long runs of other fingerprints); elsewhere it is a stock phrase.
    max_df: int = 64
    # scan: a candidate pair needs this many shared fingerprints before alignment.
    min_shared_fingerprints: int = 2
    # scan: a shingle seen in this many different stories of one outlet is boilerplate.
    boilerplate_min_stories: int = 3
    # Words of authored (unquoted) text a pair must share to count as reuse rather
    # than a shared quote.
    min_authored_words: int = 20
    # scan: two documents join one family only on substantial authored overlap: this
    # many unquoted shared words in all, or one passage with family_min_passage_words.
    family_min_authored_words: int = 40
    family_min_passage_words: int = 25
    # scan: worker processes; 0 means all cores.
    workers: int = 0
    # scan: inputs larger than this many bytes are reported and skipped.
    max_bytes: int = 20_000_000
    # Metadata dates written with numbers alone ("10/02/2020") are unread (day and month
    # could be either way round) unless the corpus's order is given: "dmy" or "mdy".
    date_order: str = ""
    # Web pages given as URLs: seconds to wait for a connection or for data; retries (with
    # exponential backoff from fetch_backoff seconds) after a connection error, a timeout or
    # a "try again" status; redirects followed; pages fetched at once from one host.
    fetch_timeout: float = 20.0
    fetch_retries: int = 2
    fetch_backoff: float = 0.5
    fetch_redirects: int = 5
    fetch_per_host: int = 2
    # The texts' language (an ISO 639-1 code such as "ur" or "zh"); empty: detected per
    # document from its script. It decides how quotation marks are read.
    language: str = ""
    # OCR'd text: words compare when they differ by an OCR error or two, and scan's
    # fingerprints are taken on a form that forgives common OCR confusions.
    ocr: bool = False
    # Mark possible rewrites (one topic, shared names and numbers, few shared words) with a
    # multilingual embedding model; never counted as reuse. Needs syndtrace[rewrites].
    rewrites: bool = False

    def __post_init__(self) -> None:
        def need(name: str, low: float, high: float, hint: str) -> None:
            value = getattr(self, name)
            # The option's spelling: the person reading the message typed it (library
            # callers map it back to the field trivially).
            label = f"--{name.replace('_', '-')}"
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise SettingsError(f"{label} must be a number, got {value!r}; {hint}")
            if not low <= value <= high:
                raise SettingsError(f"{label} must be between {low} and {high} (got {value}); {hint}")

        need("shingle_size", 2, 12, "5 words suits news text")
        need("num_perm", 16, 1024, "128 permutations give Jaccard estimates within about 0.09")
        need("seed", 0, 2**32 - 1, "any fixed integer; the default is 1")
        need("min_words", self.shingle_size, 10_000, "it cannot be below --shingle-size; 8 is the default")
        need("max_gap", 0, 100, "8 words tolerates a bracketed insertion or an ellipsis cut")
        need("window", 1, 128, "16 guarantees a fingerprint for every shared run of 20 words")
        need("max_df", 2, 1_000_000, "64 suits news; a story reprinted more often is still paired")
        need("min_shared_fingerprints", 1, 100, "2 is the default")
        need("boilerplate_min_stories", 2, 1000, "3 is the default")
        need("min_authored_words", 0, 10_000, "20 is the default")
        need("family_min_authored_words", 0, 100_000, "40 is the default")
        need("family_min_passage_words", 0, 100_000, "25 is the default")
        need("workers", 0, 512, "0 uses all cores")
        need("max_bytes", 1000, 2**40, "the default is 20 MB")
        need("fetch_timeout", 0.01, 600, "seconds; the default is 20")
        need("fetch_retries", 0, 10, "the default is 2")
        need("fetch_backoff", 0, 60, "seconds before the second retry, doubling after; the default is 0.5")
        need("fetch_redirects", 0, 30, "the default is 5")
        need("fetch_per_host", 1, 64, "pages fetched at once from one host; the default is 2")
        if self.date_order not in ("", "dmy", "mdy"):
            raise SettingsError(
                f"--date-order must be dmy (10/02/2020 is 10 February 2020) or mdy (it is October 2), "
                f"got {self.date_order!r}"
            )

        if self.language and self.language not in LANGUAGES:
            raise SettingsError(
                f"--language must be an ISO 639-1 code syndtrace knows (such as en, ur, ar, zh, ja), "
                f"got {self.language!r}; leave it out to detect each document's script"
            )
        for flag in ("ocr", "rewrites"):
            if not isinstance(getattr(self, flag), bool):
                raise SettingsError(f"--{flag} is on or off, got {getattr(self, flag)!r}")

    @property
    def worker_count(self) -> int:
        """Workers actually used: ``workers``, or every core when it is 0."""
        return self.workers or (os.cpu_count() or 1)

    def to_dict(self) -> dict:
        """The settings as plain data, for the JSON output."""
        return asdict(self)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Every setting's name, in declaration order."""
        return tuple(f.name for f in fields(cls))
