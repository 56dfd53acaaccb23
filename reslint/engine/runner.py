"""Running compiled rules on a draft (and its previous resolution) to get findings."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from reslint._dataclass import dataclass, field
from reslint.checks import Hit
from reslint.engine import expr as ex
from reslint.engine.expr.templates import _hole_end as hole_end
from reslint.engine.facts import document_facts, run_extractor
from reslint.engine.fixers import run_fixer, span_of
from reslint.engine.ruleset import BOUND, BUDGET, ROOTS, Pack, RegexTimeout, Rule
from reslint.errors import ReslintError
from reslint.model import Document, Edit, Finding, Fix, Span

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any


class RuleRuntimeError(ReslintError):
    """A rule that fails while running (a type error in its expression): a rule-file
    error, reported with the rule's file and line."""


def _strip_spans(value: Any) -> Any:
    """Facts of the previous resolution keep no spans: findings point into the draft only."""
    if isinstance(value, Span):
        return None
    if isinstance(value, dict):
        return {k: _strip_spans(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_spans(v) for v in value]
    return value


@dataclass
class Context:
    draft: Document
    previous: Document | None
    env: dict[str, Any]
    base: dict[str, Any] = field(default_factory=dict)

    def scope(self, rule: Rule, bindings: dict[str, Any]) -> dict[str, Any]:
        """The names `rule` reads: the environment, the bindings, the rule's lets.  Read
        only: with neither bindings nor lets, the environment itself (not a copy)."""
        if not bindings and not rule.lets:
            return self.env
        scope = {**self.env, **bindings}
        for name, parsed in rule.lets:
            scope[name] = self._evaluate(rule, parsed, scope)
        return scope

    def _evaluate(self, rule: Rule, parsed: Any, scope: dict[str, Any]) -> Any:
        try:
            return ex.evaluate(parsed, scope)
        except ex.ExprError as exc:
            raise RuleRuntimeError(
                f"{rule.source}:{rule.line}: rule {rule.code}: {exc.message}"
            ) from None

    def eval(self, rule: Rule, key: str, bindings: dict[str, Any]) -> Any:
        return self._evaluate(rule, rule.exprs[key], self.scope(rule, bindings))

    def each(self, rule: Rule) -> Iterator[dict[str, Any]]:
        if "for_each" not in rule.exprs:
            yield {}
            return
        items = self.eval(rule, "for_each", {})
        if not isinstance(items, list):
            return
        for index, item in enumerate(items):
            yield {"item": item, "index": index}

    def matches(self, pattern: Any, scope: str) -> list[dict[str, Any]]:
        found = run_extractor(self.draft, pattern, {}, scope, many=True)
        return found or []


def build_env(draft: Document, previous: Document | None, packs: list[Pack],
              settings: dict[str, Any], extra: dict[str, Any] | None = None
              ) -> dict[str, Any]:
    """The names rules read.  `extra` binds further root names (previous_reason,
    suppressions); those not given are null."""
    env: dict[str, Any] = {name: None for name in BOUND | ROOTS}
    env["previous_reason"] = "no previous resolution was given (use --previous)"
    env.update(extra or {})
    merged: dict[str, Any] = {}
    for pack in packs:
        merged.update(pack.settings)
    merged.update(settings)
    env["settings"] = merged
    env["draft"] = _with_extractors(document_facts(draft), draft, packs)
    env["previous"] = (
        _strip_spans(_with_extractors(document_facts(previous), previous, packs))
        if previous else None
    )
    if isinstance(env["before"], Document):  # the previous's own previous, read the same way
        before: Document = env["before"]
        env["before"] = _strip_spans(_with_extractors(document_facts(before), before, packs))
    for pack in packs:
        for name, parsed in pack.lets:
            try:
                env[name] = ex.evaluate(parsed, env)
            except ex.ExprError as exc:
                raise RuleRuntimeError(f"{pack.path}: let {name}: {exc.message}") from None
    return env


def _with_extractors(facts: dict[str, Any], doc: Document, packs: list[Pack]) -> dict[str, Any]:
    for pack in packs:
        for name, extractor in pack.extractors.items():
            if name not in facts:
                try:
                    facts[name] = run_extractor(doc, extractor.pattern, extractor.types,
                                                extractor.scope, extractor.many)
                except RegexTimeout as exc:  # reported once; the fact is missing
                    BUDGET.report(exc)
                    facts[name] = [] if extractor.many else None
    return facts


def run_rules(draft: Document, previous: Document | None, packs: list[Pack],
              rules: list[Rule], settings: dict[str, Any] | None = None,
              extra: dict[str, Any] | None = None) -> list[Finding]:
    BUDGET.new_draft()
    env = build_env(draft, previous, packs, settings or {}, extra)
    ctx = Context(draft, previous, env)
    findings: list[Finding] = []
    for rule in rules:
        if "when" in rule.exprs and ctx.eval(rule, "when", {}) is not True:
            continue
        try:
            for hit in rule.primitive.run(rule, ctx):
                findings.append(_finding(rule, ctx, hit))
        except RegexTimeout as exc:  # reported once; the other rules run on
            BUDGET.report(exc)
    findings.sort(key=Finding.sort_key)
    return cap_per_line(findings)


MAX_PER_RULE_AND_LINE = 10  # findings of one rule on one line; the last says how many more


def cap_per_line(findings: list[Finding]) -> list[Finding]:
    """At most MAX_PER_RULE_AND_LINE findings of a rule on a line (sorted findings): a line
    that repeats a list 2,000 times made a report of 300 MB.  The last one kept says how
    many more there are."""
    counts: dict[tuple[str, int], int] = {}
    for f in findings:
        key = (f.rule, f.span.line)
        counts[key] = counts.get(key, 0) + 1
    if all(n <= MAX_PER_RULE_AND_LINE for n in counts.values()):
        return findings
    kept: list[Finding] = []
    seen: dict[tuple[str, int], int] = {}
    for f in findings:
        key = (f.rule, f.span.line)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > MAX_PER_RULE_AND_LINE:
            continue
        if seen[key] == MAX_PER_RULE_AND_LINE and counts[key] > seen[key]:
            more = counts[key] - seen[key]
            f.message += f" (and {more} more {f.rule} finding{'s' if more > 1 else ''} on "
            f.message += "this line, not shown)"
        kept.append(f)
    return kept


def _finding(rule: Rule, ctx: Context, hit: Hit) -> Finding:
    scope = ctx.scope(rule, hit.bindings)
    try:
        message = ex.render(rule.message, scope)
    except ex.ExprError as exc:
        raise RuleRuntimeError(
            f"{rule.source}:{rule.line}: rule {rule.code}: {exc.message}"
        ) from None
    where = ctx._evaluate(rule, rule.exprs["at"], scope) if "at" in rule.exprs else hit.at
    span = span_of(where) or span_of(hit.at) or ctx.env["draft"]["start_span"]
    source = ctx.draft.source
    fix = _fix(rule, ctx, scope)
    return Finding(
        rule=rule.code, name=rule.name, severity=rule.severity, message=message,
        path=ctx.draft.path, span=span, paragraph=_paragraph_of(ctx.draft, span), fix=fix,
        source_line=source.line_text(span.line), facts=_facts(rule, scope),
        page=source.page_of(span.line),
    )


def _facts(rule: Rule, scope: dict[str, Any]) -> dict[str, Any]:
    """What the rule compared, as its message names it: each hole of the message template
    (`previous.adopted`, `count(...)`) with its value as the message reads it.  For an
    editor's hover; reports print the message itself."""
    template = rule.message
    holes = [p for p in template.parts if not isinstance(p, str)]
    if not holes:
        return {}
    texts = []
    src, i = template.source, 0
    while i < len(src):
        if src.startswith(("{{", "}}"), i):
            i += 2
        elif src[i] == "{":
            end = hole_end(src, i + 1)
            texts.append(src[i + 1 : end].strip())
            i = end + 1
        else:
            i += 1
    if len(texts) != len(holes):
        return {}
    facts: dict[str, Any] = {}
    for text, hole in zip(texts, holes, strict=True):
        try:
            facts[text] = ex.render(ex.Template(text, (hole,)), scope)
        except ex.ExprError:
            continue
    return facts


def _fix(rule: Rule, ctx: Context, scope: dict[str, Any]) -> Fix | None:
    """The rule's `fix:` as edits: `replace` (a span, or with `using:` the fact a fixer of
    reslint.engine.fixers rewrites) by the rendered `with`.  None when a fact is missing, the
    target is null or the replacement would change nothing."""
    if rule.fix is None or rule.fix_template is None:
        return None
    target = ctx._evaluate(rule, rule.exprs["fix.replace"], scope)
    if target is None:
        return None
    text = ex.render_complete(rule.fix_template, scope)
    if text is None:
        return None  # a fact was missing: no fix is better than a wrong one
    using = rule.fix.get("using")
    if using:
        edits = run_fixer(using, ctx.draft, target, text)
    else:
        span = span_of(target)
        if span is None or ctx.draft.source.text[span.start : span.end] == text:
            return None
        edits = [Edit(span.start, span.end, text)]
    if not edits:
        return None
    return Fix(edits, bool(rule.fix.get("safe", True)), rule.fix.get("description", ""))


def _paragraph_of(doc: Document, span: Span) -> str | None:
    """The label of the paragraph (or sub-paragraph) a finding starts in: a binary search
    over paragraph starts, built once per document (a scan per finding made a 5 MB draft
    quadratic: 51 s)."""
    index = _PARAGRAPH_INDEX.get(id(doc))
    if index is None or index[0] is not doc:
        _PARAGRAPH_INDEX.clear()  # one document at a time: no growth over a long run
        index = _PARAGRAPH_INDEX[id(doc)] = (doc, _Spans(doc.paragraphs()), {})
    _, paragraphs, subs = index
    p = paragraphs.find(span.start, open_end=True)
    if p is None:
        return None
    inner = subs.get(id(p))
    if inner is None:
        inner = subs[id(p)] = _Spans(p.subparagraphs)
    s = inner.find(span.start, open_end=False)
    label: str | None = s.label if s is not None else p.label
    return label


class _Spans:
    """Items with a `span`, searchable by offset (they do not overlap)."""

    def __init__(self, items: list[Any]) -> None:
        self.items = sorted(items, key=lambda i: i.span.start)
        self.starts = [i.span.start for i in self.items]

    def find(self, offset: int, open_end: bool) -> Any:
        at = bisect.bisect_right(self.starts, offset) - 1
        if at < 0:
            return None
        item = self.items[at]
        end = max(item.span.end, item.span.start + 1) if open_end else item.span.end
        return item if offset < end else None


_PARAGRAPH_INDEX: dict[int, tuple[Document, _Spans, dict[int, _Spans]]] = {}
