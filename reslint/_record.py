"""`@record`: a frozen, slotted value class without dataclasses' start-up cost.

`dataclasses` builds each class by compiling generated source (about 1 ms a class here);
the hook pays that on every commit for every class.  Classes that are created often at
import (the expression AST) use this instead: the methods are shared closures, built once.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any, TypeVar


if TYPE_CHECKING:  # what lets mypy read these classes as frozen dataclasses (PEP 681)
    from typing_extensions import dataclass_transform
else:  # typing has it from 3.11 only; at run time it only marks the function
    from reslint._dataclass import dataclass_transform

if TYPE_CHECKING:
    T = TypeVar("T")


_put = object.__setattr__


def _initializer(class_name: str, names: tuple[str, ...]) -> Any:
    """An __init__ for these field names: unrolled for the common sizes (the expression
    AST is rebuilt from the pack cache on every run: thousands of nodes)."""
    if len(names) == 2:
        n0, n1 = names

        def init2(self: Any, a: Any, b: Any) -> None:
            _put(self, n0, a)
            _put(self, n1, b)

        return init2
    if len(names) == 3:
        n0, n1, n2 = names

        def init3(self: Any, a: Any, b: Any, c: Any) -> None:
            _put(self, n0, a)
            _put(self, n1, b)
            _put(self, n2, c)

        return init3
    if len(names) == 4:
        n0, n1, n2, n3 = names

        def init4(self: Any, a: Any, b: Any, c: Any, d: Any) -> None:
            _put(self, n0, a)
            _put(self, n1, b)
            _put(self, n2, c)
            _put(self, n3, d)

        return init4

    def init(self: Any, *args: Any) -> None:
        if len(args) != len(names):
            raise TypeError(f"{class_name} takes {len(names)} arguments ({len(args)} given)")
        for name, value in zip(names, args, strict=True):
            _put(self, name, value)

    return init


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    names = tuple(getattr(cls, "__annotations__", {}))
    body = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}

    __init__ = _initializer(cls.__name__, names)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        raise AttributeError(f"{cls.__name__} is immutable")

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in names)

    def __hash__(self: Any) -> int:
        return hash(tuple(getattr(self, n) for n in names))

    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{cls.__name__}({inner})"

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return (made, tuple(getattr(self, n) for n in names))

    body.update(__slots__=names, __init__=__init__, __setattr__=__setattr__, __eq__=__eq__,
                __hash__=__hash__, __repr__=__repr__, __reduce__=__reduce__,
                __match_args__=names)
    made = type(cls.__name__, cls.__bases__, body)
    return made
