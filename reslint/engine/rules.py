"""Loading rule packs: YAML -> schema check -> compiled rules, every error located.

Compiling a pack parses every expression and template, compiles every regex and checks
every fact name a rule uses, so a typo fails at load time with `file:line:col`, not in
the middle of a check (or worse, silently matching nothing).
"""

from __future__ import annotations

import copy
from typing import Any

import regex

from reslint.checks import Primitive, builtin_names, get_primitive
from reslint.engine import expr as ex
from reslint.engine.phrase import (
    PhraseError,
    PhrasePattern,
    compile_phrase,
    loosen,
    number_holes,
    phrase_word,
)
from reslint.engine.ruleset import (  # noqa: F401 - re-exported
    BOUND,
    FACT_KEYS,
    MATCH_KEYS,
    ROOTS,
    RULE_EXPRS,
    Extractor,
    LazyPattern,
    Pack,
    Rule,
    rule_files,
)
from reslint.engine.schema import TYPES, did_you_mean, rules_schema, validate
from reslint.engine.yamlload import Located, LocatedError, load_yaml

MAX_REGEX = 2000


def load_pack(path: str, plugins: dict[str, Primitive] | None = None,
              shared_lets: set[str] | None = None,
              shared_extractors: dict[str, Extractor] | None = None) -> Pack:
    located = load_yaml(path)
    if not isinstance(located.data, dict):
        raise located.error((), "a rule file must be a mapping with 'pack' and 'rules'")
    validate(located, _schema_with(plugins))
    data = located.data
    functions = set(ex.FUNCTIONS)
    extractors = dict(shared_extractors or {})  # every name the rules may read
    own: dict[str, Extractor] = {}  # what this pack runs: only its own extractors
    for name, spec in (data.get("extractors") or {}).items():
        if name in extractors:
            raise located.error(("extractors", name), f"extractor {name!r} is already defined "
                                "by an earlier pack (extractor names are shared)", key=True)
        if name in FACT_KEYS:
            raise located.error(("extractors", name), f"extractor {name!r} would hide the "
                                f"built-in fact 'draft.{name}'", key=True)
        if ("pattern" in spec) == ("phrase" in spec):
            raise located.error(("extractors", name), f"extractor {name!r} needs a 'phrase' "
                                "(words with {holes}) or a 'pattern' (a regular expression), "
                                "one of the two", key=True)
        types = dict(spec.get("types") or {})
        if "phrase" in spec:
            at = ("extractors", name, "phrase")
            try:
                source, holes = compile_phrase(spec["phrase"])
            except PhraseError as exc:
                raise _column_error(located, at, exc.offset, str(exc)) from None
            types = {**holes, **types}
        else:
            at = ("extractors", name, "pattern")
            source = spec["pattern"]
        pattern = _regex(located, at, source, f"extractor {name}")
        numbers = number_holes(source, holes) if "phrase" in spec else ()
        word = phrase_word(spec["phrase"]) if "phrase" in spec else ""
        if numbers:  # the loose form compiles where the strict one does; checked all the same
            try:
                regex.compile(loosen(source, numbers), regex.VERSION0)
            except regex.error:
                numbers = ()  # then the strict pattern alone, as for any other phrase
        if numbers or word:  # shortcuts of a phrase read from the cache (PhrasePattern)
            pattern = PhrasePattern(source, pattern.where, numbers, word, pattern.compiled())
        for group in types:
            if group not in pattern.groupindex:
                raise located.error(("extractors", name, "types", group),
                                    f"extractor {name!r} has no group named {group!r}"
                                    f"{did_you_mean(group, pattern.groupindex)}", key=True)
        extractors[name] = own[name] = Extractor(name, pattern, spec.get("in", "document"),
                                     bool(spec.get("all")), types)
    known_lets = set(shared_lets or ())
    lets = []
    for name, source in (data.get("let") or {}).items():
        if name in known_lets or name in ROOTS or name in BOUND:
            raise located.error(("let", name), f"let {name!r} is already defined (by an "
                                "earlier pack, or a built-in name)", key=True)
        parsed = _expr(located, ("let", name), source, functions)
        _check_names(located, ("let", name), parsed, known_lets, extractors, set())
        lets.append((name, parsed))
        known_lets.add(name)
    applies = data.get("applies_to") or {}
    title = applies.get("title")
    pack = Pack(
        name=data["pack"], path=path, description=data.get("description", ""),
        applies_always=bool(applies.get("always", not title)),
        title_pattern=(_regex(located, ("applies_to", "title"), title, "applies_to title")
                       if title else None),
        settings=data.get("settings") or {}, lets=lets, extractors=own, rules=[],
        kinds=tuple(applies.get("kind") or ("resolution", "draft")),
    )
    seen: dict[str, int] = {}
    for index, raw in enumerate(data["rules"]):
        for key in ("code", "name"):
            if raw[key] in seen:
                raise located.error(("rules", index, key),
                                    f"duplicate rule {key} {raw[key]!r} (also at line "
                                    f"{seen[raw[key]]})")
            seen[raw[key]] = located.where(("rules", index, key))[0] or 0
        pack.rules.append(
            _compile_rule(located, index, raw, pack, plugins, functions, known_lets, extractors)
        )
    return pack


def _schema_with(plugins: dict[str, Primitive] | None) -> dict[str, Any] | None:
    """The rules schema, plus the keys plugin primitives read (None: the schema as is)."""
    extra = {key: kind for p in (plugins or {}).values() for key, kind in p.args.items()}
    if not extra:
        return None
    schema = copy.deepcopy(rules_schema())
    props = schema["properties"]["rules"]["items"]["properties"]
    for key, kind in extra.items():
        if key not in props:
            props[key] = ({"type": "string", "minLength": 1} if kind in ("expr", "regex")
                          else {"type": kind} if kind in TYPES else {})
    return schema


def _compile_rule(located: Located, index: int, raw: dict[str, Any], pack: Pack,
                  plugins: dict[str, Primitive] | None, functions: set[str],
                  lets: set[str], extractors: dict[str, Extractor]) -> Rule:
    at = ("rules", index)
    primitive = get_primitive(raw["check"], plugins)
    if primitive is None:
        names = builtin_names() + sorted(plugins or {})
        raise located.error((*at, "check"), f"unknown check {raw['check']!r}"
                            f"{did_you_mean(raw['check'], names)}")
    for key in primitive.required:
        if key not in raw:
            raise located.error(at, f"check {primitive.name!r} needs the key {key!r}")
    rule_lets: list[tuple[str, Any]] = []
    local: set[str] = set()
    for name, source in (raw.get("let") or {}).items():
        parsed = _expr(located, (*at, "let", name), source, functions)
        _check_names(located, (*at, "let", name), parsed, lets | local, extractors, BOUND)
        rule_lets.append((name, parsed))
        local.add(name)
    known = lets | local
    exprs: dict[str, Any] = {}
    regexes: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key in RULE_EXPRS:
        if key in raw:
            exprs[key] = _expr(located, (*at, key), raw[key], functions)
    for key, kind in primitive.args.items():
        if key not in raw:
            continue
        if kind == "expr":
            exprs[key] = _expr(located, (*at, key), raw[key], functions)
        elif kind == "regex":
            regexes[key] = _regex(located, (*at, key), raw[key], f"rule {raw['code']}")
        else:
            options[key] = raw[key]
    foreign = [k for k in raw if k not in _COMMON and k not in primitive.args]
    if foreign:
        raise located.error((*at, foreign[0]), f"key {foreign[0]!r} does not belong to check "
                            f"{primitive.name!r}", key=True)
    for key, parsed in exprs.items():
        _check_names(located, (*at, key), parsed, known, extractors, BOUND)
    message = _template(located, (*at, "message"), raw["message"], functions)
    _check_names(located, (*at, "message"), message, known, extractors, BOUND)
    fix = raw.get("fix")
    fix_template = None
    if fix:
        exprs["fix.replace"] = _expr(located, (*at, "fix", "replace"), fix["replace"], functions)
        _check_names(located, (*at, "fix", "replace"), exprs["fix.replace"], known, extractors,
                     BOUND)
        fix_template = _template(located, (*at, "fix", "with"), fix["with"], functions)
        _check_names(located, (*at, "fix", "with"), fix_template, known, extractors, BOUND)
    line, column = located.where(at)
    return Rule(
        code=raw["code"], name=raw["name"], severity=raw["severity"], summary=raw["summary"],
        rationale=raw.get("rationale", ""), check=primitive.name, primitive=primitive,
        message=message, pack=pack.name, source=located.path, line=line or 0,
        column=column or 0, exprs=exprs,
        lets=rule_lets, regexes=regexes, options=options, fix=fix,
        examples=raw.get("examples") or {}, raw=raw, fix_template=fix_template,
    )


_COMMON = {"code", "name", "severity", "summary", "rationale", "check", "when", "for_each",
           "let", "at", "message", "fix", "examples", "tags"}


def _column_error(located: Located, at: tuple[Any, ...], offset: int, message: str
                  ) -> LocatedError:
    """An error `offset` characters into the string value at `at`, located in the file."""
    line, column = located.where(at)
    if line and column:
        line, column = scalar_position(located.text.splitlines(), line, column, offset)
    return LocatedError(located.path, line, column, message)


_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}


def scalar_position(lines: list[str], line: int, column: int, offset: int
                    ) -> tuple[int, int]:
    """Line and column (1-based) of character `offset` of the value of the scalar that
    starts at (`line`, `column`): plain, quoted (escapes and '' counted as one character),
    folded over several lines, or a block scalar (| or >)."""
    if not 0 < line <= len(lines):
        return line, column
    row, col = line - 1, column - 1
    first = lines[row][col : col + 1]
    if first in ("|", ">"):
        return _block_position(lines, row, offset, line, column)
    quote = first if first in ("'", '"') else ""
    if quote:
        col += 1
    remaining = offset
    while True:
        text = lines[row]
        while col < len(text):
            if remaining <= 0:
                return row + 1, col + 1
            c = text[col]
            if quote == "'" and text.startswith("''", col):
                col += 2
            elif quote == '"' and c == "\\":
                col += _ESCAPE_LENGTH.get(text[col + 1 : col + 2], 2)
            else:
                col += 1
            remaining -= 1
        # a flow scalar folded over lines: the line break counts as one space
        if row + 1 >= len(lines) or remaining <= 0:
            return row + 1, min(col, len(text)) + 1
        remaining -= 1
        row += 1
        col = len(lines[row]) - len(lines[row].lstrip())


def _block_position(lines: list[str], row: int, offset: int, line: int, column: int
                    ) -> tuple[int, int]:
    body = [(i, t) for i, t in enumerate(lines[row + 1 :], row + 1)]
    content = [(i, t) for i, t in body if t.strip()]
    if not content:
        return line, column
    indent = len(content[0][1]) - len(content[0][1].lstrip(" "))
    remaining = offset
    for i, text in body:
        if text.strip() and len(text) - len(text.lstrip(" ")) < indent:
            break
        piece = text[indent:]
        if remaining <= len(piece):
            return i + 1, indent + remaining + 1
        remaining -= len(piece) + 1
    return line, column


def _expr(located: Located, at: tuple[Any, ...], source: str, functions: set[str]) -> Any:
    try:
        return ex.parse(source, functions)
    except ex.ExprError as exc:
        raise _column_error(located, at, exc.offset, exc.message) from None


def _template(located: Located, at: tuple[Any, ...], source: str, functions: set[str]) -> Any:
    try:
        return ex.parse_template(source, functions)
    except ex.ExprError as exc:
        raise _column_error(located, at, exc.offset, exc.message) from None


def _regex(located: Located, at: tuple[Any, ...], source: str, owner: str) -> Any:
    if len(source) > MAX_REGEX:
        raise located.error(at, f"regular expression longer than {MAX_REGEX} characters")
    try:
        line, _ = located.where(at)
        return LazyPattern(source, f"{located.path}:{line or 0}: {owner}",
                           regex.compile(source, regex.VERSION0))
    except regex.error as exc:
        offset = getattr(exc, "pos", None) or 0
        message = getattr(exc, "msg", exc)  # regex's error has .msg; its stubs omit it
        raise _column_error(located, at, offset, f"bad regular expression: {message}") from None


def _check_names(located: Located, at: tuple[Any, ...], parsed: Any, lets: set[str],
                 extractors: dict[str, Extractor], bound: set[str]) -> None:
    """Every name a rule reads must exist: a typo is an error, not a silent null.
    The error points at the name inside the expression."""
    used = parsed.names() if isinstance(parsed, ex.Template) else ex.names(parsed)
    source = _value_at(located.data, at)

    def fail(parts: list[str], message: str) -> LocatedError:
        return _column_error(located, at, _name_offset(source, parts), message)

    for dotted in sorted(used):
        parts = dotted.split(".")
        root = parts[0]
        if root not in ROOTS and root not in lets and root not in bound:
            choices = ROOTS | lets | bound
            raise fail(parts[:1], f"unknown fact {root!r}{did_you_mean(root, choices)}")
        if root in ("draft", "previous") and len(parts) > 1:
            key = parts[1]
            if key not in FACT_KEYS and key not in extractors:
                raise fail(parts[:2], f"unknown fact '{root}.{key}'"
                           f"{did_you_mean(key, FACT_KEYS | set(extractors))}")
            if key in extractors and len(parts) > 2:
                groups = set(extractors[key].pattern.groupindex) | MATCH_KEYS
                if parts[2] not in groups:
                    raise fail(parts[:3],
                               f"unknown fact '{root}.{key}.{parts[2]}': extractor {key!r} has "
                               f"no group {parts[2]!r}{did_you_mean(parts[2], groups)}")


def _value_at(data: Any, at: tuple[Any, ...]) -> Any:
    for step in at:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _name_offset(source: Any, parts: list[str]) -> int:
    """Where the dotted name first appears in the expression text (0 if not found)."""
    if not isinstance(source, str):
        return 0
    pattern = r"(?<![\w.])" + r"\s*\.\s*".join(map(regex.escape, parts)) + r"(?!\w)"
    found = regex.search(pattern, source)
    return found.start() if found else 0

