"""Every refusal a clerk may see is a class whose keyword arguments are its placeholders:
each formats in Chinese and in English, and a missing or misspelt argument fails where
the error is raised, not later when it is shown."""

from __future__ import annotations

import decimal
import importlib
import inspect
import pkgutil
import re
import string
import types
from collections.abc import Iterator

import pytest

import app
from app.services.errors import DeskError, InvalidInput, ResidentNotFound

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LEFTOVER = re.compile(r"\{[^{}]*\}")


def every_error_class() -> list[type[DeskError]]:
    """Each DeskError subclass defined anywhere under app/ (the window's modules too)."""
    for info in pkgutil.walk_packages(app.__path__, "app."):
        if info.name != "app.__main__":
            importlib.import_module(info.name)

    def below(cls: type[DeskError]) -> Iterator[type[DeskError]]:
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("app."):
                yield sub
                yield from below(sub)

    return sorted({DeskError, *below(DeskError)}, key=lambda c: (c.__module__, c.__name__))


ERRORS = every_error_class()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def parameters(cls: type[DeskError]) -> list[inspect.Parameter]:
    return [p for p in inspect.signature(cls, eval_str=True).parameters.values()
            if p.default is inspect.Parameter.empty]


def sample(cls: type[DeskError], parameter: inspect.Parameter) -> object:
    """A value of the parameter's type, in the language of the one template that uses it
    (a placeholder both templates share gets a value in neither language)."""
    kinds = set(parameter.annotation.__args__) if isinstance(
        parameter.annotation, types.UnionType) else {parameter.annotation}
    if int in kinds:
        return 7
    if decimal.Decimal in kinds:
        return decimal.Decimal("0.5")
    assert kinds == {str}, f"{cls.__name__}.{parameter.name}: {parameter.annotation}"
    in_zh, in_en = parameter.name in placeholders(cls.zh), parameter.name in placeholders(cls.en)
    if in_zh and not in_en:
        return "样例内容"
    if in_en and not in_zh:
        return "sample text"
    return "X-07"


def arguments(cls: type[DeskError]) -> dict[str, object]:
    return {p.name: sample(cls, p) for p in parameters(cls)}


def test_the_walk_finds_the_errors_of_every_layer():
    names = {cls.__name__ for cls in ERRORS}
    assert {"InsufficientPoints", "StartupError", "StationInUse", "DamagedDatabase",
            "BackupError", "SerialBlockExhausted"} <= names
    assert len(ERRORS) >= 55


@pytest.mark.parametrize("cls", ERRORS, ids=lambda cls: cls.__name__)
def test_every_error_formats_in_both_languages(cls):
    error = cls(**arguments(cls))
    zh, en = error.message("zh"), error.message("en")
    assert zh.strip() and en.strip()
    assert not LEFTOVER.search(zh) and not LEFTOVER.search(en), (zh, en)
    assert CJK.search(zh), zh
    assert not CJK.search(en), en
    assert str(error) == zh
    assert error.code and re.fullmatch(r"[a-z_]+", error.code)


@pytest.mark.parametrize("cls", ERRORS, ids=lambda cls: cls.__name__)
def test_every_argument_is_a_keyword_named_in_a_template(cls):
    """No positional data; each required keyword is said in at least one language (an
    optional one, like ``field``, is about the error, not part of its message)."""
    for p in inspect.signature(cls).parameters.values():
        assert p.kind is inspect.Parameter.KEYWORD_ONLY, (cls.__name__, p.name)
    for p in parameters(cls):
        assert p.name in placeholders(cls.zh) | placeholders(cls.en), (cls.__name__, p.name)
    assert set(cls(**arguments(cls)).data) == {p.name for p in parameters(cls)}


@pytest.mark.parametrize("cls", [c for c in ERRORS if parameters(c)],
                         ids=lambda cls: cls.__name__)
def test_a_missing_or_misspelt_placeholder_fails_where_the_error_is_raised(cls):
    given = arguments(cls)
    for name in given:
        with pytest.raises(TypeError, match=name):
            cls(**{k: v for k, v in given.items() if k != name})
    with pytest.raises(TypeError, match="misspelt"):
        cls(**given, misspelt="x")


def test_an_error_keeps_its_data_and_the_input_field_it_is_about():
    error = InvalidInput(what="需要密码。", what_en="A password is needed.", field="password")
    assert error.data == {"what": "需要密码。", "what_en": "A password is needed."}
    assert error.field == "password" and InvalidInput.field is None
    assert ResidentNotFound(query="000042").query == "000042"
    assert ResidentNotFound(query="000042").field is None
