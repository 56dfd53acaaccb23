"""Where reslint's documentation lives on the web: one place for every link a report or
the help prints (SARIF `helpUri`, the language server's code descriptions, `--help`).

The rule reference `docs/rules.md` is generated from the built-in packs
(`reslint rules --format markdown`), with one anchor per rule code; tests keep it in step.
"""

from __future__ import annotations

HOMEPAGE = "https://github.com/reslint/reslint"
DOCS = f"{HOMEPAGE}/blob/main/docs"
README = f"{HOMEPAGE}#readme"


def rule_url(code: str) -> str:
    """The rule's entry in the rule reference: its summary, rationale and severity."""
    return f"{DOCS}/rules.md#{code.lower()}"


def rule_anchor(code: str) -> str:
    return code.lower()
