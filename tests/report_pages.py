"""Articles and reports for the web-report tests (``test_render_html.py``, ``test_report_browser.py``).

Texts written for these tests. ``STORY`` and ``changed_copy`` give two
articles that share the story with a few words changed (``CHANGED``);
``hostile`` is a pair whose title, outlet, id, URL, credit and body carry
markup and script that a page must show as text and never run.
``astral`` puts characters outside the Basic Multilingual Plane (an emoji,
which JavaScript strings hold as two units) before and inside the passage.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from syndtrace.cli import main

STORY = [
    "The county water board voted on Thursday to approve a twelve million dollar plan to replace "
    "the cracked intake pipes at the Millbrook reservoir, ending a dispute that had stalled repairs "
    "for almost three years.",
    "Engineers told the board that the oldest pipes were laid in the nineteen thirties and now lose "
    "close to a fifth of the water they carry before it reaches the treatment plant on Orchard Road.",
    "Work is expected to begin in the spring and to last about eighteen months, with crews closing "
    "one lane of the reservoir road at a time so that the morning traffic can still pass.",
]
# (word in the original, word in the copy): the copy's only changes to the story.
CHANGED = (("Thursday", "Tuesday"), ("spring", "autumn"))

INJECTED_TITLE = '"><img src=x onerror=alert(1)>'
SCRIPT_BODY = "<script>window.pwned = 1; alert(1)</script> and </script><script>window.pwned = 2</script>"


def article(heading: str, paragraphs: list[str], **front: str) -> str:
    """An article file: optional front matter, the heading, then the paragraphs."""
    head = "".join(f"{key}: {value}\n" for key, value in front.items())
    fm = f"---\n{head}---\n" if front else ""
    return fm + heading + "\n\n" + "\n\n".join(paragraphs) + "\n"


def changed_copy() -> list[str]:
    text = "\n\n".join(STORY)
    for old, new in CHANGED:
        text = text.replace(old, new)
    return text.split("\n\n")


def story_pair(folder: Path) -> list[str]:
    """The original and its changed copy, as two files in ``folder``."""
    a = folder / "ledger.txt"
    b = folder / "courier.txt"
    a.write_text(article("Water Board Approves Pipe Repairs", STORY, outlet="Millbrook Ledger", date="2024-03-01"), encoding="utf-8")
    b.write_text(article("Reservoir Pipes to Be Replaced", changed_copy(), outlet="Valley Courier", date="2024-03-04"), encoding="utf-8")
    return [str(a), str(b)]


def hostile(folder: Path) -> list[str]:
    """Two articles sharing a passage, every field and the shared text itself carrying markup and script."""
    body = [STORY[0] + " " + SCRIPT_BODY, STORY[1], "This article first appeared in <img src=x onerror=alert(1)> Weekly."]
    a = folder / "evil.txt"
    b = folder / "copy.txt"
    a.write_text(
        article(INJECTED_TITLE, body, title=INJECTED_TITLE, id='evil"><svg onload=alert(1)>', outlet="<b onmouseover=alert(1)>Evil Outlet</b>",
                url="javascript:alert(1)", author="<i>Mallory</i>", date="2024-03-01"),
        encoding="utf-8",
    )
    b.write_text(article("A plain copy", body[:2], outlet="Plain Post", url="https://example.org/a?<x>", date="2024-03-02"), encoding="utf-8")
    return [str(a), str(b)]


def astral(folder: Path) -> list[str]:
    """A pair whose shared passage follows, and holds, characters JavaScript counts as two."""
    lead = "Readers sent 🌊🌊 and 𝔀𝓪𝓽𝓮𝓻 signs 🚰 before the vote."
    a = folder / "emoji.txt"
    b = folder / "plain.txt"
    a.write_text(article("Pipes 🚰 Vote", [lead, STORY[0].replace("voted on", "voted 🗳 on"), STORY[1]], outlet="Emoji Daily"), encoding="utf-8")
    b.write_text(article("Pipes Vote", STORY[:2], outlet="Plain Post"), encoding="utf-8")
    return [str(a), str(b)]


def report(*args: str) -> None:
    """Run the CLI (``compare ...`` or ``scan ...``) and insist that it succeeded."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
