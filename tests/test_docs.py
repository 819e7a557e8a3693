"""README.md documents the CLI as it is (after sqlite-utils' tests/test_docs.py).

The README's contract: a ``## Commands`` section with one ``### syndtrace
<command>`` subsection per click command, mentioning each of its options
(``--min-words``, ``-o``, both halves of ``--color/--no-color``); and a
``## Exit codes`` section whose markdown table has a ``| <code> | <meaning> |``
row per entry of ``syndtrace.errors.EXIT_CODES``, with the same meaning.
Adding an option or a command without documenting it fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from syndtrace.cli import main
from syndtrace.errors import EXIT_CODES

README = Path(__file__).resolve().parent.parent / "README.md"


def readme() -> str:
    assert README.exists(), "README.md is missing"
    return README.read_text(encoding="utf-8")


def section(text: str, heading: str, level: int) -> str | None:
    """The body under ``heading`` (a whole line) up to the next heading of the same or a higher level."""
    lines = text.splitlines()
    marks = "#" * level + " "
    for i, line in enumerate(lines):
        if line.strip() == heading:
            body = []
            for rest in lines[i + 1 :]:
                m = re.match(r"(#+) ", rest)
                if m and len(m.group(1)) <= level and not rest.startswith(marks + "#"):
                    break
                body.append(rest)
            return "\n".join(body)
    return None


def command_section(name: str) -> str | None:
    commands = section(readme(), "## Commands", 2)
    if commands is None:
        return None
    return section(commands, f"### syndtrace {name}", 3)


def mentions(text: str, option: str) -> bool:
    """``option`` as a whole token: ``--color`` is not found inside ``--no-color``."""
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def options_of(command: click.Command) -> list[str]:
    names = []
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            names += [o for o in (*param.opts, *param.secondary_opts) if o.startswith("-")]
    return names


COMMANDS = sorted(main.commands)
OPTIONS = [(name, opt) for name in COMMANDS for opt in options_of(main.commands[name])]


def normalise(meaning: str) -> str:
    meaning = re.sub(r"[`*_]", "", meaning)
    meaning = re.sub(r"[“”‘’\"]", "'", meaning)
    return re.sub(r"\s+", " ", meaning).strip().lower()


def exit_code_rows() -> dict[int, str]:
    body = section(readme(), "## Exit codes", 2)
    assert body is not None, "README.md has no '## Exit codes' section"
    rows: dict[int, str] = {}
    for line in body.splitlines():
        m = re.match(r"^\|\s*`?(\d+)`?\s*\|\s*(.*?)\s*\|\s*$", line)
        if m:
            code = int(m.group(1))
            assert code not in rows, f"exit code {code} appears twice in the README table"
            rows[code] = m.group(2)
    return rows


# --- the helpers themselves -------------------------------------------------------------------------


def test_section_parsing():
    text = "# T\n## Commands\nintro\n### syndtrace a\nabout a --x\n#### detail\nmore\n### syndtrace b\nb\n## Exit codes\nz\n"
    commands = section(text, "## Commands", 2)
    assert section(commands, "### syndtrace a", 3) == "about a --x\n#### detail\nmore"
    assert section(commands, "### syndtrace b", 3) == "b"
    assert section(text, "## Exit codes", 2) == "z"
    assert section(text, "## Missing", 2) is None
    assert mentions("use `--no-color`", "--no-color") and not mentions("use `--no-color`", "--color")
    assert mentions("`-o FILE`", "-o") and not mentions("--output", "-o")


def test_the_cli_has_commands_and_options_to_check():
    assert {"compare", "scan"} <= set(COMMANDS)
    assert ("compare", "--min-words") in OPTIONS and ("compare", "--no-color") in OPTIONS


# --- commands and options -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_readme_section(command):
    assert section(readme(), "## Commands", 2) is not None, "README.md has no '## Commands' section"
    assert command_section(command) is not None, f"README.md has no '### syndtrace {command}' under '## Commands'"


@pytest.mark.parametrize("command, option", OPTIONS, ids=[f"{c} {o}" for c, o in OPTIONS])
def test_every_option_is_documented_in_its_command_section(command, option):
    body = command_section(command)
    assert body is not None, f"README.md has no '### syndtrace {command}' section"
    assert mentions(body, option), f"'### syndtrace {command}' in README.md does not mention {option}"


def test_readme_documents_no_command_that_does_not_exist():
    commands = section(readme(), "## Commands", 2) or ""
    documented = re.findall(r"^### syndtrace (\S+)", commands, re.M)
    assert documented, "no '### syndtrace <command>' sections found"
    assert sorted(set(documented) - set(COMMANDS)) == []


def test_readme_usage_lines_only_use_real_options():
    """Options in the README's ``syndtrace <command> ...`` usage lines exist on that command."""
    for name in COMMANDS:
        body = command_section(name) or ""
        real = set(options_of(main.commands[name])) | {"--help", "-h"}
        for line in re.findall(rf"^\s*syndtrace {name} .*$", body, re.M):
            for opt in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", line):
                assert opt in real, f"README usage line {line.strip()!r} uses {opt}, which {name} does not have"


# --- exit codes -------------------------------------------------------------------------------------------


def test_exit_codes_table_lists_every_code():
    assert sorted(exit_code_rows()) == sorted(EXIT_CODES)


@pytest.mark.parametrize("code", sorted(EXIT_CODES))
def test_exit_code_meaning_matches_the_code(code):
    rows = exit_code_rows()
    assert code in rows, f"exit code {code} is not in the README table"
    assert normalise(rows[code]) == normalise(EXIT_CODES[code])
