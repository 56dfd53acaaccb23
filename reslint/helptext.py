"""What `reslint COMMAND --help` shows below the options: examples, exit codes and where
the documentation is.  Kept as data apart from the parsers (cli.py builds them)."""

from __future__ import annotations

from reslint.links import DOCS, README

_DOCS = {
    "check": f"{README} (Usage, Configuration), {DOCS}/ci.md, {DOCS}/rules.md",
    "parse": f"{README} (Usage)",
    "config": f"{README} (Configuration)",
    "rules": f"{DOCS}/rules.md, {DOCS}/writing-rules.md",
    "explain": f"{DOCS}/rules.md",
    "test": f"{DOCS}/rule-tests.md",
    "next": f"{README} (reslint next)",
    "export": f"{README} (reslint export)",
    "diff": f"{README} (reslint diff)",
    "server": f"{DOCS}/editors.md",
}

_EXAMPLES = {
    "check": [
        ("check a draft against last year's resolution",
         "reslint check drafts/ccm.md --previous adopted/A_RES_79_58.md"),
        ("check every draft of a folder, pairing from .reslint.yaml", "reslint check drafts/"),
        ("check text piped in, named for messages and configuration",
         "git show HEAD:drafts/ccm.md | reslint check - --stdin-filename drafts/ccm.md"),
        ("apply the safe fixes, or only show them", "reslint check drafts/ccm.md --fix"),
        ("count findings per rule", "reslint check drafts/ --statistics"),
        ("reports for CI", "reslint check drafts/ --format sarif -o reslint.sarif"),
    ],
    "parse": [("what reslint reads from a resolution", "reslint parse adopted/A_RES_79_58.md"),
              ("as text", "reslint parse drafts/ccm.docx --format text")],
    "config": [("what `check` would use for a draft", "reslint config drafts/ccm.md"),
               ("as JSON for tools", "reslint config drafts/ccm.md --format json")],
    "rules": [("every rule of the built-in packs", "reslint rules"),
              ("with a team's pack, as JSON", "reslint rules --rules team/ --format json")],
    "explain": [("a rule by code or name", "reslint explain RES101"),
                ("", "reslint explain footnote-marker-repeated")],
    "test": [("the built-in packs' own tests", "reslint test"),
             ("a team's pack, every rule covered", "reslint test team/house.yaml --coverage")],
    "next": [("start next year's draft", "reslint next adopted/A_RES_79_58.md -o drafts/ccm.md")],
    "export": [("a Word draft as Markdown", "reslint export drafts/ccm.docx -o ccm.md")],
    "diff": [("what changed since last year",
              "reslint diff adopted/A_RES_79_58.md drafts/ccm.md"),
             ("as HTML", "reslint diff adopted/A_RES_79_58.md drafts/ccm.md --format html "
              "-o diff.html")],
    "server": [("run the language server on stdio (an editor starts it)", "reslint server")],
}

_EXIT_CODES = {
    "check": [("0", "no finding at or above the failing severity (--fail-on, default warning)"),
              ("1", "at least one such finding"),
              ("2", "usage error, unreadable input, broken rule or configuration file")],
    "test": [("0", "every case passed (and, with --coverage, every rule is covered)"),
             ("1", "a case failed or a rule is not covered"),
             ("2", "usage error or a broken rule file or case")],
    "diff": [("0", "the comparison was made (with --fail-on-substantive: nothing "
                   "substantive changed)"),
             ("1", "--fail-on-substantive and the draft changes substance"),
             ("2", "usage error or unreadable input")],
    "server": [("0", "the client asked the server to exit"),
               ("2", "the lsp extra is not installed: pip install 'reslint[lsp]'")],
}
_DEFAULT_EXIT = [("0", "done"), ("2", "usage error or unreadable input")]


def epilog(command: str) -> str:
    """The text under a command's options (argparse prints it as is)."""
    lines = ["examples:"]
    for comment, example in _EXAMPLES.get(command, []):
        if comment:
            lines.append(f"  # {comment}")
        lines.append(f"  {example}")
    lines += ["", "exit codes:"]
    lines += [f"  {code}  {meaning}" for code, meaning in _EXIT_CODES.get(command, _DEFAULT_EXIT)]
    lines += ["", f"docs: {_DOCS.get(command, README)}"]
    return "\n".join(lines)


def main_epilog() -> str:
    return (f"Run `reslint COMMAND --help` for a command's options, examples and exit codes.\n"
            f"docs: {README}")
