"""Hand-built findings shared by the report tests (a uniquely named module, so that a
conftest elsewhere under tests/ cannot shadow it): one of each severity, a tab, wide
(CJK) and accented characters, a multi-line span and a zero-width span."""

from __future__ import annotations

from reslint.model import Edit, Finding, Fix, RuleInfo, Span

DRAFT = "drafts/A-C.3-80-L.12.md"
OTHER = "drafts/b.md"


def sample_rules() -> dict[str, RuleInfo]:
    return {
        "RES101": RuleInfo(
            "RES101",
            "recalled-previous-missing",
            "error",
            "Last year's resolution must be recalled",
            "A draft that renews a mandate recalls the resolution it renews.",
            pack="recalls",
            fixable=True,
        ),
        "RES205": RuleInfo(
            "RES205", "operative-lead-italic", "warning", "Operative leads are italic"
        ),
        "RES310": RuleInfo("RES310", "footnote-unused", "info", "Footnotes are referenced"),
        "RES999": RuleInfo("RES999", "never-fires", "error", "A rule with no findings"),
    }


def sample_findings() -> list[Finding]:
    return [
        Finding(
            rule="RES310",
            name="footnote-unused",
            severity="info",
            message="Footnote 3 is never referenced",
            path=OTHER,
            span=Span(12, 1, 12, 1),
            source_line="x",
        ),
        Finding(
            rule="RES205",
            name="operative-lead-italic",
            severity="warning",
            message="Lead « Réaffirme » is not italic",
            path=DRAFT,
            span=Span(7, 4, 9, 2),
            paragraph="OP2",
            source_line="中文 Réaffirme the importance",
        ),
        Finding(
            rule="RES101",
            name="recalled-previous-missing",
            severity="error",
            message="Resolution 78/190 is not recalled",
            path=DRAFT,
            span=Span(3, 16, 3, 26),
            paragraph="PP2",
            fix=Fix([Edit(40, 50, "78/190")]),
            source_line="\tRecalling its résolution 76/47,",
        ),
    ]
