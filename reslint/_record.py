"""`@record`: a frozen, slotted value class without dataclasses' start-up cost.

`dataclasses` builds each class by compiling generated source (about 1 ms a class here);
the hook pays that on every commit for every class.  Classes that are created often at
import (the expression AST) use this instead: the methods are shared closures, built once.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def record(cls: type[T]) -> type[T]:
    names = tuple(getattr(cls, "__annotations__", {}))
    body = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}

    def __init__(self: Any, *args: Any) -> None:
        if len(args) != len(names):
            raise TypeError(f"{cls.__name__} takes {len(names)} arguments ({len(args)} given)")
        for name, value in zip(names, args, strict=True):
            object.__setattr__(self, name, value)

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
    return made  # type: ignore[return-value]
