"""``station-desk``: no arguments starts the desk window; sub-commands serve admins and
scripts. Global options come before the sub-command (see README for the contract).

Every command prints either readable lines or, with ``--json``, one JSON object. A
refusal prints one line on stderr and exits non-zero with nothing changed.

Exit codes: 0 done; 1 ran, and the answer is "no" (a check found faults, a voucher is
not redeemable); 2 refused, nothing changed; 3 unexpected error (logged under a
reference); 4 vouchers issued and paid for but not printed: the answer lists them
(serial, token), so a script runs ``voucher reprint`` instead of issuing again.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from app.cli import argparse_words, grammar
from app.cli.support import (
    EXIT_FAILED,
    EXIT_NOT_PRINTED,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNEXPECTED,
    Failed,
    Handlers,
    Invocation,
    Lines,
    Outcome,
)
from app.runtime.config import Config, private_umask, resolve
from app.services.errors import DeskError

__all__ = ["EXIT_FAILED", "EXIT_NOT_PRINTED", "EXIT_OK", "EXIT_REFUSED", "EXIT_UNEXPECTED",
           "main"]

LANGUAGE = "zh"  # what the command line speaks: its help, argparse's words, its refusals


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _say(text: str, stream: TextIO) -> None:
    try:
        print(text, file=stream)
        stream.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head -1`): the rest is not wanted, and the exit
        # flush must not fail again, so the stream goes to the null device.
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def emit(result: dict[str, Any], as_json: bool, lines: Lines) -> None:
    if as_json:
        _say(json.dumps(_plain(result), ensure_ascii=False, default=str), sys.stdout)
    else:
        text = lines(result)
        if text:
            _say(text, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show a rare name character must not fail after a commit.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    private_umask()  # before any file: the log, a restore's copies, the database
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        with argparse_words.speaking(LANGUAGE):
            args = grammar.parser().parse_args(words)
    except DeskError as exc:
        return _refused("--json" in words, exc.code, exc.message(LANGUAGE))
    config = resolve(args.data_dir, args.db)
    if args.command is None:
        from app.views.shell.app import run_gui

        return run_gui(config)
    from app.runtime import logs

    logs.setup(config.log_dir)
    try:
        result, lines = _run(args, config)
        emit({"ok": True, **result}, args.json, lines)
    except Failed as failed:
        emit({"ok": False, **failed.result}, args.json, failed.lines)
        return failed.status
    except DeskError as exc:
        return _refused(args.json, exc.code, exc.message(LANGUAGE))
    except KeyboardInterrupt:
        return _refused(args.json, "interrupted", "已取消。")
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a clerk
        reference = logs.report_unexpected(exc)
        return _refused(args.json, "unexpected",
                        f"内部错误（参考号 {reference}），详情见 {config.log_dir}",
                        EXIT_UNEXPECTED)
    return EXIT_OK


# Commands that show no personal data and write nothing when opened without the lock:
# they answer while the desk is open.
READ_ONLY = {("check", None), ("audit", "verify"), ("deed", "types"), ("centre", "report")}


def _handlers() -> Handlers:
    """Every sub-command's handler, by (command, action): loaded when a command runs, so
    the window starts without them."""
    from app.cli import (
        admin,
        centre,
        centre_catalogue,
        centre_report,
        closeout,
        deeds,
        desk,
        documents,
        honours,
        notice,
        package,
        points,
        report,
        requests,
        residents,
        rooms,
        roster,
        settlement,
        station,
        store,
        tags_export,
        volunteer_records,
        volunteers,
        vouchers,
    )

    return {**station.HANDLERS, **residents.HANDLERS, **deeds.HANDLERS, **points.HANDLERS,
            **documents.HANDLERS, **vouchers.HANDLERS, **admin.HANDLERS, **desk.HANDLERS,
            **volunteers.HANDLERS, **volunteer_records.HANDLERS, **rooms.HANDLERS,
            **requests.HANDLERS, **settlement.HANDLERS, **closeout.HANDLERS, **store.HANDLERS,
            **honours.HANDLERS, **roster.HANDLERS,
            **tags_export.HANDLERS, **notice.HANDLERS, **report.HANDLERS,
            **centre.HANDLERS, **centre_catalogue.HANDLERS, **centre_report.HANDLERS,
            **package.HANDLERS}


def _run(args: argparse.Namespace, config: Config) -> Outcome:
    handler = _handlers()[(args.command, getattr(args, "action", None))]
    if args.command == "restore":
        return handler(args, Invocation(config, None))
    from app.runtime.startup import StationInUse, open_for_reading, open_station

    try:
        # `check` must run on a damaged database: finding the damage is its job;
        # `backup` verifies the rows the start-up check would read, in its copy.
        opened = open_station(config, check=args.command != "check",
                              ledger_check=args.command != "backup")
    except StationInUse:
        if (args.command, getattr(args, "action", None)) not in READ_ONLY:
            raise
        opened = open_for_reading(config)
    try:
        if args.command != "check":
            from app.services import centre as centre_role

            centre_role.check_command(args.command, getattr(args, "action", None))
        return handler(args, Invocation(config, opened))
    finally:
        opened.close()


def _refused(as_json: bool, code: str, message: str, status: int = EXIT_REFUSED) -> int:
    if as_json:
        _say(json.dumps({"ok": False, "error": code, "message": message}, ensure_ascii=False),
             sys.stdout)
    _say(f"station-desk: {message}", sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
