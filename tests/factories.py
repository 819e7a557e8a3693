"""Builders of realistic ``Result`` objects for tests that need pipeline output without the pipeline.

``realistic_result()`` is a small scan of one story: Common Dreams quotes
The New York Times (an external source), Global Research reprints Common
Dreams with a credit, and an uncredited site copies a paragraph with an
editor's bracketed insertion. ``empty_result()`` is a run that found nothing.

Offsets are computed from the texts (``text.index``), never typed in, so every
span satisfies ``doc.text[start:end] == side.text`` like real output does.
"""

from __future__ import annotations

from dataclasses import replace

from syndtrace.align import words_around
from syndtrace.lineage import Edge, Evidence, Family, Result, Source, TreeNode
from syndtrace.model import Credit, Document, InputProblem, Insertion, PairStats, PairVerdict, Passage, PassageSide
from syndtrace.settings import Settings

NYT_ID = "src:the-new-york-times"

SHARED = (
    "Iraqi intelligence officials told the New York Times that they believe ISIS, not an "
    "Iran-linked militia, was likely responsible for the Dec. 27 rocket attack that killed an "
    "American contractor at an air base near Kirkuk, Iraq."
)
QUOTE = (
    "“Iraqi military and intelligence officials have raised doubts about who fired the rockets "
    "… saying they believe it is unlikely that the militia the United States blamed for the "
    "attack” was responsible."
)

COMMONDREAMS = (
    "---\noutlet: Common Dreams\ndate: 2020-02-07\n---\n"
    "'Bombshell': Iraqi Officials Say ISIS Likely Behind Rocket Attack\n\n"
    "By Jake Johnson\n\n"
    f"In a revelation that calls into question the stated justification, {SHARED}\n\n"
    f"The Times reported Thursday that {QUOTE}\n"
)
GLOBALRESEARCH = (
    "Iraqi Officials Say ISIS Likely Behind Rocket Attack\n\n"
    "By Jake Johnson\nGlobal Research, February 10, 2020\nCommon Dreams 7 February 2020\n\n"
    f"In a revelation that calls into question the stated justification, {SHARED}\n\n"
    f"The Times reported Thursday that {QUOTE}\n\n"
    "This article was originally published by Common Dreams.\n"
)
# The copy adds an editor's bracketed aside inside the shared paragraph.
AFP_SHARED = SHARED.replace("ISIS, not", "ISIS [the Islamic State], not")
AFP = (
    "U.S. Killed Iranian General Over a Lie\n\nBy AFP Staff\n\n"
    f"Earlier this month, {AFP_SHARED}\n\n"
    "If this is the case, the U.S. almost started a war over a terrible mistake.\n"
)


def document(doc_id: str, text: str, **fields) -> Document:
    """A ``Document`` with the given text; keyword fields pass through (outlet, date, credits, ...)."""
    return Document(id=doc_id, path=fields.pop("path", f"corpus/{doc_id}.txt"), text=text, **fields)


def side(doc: Document, snippet: str, **fields) -> PassageSide:
    """The passage side of ``doc`` covering the first occurrence of ``snippet``."""
    start = doc.text.index(snippet)
    if not fields.get("whole_paragraphs"):
        fields.setdefault("around", words_around(doc, start, start + len(snippet)))
    return PassageSide(doc.id, start, start + len(snippet), snippet, len(snippet.split()), **fields)


def credit(doc: Document, kind: str, source: str, snippet: str, **fields) -> Credit:
    """A ``Credit`` of ``doc`` spanning the first occurrence of ``snippet``."""
    start = doc.text.index(snippet)
    return Credit(kind, source, start, start + len(snippet), snippet, **fields)


def realistic_result(command: str = "scan") -> Result:
    """Three documents, one external source, two passages, three edges, one family, one problem."""
    cd = document(
        "commondreams",
        COMMONDREAMS,
        outlet="Common Dreams",
        date="2020-02-07",
        title="'Bombshell': Iraqi Officials Say ISIS Likely Behind Rocket Attack",
        author="Jake Johnson",
        url="https://www.commondreams.org/news/2020/02/07/bombshell",
        body_start=COMMONDREAMS.index("'Bombshell'"),
        provenance=(("date", "front-matter"), ("outlet", "front-matter"), ("title", "text")),
    )
    gr = document(
        "globalresearch",
        GLOBALRESEARCH,
        outlet="Global Research",
        date="2020-02-10",
        author="Jake Johnson",
        provenance=(("author", "text"), ("date", "text"), ("outlet", "text")),
    )
    gr = _with_credits(
        gr,
        credit(gr, "originally-published", "Common Dreams", "originally published by Common Dreams"),
    )
    # A JSONL record (so ``line`` is set) from a site with a non-ASCII name.
    afp = document(
        "afp-0042",
        AFP,
        path="corpus/afp.jsonl",
        line=42,
        outlet="American Free Press — Online",
        provenance=(("outlet", "record"),),
    )

    p1 = Passage(
        id="p1",
        a=side(cd, f"In a revelation that calls into question the stated justification, {SHARED}", whole_paragraphs=True),
        b=side(gr, f"In a revelation that calls into question the stated justification, {SHARED}", whole_paragraphs=True),
        words=len(SHARED.split()) + 10,
        similarity=100.0,
        authored_words=len(SHARED.split()) + 10,
    )
    bracket = "[the Islamic State]"
    at = afp.text.index(bracket)
    p2 = Passage(
        id="p2",
        a=side(cd, SHARED),
        b=side(afp, AFP_SHARED, attribution="The New York Times"),
        words=len(SHARED.split()),
        similarity=95.23809,
        authored_words=len(SHARED.split()),
        insertions=(Insertion(afp.id, at, at + len(bracket), bracket, True),),
    )
    nyt = Source(
        id=NYT_ID,
        name="The New York Times",
        kind="quoted",
        why="Common Dreams attributes a quoted passage to The New York Times.",
        date="2020-02-06",
    )
    e_quoted = Edge(
        NYT_ID,
        cd.id,
        "quoted",
        0.9,
        evidence=(Evidence("attribution", NYT_ID, 2.0, "Common Dreams says “The Times reported Thursday”."),),
    )
    e_reprint = Edge(
        cd.id,
        gr.id,
        "credited-reprint",
        0.97,
        passages=("p1",),
        words=p1.words,
        share=0.6234567,
        evidence=(
            Evidence("credit", cd.id, 3.0, "Global Research says it was originally published by Common Dreams."),
            Evidence("date", cd.id, 1.0, "Common Dreams is dated 2020-02-07, three days earlier."),
        ),
    )
    e_copy = Edge(
        cd.id,
        afp.id,
        "copy",
        0.71234,
        passages=("p2",),
        words=p2.words,
        share=0.5,
        evidence=(
            Evidence("insertion", cd.id, 1.5, "American Free Press adds a bracketed aside, [the Islamic State]."),
            Evidence("no-credit", None, 0.0, "American Free Press names no source for the paragraph."),
        ),
    )
    tree = TreeNode(
        NYT_ID,
        children=(
            TreeNode(
                cd.id,
                edge=e_quoted,
                children=(TreeNode(afp.id, edge=e_copy), TreeNode(gr.id, edge=e_reprint)),
            ),
        ),
    )
    pairs = (
        PairStats(afp.id, cd.id, 41, 66, 0.19, 0.1875, 0.3, 0.28125, 0.18, 0.1796875),
        PairStats(cd.id, gr.id, 66, 78, 0.8461538, 0.84375, 1.0, 0.9921875, 0.8461538, 0.84375),
    )
    return Result(
        documents=(afp, cd, gr),
        passages=(p1, p2),
        edges=(e_quoted, e_copy, e_reprint),
        sources=(nyt,),
        pairs=pairs,
        tree=(tree,),
        families=(Family("family-1", NYT_ID, "The New York Times", (NYT_ID, afp.id, cd.id, gr.id), tree),),
        verdicts=tuple(
            PairVerdict(a, b, "reuse", p.words, p.authored_words, p.words - p.authored_words)
            for (a, b), p in (((afp.id, cd.id), p2), ((cd.id, gr.id), p1))
        ),
        problems=(InputProblem("corpus/broken.jsonl", "the record has no text field", line=7),),
        settings=Settings().to_dict(),
        command=command,
    )


def empty_result(command: str = "compare") -> Result:
    """Two unrelated documents: no passages, edges, sources, tree or families."""
    a = document("a", "City council approves the budget for next year.\n", outlet="Daily Bugle")
    b = document("b", "Local team wins the regional final in extra time.\n")
    return Result(
        documents=(a, b),
        passages=(),
        edges=(),
        sources=(),
        pairs=(PairStats("a", "b", 4, 5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),),
        verdicts=(PairVerdict("a", "b", "unrelated"),),
        tree=(),
        settings=Settings().to_dict(),
        command=command,
    )


def _with_credits(doc: Document, *credits: Credit) -> Document:
    # Credits need the final text to find their offsets, so they are added after.
    return replace(doc, credits=credits)
