"""Safe YAML with positions: rule and configuration files become plain data plus a map
from each value's path to its line and column, so that every error can be located.

Only the safe loader is used (the C one when PyYAML has libyaml: ~8x faster on 100 rules).
Tags outside the YAML core schema are refused before anything is constructed, and aliases
are refused outright: rule files do not need them, and refusing them stops alias bombs.
"""

from __future__ import annotations

from typing import Any

import yaml

from reslint._dataclass import dataclass, field
from reslint.errors import ReslintError

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CORE_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
MAX_NODES = 200_000


class LocatedError(ReslintError):
    """`path:line:col: message`, the one line the CLI prints before exiting with 2."""

    def __init__(self, path: str, line: int | None, column: int | None, message: str) -> None:
        self.path, self.line, self.column, self.message = path, line, column, message
        super().__init__(self.describe())

    def describe(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


Path = tuple[Any, ...]


@dataclass
class Located:
    """Parsed data and the (line, column) of every key and value, 1-based."""

    path: str
    data: Any
    text: str = ""
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: Path, key: bool = False) -> tuple[int | None, int | None]:
        table = self.key_marks if key else self.marks
        while at not in table and at:
            at = at[:-1]
        return table.get(at, (None, None))

    def error(self, at: Path, message: str, key: bool = False) -> LocatedError:
        line, column = self.where(at, key)
        return LocatedError(self.path, line, column, message)


def load_yaml(path: str, text: str | None = None) -> Located:
    if text is None:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except FileNotFoundError:
            raise LocatedError(path, None, None, "no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise LocatedError(path, None, None, f"cannot read: {exc}") from None
    try:
        _count_nodes(path, text)
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if mark is None:
            raise LocatedError(path, None, None, f"YAML syntax: {problem}") from None
        raise LocatedError(path, mark.line + 1, mark.column + 1,
                           f"YAML syntax: {problem}") from None
    except yaml.reader.ReaderError as exc:  # a NUL or other control character
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise LocatedError(path, line, None, f"YAML: unacceptable character "
                           f"#x{exc.character:04x}: {exc.reason}" if isinstance(
                               exc.character, int) else f"YAML: {exc.reason}") from None
    except yaml.YAMLError as exc:
        raise LocatedError(path, None, None, "YAML: " + " ".join(str(exc).split())) from None
    located = Located(path, None, text)
    if node is None:
        raise LocatedError(path, 1, 1, "empty file: expected a mapping")
    counter = [0]
    located.data = _build(node, (), located, set(), counter)
    return located


def _count_nodes(path: str, text: str) -> None:
    """Refuse a file of more than MAX_NODES nodes before its node graph is built: a 5 MB
    list of 2.5 million items took 21 s and 800 MB to compose before it was refused."""
    count = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, _NODE_EVENTS):
            count += 1
            if count > MAX_NODES:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
                raise LocatedError(path, line, column,
                                   "file too large: more than 200,000 YAML nodes")


_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent,
                yaml.AliasEvent)


def _build(node: Any, at: Path, out: Located, seen: set[int], counter: list[int]) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise _node_error(out, node, "file too large: more than 200,000 YAML nodes")
    if id(node) in seen:
        raise _node_error(out, node, "YAML aliases (*name) are not allowed in rule files")
    seen.add(id(node))
    out.marks[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in CORE_TAGS:
        raise _node_error(out, node, f"tag {node.tag!r} is not allowed (safe YAML only)")
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _node_error(out, key_node, "mapping keys must be plain strings")
            key = key_node.value
            if key == "<<":
                raise _node_error(out, key_node, "merge keys (<<) are not allowed")
            if key in result:
                raise _node_error(out, key_node, f"duplicate key {key!r}")
            mark = key_node.start_mark
            where = (*at, key)
            out.key_marks[where] = (mark.line + 1, mark.column + 1)
            result[key] = _build(value_node, where, out, seen, counter)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(v, (*at, i), out, seen, counter) for i, v in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: Any) -> Any:
    tag = node.tag.rsplit(":", 1)[-1]
    value = node.value
    if tag == "str":
        return value
    if tag == "null":
        return None
    if tag == "bool":
        return value.lower() in ("true", "yes", "on", "y")
    try:
        if tag == "int":
            return int(value.replace("_", ""), 0) if value[:2] in ("0x", "0o") else int(
                value.replace("_", "")
            )
        if tag == "float":
            return float(value.replace("_", ""))
    except ValueError:
        return value
    return value  # timestamps stay text: dates in rule files are compared as ISO strings


def _node_error(out: Located, node: Any, message: str) -> LocatedError:
    return LocatedError(out.path, node.start_mark.line + 1, node.start_mark.column + 1, message)
