"""Why a resident came to the desk (a check-in's purpose): code → Chinese name.

Kept apart from the check-in service so the command line can list the choices without
loading the database layer."""

PURPOSES = {
    "deed": "登记积分",
    "redeem": "兑换积分",
    "activity": "参加活动",
    "volunteer": "志愿服务",
    "consult": "咨询办事",
}
