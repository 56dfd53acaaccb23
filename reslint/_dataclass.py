"""`dataclass`, `field` and `replace` for reslint's plain data, without `dataclasses`.

The standard module compiles generated source for every class (about 1 ms a class here)
and imports `inspect` (about 15 ms): together more than the whole of PyYAML's import, paid
by the pre-commit hook on every commit.  reslint uses a small subset — fields with
defaults or default factories, `frozen`, `repr=False`/`compare=False` on a field — so the
methods here are shared functions driven by a per-class tuple of fields, built once.

`slots=True` makes a class with `__slots__` (no instance dict: less memory, faster
attributes) that keeps an `__init__` written in its body: the parser's hottest records
(a Span a finding, a paragraph, a citation) are built hundreds of thousands of times on a
corpus, and the generic `_init` cost it ~10% of its time.  A written `__init__` takes every
field, in field order, with the declared defaults (tests/test_dataclass.py holds each one
to that).
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any, TypeVar, overload

if TYPE_CHECKING:  # what lets mypy read these classes as dataclasses (PEP 681)
    from typing_extensions import dataclass_transform
else:  # typing has it from 3.11 only; at run time it only marks the function
    def dataclass_transform(**_: Any) -> Any:
        return lambda function: function

if TYPE_CHECKING:
    T = TypeVar("T")
MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    __slots__ = ("compare", "default", "default_factory", "name", "repr")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING,
                 repr: bool = True, compare: bool = True) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | Any = MISSING,
          repr: bool = True, compare: bool = True) -> Any:
    return Field(default, default_factory, repr, compare)


def _fields_of(cls: type) -> tuple[Field, ...]:
    found: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__reslint_fields__", ()):
            found[f.name] = f
    for name in vars(cls).get("__annotations__", {}):  # this class's own, in order
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        found[name] = f
        if isinstance(value, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    return tuple(found.values())


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    # The instance's __dict__ is filled in one call: a frozen class's __setattr__ refuses
    # assignment, and one object.__setattr__ a field cost the parser ~10% of its time.
    names = self.__reslint_names__
    if not kwargs and len(args) == len(names):  # the common case: every field given
        self.__dict__.update(zip(names, args, strict=False))  # lengths checked
        return
    self.__dict__.update(_values(self, args, kwargs))


def _slots_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """A slotted class's `__init__` when its body writes none."""
    for name, value in _values(self, args, kwargs).items():
        _put(self, name, value)


_put = object.__setattr__  # past a frozen class's __setattr__


def _values(self: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Every field's value, from the arguments and the defaults."""
    names = self.__reslint_names__
    given = len(args)
    if given > len(names):
        raise TypeError(f"{type(self).__name__}() takes {len(names)} arguments ({given} given)")
    values = dict(zip(names, args, strict=False))  # in field order, as for the above
    used = 0
    for name, default, factory in self.__reslint_defaults__[given:]:
        if name in kwargs:
            values[name] = kwargs[name]
            used += 1
        elif default is not MISSING:
            values[name] = default
        elif factory is not MISSING:
            values[name] = factory()
        else:
            raise TypeError(f"{type(self).__name__}() missing argument {name!r}")
    if used != len(kwargs):
        known = set(names[given:])
        bad = next(k for k in kwargs if k not in known)
        raise TypeError(f"{type(self).__name__}() got an unexpected or repeated argument {bad!r}")
    return values


def _reduce(self: Any) -> tuple[Any, tuple[Any, ...]]:
    """Pickling (results come back from worker processes) through `__init__`: a frozen
    slotted instance refuses the default way, which sets each slot with setattr."""
    return (self.__class__, tuple(getattr(self, name) for name in self.__reslint_names__))


def _slotted(cls: type, fields: tuple[Field, ...]) -> type:
    """`cls` made again with a slot for each field of its own (the class attributes that
    held defaults go: a slot and a class attribute cannot share a name)."""
    own = tuple(vars(cls).get("__annotations__", {}))
    body = {k: v for k, v in vars(cls).items()
            if k not in own and k not in ("__dict__", "__weakref__")}
    body["__slots__"] = own
    return type(cls)(cls.__name__, cls.__bases__, body)


def _repr(self: Any) -> str:
    inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                      for f in self.__reslint_fields__ if f.repr)
    return f"{type(self).__name__}({inner})"


def _key(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, f.name) for f in self.__reslint_fields__ if f.compare)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _key(self) == _key(other)


def _hash(self: Any) -> int:
    return hash(_key(self))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


if TYPE_CHECKING:  # the two ways it is called, for the type checker
    @overload
    @dataclass_transform(field_specifiers=(field, Field))
    def dataclass(cls: type[T], /) -> type[T]: ...

    @overload
    def dataclass(*, frozen: bool = False, slots: bool = False
                  ) -> Callable[[type[T]], type[T]]: ...


def dataclass(cls: type[T] | None = None, *, frozen: bool = False, slots: bool = False) -> Any:
    def wrap(cls: type[T]) -> type[T]:
        fields = _fields_of(cls)
        if slots:
            cls = _slotted(cls, fields)
        cls.__reslint_fields__ = fields  # type: ignore[attr-defined]
        cls.__reslint_names__ = tuple(f.name for f in fields)  # type: ignore[attr-defined]
        cls.__reslint_defaults__ = tuple(  # type: ignore[attr-defined]
            (f.name, f.default, f.default_factory) for f in fields)
        put = setattr  # the methods are shared functions: set them as plain attributes
        if slots:
            if "__init__" not in cls.__dict__:  # a written one is kept: see the docstring
                put(cls, "__init__", _slots_init)
            put(cls, "__reduce__", _reduce)
        else:
            put(cls, "__init__", _init)
        if "__repr__" not in cls.__dict__:
            put(cls, "__repr__", _repr)
        if "__eq__" not in cls.__dict__:
            put(cls, "__eq__", _eq)
        if frozen:
            put(cls, "__setattr__", _frozen_setattr)
            put(cls, "__delattr__", _frozen_delattr)
            put(cls, "__hash__", _hash)
        elif "__hash__" not in cls.__dict__:
            put(cls, "__hash__", None)  # mutable and comparable
        return cls

    return wrap if cls is None else wrap(cls)


def fields(obj: Any) -> tuple[Field, ...]:
    found: tuple[Field, ...] = obj.__reslint_fields__
    return found


def replace(obj: T, **changes: Any) -> T:
    values = {f.name: getattr(obj, f.name) for f in obj.__reslint_fields__}  # type: ignore[attr-defined]
    values.update(changes)
    return type(obj)(**values)
