"""The tree as the terminal prints it (``syndtrace.render.tree``), at a fixed width, without colour."""

from __future__ import annotations

import io

from syndtrace.lineage import Edge, Evidence, Result, Source, TreeNode
from syndtrace.model import Document
from syndtrace.render.tree import make_console, render_tree


def test_a_copy_hung_under_the_original_its_source_credits_says_so_first():
    # The Mirror shares the Mail's text, which the Mail credits to the Press Association: the copy
    # hangs under the agency's node, and the first evidence line says why, before the carried text
    # that made it a copy of the Mail's page.
    mail = Document(id="mail", path="mail.txt", text="", outlet="dailymail.co.uk")
    mirror = Document(id="mirror", path="mirror.txt", text="", outlet="mirror.co.uk")
    pa = Source(id="src:pa", name="Press Association", kind="agency", why='dailymail.co.uk credits it ("By PA REPORTER")')
    evidence = (
        Evidence("carried", "mail", 1.5, "mirror.co.uk carries about 263 words that only dailymail.co.uk added"),
        Evidence("date", "mirror", 1.0, "mirror.co.uk's text is dated 2015-11-02, dailymail.co.uk's 2015-11-03"),
        Evidence("via", "src:pa", 0.0, "the text mirror.co.uk shares with dailymail.co.uk is Press Association's"),
    )
    to_mirror = Edge("src:pa", "mirror", "copy", 0.57, ("p1",), evidence, 398, 0.48)
    to_mail = Edge("src:pa", "mail", "credited-reprint", 0.95, (), (Evidence("credit", None, 3.0, 'dailymail.co.uk: "By PA REPORTER"'),), 974, 1.0)
    tree = (TreeNode("src:pa", (TreeNode("mail", (), to_mail), TreeNode("mirror", (), to_mirror))),)
    result = Result((mail, mirror), (), (to_mail, to_mirror), (pa,), (), tree)
    out = io.StringIO()
    render_tree(result, make_console(out, width=200, color=False))
    lines = out.getvalue().splitlines()
    at = next(k for k, line in enumerate(lines) if "uncredited copy" in line)
    assert lines[at + 1].strip().startswith("via: the text mirror.co.uk shares with dailymail.co.uk")
    assert lines[at + 2].strip().startswith("carried: mirror.co.uk carries about 263 words")
