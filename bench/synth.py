"""Text for the synthetic corpus: fresh story text, and the edits copies make.

``TextSource`` hands out text that no other article has. It walks the Reuters
pool in *epochs*: each epoch is a fresh permutation of the pool's stories,
and a story is used by at most one article per epoch. Epoch 0 is the real
text. Later epochs (needed once N outgrows the pool) shuffle sentences across
stories and replace every fourth word with a vocabulary word, the replacement
for a given (sentence, position) being different in every epoch. Every
8-word window then holds at least one replaced word (two inside a sentence),
so two versions of one sentence never share an 8-word run, and a window
matching some other sentence by chance needs two random words to match too.

``edit_reprint`` and friends are the changes a republisher makes: a word
changed here and there, a sentence dropped, an editor's bracket, paragraphs
reordered.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import numpy as np

from reuters_pool import RUN, Pool, gram_hash, words_of

_PIECE = re.compile(r"([A-Za-z0-9]+)")
_TRAIL = frozenset(".,;:!?\"')")
_LEAD = frozenset("\"'(")
PERIOD = 4  # every PERIOD-th word is replaced in epochs after the first


class Para:
    """A paragraph: its sentences, whose original text they are, and its shared quote (if any)."""

    __slots__ = ("sents", "origin", "qid")

    def __init__(self, sents: tuple[str, ...], origin: int, qid: int = -1) -> None:
        self.sents = sents
        self.origin = origin  # key of the article that first published these words
        self.qid = qid  # shared-quote group, -1 for none

    @property
    def words(self) -> int:
        """Word count (whitespace tokens)."""
        return sum(s.count(" ") + 1 for s in self.sents)

    def with_sents(self, sents: tuple[str, ...]) -> Para:
        """The same paragraph (provenance kept) with other sentences."""
        return Para(sents, self.origin, self.qid)


def wc(sentence: str) -> int:
    """Whitespace word count of one sentence (sentences hold single spaces)."""
    return sentence.count(" ") + 1


def _swap_word(token: str, word: str) -> str:
    """``word`` in place of ``token``, keeping the token's leading and trailing punctuation."""
    if token[0] in _LEAD:
        word = token[0] + word
    if token[-1] in _TRAIL and len(token) > 1:
        word += token[-1]
    return word


class TextSource:
    """Hands out story text that no other article shares (see the module docstring)."""

    def __init__(self, pool: Pool, nprng: np.random.Generator, reserved: set[tuple[int, int]]) -> None:
        self.titles = [st.title for st in pool.stories]
        self.cities = [st.city for st in pool.stories]
        # Reserved sentences (shared quotes) leave circulation for every epoch; the
        # sentence after one no longer follows its original neighbour, so it becomes a cut.
        self.stories: list[tuple[str, ...]] = []
        self.cuts: list[frozenset[int]] = []
        for i, st in enumerate(pool.stories):
            kept, cuts, gap = [], set(), False
            for j, sent in enumerate(st.sentences):
                if (i, j) in reserved:
                    gap = True
                    continue
                if kept and (gap or j in st.cuts):
                    cuts.add(len(kept))
                kept.append(sent)
                gap = False
            self.stories.append(tuple(kept))
            self.cuts.append(frozenset(cuts))
        self.vocab = pool.vocab
        self.word_ids = dict(pool.word_ids)
        self.pool_grams = pool.grams
        self.issued: dict[int, object] = {}  # windows across joins made so far -> tag
        self.nprng = nprng
        self.epoch = -1
        self.order: list[int] = []
        self.pos = 0
        self.skipped = 0  # sentences left out because a join would have repeated a run

    def _next_story(self) -> tuple[int, int]:
        """The next unused story of the current epoch (starting a new epoch when it runs out)."""
        if self.pos >= len(self.order):
            self.epoch += 1
            self.order = self.nprng.permutation(len(self.stories)).tolist()
            self.pos = 0
        i = self.order[self.pos]
        self.pos += 1
        return i, self.epoch

    def _ids(self, words: list[str]) -> list[int]:
        ids = self.word_ids
        return [ids[w] if w in ids else ids.setdefault(w, len(ids) + 1) for w in words]

    def join_ok(self, left: list[str], right: list[str], tag: object = None) -> bool:
        """Claim the 8-word windows across ``left`` + ``right``; False if any already exists.

        Windows that exist are those inside the pool's runs and those this corpus
        made at earlier joins; a join that repeats one would give two unrelated
        articles a shared run, so the caller leaves the right-hand side out instead.
        Windows claimed with a ``tag`` may be claimed again with the same tag: the
        articles quoting one statement share its frame on purpose.
        """
        left, right = left[-(RUN - 1) :], right[: RUN - 1]
        seq = self._ids(left + right)
        hashes = [gram_hash(seq[s : s + RUN]) for s in range(max(0, len(left) - RUN + 1), len(left)) if s + RUN <= len(seq)]
        if not hashes:
            return True
        wanted = np.array(hashes, dtype=np.uint64)
        found = np.minimum(np.searchsorted(self.pool_grams, wanted), len(self.pool_grams) - 1)
        if (self.pool_grams[found] == wanted).any():
            return False
        issued = self.issued
        if any(h in issued and (tag is None or issued[h] != tag) for h in hashes):
            return False
        for h in hashes:
            issued.setdefault(h, tag)
        return True

    def joins(self, left: str, right: str, tag: object = None) -> bool:
        """``join_ok`` for two pieces of text: may ``right`` follow ``left`` in some article?"""
        return self.join_ok(words_of(left), words_of(right), tag)

    def take(self, target_words: int, tag: str = "") -> tuple[str, str, list[list[str]]]:
        """About ``target_words`` of fresh text: ``(title, lead, segments of sentences)``.

        A segment is one story's sentences (epoch 0) or the whole shuffled mix (later
        epochs); paragraphs never straddle segments. With an agency ``tag`` the lead
        is its dateline ("PARIS (AFP) - "), which the first sentence follows.
        """
        fresh: list[list[str]] = []  # epoch-0 segments, kept in order: their joins are checked
        synthetic: list[tuple[int, int, list[str]]] = []  # later epochs' (story, epoch, sentences)
        words = 0
        title = lead = ""
        prev: list[str] = []
        while words < target_words:
            i, epoch = self._next_story()
            sents = self.stories[i]
            if not sents:
                continue
            if not title:
                title, city = self.titles[i], self.cities[i]
                if epoch:
                    title = self._transform_title(title, i, epoch)
                if tag:
                    lead = f"{city} ({tag}) - " if city else f"({tag}) - "
                prev = words_of(f"{title} {lead}")
            taken: list[str] = []
            join = True  # the first sentence of a story joins whatever came before
            for k, s in enumerate(sents):
                if epoch == 0 and (join or k in self.cuts[i]):
                    w = words_of(s)
                    if not self.join_ok(prev if not taken else words_of(taken[-1]), w):
                        self.skipped += 1
                        join = True  # the next sentence joins the same left side
                        continue
                join = False
                taken.append(s)
                words += wc(s)
                if words >= target_words:
                    break  # the rest of this story is not used again this epoch
            if not taken:
                continue
            if epoch:
                synthetic.append((i, epoch, taken))
            else:
                fresh.append(taken)
                prev = words_of(taken[-1])
        if synthetic:
            mixed = self._transform(synthetic)
            # Later epochs mix sentences across stories so that no story reappears in order.
            fresh.append([mixed[j] for j in self.nprng.permutation(len(mixed)).tolist()])
        return title, lead, fresh

    def _transform(self, batch: list[tuple[int, int, list[str]]]) -> list[str]:
        """Replace every PERIOD-th word (random phase) of each story's sentences with an epoch-specific word.

        ``batch`` holds ``(story, epoch, sentences)``. The word for (story, sentence, position)
        in epoch ``e`` is ``vocab[(mix(story, sentence, position) + e * 7919) % V]``:
        independent from one position to the next, and different in every epoch for the
        same position (7919 is a prime that does not divide V), so one sentence's
        versions never agree on a replaced word.
        """
        vocab, size = self.vocab, len(self.vocab)
        # Words as the checks count them ("22,700-tonne" is three), so that every
        # 8-word window really holds a replaced word; odd pieces are the words.
        pieces = [_PIECE.split(sent) for _, _, sents in batch for sent in sents]
        phases = self.nprng.integers(0, PERIOD, size=len(pieces)).tolist()
        counts = [max(0, (len(p) // 2 - ph + PERIOD - 1) // PERIOD) for p, ph in zip(pieces, phases)]
        sizes = [len(x) for _, _, x in batch]
        story = np.repeat(np.array([st for st, _, _ in batch], dtype=np.uint64), sizes)
        epoch = np.repeat(np.array([ep for _, ep, _ in batch], dtype=np.int64), sizes)
        si = np.concatenate([np.arange(n, dtype=np.uint64) for n in sizes])
        rows = np.repeat(np.arange(len(pieces)), counts)
        first = np.repeat(np.cumsum(counts) - counts, counts)
        j = np.asarray(phases, dtype=np.uint64)[rows] + np.uint64(PERIOD) * (np.arange(len(rows)) - first).astype(np.uint64)
        keys = (story[rows] << np.uint64(32)) | (si[rows] << np.uint64(16)) | j
        idx = ((_splitmix(keys) % np.uint64(size)).astype(np.int64) + epoch[rows] * 7919) % size
        picks = idx.tolist()
        words = [vocab[i] for i in picks]
        # A word "replaced" by itself would leave a window unchanged: take the next vocabulary word.
        orig = [w for p, ph in zip(pieces, phases) for w in p[2 * ph + 1 :: 2 * PERIOD]]
        for k in [k for k, (w, o) in enumerate(zip(words, orig)) if w == o.lower()]:
            words[k] = vocab[(picks[k] + 1) % size]
        out = []
        k = 0
        for p, phase, m in zip(pieces, phases, counts):
            if m:
                p[2 * phase + 1 :: 2 * PERIOD] = words[k : k + m]
                k += m
                if phase == 0:
                    p[1] = p[1][:1].upper() + p[1][1:]
            out.append("".join(p))
        return out

    def _transform_title(self, title: str, story: int, epoch: int) -> str:
        toks = title.split()
        h = int(_splitmix(np.array([story], dtype=np.uint64))[0])
        toks[(h + epoch) % len(toks)] = self.vocab[(h + epoch * 7919) % len(self.vocab)].capitalize()
        return " ".join(toks)


def _splitmix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, vectorised: a well-mixed uint64 for each uint64 key."""
    with np.errstate(over="ignore"):
        z = x + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def group(segments: list[list[str]], rng: random.Random, origin: int, qid: int = -1) -> list[Para]:
    """Each segment's sentences into paragraphs of 2-4 (a lone last sentence joins its neighbour)."""
    paras: list[Para] = []
    for sentences in segments:
        first = len(paras)
        i = 0
        while i < len(sentences):
            n = rng.randint(2, 4)
            chunk = sentences[i : i + n]
            if len(chunk) == 1 and len(paras) > first:
                paras[-1] = paras[-1].with_sents(paras[-1].sents + tuple(chunk))
            else:
                paras.append(Para(tuple(chunk), origin, qid))
            i += n
    return paras


class Editor:
    """The edits a republisher makes, drawn from ``rng`` with words from ``vocab``."""

    def __init__(self, rng: random.Random, vocab: tuple[str, ...], joins: Callable[[str, str], bool]) -> None:
        self.rng = rng
        self.vocab = vocab
        # An edit that puts two sentences side by side first asks ``joins`` (TextSource.joins).
        self.joins = joins

    def change_words(self, sentence: str, count: int = 1) -> str:
        """``sentence`` with ``count`` words replaced by other words."""
        toks = sentence.split()
        for _ in range(count):
            j = self.rng.randrange(len(toks))
            toks[j] = _swap_word(toks[j], self.rng.choice(self.vocab))
        return " ".join(toks)

    def bracket(self, sentence: str) -> str:
        """An editor's bracket: "[...]" for a cut, or "[word]" clarifying a word."""
        toks = sentence.split()
        j = self.rng.randrange(1, len(toks))
        if self.rng.random() < 0.5:
            toks[j:j + 2] = ["[...]"]  # the cut drops two words, as an ellipsis would
        else:
            toks.insert(j, f"[{self.rng.choice(self.vocab)}]")
        return " ".join(toks)

    def edit_reprint(self, paras: list[Para], strength: float = 1.0) -> list[Para]:
        """A whole reprint's edits: words changed, a sentence dropped, a bracket, a reorder, a cut."""
        rng = self.rng
        out = list(paras)
        for i, p in enumerate(out):
            if rng.random() < 0.5 * strength:
                k = rng.randrange(len(p.sents))
                sents = list(p.sents)
                sents[k] = self.change_words(sents[k], rng.randint(1, 2))
                out[i] = p.with_sents(tuple(sents))
        if rng.random() < 0.5 * strength:
            multi = [i for i, p in enumerate(out) if len(p.sents) > 1 and p.qid < 0]
            if multi:
                i = rng.choice(multi)
                sents = list(out[i].sents)
                k = rng.randrange(1 if i == 0 else 0, len(sents))
                left = sents[k - 1] if k else out[i - 1].sents[-1]
                right = sents[k + 1] if k + 1 < len(sents) else (out[i + 1].sents[0] if i + 1 < len(out) else None)
                if right is None or self.joins(left, right):
                    del sents[k]
                    out[i] = out[i].with_sents(tuple(sents))
        if rng.random() < 0.35 * strength:
            i = rng.randrange(len(out))
            sents = list(out[i].sents)
            k = rng.randrange(len(sents))
            sents[k] = self.bracket(sents[k])
            out[i] = out[i].with_sents(tuple(sents))
        if rng.random() < 0.3 * strength and len(out) > 3:
            i = rng.randrange(1, len(out) - 1)
            after = out[: i] + [out[i + 1], out[i]] + out[i + 2 :]
            seams = range(i, min(i + 3, len(after)))  # the three joins the swap makes
            if all(self.joins(after[j - 1].sents[-1], after[j].sents[0]) for j in seams):
                out = after
        if rng.random() < 0.15 * strength and len(out) > 4:
            out.pop()  # a reprint cut short
        return out

    def excerpt(self, paras: list[Para], low: int = 40, high: int = 200) -> list[Para]:
        """1-3 paragraphs of 40-200 consecutive words (whole sentences) from ``paras``, unedited.

        Words are counted as the checks count them (letter/digit runs: "22,700" is two).
        """
        rng = self.rng
        flat = [(s, p.origin, p.qid) for p in paras for s in p.sents]
        sizes = [len(words_of(s)) for s, _, _ in flat]
        target = rng.randint(low, high)
        start = rng.randrange(len(flat))
        taken: list[tuple[str, int, int]] = []
        words = 0
        i = start
        while words < target and i < len(flat):
            taken.append(flat[i])
            words += sizes[i]
            i += 1
        while words < low and start > 0:  # ran off the end: extend backwards
            start -= 1
            taken.insert(0, flat[start])
            words += sizes[start]
        while words > high and len(taken) > 1:
            words -= len(words_of(taken.pop()[0]))
        nparas = min(len(taken), rng.randint(1, 3))
        cuts = sorted(rng.sample(range(1, len(taken)), nparas - 1)) if nparas > 1 else []
        out = []
        for a, b in zip([0, *cuts], [*cuts, len(taken)]):
            chunk = taken[a:b]
            qids = [q for _, _, q in chunk if q >= 0]
            out.append(Para(tuple(s for s, _, _ in chunk), chunk[0][1], qids[0] if qids else -1))
        return out
