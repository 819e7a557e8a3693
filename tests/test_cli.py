"""The command line, through click's CliRunner: every command, every exit code, stdout vs stderr.

click 8.2+ keeps ``result.stderr`` separate from ``result.stdout`` always
(``mix_stderr`` is gone), which is what these tests rely on: stdout must
carry data only. Trees are rendered at a fixed width with no colour.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from syndtrace import __version__
from syndtrace.cli import main
from syndtrace.errors import EXIT_CODES, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT, EXIT_PARTIAL, EXIT_USAGE
from syndtrace.render.json import side_text
from syndtrace.render.schema import check_references, schema

REPO = Path(__file__).resolve().parent.parent
AFP = "fixtures/afp-soleimani-uncredited-copy.txt"
GR = "fixtures/globalresearch-reprint-of-commondreams.txt"
FIXED = ["--width", "100", "--no-color"]
ANSI = re.compile(r"\x1b\[")

ARTICLE = (
    "Harbor Town Votes to Restore Its Lighthouse\n\n"
    "By Dana Whitfield\n\n"
    "The town council voted 5-2 on Tuesday night to spend $1.4 million restoring the Point Mercy "
    "lighthouse, the brick tower that has stood at the mouth of the harbor since 1902 and has been dark "
    "since a winter storm cracked its lantern room in 2017.\n\n"
    "More than 200 residents packed the high school auditorium for the meeting, and the public comment "
    "period ran past midnight.\n"
)
OTHER = (
    "Flood Warning Issued for the Ashby River\n\n"
    "Forecasters issued a flood warning for the lower Ashby River on Thursday as warm weather melted a deep "
    "mountain snowpack, sending the river toward its highest level since 2011. County emergency managers "
    "opened a shelter at the fairgrounds and handed out sandbags at two fire stations.\n"
)


@pytest.fixture(autouse=True)
def at_repo(monkeypatch):
    """Run from the repository root so the fixtures' relative paths work."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("NO_COLOR", raising=False)


def run(*args: str, input: str | bytes | None = None, env: dict | None = None):
    return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False, prog_name="syndtrace")


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> str:
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return str(path)


def error_line(result) -> str:
    """The single ``syndtrace: error: ...`` line on stderr (and nothing on stdout)."""
    assert result.stdout == "", "an error must not write to stdout"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("syndtrace: error: "), lines[0]
    return lines[0]


def copy_of(text: str) -> str:
    """A second article that reprints ``text`` under its own header."""
    return "Riverside Courier reprint\n\n" + text + "\nThis article first appeared in the Valley Ledger.\n"


# --- version and help ----------------------------------------------------------------------


def test_version():
    result = run("--version")
    assert result.exit_code == EXIT_OK
    assert result.stdout == f"syndtrace, version {__version__}\n"
    assert result.stderr == ""


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_main_help_lists_every_command(flag):
    result = run(flag)
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith("Usage: syndtrace [OPTIONS] COMMAND [ARGS]...")
    listed = re.findall(r"^  (\w+)\s", result.stdout.split("Commands:")[1], re.M)
    assert sorted(listed) == sorted(main.commands) and "compare" in listed and "scan" in listed


@pytest.mark.parametrize("command, paths", [("compare", "PATHS..."), ("scan", "[PATHS]...")])
def test_command_help_shows_every_option(command, paths):
    result = run(command, "--help")
    assert result.exit_code == EXIT_OK and result.stderr == ""
    # scan's PATHS are optional: --urls FILE alone is a scan.
    assert result.stdout.startswith(f"Usage: syndtrace {command} [OPTIONS] {paths}")
    for param in main.commands[command].params:
        for opt in [*param.opts, *param.secondary_opts]:
            if opt.startswith("-"):
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", result.stdout), f"{opt} missing from help"


def test_no_command_shows_usage():
    result = run()
    assert result.exit_code in (EXIT_OK, EXIT_USAGE)  # click 8.2+ exits 2 when a group gets no command
    assert "Usage: syndtrace" in result.stdout + result.stderr


def test_unknown_command_is_a_usage_error():
    result = run("comapre", AFP, GR)
    assert result.exit_code == EXIT_USAGE
    assert "No such command" in result.stderr and result.stdout == ""


# --- compare on the seed fixtures -------------------------------------------------------------


def test_compare_seed_tree_on_stdout_nothing_on_stderr():
    result = run("compare", AFP, GR, *FIXED)
    assert result.exit_code == EXIT_OK
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "Syndication tree",
        "└── The New York Times  (quoted; not in the inputs)",
        "    └── Common Dreams  Jake Johnson · 2020-02-07  (credited as the original; not in the inputs)",
        "        quotes The New York Times in 4 shared passages",
        "          quote: Global Research attributes 4 shared passage(s) to The New York Times",
    ]
    # Each document's path stands on its own line under its outlet.
    assert "        │   fixtures/globalresearch-reprint-of-commondreams.txt" in lines
    assert all(len(line) <= 100 for line in lines)
    assert not ANSI.search(result.stdout)
    assert "Shared passages (6)" in lines
    assert [line.split()[0] for line in lines if re.match(r"p\d+  \d+ words", line)] == [f"p{i}" for i in range(1, 7)]
    assert any("uncredited copy, confidence" in line for line in lines)
    assert "  inserted by AFP: [where the rockets were launched from]" in lines


def test_compare_tree_width_is_respected():
    narrow = run("compare", AFP, GR, "--width", "60", "--no-color")
    assert narrow.exit_code == EXIT_OK
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 60
    assert max(len(line) for line in run("compare", AFP, GR, *FIXED).stdout.splitlines()) > 60


def test_color_is_forced_on_and_off():
    assert ANSI.search(run("compare", AFP, GR, "--width", "100", "--color").stdout)
    assert not ANSI.search(run("compare", AFP, GR, "--width", "100", "--no-color").stdout)
    # Not a terminal and no flag: no colour.
    assert not ANSI.search(run("compare", AFP, GR, "--width", "100").stdout)


def test_compare_json_is_pure_data_and_valid():
    result = run("compare", AFP, GR, "--format", "json")
    assert result.exit_code == EXIT_OK and result.stderr == ""
    data = json.loads(result.stdout)  # the whole of stdout is one JSON document
    errors = [e.message for e in Draft202012Validator(schema()).iter_errors(data)]
    assert errors == []
    assert check_references(data) == []
    assert data["syndtrace"]["command"] == "compare"
    assert [d["path"] for d in data["documents"]] == [AFP, GR]
    assert len(data["passages"]) == 6
    text = {d["id"]: (REPO / d["path"]).read_text(encoding="utf-8") for d in data["documents"]}
    for p in data["passages"]:
        for side in (p["a"], p["b"]):
            assert text[side["doc"]][side["start"] : side["end"]] == side_text(data, side)


def test_output_file_gets_the_output_and_stdout_stays_empty(tmp_path):
    out = tmp_path / "result.json"
    result = run("compare", AFP, GR, "--format", "json", "-o", str(out))
    assert result.exit_code == EXIT_OK
    assert result.stdout == "" and result.stderr == ""
    assert out.read_text(encoding="utf-8") == run("compare", AFP, GR, "--format", "json").stdout
    assert not [p.name for p in tmp_path.iterdir() if p.name != "result.json"], "temporary files left behind"


def test_output_file_tree_has_no_colour_even_when_forced(tmp_path):
    out = tmp_path / "tree.txt"
    result = run("compare", AFP, GR, "--color", "--width", "100", "--output", str(out))
    assert result.exit_code == EXIT_OK and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Syndication tree\n") and not ANSI.search(text)


def test_output_file_replaces_an_existing_file(tmp_path):
    out = tmp_path / "result.json"
    out.write_text("old contents")
    assert run("compare", AFP, GR, "--format", "json", "-o", str(out)).exit_code == EXIT_OK
    assert json.loads(out.read_text(encoding="utf-8"))["syndtrace"]["command"] == "compare"


@pytest.mark.parametrize("spelling", ["same", "dotted", "absolute"])
def test_output_over_an_input_is_refused_and_the_input_untouched(tmp_path, spelling):
    a = write(tmp_path / "a.txt", ARTICLE)
    b = write(tmp_path / "b.txt", copy_of(ARTICLE))
    before = Path(a).read_bytes()
    target = {"same": a, "dotted": str(tmp_path / "." / "a.txt"), "absolute": os.path.abspath(a)}[spelling]
    result = run("compare", a, b, "-o", target)
    assert result.exit_code == EXIT_OUTPUT
    line = error_line(result)
    assert target in line and "overwrite an input" in line
    assert Path(a).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


@pytest.mark.parametrize("option", ["-o", "--family-pairs"])
def test_scan_output_over_an_article_of_a_folder_given_is_refused(tmp_path, option):
    # The folder is the input named; its articles are inputs too, read from files no argument names.
    a = write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", copy_of(ARTICLE))
    before = Path(a).read_bytes()
    result = run("scan", str(tmp_path), "-q", option, a)
    assert result.exit_code == EXIT_OUTPUT
    assert "overwrite an input" in error_line(result)
    assert Path(a).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_output_into_a_missing_folder_or_onto_a_folder_is_refused(tmp_path):
    result = run("compare", AFP, GR, "-o", str(tmp_path / "no" / "such" / "out.json"))
    assert result.exit_code == EXIT_OUTPUT
    assert "does not exist" in error_line(result)
    result = run("compare", AFP, GR, "-o", str(tmp_path))
    assert result.exit_code == EXIT_OUTPUT
    assert "directory" in error_line(result)


def test_output_dash_means_stdout():
    result = run("compare", AFP, GR, "--format", "json", "-o", "-")
    assert result.exit_code == EXIT_OK
    assert json.loads(result.stdout)["passages"]


# --- inputs that cannot be used: exit 3 and a message naming the file ----------------------------------


def test_missing_file(tmp_path):
    missing = str(tmp_path / "nope.txt")
    result = run("compare", AFP, missing)
    assert result.exit_code == EXIT_INPUT
    assert error_line(result) == f"syndtrace: error: {missing}: no such file"


def test_directory_input(tmp_path):
    result = run("compare", AFP, str(tmp_path))
    assert result.exit_code == EXIT_INPUT
    line = error_line(result)
    assert str(tmp_path) in line and "directory" in line and "scan" in line


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \n"], ids=["empty", "blank"])
def test_empty_file(tmp_path, content):
    empty = write(tmp_path / "empty.txt", content)
    result = run("compare", AFP, empty)
    assert result.exit_code == EXIT_INPUT
    line = error_line(result)
    assert empty in line and "empty" in line


def test_front_matter_without_text(tmp_path):
    only = write(tmp_path / "only.txt", "---\noutlet: Valley Ledger\ndate: 2021-03-03\n---\n\n")
    result = run("compare", AFP, only)
    assert result.exit_code == EXIT_INPUT
    assert only in error_line(result) and "no text" in error_line(result)


def test_binary_file(tmp_path):
    png = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = run("compare", AFP, png)
    assert result.exit_code == EXIT_INPUT
    line = error_line(result)
    assert png in line and "binary" in line


def test_undecodable_file(tmp_path):
    # Every byte above 0x7f, repeated: not UTF-8, and charset-normalizer finds no encoding that fits.
    junk = write(tmp_path / "junk.txt", bytes(range(0x80, 0x100)) * 20)
    result = run("compare", AFP, junk)
    assert result.exit_code == EXIT_INPUT
    line = error_line(result)
    assert junk in line and "cannot decode" in line and "UTF-8" in line
    assert "iconv" in line  # says what to do


FRENCH = (
    "Le conseil municipal a approuvé mardi soir la rénovation du phare de la Pointe, fermé depuis "
    "qu'une tempête a brisé sa lanterne en 2017. « C'est le bâtiment de nos cartes postales », a déclaré "
    "l'élue Rosa Delgado, qui a proposé la mesure. Les travaux commenceront en septembre et dureront "
    "environ dix-huit mois, selon la mairie.\n"
)
SPANISH = (
    "El alcalde de la ciudad anunció el martes que la piñata gigante de la fiesta de España volverá a la "
    "plaza mayor este año. La señora Muñoz dijo que la fachada del ayuntamiento será restaurada antes "
    "del verano y que los niños podrán participar en el desfile.\n"
)


def latin1_pair(tmp_path, body: str) -> tuple[str, str]:
    a = write(tmp_path / "latin1.txt", "Une histoire\n\n" + body, encoding="latin-1")
    b = write(tmp_path / "utf8.txt", "Reprise\n\n" + body + "\nPublié d'abord par La Gazette.\n")
    return a, b


def test_latin1_file_is_decoded(tmp_path):
    a, b = latin1_pair(tmp_path, FRENCH)
    result = run("compare", a, b, "--format", "json")
    assert result.exit_code == EXIT_OK, result.stderr
    data = json.loads(result.stdout)
    encodings = {Path(d["path"]).name: d["encoding"] for d in data["documents"]}
    assert encodings["utf8.txt"] == "utf-8" and encodings["latin1.txt"] != "utf-8"
    (passage,) = data["passages"]
    assert "approuvé mardi soir la rénovation du phare" in side_text(data, passage["a"])
    assert passage["words"] >= 50


@pytest.mark.parametrize("body", [FRENCH, SPANISH], ids=["french", "spanish"])
def test_latin1_file_decodes_to_its_own_characters(tmp_path, body):
    a, b = latin1_pair(tmp_path, body)
    result = run("compare", a, b, "--format", "json")
    assert result.exit_code == EXIT_OK
    data = json.loads(result.stdout)
    (passage,) = data["passages"]
    assert side_text(data, passage["a"]) == side_text(data, passage["b"]) == body.strip().rstrip(".")


def test_utf8_file_with_one_stray_byte_is_not_mojibake(tmp_path):
    text = copy_of(ARTICLE).replace("Harbor Town", "Harbor Town’s Café") + "It\x92s over."
    bad = write(tmp_path / "stray.txt", text.encode("utf-8").replace(b"\xc2\x92", b"\x92"))
    good = write(tmp_path / "good.txt", ARTICLE.replace("Harbor Town", "Harbor Town’s Café"))
    result = run("compare", good, bad, "--format", "json")
    if result.exit_code == EXIT_INPUT:
        # Refusing the file is acceptable too, as long as the message names it.
        assert bad in error_line(result)
        return
    assert result.exit_code == EXIT_OK
    data = json.loads(result.stdout)
    stray = next(d for d in data["documents"] if d["path"] == bad)
    assert stray["title"].startswith("Riverside Courier")
    assert any("Harbor Town’s Café" in side_text(data, p["b"]) or "Harbor Town’s Café" in side_text(data, p["a"]) for p in data["passages"])


def test_decode_failure_message_names_the_file_for_every_undecodable_input(tmp_path):
    """Whenever decoding fails, the message names the file (whatever bytes caused it)."""
    samples = [bytes(range(0x80, 0x100)) * 20, bytes(range(0x80, 0x100))[::-1] * 20, b"\xff\xfe\x00\xd8" * 100]
    for i, data in enumerate(samples):
        path = write(tmp_path / f"bad{i}.txt", data)
        result = run("compare", AFP, path)
        assert result.exit_code == EXIT_INPUT
        assert path in error_line(result)


def test_same_file_twice(tmp_path):
    result = run("compare", AFP, GR, AFP)
    assert result.exit_code == EXIT_INPUT
    line = error_line(result)
    assert AFP in line and "twice" in line
    result = run("compare", AFP, "./" + AFP)
    assert result.exit_code == EXIT_INPUT
    assert "twice" in error_line(result)


def test_identical_articles_in_two_files(tmp_path):
    a = write(tmp_path / "a.txt", ARTICLE)
    b = write(tmp_path / "b.txt", ARTICLE)
    result = run("compare", a, b)
    assert result.exit_code == EXIT_INPUT
    line = error_line(result)
    assert b in line and "identical" in line


def test_same_text_from_two_outlets_is_an_exact_reprint(tmp_path):
    a = write(tmp_path / "a.txt", "---\noutlet: Daily One\ndate: 2021-03-01\n---\n" + ARTICLE)
    b = write(tmp_path / "b.txt", "---\noutlet: Daily Two\ndate: 2021-03-02\n---\n" + ARTICLE)
    result = run("compare", a, b, "--format", "json")
    assert result.exit_code == EXIT_OK, result.stderr
    data = json.loads(result.stdout)
    (edge,) = [e for e in data["edges"] if e["kind"] != "quoted"]
    assert (edge["source"], edge["copy"]) == ("a", "b")  # the earlier date
    # Everything but the byline (publisher furniture, masked) is shared.
    assert sum(p["words"] for p in data["passages"]) >= 0.85 * len(ARTICLE.split())
    assert not any("Dana Whitfield" in side_text(data, p["a"]) for p in data["passages"])


def test_two_pages_of_one_outlet_are_told_apart_by_id_in_the_passages(tmp_path):
    a = write(tmp_path / "a.txt", "---\noutlet: Daily One\ndate: 2021-03-01\n---\n" + ARTICLE)
    b = write(tmp_path / "b.txt", "---\noutlet: Daily One\ndate: 2021-03-02\n---\n" + ARTICLE)
    result = run("compare", a, b, *FIXED)
    assert result.exit_code == EXIT_OK, result.stderr
    sides = re.findall(r"^  (Daily One.*?) \[\d+:\d+\]", result.stdout, re.M)
    assert sides and set(sides) == {"Daily One (a)", "Daily One (b)"}, result.stdout


def test_a_front_matter_date_in_an_unread_form_is_noted_and_not_compared(tmp_path):
    a = write(tmp_path / "a.txt", "---\noutlet: Daily One\ndate: 03/01/2021\n---\n" + ARTICLE)
    b = write(tmp_path / "b.txt", "---\noutlet: Daily Two\ndate: 2021-03-02\n---\n" + ARTICLE)
    result = run("compare", a, b, "--format", "json")
    assert result.exit_code == EXIT_OK, result.stderr
    assert result.stderr == (
        f"syndtrace: note: {a}: the date '03/01/2021' is not in a form syndtrace reads, so it gives no evidence "
        "of who published first; write dates as 2020-02-10 or February 10, 2020, or name the order of numeric "
        "ones with --date-order dmy or mdy\n"
    )
    data = json.loads(result.stdout)
    assert [d["date"] for d in data["documents"]] == ["03/01/2021", "2021-03-02"]  # kept as given
    assert [(n["path"], n["line"]) for n in data["notes"]] == [(a, None)]
    assert not [ev for e in data["edges"] for ev in e["evidence"] if ev["kind"] == "date"]
    # Told the order, it reads the date: 1 March, the day before b's.
    ordered = run("compare", a, b, "--format", "json", "--date-order", "mdy")
    assert ordered.exit_code == EXIT_OK and ordered.stderr == ""
    data = json.loads(ordered.stdout)
    assert [d["date"] for d in data["documents"]] == ["2021-03-01", "2021-03-02"] and data["notes"] == []
    assert [(e["source"], e["copy"]) for e in data["edges"] if e["kind"] != "quoted"] == [("a", "b")]
    # Read the other way (3 January), it is still the earlier.
    assert json.loads(run("compare", a, b, "--format", "json", "--date-order", "dmy").stdout)["documents"][0]["date"] == "2021-01-03"


def test_only_one_path():
    result = run("compare", AFP)
    assert result.exit_code == EXIT_INPUT
    line = error_line(result)
    assert AFP in line and "at least two" in line


def test_no_path_is_a_usage_error():
    result = run("compare")
    assert result.exit_code == EXIT_USAGE
    assert "Missing argument 'PATHS...'" in result.stderr and result.stdout == ""


def test_two_files_with_one_name_in_different_folders(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a = write(tmp_path / "x" / "story.txt", ARTICLE)
    b = write(tmp_path / "y" / "story.txt", copy_of(ARTICLE))
    result = run("compare", a, b, "--format", "json")
    assert result.exit_code == EXIT_OK
    data = json.loads(result.stdout)
    ids = [d["id"] for d in data["documents"]]
    assert len(set(ids)) == 2
    assert check_references(data) == []


# --- runs that find nothing, bad settings, stdin, interruption ----------------------------------------


def test_unrelated_articles_exit_0_and_say_so_on_stderr(tmp_path):
    a = write(tmp_path / "lighthouse.txt", ARTICLE)
    b = write(tmp_path / "flood.txt", OTHER)
    result = run("compare", a, b, *FIXED)
    assert result.exit_code == EXIT_OK
    assert result.stderr == "syndtrace: no shared passages\n"
    assert result.stdout.startswith("No shared passages between ")
    as_json = run("compare", a, b, "--format", "json")
    assert as_json.exit_code == EXIT_OK and json.loads(as_json.stdout)["passages"] == []
    assert "no shared passages" in as_json.stderr


@pytest.mark.parametrize(
    "args, words",
    [
        (["--min-words", "1"], ["--min-words", "between", "8 is the default"]),
        (["--shingle-size", "40"], ["--shingle-size", "between"]),
        (["--num-perm", "0"], ["--num-perm", "between"]),
        (["--max-gap", "-1"], ["--max-gap", "between"]),
        (["--seed", "-5"], ["--seed", "between"]),
    ],
)
def test_bad_settings_exit_2_and_say_what_works(args, words):
    result = run("compare", AFP, GR, *args)
    assert result.exit_code == EXIT_USAGE
    line = error_line(result)
    for word in words:
        assert word in line, f"{word!r} not in {line!r}"


def test_bad_setting_message_names_the_option():
    line = error_line(run("compare", AFP, GR, "--min-words", "1"))
    assert "--min-words" in line and "min_words" not in line


@pytest.mark.parametrize("args", [["--min-words", "many"], ["--format", "xml"], ["--no-such-option"]])
def test_bad_option_values_are_usage_errors(args):
    result = run("compare", AFP, GR, *args)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == "" and "Usage:" in result.stderr


def test_settings_change_the_result():
    default = json.loads(run("compare", AFP, GR, "--format", "json").stdout)
    strict = json.loads(run("compare", AFP, GR, "--format", "json", "--min-words", "40").stdout)
    assert strict["settings"]["min_words"] == 40
    assert 0 < len(strict["passages"]) < len(default["passages"])
    assert all(p["words"] >= 40 for p in strict["passages"])


def test_stdin_dash_reads_one_article():
    afp = (REPO / AFP).read_text(encoding="utf-8")
    result = run("compare", "-", GR, "--format", "json", input=afp.encode("utf-8"))
    assert result.exit_code == EXIT_OK, result.stderr
    data = json.loads(result.stdout)
    stdin_doc = data["documents"][0]
    assert stdin_doc["path"] == "-" and stdin_doc["id"] == "stdin"
    assert len(data["passages"]) == 6
    assert data["passages"][0]["a"]["doc"] == "stdin"


def test_stdin_empty_is_an_input_error():
    result = run("compare", "-", GR, input=b"")
    assert result.exit_code == EXIT_INPUT
    assert "empty" in error_line(result)


def test_interrupt_exits_130(monkeypatch):
    import syndtrace.pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(syndtrace.pipeline, "compare", interrupted)
    result = run("compare", AFP, GR)
    assert result.exit_code == EXIT_INTERRUPTED
    assert result.stdout == "" and result.stderr == "syndtrace: interrupted\n"


# --- scan: its exit codes ---------------------------------------------------------------------------


def test_scan_exit_0_on_clean_inputs_and_1_when_an_input_is_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "lighthouse.txt", ARTICLE)
    write(corpus / "reprint.txt", copy_of(ARTICLE))
    clean = run("scan", str(corpus), "--format", "json", "-q", "--workers", "1")
    assert clean.exit_code == EXIT_OK, clean.stderr
    assert json.loads(clean.stdout)["syndtrace"]["command"] == "scan"
    empty = write(corpus / "empty.txt", b"")
    partial = run("scan", str(corpus), "--format", "json", "-q", "--workers", "1")
    assert partial.exit_code == EXIT_PARTIAL
    assert f"syndtrace: skipped {empty}: " in partial.stderr
    assert json.loads(partial.stdout)["problems"]


# --- the exit codes table -----------------------------------------------------------------------------


def test_every_documented_exit_code_is_checked_here():
    """Each code in EXIT_CODES has a test above asserting ``exit_code == EXIT_...`` for it."""
    import syndtrace.errors

    names = {v: k for k, v in vars(syndtrace.errors).items() if k.startswith("EXIT_") and isinstance(v, int)}
    source = Path(__file__).read_text(encoding="utf-8")
    checked = {code for code, name in names.items() if re.search(rf"exit_code == {name}\b", source)}
    assert set(EXIT_CODES) <= checked, f"no test here asserts exit codes {sorted(set(EXIT_CODES) - checked)}"


def test_output_file_gets_the_usual_permissions(tmp_path):
    out = tmp_path / "result.json"
    old = os.umask(0o022)
    try:
        result = run("compare", AFP, GR, "--format", "json", "-o", str(out))
    finally:
        os.umask(old)
    assert result.exit_code == EXIT_OK
    assert out.stat().st_mode & 0o777 == 0o644
    out.chmod(0o600)  # a file the user made private stays private when rewritten
    assert run("compare", AFP, GR, "--format", "json", "-o", str(out)).exit_code == EXIT_OK
    assert out.stat().st_mode & 0o777 == 0o600


# --- passage texts, --language, --ocr, --max-df -------------------------------------------------------


def test_no_passage_text_writes_offsets_only_and_full_writes_them_on_the_sides():
    none = json.loads(run("compare", AFP, GR, "--format", "json", "--no-passage-text").stdout)
    assert none["syndtrace"]["passage_text"] == "none" and none["texts"] == []
    assert all("text" not in p[s] for p in none["passages"] for s in ("a", "b"))
    full = json.loads(run("compare", AFP, GR, "--format", "json", "--passage-text", "full").stdout)
    once = json.loads(run("compare", AFP, GR, "--format", "json").stdout)
    assert [side_text(full, p["a"]) for p in full["passages"]] == [side_text(once, p["a"]) for p in once["passages"]]
    assert all("text" in p["b"] for p in full["passages"])


def test_contradicting_passage_text_options_are_a_usage_error():
    result = run("compare", AFP, GR, "--format", "json", "--no-passage-text", "--passage-text", "full")
    assert result.exit_code == EXIT_USAGE and "contradict" in result.stderr


def test_an_unknown_language_is_a_settings_error_that_says_what_to_do():
    result = run("compare", AFP, GR, "--language", "klingon")
    assert result.exit_code == EXIT_USAGE
    assert "--language must be an ISO 639-1 code" in result.stderr and "leave it out" in result.stderr


def test_language_ocr_and_max_df_reach_the_settings(tmp_path):
    corpus = write(tmp_path / "c.jsonl", json.dumps({"id": "x", "text": "one short text"}) + "\n")
    result = run("scan", corpus, "--format", "json", "-q", "--language", "ur", "--ocr", "--max-df", "300")
    assert result.exit_code == EXIT_OK, result.stderr
    settings = json.loads(result.stdout)["settings"]
    assert (settings["language"], settings["ocr"], settings["max_df"]) == ("ur", True, 300)
