"""reslint._dataclass: the slotted records keep what a dataclass promises.

The hottest records of the parser write their own `__init__` (see the module docstring):
each must take every field in field order, with the defaults the fields declare, or a
record built with the defaults (or unpickled from a worker) would differ from the one the
type checker reads."""

from __future__ import annotations

import copy
import pickle

import pytest

from reslint._dataclass import MISSING, FrozenInstanceError, dataclass, field, fields, replace
from reslint.model import Citation, Footnote, Marker, Paragraph, Span, SymbolRef
from reslint.parse.citations import _Item as CitationItem
from reslint.parse.citations import _Whose
from reslint.parse.markers import Candidate
from reslint.parse.paragraphs import RawParagraph
from reslint.parse.structure import Unit
from reslint.parse.structure import _Item as StructureItem
from reslint.text.inline import RawMarker
from reslint.text.layout import FootnoteText
from reslint.vocab.symbols import Symbol

SLOTTED = [Span, Marker, Footnote, Citation, SymbolRef, Paragraph, Unit, StructureItem,
           RawParagraph, CitationItem, _Whose, Candidate, RawMarker, FootnoteText, Symbol]


def _required(cls: type) -> list[object]:
    """A distinct value for each field without a default."""
    return [f"<{f.name}>" for f in fields(cls)
            if f.default is MISSING and f.default_factory is MISSING]


@pytest.mark.parametrize("cls", SLOTTED, ids=lambda c: c.__qualname__)
def test_written_init_takes_the_declared_defaults(cls: type) -> None:
    made = cls(*_required(cls))
    assert not hasattr(made, "__dict__")  # slotted: no instance dict
    for f in fields(cls):
        if f.default is not MISSING:
            assert getattr(made, f.name) == f.default, f.name
        elif f.default_factory is not MISSING:
            assert getattr(made, f.name) == f.default_factory(), f.name
    # a factory's value is the instance's own
    for f in fields(cls):
        if f.default_factory is not MISSING:
            assert getattr(made, f.name) is not getattr(cls(*_required(cls)), f.name)


@pytest.mark.parametrize("cls", SLOTTED, ids=lambda c: c.__qualname__)
def test_written_init_takes_every_field_in_order(cls: type) -> None:
    values = [f"<{f.name}>" for f in fields(cls)]
    made = cls(*values)
    assert [getattr(made, f.name) for f in fields(cls)] == values
    assert cls(**{f.name: v for f, v in zip(fields(cls), values, strict=True)}) == made
    twin = pickle.loads(pickle.dumps(made))  # results come back from worker processes
    assert twin == made and type(twin) is cls
    assert replace(made, **{fields(cls)[0].name: "other"}) != made


def test_a_frozen_slotted_record_refuses_assignment_and_hashes_by_value() -> None:
    span = Span(3, 1, 3, 9, 40, 48)
    with pytest.raises(FrozenInstanceError):
        span.line = 4  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del span.end  # type: ignore[misc]
    assert hash(span) == hash(Span(3, 1, 3, 9, 40, 48)) and span == Span(3, 1, 3, 9, 40, 48)
    assert span != Span(3, 1, 3, 9, 40, 49)
    assert repr(span) == "Span(line=3, column=1, end_line=3, end_column=9, start=40, end=48)"


def test_a_slotted_record_without_a_written_init_gets_the_generic_one() -> None:
    @dataclass(slots=True)
    class Plain:
        name: str
        count: int = 2
        items: list[int] = field(default_factory=list)

    a = Plain("x")
    assert (a.name, a.count, a.items) == ("x", 2, [])
    assert Plain("x", items=[1]).items == [1]
    with pytest.raises(TypeError, match="missing argument 'name'"):
        Plain()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected or repeated argument 'colour'"):
        Plain("x", colour=1)  # type: ignore[call-arg]
    with pytest.raises(AttributeError):
        a.colour = 1  # type: ignore[attr-defined]
    assert copy.copy(a) == a and copy.copy(a) is not a  # through __reduce__
