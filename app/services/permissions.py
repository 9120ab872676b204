"""Every action a clerk can take, with the role it needs.

The views hide what a clerk may not do, but the check that counts is here: a clerk's
attempt at an admin action is refused *and* written to the audit log.
"""

from __future__ import annotations

from app.models import write_transaction
from app.services import audit
from app.services.context import Actor, Context
from app.services.errors import NotSignedIn, PermissionDenied

CLERK = "clerk"
ADMIN = "admin"

# action -> (role needed, Chinese name shown in the refusal)
ACTIONS: dict[str, tuple[str, str]] = {
    "resident.register": (CLERK, "登记居民"),
    "resident.edit": (CLERK, "修改居民信息"),
    "resident.archive": (ADMIN, "归档居民"),
    "resident.reissue_card": (CLERK, "补办居民卡"),
    "resident.reveal": (ADMIN, "查看完整证件号和手机号"),
    "data.export": (CLERK, "导出表格（证件号和手机号遮蔽）"),
    "data.export_full": (ADMIN, "导出完整证件号和手机号"),
    "tag.manage": (ADMIN, "维护居民标签"),
    "deed.record": (CLERK, "登记积分"),
    "deed.override_points": (ADMIN, "调整标准分值"),
    "deed.review": (ADMIN, "审核积分"),
    "notice.object": (CLERK, "登记公示异议"),
    "notice.resolve": (ADMIN, "处理公示异议"),
    "checkin.record": (CLERK, "签到"),
    "closeout.make": (CLERK, "日结"),
    "team.manage": (CLERK, "管理志愿服务队"),
    "activity.manage": (CLERK, "安排志愿活动与报名"),
    "activity.attend": (CLERK, "活动签到签退"),
    "activity.close": (CLERK, "活动结算（时长与积分）"),
    "activity.kinds": (ADMIN, "维护活动类型"),
    "request.manage": (CLERK, "受理与办理群众点单"),
    "volunteer.certificate": (CLERK, "出具志愿服务记录证明"),
    "volunteer.certificate_full_id": (ADMIN, "在志愿服务记录证明上打印完整证件号"),
    "volunteer.export": (ADMIN, "导出志愿者信息（全国志愿服务信息系统）"),
    "room.manage": (ADMIN, "维护场地"),
    "room.book": (CLERK, "预订场地"),
    "voucher.issue": (CLERK, "发放兑换券"),
    "voucher.redeem": (CLERK, "核销兑换券"),
    "voucher.print": (CLERK, "打印兑换券"),
    "voucher.void": (ADMIN, "作废兑换券"),
    "voucher.expire": (ADMIN, "处理过期兑换券"),
    "ledger.adjust": (ADMIN, "调整积分"),
    "ledger.reverse": (ADMIN, "冲正流水"),
    "ledger.expire": (ADMIN, "年终积分清零"),
    "ledger.expire.reverse": (ADMIN, "撤销年终清零"),
    "catalogue.edit": (ADMIN, "维护积分目录"),
    "merchant.edit": (ADMIN, "维护商户"),
    "settlement.make": (CLERK, "制作商户结算单"),
    "settlement.approve": (ADMIN, "审核商户结算单"),
    "fund.edit": (ADMIN, "登记道德基金收支"),
    "store.items": (ADMIN, "维护积分超市商品"),
    "store.stock": (CLERK, "积分超市入库与盘点"),
    "store.sell": (CLERK, "积分超市兑换"),
    "honour.record": (ADMIN, "登记与撤销表彰"),
    "honour.nominate": (CLERK, "登记推荐（我推荐我评议身边好人）"),
    "honour.decide": (ADMIN, "评议推荐"),
    "clerk.manage": (ADMIN, "管理经办人"),
    "station.settings": (ADMIN, "修改站点设置"),
    "keys.manage": (ADMIN, "管理签名密钥"),
    "package.export": (ADMIN, "导出上报区中心的数据包"),
    "package.apply": (ADMIN, "导入区中心下发的数据包"),
    "package.identities": (ADMIN, "向区中心上报居民姓名、证件号和手机号"),
    "backup.restore": (ADMIN, "恢复备份"),
    "demo.generate": (ADMIN, "生成演示数据"),
    "demo.clear": (ADMIN, "清除演示数据并正式启用"),
    "desk.place": (ADMIN, "确认数据目录搬迁或设为第二个前台"),
}


def require(ctx: Context, action: str) -> Actor:
    """Return the acting clerk if they may do ``action``; refuse and audit otherwise."""
    role, name_zh = ACTIONS[action]
    actor = ctx.actor
    if actor is None:
        raise NotSignedIn()
    if role == ADMIN and not actor.is_admin:
        with write_transaction():
            audit.record(ctx, "permission.denied", action, {"role": actor.role})
        raise PermissionDenied(action=action, action_zh=name_zh)
    return actor
