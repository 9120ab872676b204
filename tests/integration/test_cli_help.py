"""``station-desk --help`` speaks one language: every sub-command and option says what it
is for, in Chinese, and argparse's own words (usage, options, its refusals) are Chinese
too; argparse stays English for the rest of the process."""

from __future__ import annotations

import argparse
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.cli import grammar
from app.cli import main as cli

# argparse's English, as it shows in a help page or a usage refusal.
ARGPARSE_ENGLISH = ("usage:", "options:", "optional arguments", "positional arguments",
                    "show this help", "show program's version", "error:", "invalid choice",
                    "the following arguments are required", "unrecognized arguments")


def sub_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
                 ) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser below ``parser`` with the words that reach it (argparse keeps the
    sub-commands as the choices of one action)."""
    found = []
    for action in parser._actions:  # noqa: SLF001 - argparse lists no actions publicly
        if isinstance(action.choices, dict):
            for name, child in action.choices.items():
                found.append(((*path, name), child))
                found += sub_commands(child, (*path, name))
    return found


def help_page(*words: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *words, "--help"], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_every_sub_command_and_option_has_a_help_line():
    parsers = [((), grammar.parser()), *sub_commands(grammar.parser())]
    assert len(parsers) > 40
    missing = []
    for path, parser in parsers:
        if path and not parser.description:
            missing.append(" ".join(path))
        for action in parser._actions:  # noqa: SLF001
            if isinstance(action.choices, dict):  # the sub-commands: each has its line
                missing += [" ".join((*path, line.dest)) for line in action._choices_actions
                            if not (line.help or "").strip()]  # noqa: SLF001
            elif not (action.help or "").strip():
                missing.append(" ".join((*path, *action.option_strings, action.dest)))
    assert missing == []


def help_page_here(path: tuple[str, ...], capsys) -> subprocess.CompletedProcess:  # noqa: ANN001
    """The page ``main`` prints in this process: the same parser a process builds."""
    with pytest.raises(SystemExit) as done:
        cli.main([*path, "--help"])
    said = capsys.readouterr()
    return subprocess.CompletedProcess([*path, "--help"], done.value.code or 0, said.out,
                                       said.err)


def test_every_help_page_is_chinese_without_argparse_english(capsys):
    """The top page and each command's page from a real ``station-desk`` process; the
    pages of their actions (a hundred more processes) from ``main`` in this one."""
    paths = [()] + [path for path, _ in sub_commands(grammar.parser())]
    started = [path for path in paths if len(path) <= 1]
    with ThreadPoolExecutor(max_workers=4) as pool:
        pages = dict(zip(started, pool.map(lambda path: help_page(*path), started),
                         strict=True))
    pages.update((path, help_page_here(path, capsys)) for path in paths if len(path) > 1)
    assert len(pages) == len(paths)
    for path, done in pages.items():
        assert done.returncode == 0, (path, done.stderr)
        assert done.stdout.startswith("用法：station-desk"), path
        assert "显示本帮助并退出" in done.stdout, path
        english = [w for w in ARGPARSE_ENGLISH if w in done.stdout.lower()]
        assert english == [], (path, english)
    top = pages[()].stdout
    for name in ("init", "resident", "voucher", "check", "restore"):
        assert any(line.split()[:1] == [name] and len(line.split()) > 1
                   for line in top.splitlines()), name


@pytest.mark.parametrize(("words", "chinese"), [
    (["voucher", "bogus"], "无效的选择 'bogus'"),
    (["resident", "add"], "缺少必需的参数：--name"),
    (["balance", "000001", "--limit", "many"], "参数 --limit：'many' 不是有效的值"),
    (["check", "--frobnicate"], "无法识别的参数：--frobnicate"),
])
def test_usage_mistakes_are_refused_in_chinese(words, chinese, tmp_path, capsys):
    assert cli.main(["--data-dir", str(tmp_path), *words]) == cli.EXIT_REFUSED
    said = capsys.readouterr().err
    assert chinese in said
    assert [w for w in ARGPARSE_ENGLISH if w in said.lower()] == []


def test_argparse_speaks_english_again_after_the_command_line(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert capsys.readouterr().out.startswith("用法：")
    page = argparse.ArgumentParser(prog="other").format_help()
    assert page.startswith("usage: other") and "show this help message and exit" in page
