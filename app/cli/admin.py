"""Command-line handlers for administration: clerks, integrity, audit, keys, backup and
restore."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from app.cli.support import (
    BACKUP_PASSWORD_ENV,
    NEW_PASSWORD_ENV,
    Failed,
    Handlers,
    Invocation,
    Outcome,
    audited,
    password,
    reader,
    signed_in,
)
from app.services.errors import InvalidInput


def cmd_clerk_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import auth, permissions

    ctx = signed_in(args, call)  # who may sign in is itself worth protecting
    permissions.require(ctx, "clerk.manage")
    rows = [c.__dict__ for c in auth.list_clerks(ctx)]
    return ({"clerks": rows}, lambda r: "\n".join(
        f"{c['username']:<16} {c['display_name']:<8} {c['role']:<6}"
        f"{'' if c['active'] else ' 已停用'}{' 已锁定' if c['locked'] else ''}"
        for c in r["clerks"]))


def cmd_clerk_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import auth

    ctx = signed_in(args, call)
    actor = auth.add_clerk(ctx, args.username, args.name, args.role,
                           password(f"{args.username} 的新密码: ", NEW_PASSWORD_ENV))
    return ({"username": actor.username, "role": actor.role},
            lambda r: f"已添加经办人 {r['username']}（{r['role']}）")


def cmd_clerk_recover(args: argparse.Namespace, call: Invocation) -> Outcome:
    """The way back for a station whose only admin is locked for good: whoever holds the
    station secret may unlock an account and give it a new password."""
    from app.services import auth, keys

    ctx = reader(call)
    source = Path(args.kek_file) if args.kek_file else ctx.keys_dir / keys.KEK_FILE
    try:
        secret = source.read_bytes()
    except OSError as exc:
        raise InvalidInput(what=f"读不到密钥文件 {source}（{exc.strerror}）。",
                           what_en=f"Cannot read the secret file {source} ({exc.strerror})."
                           ) from None
    actor = auth.recover_with_secret(ctx, args.username, secret,
                                     password(f"{args.username} 的新密码: ", NEW_PASSWORD_ENV),
                                     str(source))
    return ({"username": actor.username, "role": actor.role, "recovered": True},
            lambda r: f"已解锁 {r['username']} 并设置新密码（已记入审计日志）。")


def cmd_audit_verify(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import audit

    reader(call, centre_too=True)  # a centre's log is sealed under its own secret
    chain = audit.verify_log(call.config.data_dir / "keys", args.anchor)
    out = {"records": chain.records, "head": chain.head, "problem": chain.problem,
           "message": chain.problem or "审计日志完整"}
    if chain.problem:
        raise Failed(out)
    return (out, lambda r: f"审计日志完整：{r['records']} 条，链头 {r['head']}")


def cmd_keys_export(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import keys

    reader(call)
    ring = keys.export_public_keyring()
    return (ring, lambda r: json.dumps(r, ensure_ascii=False, indent=2))


def cmd_keys_rotate(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import keys

    key_id = keys.rotate(signed_in(args, call))
    return ({"key_id": key_id}, lambda r: f"已启用新签名密钥 {r['key_id']}；旧券在有效期内仍有效。")


def cmd_keys_revoke(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import revocation

    result = revocation.revoke(signed_in(args, call), args.key_id, args.reason,
                               refund=args.refund)
    return ({"revoked": args.key_id, **result}, _revoked_lines)


def _revoked_lines(r: dict) -> str:
    line = f"已吊销密钥 {r['key_id']}；其签发的券一律拒收。"
    if r["refunded"]:
        return line + f"已作废其 {r['refunded']} 张未使用的兑换券，退回 {r['stranded_points']} 分。"
    if r["stranded"]:
        return line + (f"其中 {r['stranded']} 张未使用的兑换券（共 {r['stranded_points']} 分）"
                       "从此无法核销，积分未退回；如需退分，请逐张作废"
                       "（station-desk voucher void 编号 --reason 理由）。")
    return line


def cmd_backup(args: argparse.Namespace, call: Invocation) -> Outcome:
    """A verified copy into the backups folder, or (``--to``) out of the data directory:
    either way every resident's personal data, so a signed-in clerk and an audit record."""
    from app.runtime.health import write_anchor
    from app.services import backup, backup_crypto

    config = call.config
    ctx = signed_in(args, call, personal=True)
    target = backup.export_target(config, Path(args.to)) if args.to else None
    if args.encrypt and target is None:
        raise InvalidInput(what="加密备份需要用 --to 指定保存位置（如 U 盘）。",
                           what_en="An encrypted backup needs --to (e.g. a USB drive).")
    secret = password("备份加密密码: ", BACKUP_PASSWORD_ENV) if args.encrypt else None
    now = ctx.clock.now()
    dest = target or config.backup_dir / backup.default_name(now)
    audited(ctx, "backup.export" if target else "backup.create", str(dest),
            {"encrypted": args.encrypt})
    if secret is not None:
        with tempfile.TemporaryDirectory(dir=config.data_dir) as scratch:
            plain = Path(scratch) / "copy.db"
            report = backup.backup(config, now, plain)
            backup_crypto.encrypt_file(plain, dest, secret)
        report = backup.BackupReport(str(dest), report.residents, report.entries,
                                     report.total_points, dest.stat().st_size)
    else:
        report = backup.backup(config, now, dest)
    write_anchor(config)
    return ({**report.__dict__, "encrypted": args.encrypt},
            lambda r: f"备份完成并已校验：{r['path']}（{r['residents']} 位居民，"
                      f"{r['entries']} 条流水{'，已加密' if r['encrypted'] else ''}）")


def cmd_check(args: argparse.Namespace, call: Invocation) -> Outcome:
    import sys

    from app.runtime import health
    from app.services import centre

    config = call.config
    reader(call, centre_too=True)
    at_centre = centre.current() is not None
    # Beside the open desk (no lock) the check writes nothing: the checkpoint is left
    # for the desk's own background check to move, and missing guards are only reported.
    report = health.full_check(config, progress=lambda done, total: print(
        f"检查中 {done}/{total}", file=sys.stderr, flush=True),
        write=not (call.opened and call.opened.reading))
    out = {"problems": report.problems, **report.facts,
           "message": "；".join(report.problems) if report.problems else "一切正常"}
    if not report.ok:
        raise Failed(out)
    if at_centre:
        return (out, lambda r: f"检查通过（区中心）：{r['audit_records']} 条审计记录。")
    return (out, lambda r: f"检查通过：{r['residents']} 位居民，{r['entries']} 条流水，"
                           f"{r['vouchers']} 张兑换券，{r['audit_records']} 条审计记录。")


def cmd_restore(args: argparse.Namespace, call: Invocation) -> Outcome:
    """Restore needs an admin and the single-writer lock; the replaced database is kept.
    An encrypted copy asks for its password and is verified like any backup."""
    from app.runtime import recovery
    from app.services import backup, backup_crypto

    config = call.config
    source = Path(args.file)
    backup.check_source(config, source)
    secret = (password("备份加密密码: ", BACKUP_PASSWORD_ENV)
              if source.is_file() and backup_crypto.is_encrypted(source) else None)
    with recovery.plain_copy(config, source, secret) as plain:
        backup.verify(plain)
        if not args.as_user:
            raise InvalidInput(what="恢复需要用 --as 指明管理员。",
                               what_en="Restore needs --as ADMIN.")
        ctx = recovery.authorise(config, args.as_user, password(f"{args.as_user} 的密码: "),
                                 plain)
        done = recovery.restore(config, ctx, plain, source)
    return (done.__dict__, lambda r: f"已从 {r['path']} 恢复；原数据库保存在 {r['previous']}\n"
                                     + recovery.carried_text(r["carried"]))


HANDLERS: Handlers = {
    ("clerk", "list"): cmd_clerk_list,
    ("clerk", "add"): cmd_clerk_add,
    ("clerk", "recover"): cmd_clerk_recover,
    ("check", None): cmd_check,
    ("audit", "verify"): cmd_audit_verify,
    ("keys", "export"): cmd_keys_export,
    ("keys", "rotate"): cmd_keys_rotate,
    ("keys", "revoke"): cmd_keys_revoke,
    ("backup", None): cmd_backup,
    ("restore", None): cmd_restore,
}
