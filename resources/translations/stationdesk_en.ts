<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <source>文明实践站前台 StationDesk</source>
            <translation>StationDesk (文明实践站前台)</translation>
        </message>
        <message>
            <source>版本 {version}</source>
            <translation>Version {version}</translation>
        </message>
        <message>
            <source>本程序按 Apache-2.0 许可证发布。它随附的字体和程序库各按其许可证使用，全文如下（选择左侧一项查看）。</source>
            <translation>StationDesk is released under the Apache-2.0 licence. The fonts and libraries it carries are used under their own licences, given in full below (choose one on the left).</translation>
        </message>
        <message>
            <source>未找到许可证文本（{path}）。</source>
            <translation>Licence text not found ({path}).</translation>
        </message>
    </context>
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>场地</source>
            <translation>Rooms</translation>
        </message>
        <message>
            <source>打印签到表</source>
            <translation>Print sign-in sheet</translation>
        </message>
        <message>
            <source>签到表</source>
            <translation>Sign-in sheet</translation>
        </message>
        <message>
            <source>活动</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>安排活动</source>
            <translation>Plan an activity</translation>
        </message>
        <message>
            <source>已结算“{title}”：志愿服务 {hours} 小时，积分 {points} 分</source>
            <translation>Closed “{title}”: {hours} volunteer hours, {points} points</translation>
        </message>
        <message>
            <source>开始签到</source>
            <translation>Start attendance</translation>
        </message>
        <message>
            <source>志愿活动</source>
            <translation>Volunteer activities</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>结算</source>
            <translation>Close activity</translation>
        </message>
        <message>
            <source>结算“{title}”（{date}）？{count} 名志愿者的时长与积分将记入台账。</source>
            <translation>Close “{title}” ({date})? The hours and points of {count} volunteers go into the ledger.</translation>
        </message>
        <message>
            <source>结算活动</source>
            <translation>Close the activity</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>报名与到场</source>
            <translation>Sign-ups and attendance</translation>
        </message>
        <message>
            <source>统计</source>
            <translation>Figures</translation>
        </message>
        <message>
            <source>志愿服务队</source>
            <translation>Teams</translation>
        </message>
        <message>
            <source>点单</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>导出到 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>不限</source>
            <translation>No limit</translation>
        </message>
        <message>
            <source>例如：幸福里环境整治</source>
            <translation>e.g. Xingfuli clean-up</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>名额</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <source>地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>安排</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>安排活动</source>
            <translation>Plan an activity</translation>
        </message>
        <message>
            <source>已安排活动：{date} {title}</source>
            <translation>Activity planned: {date} {title}</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>所属项目</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>活动名称</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>活动类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>积分项目</source>
            <translation>Deed type</translation>
        </message>
        <message>
            <source>组织队伍</source>
            <translation>Teams</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>End</translation>
        </message>
        <message>
            <source>队名，多个用逗号分隔</source>
            <translation>Team names, separated by commas</translation>
        </message>
    </context>
    <context>
        <name>AdjustPointsDialog</name>
        <message>
            <source>调整积分</source>
            <translation>Adjust points</translation>
        </message>
        <message>
            <source>必填，例如：补录 10 月志愿服务</source>
            <translation>Required, e.g. October volunteer hours recorded late</translation>
        </message>
        <message>
            <source>调整</source>
            <translation>Adjust</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>{name}（{no}），当前余额 {balance} 分</source>
            <translation>{name} ({no}), balance now {balance} points</translation>
        </message>
        <message>
            <source>加减分值</source>
            <translation>Points to add or subtract</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>确定给 {name} {points:+d} 分吗？理由：{reason}</source>
            <translation>Give {name} {points:+d} points? Reason: {reason}</translation>
        </message>
        <message>
            <source>确定调整</source>
            <translation>Adjust</translation>
        </message>
        <message>
            <source>{name} {points:+d} 积分（调整），余额 {balance}</source>
            <translation>{name} {points:+d} points (adjustment), balance {balance}</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>第一位管理员</source>
            <translation>First administrator</translation>
        </message>
        <message>
            <source>管理员可以维护积分目录、经办人和站点设置。请牢记密码。</source>
            <translation>An administrator maintains the deed catalogue, clerks and station settings. Keep the password safe.</translation>
        </message>
        <message>
            <source>例如：王站长</source>
            <translation>e.g. Director Wang</translation>
        </message>
        <message>
            <source>用户名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>再输一次</source>
            <translation>Repeat password</translation>
        </message>
        <message>
            <source>密码至少 8 位，字母与数字（或符号）混合，不要包含用户名。</source>
            <translation>At least 8 characters, letters mixed with digits (or symbols), not containing the user name.</translation>
        </message>
        <message>
            <source>请填写用户名。</source>
            <translation>Enter a user name.</translation>
        </message>
        <message>
            <source>两次输入的密码不一致。</source>
            <translation>The two passwords differ.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>无法启动</source>
            <translation>Cannot start</translation>
        </message>
        <message>
            <source>演示数据</source>
            <translation>Demo data</translation>
        </message>
        <message>
            <source>恢复备份</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>恢复完成</source>
            <translation>Restore complete</translation>
        </message>
        <message>
            <source>正在恢复备份…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <source>没有恢复，数据保持原样：{reason}</source>
            <translation>Nothing was restored; the data is as it was: {reason}</translation>
        </message>
    </context>
    <context>
        <name>AssignRequestDialog</name>
        <message>
            <source>分派点单</source>
            <translation>Assign a request</translation>
        </message>
        <message>
            <source>分派</source>
            <translation>Assign</translation>
        </message>
        <message>
            <source>承接队伍</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>转为活动</source>
            <translation>Turn into activity</translation>
        </message>
        <message>
            <source>（按活动的组织队伍）</source>
            <translation>(the activity's organising team)</translation>
        </message>
        <message>
            <source>（暂不转为活动）</source>
            <translation>(no activity yet)</translation>
        </message>
        <message>
            <source>点单 {number} 已分派给 {team}</source>
            <translation>Request {number} assigned to {team}</translation>
        </message>
        <message>
            <source>点单 {number} 已转为活动：{activity}</source>
            <translation>Request {number} turned into the activity: {activity}</translation>
        </message>
    </context>
    <context>
        <name>AttendanceMode</name>
        <message>
            <source>{name}（{no}）{role} {action} {time}</source>
            <translation>{name} ({no}) {role}: {action} {time}</translation>
        </message>
        <message>
            <source>{name}（{no}）{role}：重复扫码，不重复计（{time} 已签到）</source>
            <translation>{name} ({no}) {role}: scanned again, not counted twice (signed in {time})</translation>
        </message>
        <message>
            <source>已到场 {count} 人</source>
            <translation>{count} present</translation>
        </message>
        <message>
            <source>扫描居民卡或输入居民编号，回车</source>
            <translation>Scan a resident card or type a resident number, then Enter</translation>
        </message>
        <message>
            <source>现场登记为服务对象（F2）</source>
            <translation>Walk-ins as audience (F2)</translation>
        </message>
        <message>
            <source>签到</source>
            <translation>signed in</translation>
        </message>
        <message>
            <source>签到：{date} {title}</source>
            <translation>Attendance: {date} {title}</translation>
        </message>
        <message>
            <source>签退</source>
            <translation>signed out</translation>
        </message>
        <message>
            <source>结束签到（Esc）</source>
            <translation>End attendance (Esc)</translation>
        </message>
        <message>
            <source>请扫码</source>
            <translation>Scan a card</translation>
        </message>
        <message>
            <source>，未报名，已现场登记</source>
            <translation>; not signed up, registered as a walk-in</translation>
        </message>
    </context>
    <context>
        <name>Backups</name>
        <message>
            <source>正在备份本站数据，完成后关闭…</source>
            <translation>Backing up the station; the window closes when done…</translation>
        </message>
    </context>
    <context>
        <name>BackupsPage</name>
        <message>
            <source>为这份备份设一个密码（至少 8 个字符）。恢复时需要它，忘记了就无法恢复。</source>
            <translation>Choose a password for this copy (at least 8 characters). Restoring needs it; without it the copy cannot be restored.</translation>
        </message>
        <message>
            <source>加密备份</source>
            <translation>Encrypted backup</translation>
        </message>
        <message>
            <source>加密备份复制到哪个文件夹（如 U 盘）</source>
            <translation>Folder for the encrypted copy (e.g. a USB drive)</translation>
        </message>
        <message>
            <source>加密复制到文件夹…</source>
            <translation>Encrypted copy to a folder…</translation>
        </message>
        <message>
            <source>备份与恢复</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>备份保存在 {folder}。每天自动备份一次，关闭窗口时再备份一次；自动备份保留最近 14 天和 12 个月的，手动备份一直保留。</source>
            <translation>Backups are kept in {folder}. One is made automatically each day and another when the window closes; automatic backups are kept for the last 14 days and 12 months, manual ones until deleted.</translation>
        </message>
        <message>
            <source>已加密复制到 {path}。请另外妥善保管密码。</source>
            <translation>Encrypted copy written to {path}. Keep the password safe, separately.</translation>
        </message>
        <message>
            <source>已备份并校验：{path}</source>
            <translation>Backed up and verified: {path}</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>恢复备份</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>恢复所选备份…</source>
            <translation>Restore the selected backup…</translation>
        </message>
        <message>
            <source>本站使用 PostgreSQL：请用 pg_dump 备份、pg_restore 恢复（见 README）。</source>
            <translation>This station uses PostgreSQL: back up with pg_dump and restore with pg_restore (see the README).</translation>
        </message>
        <message>
            <source>正在备份并加密…</source>
            <translation>Backing up and encrypting…</translation>
        </message>
        <message>
            <source>正在备份并校验…</source>
            <translation>Backing up and verifying…</translation>
        </message>
        <message>
            <source>用 {name}（{time}）恢复全站数据吗？
这份备份之后的所有登记都会丢失（当前数据库会另存一份）。窗口将关闭，恢复后重新登录。</source>
            <translation>Restore the whole station from {name} ({time})?
Everything recorded after this backup will be lost (the current database is kept aside). The window will close; sign in again after the restore.</translation>
        </message>
        <message>
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>请 {name} 输入管理员密码以确认恢复。</source>
            <translation>{name}, enter your administrator password to confirm the restore.</translation>
        </message>
    </context>
    <context>
        <name>BookingDialog</name>
        <message>
            <source>例如：法治讲座、队员培训</source>
            <translation>e.g. law talk, team training</translation>
        </message>
        <message>
            <source>共建单位</source>
            <translation>Partner unit</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>场地</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>已预订 {room} {date} {start}–{end}：{holder}（预订号 {number}）</source>
            <translation>Booked {room} on {date} {start}–{end} for {holder} (booking {number})</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>志愿服务队</source>
            <translation>Volunteer team</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>活动</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>用途</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>End</translation>
        </message>
        <message>
            <source>预订</source>
            <translation>Book</translation>
        </message>
        <message>
            <source>预订场地</source>
            <translation>Book a room</translation>
        </message>
        <message>
            <source>预订方</source>
            <translation>Booked for</translation>
        </message>
    </context>
    <context>
        <name>CardBatchDialog</name>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>居民卡</source>
            <translation>Resident cards</translation>
        </message>
        <message>
            <source>已取消，没有生成居民卡。</source>
            <translation>Cancelled; no cards were made.</translation>
        </message>
        <message numerus="yes">
            <source>已生成 %n 张居民卡，请检查后打印。</source>
            <translation>
                <numerusform>%n resident card made; check it, then print.</numerusform>
                <numerusform>%n resident cards made; check them, then print.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>已输出 %n 张居民卡</source>
            <translation>
                <numerusform>%n resident card printed or saved</numerusform>
                <numerusform>%n resident cards printed or saved</numerusform>
            </translation>
        </message>
        <message>
            <source>批量打印居民卡</source>
            <translation>Print many resident cards</translation>
        </message>
        <message>
            <source>本机缺少打印组件，暂时不能生成居民卡。</source>
            <translation>The printing component is missing on this PC; cards cannot be made for now.</translation>
        </message>
        <message>
            <source>正在生成居民卡…</source>
            <translation>Making resident cards…</translation>
        </message>
        <message>
            <source>没有打印（已取消或打印机出错），可以再次打印。</source>
            <translation>Not printed (cancelled, or the printer failed). You can print again.</translation>
        </message>
        <message>
            <source>生成居民卡</source>
            <translation>Make cards</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>网格名称；留空则为全站所有居民</source>
            <translation>Grid name; leave empty for every resident of the station</translation>
        </message>
        <message>
            <source>这个网格没有居民（已归档的居民不发卡）。</source>
            <translation>This grid has no residents (archived residents get no card).</translation>
        </message>
    </context>
    <context>
        <name>CataloguePage</name>
        <message>
            <source>积分目录</source>
            <translation>Deed catalogue</translation>
        </message>
        <message>
            <source>新增项目</source>
            <translation>New deed type</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>停用/恢复</source>
            <translation>Retire/restore</translation>
        </message>
        <message>
            <source>已保存积分项目“{name}”</source>
            <translation>Deed type “{name}” saved</translation>
        </message>
        <message>
            <source>停用积分项目</source>
            <translation>Retire deed type</translation>
        </message>
        <message>
            <source>停用“{name}”后不能再登记此项（已有记录不受影响）。确定停用吗？</source>
            <translation>Once “{name}” is retired it can no longer be recorded (existing records stay). Retire it?</translation>
        </message>
        <message>
            <source>停用</source>
            <translation>Retire</translation>
        </message>
    </context>
    <context>
        <name>CentreExceptionsPage</name>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>站点</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>事项</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>发现时间</source>
            <translation>Found</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>处理说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>未处理</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>已处理</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>异常清单</source>
            <translation>Exceptions</translation>
        </message>
        <message>
            <source>也显示已处理的</source>
            <translation>Show closed ones too</translation>
        </message>
        <message>
            <source>处理…</source>
            <translation>Close…</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>全部站点</source>
            <translation>All stations</translation>
        </message>
        <message>
            <source>未处理 {open} 项，列出 {shown} 项</source>
            <translation>{open} open, {shown} listed</translation>
        </message>
        <message>
            <source>已导出 {n} 项：{path}</source>
            <translation>Exported {n} exceptions: {path}</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
    </context>
    <context>
        <name>CentreImportPage</name>
        <message>
            <source>已导入</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>以前已导入，未改动</source>
            <translation>Imported before; nothing changed</translation>
        </message>
        <message>
            <source>拒收</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>已取消，未导入</source>
            <translation>Cancelled; not imported</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>站点</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>包号</source>
            <translation>Package</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>新增记录</source>
            <translation>Records added</translation>
        </message>
        <message>
            <source>更新记录</source>
            <translation>Records changed</translation>
        </message>
        <message>
            <source>新异常</source>
            <translation>New exceptions</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>数据导入</source>
            <translation>Import packages</translation>
        </message>
        <message>
            <source>选择各站点的上报包（可一次选多个，也可以把文件拖到这里）。每个包单独核验、单独导入：一个被拒收，其余照常导入；同一个包再导入不会改动任何数据。</source>
            <translation>Choose the stations' packages (several at once, or drop the files here). Each package is checked and imported on its own: one refused, the others are still imported; importing a package again changes nothing.</translation>
        </message>
        <message>
            <source>选择上报包…</source>
            <translation>Choose packages…</translation>
        </message>
        <message>
            <source>选择站点上报包</source>
            <translation>Choose station packages</translation>
        </message>
        <message>
            <source>正在导入 {n} 个文件…</source>
            <translation>Importing {n} files…</translation>
        </message>
        <message>
            <source>正在导入上报包…</source>
            <translation>Importing packages…</translation>
        </message>
        <message>
            <source>共 {files} 个文件：导入 {imported} 个，以前已导入 {already} 个，拒收 {refused} 个，取消未导入 {skipped} 个；新增记录 {added} 条，更新 {changed} 条，新异常 {exceptions} 项。</source>
            <translation>{files} files: {imported} imported, {already} imported before, {refused} refused, {skipped} cancelled; {added} records added, {changed} changed, {exceptions} new exceptions.</translation>
        </message>
    </context>
    <context>
        <name>CentreWindow</name>
        <message>
            <source>操作员：{operator}（写入均记入审计日志）</source>
            <translation>Operator: {operator} (every write is audited)</translation>
        </message>
        <message>
            <source>请注意</source>
            <translation>Please note</translation>
        </message>
        <message>
            <source>后台数据检查发现区中心数据库有问题：</source>
            <translation>The background check found problems in the centre's database:</translation>
        </message>
        <message>
            <source>为保护数据，已停止写入（仍可查询）。关闭窗口后可用最近一份已校验的备份恢复。</source>
            <translation>To protect the data, writing has stopped (you can still look things up). After closing the window you can restore the newest verified backup.</translation>
        </message>
        <message>
            <source>数据检查发现问题</source>
            <translation>The data check found problems</translation>
        </message>
    </context>
    <context>
        <name>CheckInDialog</name>
        <message>
            <source>签到</source>
            <translation>Check in</translation>
        </message>
        <message>
            <source>{name}（{no}）来站事由（按数字键选择）</source>
            <translation>Why {name} ({no}) came in (press a number to choose)</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message numerus="yes">
            <source>{name} 已签到（{purpose}），今天已有 %n 人来站</source>
            <translation>
                <numerusform>{name} checked in ({purpose}); %n visitor today</numerusform>
                <numerusform>{name} checked in ({purpose}); %n visitors today</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ClerksPage</name>
        <message>
            <source>经办人</source>
            <translation>Clerks</translation>
        </message>
        <message>
            <source>停用/启用</source>
            <translation>Disable/enable</translation>
        </message>
        <message>
            <source>新密码</source>
            <translation>New password</translation>
        </message>
        <message>
            <source>重设所选经办人的密码</source>
            <translation>Reset the selected clerk's password</translation>
        </message>
        <message>
            <source>添加经办人</source>
            <translation>Add clerk</translation>
        </message>
        <message>
            <source>用户名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>初始密码</source>
            <translation>Initial password</translation>
        </message>
        <message>
            <source>已添加经办人 {name}（{username}）</source>
            <translation>Clerk {name} ({username}) added</translation>
        </message>
        <message>
            <source>请先在表中选择经办人。</source>
            <translation>Select a clerk in the table first.</translation>
        </message>
        <message>
            <source>重设密码</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>确定重设 {name} 的密码吗？</source>
            <translation>Reset {name}'s password?</translation>
        </message>
        <message>
            <source>重设</source>
            <translation>Reset</translation>
        </message>
        <message>
            <source>已重设 {name} 的密码，并解除锁定</source>
            <translation>{name}'s password was reset and the account unlocked</translation>
        </message>
        <message>
            <source>停用经办人</source>
            <translation>Disable clerk</translation>
        </message>
        <message>
            <source>停用后 {name} 不能再登录。确定停用吗？</source>
            <translation>{name} will no longer be able to sign in. Disable?</translation>
        </message>
        <message>
            <source>停用</source>
            <translation>Disable</translation>
        </message>
        <message>
            <source>已启用 {name}</source>
            <translation>{name} enabled</translation>
        </message>
        <message>
            <source>已停用 {name}</source>
            <translation>{name} disabled</translation>
        </message>
        <message>
            <source>添加经办人（回车）</source>
            <translation>Add clerk (Enter)</translation>
        </message>
    </context>
    <context>
        <name>CloseExceptionDialog</name>
        <message>
            <source>处理异常</source>
            <translation>Close an exception</translation>
        </message>
        <message>
            <source>第 {id} 号 · {kind} · {subject}
{what}</source>
            <translation>No. {id} · {kind} · {subject}
{what}</translation>
        </message>
        <message>
            <source>必填：核实了什么，怎样处理的</source>
            <translation>Required: what was checked and what was done</translation>
        </message>
        <message>
            <source>关闭异常</source>
            <translation>Close the exception</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>处理说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>第 {id} 号异常已处理。</source>
            <translation>Exception {id} closed.</translation>
        </message>
    </context>
    <context>
        <name>CloseoutPage</name>
        <message>
            <source>日结</source>
            <translation>Close-out</translation>
        </message>
        <message>
            <source>本人在本前台自上次日结以来的业务，每项按记录和按积分流水等各算一遍，不相符的标红并逐条列出。每天日结一次，之后的业务记入下一次日结。</source>
            <translation>Your work at this desk since your last close-out, each figure counted from the records and again from the ledger or another record; figures that do not agree are red and listed one by one. A day is closed once: later work goes into the next close-out.</translation>
        </message>
        <message>
            <source>保存并打印…</source>
            <translation>Save and print…</translation>
        </message>
        <message>
            <source>预览（F5）</source>
            <translation>Preview (F5)</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>营业日(&amp;D)</source>
            <translation>Business &amp;day</translation>
        </message>
        <message>
            <source>已保存的日结单</source>
            <translation>Saved close-outs</translation>
        </message>
        <message>
            <source>补打…</source>
            <translation>Reprint…</translation>
        </message>
        <message>
            <source>在列表中选中一张，按回车也可补打</source>
            <translation>Select one in the list; Enter reprints it too</translation>
        </message>
        <message>
            <source>{start} 之后至 {end}</source>
            <translation>after {start} up to {end}</translation>
        </message>
        <message>
            <source>至 {end}（首次日结）</source>
            <translation>up to {end} (first close-out)</translation>
        </message>
        <message>
            <source>{first} 至 {last}，{count} 张</source>
            <translation>{first} to {last}, {count} vouchers</translation>
        </message>
        <message>
            <source>无</source>
            <translation>none</translation>
        </message>
        <message>
            <source>{day}　{desk} 号前台　{clerk}　时段：{span}
发放券号：{ranges}</source>
            <translation>{day}   desk {desk}   {clerk}   period: {span}
Vouchers issued: {ranges}</translation>
        </message>
        <message>
            <source>各项核对相符。</source>
            <translation>Every figure agrees.</translation>
        </message>
        <message>
            <source>不相符 {count} 项：</source>
            <translation>{count} figures do not agree:</translation>
        </message>
        <message>
            <source>保存 {day} 的日结吗？保存后这一天就结束了，之后的业务记入下一次日结。</source>
            <translation>Save the close-out of {day}? The day is then closed; later work goes into the next close-out.</translation>
        </message>
        <message>
            <source>有 {count} 项不相符，会原样记入日结单。</source>
            <translation>{count} figures do not agree; the sheet records them as they are.</translation>
        </message>
        <message>
            <source>保存并打印</source>
            <translation>Save and print</translation>
        </message>
        <message>
            <source>正在日结…</source>
            <translation>Closing the day…</translation>
        </message>
        <message>
            <source>{day} 已日结（日结单 {id}），请打印后签字。</source>
            <translation>{day} is closed (close-out {id}); print it and sign.</translation>
        </message>
        <message>
            <source>请先在列表中选中要补打的日结单。</source>
            <translation>Select the close-out to reprint in the list first.</translation>
        </message>
        <message>
            <source>日结单（补打）</source>
            <translation>Close-out sheet (reprint)</translation>
        </message>
        <message>
            <source>日结单</source>
            <translation>Close-out sheet</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>笔数</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>数额</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>核对依据</source>
            <translation>Checked against</translation>
        </message>
        <message>
            <source>核对笔数</source>
            <translation>Check count</translation>
        </message>
        <message>
            <source>核对数额</source>
            <translation>Check amount</translation>
        </message>
        <message>
            <source>相符</source>
            <translation>Agrees</translation>
        </message>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>否</source>
            <translation>No</translation>
        </message>
        <message>
            <source>单号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>营业日</source>
            <translation>Business day</translation>
        </message>
        <message>
            <source>前台</source>
            <translation>Desk</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>截至</source>
            <translation>Up to</translation>
        </message>
        <message>
            <source>核对</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>{count} 项不相符</source>
            <translation>{count} do not agree</translation>
        </message>
    </context>
    <context>
        <name>ClosingDialog</name>
        <message>
            <source>“{title}”（{date}）：志愿服务共 {hours} 小时，积分 {points} 分</source>
            <translation>“{title}” ({date}): {hours} volunteer hours in all, {points} points</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>此前已结算，未做任何更改。</source>
            <translation>Already closed; nothing changed. </translation>
        </message>
        <message>
            <source>结算结果</source>
            <translation>Closing result</translation>
        </message>
    </context>
    <context>
        <name>Columns</name>
        <message>
            <source>指标</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>本期</source>
            <translation>This period</translation>
        </message>
        <message>
            <source>上期</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>增减</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>群众点单受理</source>
            <translation>Requests taken</translation>
        </message>
        <message>
            <source>群众点单办结</source>
            <translation>Requests done</translation>
        </message>
        <message>
            <source>代码：{code}</source>
            <translation>Code: {code}</translation>
        </message>
        <message>
            <source>代码</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>分值</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>上限</source>
            <translation>Cap</translation>
        </message>
        <message>
            <source>需审核</source>
            <translation>Review</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>每{period} {cap} {unit}</source>
            <translation>max {cap} ({unit}) per {period}</translation>
        </message>
        <message>
            <source>{points} 分/{unit}</source>
            <translation>{points} pts/{unit}</translation>
        </message>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>使用中</source>
            <translation>In use</translation>
        </message>
        <message>
            <source>已停用</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <source>用户名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>已锁定</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>正常</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>居民</source>
            <translation>Resident</translation>
        </message>
        <message>
            <source>事项</source>
            <translation>Deed</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>登记人</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>已核销（{at}，{where}）</source>
            <translation>Redeemed ({at}, {where})</translation>
        </message>
        <message>
            <source>真券，可核销</source>
            <translation>Genuine, can be redeemed</translation>
        </message>
        <message>
            <source>券号</source>
            <translation>Serial</translation>
        </message>
        <message>
            <source>持有人</source>
            <translation>Holder</translation>
        </message>
        <message>
            <source>面值</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>有效期至</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>核验结果</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>证件号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>住址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>积分</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>{name}（已归档）</source>
            <translation>{name} (archived)</translation>
        </message>
        <message>
            <source>事由</source>
            <translation>Particulars</translation>
        </message>
        <message>
            <source>加分</source>
            <translation>Award</translation>
        </message>
        <message>
            <source>扣分</source>
            <translation>Deduction</translation>
        </message>
        <message>
            <source>兑换</source>
            <translation>Exchanged</translation>
        </message>
        <message>
            <source>余额</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>{name}　{points} 分/{unit}</source>
            <translation>{name}   {points} pts/{unit}</translation>
        </message>
        <message>
            <source>使用范围</source>
            <translation>Valid at</translation>
        </message>
        <message>
            <source>关闭时自动</source>
            <translation>Automatic, on close</translation>
        </message>
        <message>
            <source>升级前</source>
            <translation>Before upgrade</translation>
        </message>
        <message>
            <source>发放日期</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>大小</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>手动</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>文件名</source>
            <translation>File</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>每日自动</source>
            <translation>Automatic, daily</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>到场</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>居民编号</source>
            <translation>Resident no.</translation>
        </message>
        <message>
            <source>已结算</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>已达积分项目上限</source>
            <translation>Deed type cap reached</translation>
        </message>
        <message>
            <source>待审核</source>
            <translation>Awaiting review</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>报名/名额</source>
            <translation>Signed up/capacity</translation>
        </message>
        <message>
            <source>时长不足以计分</source>
            <translation>Too short to score</translation>
        </message>
        <message>
            <source>时长（小时）</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>服务对象</source>
            <translation>Audience</translation>
        </message>
        <message>
            <source>未开始</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>未签退，计至活动结束</source>
            <translation>No sign-out: counted to the end</translation>
        </message>
        <message>
            <source>活动名称</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>签到</source>
            <translation>In</translation>
        </message>
        <message>
            <source>签退</source>
            <translation>Out</translation>
        </message>
        <message>
            <source>组织队伍</source>
            <translation>Teams</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>进行中</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>次数</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>完整</source>
            <translation>Full</translation>
        </message>
        <message>
            <source>部分隐藏</source>
            <translation>Masked</translation>
        </message>
        <message>
            <source>已报名</source>
            <translation>Booked</translation>
        </message>
        <message>
            <source>候补第 {position} 位</source>
            <translation>Waiting, no. {position}</translation>
        </message>
        <message>
            <source>现场登记</source>
            <translation>Walk-in</translation>
        </message>
        <message>
            <source>报名</source>
            <translation>Sign-up</translation>
        </message>
        <message>
            <source>（待审核）</source>
            <translation> (awaiting review)</translation>
        </message>
        <message>
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>分组</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>活动场次</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>志愿者人数</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>志愿者人次</source>
            <translation>Volunteer person-times</translation>
        </message>
        <message>
            <source>服务对象人数</source>
            <translation>Audience</translation>
        </message>
        <message>
            <source>服务对象人次</source>
            <translation>Audience person-times</translation>
        </message>
        <message>
            <source>志愿服务时长（小时）</source>
            <translation>Volunteer hours</translation>
        </message>
        <message>
            <source>新增志愿者</source>
            <translation>New volunteers</translation>
        </message>
        <message>
            <source>总队</source>
            <translation>General team</translation>
        </message>
        <message>
            <source>技能队</source>
            <translation>Skill team</translation>
        </message>
        <message>
            <source>行业队</source>
            <translation>Trade team</translation>
        </message>
        <message>
            <source>共建单位队</source>
            <translation>Partner unit's team</translation>
        </message>
        <message>
            <source>队名</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>颜色</source>
            <translation>Colour</translation>
        </message>
        <message>
            <source>上级队伍</source>
            <translation>Parent team</translation>
        </message>
        <message>
            <source>队长</source>
            <translation>Leader</translation>
        </message>
        <message>
            <source>共建单位</source>
            <translation>Partner unit</translation>
        </message>
        <message>
            <source>成员</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>入队日期</source>
            <translation>Joined</translation>
        </message>
        <message>
            <source>离队日期</source>
            <translation>Left</translation>
        </message>
        <message>
            <source>为谁</source>
            <translation>For whom</translation>
        </message>
        <message>
            <source>受理日期</source>
            <translation>Taken on</translation>
        </message>
        <message>
            <source>天数</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>已分派</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <source>已办结</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>已撤回</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>待分派</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>微心愿</source>
            <translation>Small wish</translation>
        </message>
        <message>
            <source>承接队伍</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>提出人</source>
            <translation>Asked by</translation>
        </message>
        <message>
            <source>活动</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>百姓点单</source>
            <translation>Resident's order</translation>
        </message>
        <message>
            <source>紧急</source>
            <translation>Urgent</translation>
        </message>
        <message>
            <source>紧急程度</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <source>需要什么</source>
            <translation>What is needed</translation>
        </message>
        <message>
            <source>公示中 至 {until}</source>
            <translation>On notice until {until}</translation>
        </message>
        <message>
            <source>已生效</source>
            <translation>Counted</translation>
        </message>
        <message>
            <source>已驳回</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>有异议（{count}）</source>
            <translation>Objected ({count})</translation>
        </message>
        <message>
            <source>已撤销：{reason}</source>
            <translation>Withdrawn: {reason}</translation>
        </message>
        <message>
            <source>推荐人</source>
            <translation>Nominated by</translation>
        </message>
        <message>
            <source>推荐理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>有效</source>
            <translation>In force</translation>
        </message>
        <message>
            <source>登记时间</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>称号</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>级别</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>获表彰者</source>
            <translation>Commended</translation>
        </message>
        <message>
            <source>被推荐人</source>
            <translation>Nominee</translation>
        </message>
    </context>
    <context>
        <name>CommendationDialog</name>
        <message>
            <source>事迹简介</source>
            <translation>Citation</translation>
        </message>
        <message>
            <source>事迹简介，可留空</source>
            <translation>What they did (optional)</translation>
        </message>
        <message>
            <source>以家庭名义表彰（该居民所在的户）(&amp;H)</source>
            <translation>Commend the resident's &amp;household</translation>
        </message>
        <message>
            <source>已登记表彰：{who} 获{level}“{title}”</source>
            <translation>Commendation recorded: {who}, “{title}” ({level})</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>登记表彰</source>
            <translation>Record a commendation</translation>
        </message>
        <message>
            <source>级别</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>表彰日期</source>
            <translation>Date awarded</translation>
        </message>
    </context>
    <context>
        <name>CorrectionsPage</name>
        <message>
            <source>作废与调整</source>
            <translation>Void &amp; adjust</translation>
        </message>
        <message>
            <source>扫描兑换券，或输入券号</source>
            <translation>Scan the voucher or type its serial</translation>
        </message>
        <message>
            <source>必填，例如：居民遗失，申请作废</source>
            <translation>Required, e.g. lost by the resident</translation>
        </message>
        <message>
            <source>作废兑换券</source>
            <translation>Void voucher</translation>
        </message>
        <message>
            <source>作废兑换券（积分退回持有人）</source>
            <translation>Void a voucher (points go back to the holder)</translation>
        </message>
        <message>
            <source>兑换券</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>居民编号、卡号或姓名</source>
            <translation>Resident number, card code or name</translation>
        </message>
        <message>
            <source>调整积分…</source>
            <translation>Adjust points…</translation>
        </message>
        <message>
            <source>调整居民积分</source>
            <translation>Adjust a resident's points</translation>
        </message>
        <message>
            <source>居民</source>
            <translation>Resident</translation>
        </message>
        <message>
            <source>请扫描兑换券或输入券号（券面无法识别时请核对）。</source>
            <translation>Scan the voucher or type its serial (check it if the print is unreadable).</translation>
        </message>
        <message>
            <source>作废</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>兑换券 {serial} 已作废，{points} 分已退回持有人（余额 {balance}）</source>
            <translation>Voucher {serial} voided; {points} points returned to the holder (balance {balance})</translation>
        </message>
        <message>
            <source>确定作废兑换券 {serial}（持有人 {holder}，面值 {points} 分）吗？作废后不能恢复，{points} 分退回{holder}。</source>
            <translation>Void voucher {serial} (held by {holder}, worth {points} points)? This cannot be undone; the {points} points go back to {holder}.</translation>
        </message>
    </context>
    <context>
        <name>DamagedDialog</name>
        <message>
            <source>为保护数据，本站数据库已停止写入</source>
            <translation>To protect the data, nothing more is written to this station’s database</translation>
        </message>
        <message>
            <source>发现的问题：</source>
            <translation>Problems found:</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>数据库未通过启动检查</source>
            <translation>The database failed its start-up check</translation>
        </message>
        <message>
            <source>数据库整体检查发现问题</source>
            <translation>The whole-database check found problems</translation>
        </message>
        <message>
            <source>最近一份已校验的备份：{name}
管理员登录后即可用它恢复。恢复前当前数据库会原样另存一份，不会被改动；备份之后的操作需要重新登记。</source>
            <translation>Newest verified backup: {name}
An administrator can restore it after signing in. The current database is first kept aside exactly as it is, untouched; anything done after the backup must be recorded again.</translation>
        </message>
        <message>
            <source>正在恢复备份…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <source>正在恢复，请稍候…</source>
            <translation>Restoring, please wait…</translation>
        </message>
        <message>
            <source>没有找到可用的备份。请联系管理员，不要继续使用本站数据。</source>
            <translation>No usable backup was found. Call your administrator and do not go on using this station’s data.</translation>
        </message>
        <message>
            <source>用这份备份恢复</source>
            <translation>Restore this backup</translation>
        </message>
        <message>
            <source>管理员用户名</source>
            <translation>Administrator user name</translation>
        </message>
        <message>
            <source>请输入管理员的用户名和密码。</source>
            <translation>Enter an administrator’s user name and password.</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>DataPage</name>
        <message>
            <source>开始使用</source>
            <translation>Getting started</translation>
        </message>
        <message>
            <source>正式使用请从空白开始；演示数据只用于培训，之后不能删除。</source>
            <translation>Start empty for real use; demo data is for training only and cannot be removed later.</translation>
        </message>
        <message>
            <source>从空白开始（正式使用）</source>
            <translation>Start empty (real use)</translation>
        </message>
        <message>
            <source>载入演示数据（约 {n} 位虚构居民，用于培训）</source>
            <translation>Load demo data (about {n} fictitious residents, for training)</translation>
        </message>
        <message>
            <source>本版本未包含演示数据。</source>
            <translation>This build has no demo data.</translation>
        </message>
    </context>
    <context>
        <name>DecideDialog</name>
        <message>
            <source>{who}：推荐为“{title}”（推荐人 {nominator}）
理由：{reason}</source>
            <translation>{who}: nominated for “{title}” by {nominator}
Reason: {reason}</translation>
        </message>
        <message>
            <source>不采纳(&amp;D)</source>
            <translation>&amp;Decline</translation>
        </message>
        <message>
            <source>已采纳推荐，{who} 获“{title}”表彰</source>
            <translation>Nomination accepted: {who} is commended “{title}”</translation>
        </message>
        <message>
            <source>推荐未采纳：{who}（{title}）</source>
            <translation>Nomination declined: {who} ({title})</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>级别</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>表彰日期</source>
            <translation>Date awarded</translation>
        </message>
        <message>
            <source>评议推荐</source>
            <translation>Decide a nomination</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>采纳时为事迹简介（默认用推荐理由）；不采纳时写明原因</source>
            <translation>When accepting, the citation (the reason by default); when declining, why</translation>
        </message>
        <message>
            <source>采纳，登记表彰(&amp;A)</source>
            <translation>&amp;Accept and record the commendation</translation>
        </message>
    </context>
    <context>
        <name>DeedTypeDialog</name>
        <message>
            <source>修改积分项目</source>
            <translation>Edit deed type</translation>
        </message>
        <message>
            <source>新增积分项目</source>
            <translation>New deed type</translation>
        </message>
        <message>
            <source>不限</source>
            <translation>No cap</translation>
        </message>
        <message>
            <source>每{period}</source>
            <translation>per {period}</translation>
        </message>
        <message>
            <source>须经管理员审核后计分</source>
            <translation>Points count only after an administrator approves</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>代码</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>中文名称</source>
            <translation>Chinese name</translation>
        </message>
        <message>
            <source>英文名称</source>
            <translation>English name</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>分值（扣分填负数）</source>
            <translation>Points (negative for a deduction)</translation>
        </message>
        <message>
            <source>计分单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>上限</source>
            <translation>Cap</translation>
        </message>
        <message>
            <source>地方分类标签</source>
            <translation>Local heading</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>DeskPage</name>
        <message>
            <source>扫描居民卡或兑换券，或输入姓名、拼音首字母、手机号、证件号后四位</source>
            <translation>Scan a resident card or voucher, or type a name, pinyin initials, mobile number or last 4 of the ID</translation>
        </message>
        <message>
            <source>签到 F2</source>
            <translation>Check in F2</translation>
        </message>
        <message>
            <source>登记积分 F3</source>
            <translation>Record deed F3</translation>
        </message>
        <message>
            <source>发放兑换券 F4</source>
            <translation>Issue vouchers F4</translation>
        </message>
        <message>
            <source>对账单 F5</source>
            <translation>Statement F5</translation>
        </message>
        <message>
            <source>修改信息 F6</source>
            <translation>Edit F6</translation>
        </message>
        <message>
            <source>调整积分</source>
            <translation>Adjust points</translation>
        </message>
        <message>
            <source>找到多位居民：用 ↑↓ 选择，回车打开。</source>
            <translation>Several residents found: choose with ↑↓, Enter opens.</translation>
        </message>
        <message>
            <source>找不到“{query}”。可以换用拼音首字母、手机号或证件号后四位。</source>
            <translation>Nothing found for “{query}”. Try pinyin initials, the mobile number or the last 4 of the ID.</translation>
        </message>
        <message>
            <source>当前居民：{name}（{no}）</source>
            <translation>Serving: {name} ({no})</translation>
        </message>
        <message>
            <source>补打兑换券 F7</source>
            <translation>Reprint vouchers F7</translation>
        </message>
        <message>
            <source>{name} 没有可补打的兑换券（未使用的券都已核销、作废或过期）。</source>
            <translation>{name} has no vouchers to print again (all were redeemed, voided or have expired).</translation>
        </message>
    </context>
    <context>
        <name>DistrictReportPage</name>
        <message>
            <source>实践所</source>
            <translation>Institute</translation>
        </message>
        <message>
            <source>站点数</source>
            <translation>Stations</translation>
        </message>
        <message>
            <source>上报落后</source>
            <translation>Behind</translation>
        </message>
        <message>
            <source>站点</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>最近上报包</source>
            <translation>Last package</translation>
        </message>
        <message>
            <source>最近导入</source>
            <translation>Last import</translation>
        </message>
        <message>
            <source>落后天数</source>
            <translation>Days behind</translation>
        </message>
        <message>
            <source>指标</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>从未上报</source>
            <translation>Never reported</translation>
        </message>
        <message>
            <source>区级报表</source>
            <translation>District report</translation>
        </message>
        <message>
            <source>全区</source>
            <translation>Whole district</translation>
        </message>
        <message>
            <source>站点与上报进度</source>
            <translation>Stations and packages</translation>
        </message>
        <message>
            <source>正在统计…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>{centre}　{period}（{start} 至 {end}）　{stations} 个站点，其中 {behind} 个上报落后（红色）</source>
            <translation>{centre}   {period} ({start} to {end})   {stations} stations, {behind} of them behind with their packages (in red)</translation>
        </message>
        <message>
            <source>已统计 {n} 个站点。</source>
            <translation>Counted {n} stations.</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>出现了意外错误，操作可能没有完成。请记下参考号 {ref} 并告诉管理员。</source>
            <translation>Something unexpected went wrong; the action may not have been completed. Note reference {ref} and tell the administrator.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>导出到 Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>居民名单</source>
            <translation>Residents</translation>
        </message>
        <message>
            <source>积分流水</source>
            <translation>Points ledger</translation>
        </message>
        <message>
            <source>志愿活动</source>
            <translation>Volunteer activities</translation>
        </message>
        <message>
            <source>兑换券</source>
            <translation>Vouchers</translation>
        </message>
        <message>
            <source>全部居民</source>
            <translation>All residents</translation>
        </message>
        <message>
            <source>完整证件号和手机号（仅管理员，记入审计日志）</source>
            <translation>Full ID numbers and phones (admins only, audited)</translation>
        </message>
        <message>
            <source>只导出这段日期</source>
            <translation>Only these dates</translation>
        </message>
        <message>
            <source>保存为 .xlsx 文件</source>
            <translation>Save as an .xlsx file</translation>
        </message>
        <message>
            <source>选择位置…</source>
            <translation>Choose where…</translation>
        </message>
        <message>
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>导出内容</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>标签</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Dates</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>请先选择保存位置。</source>
            <translation>Choose where to save first.</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>正在导出到 Excel…</source>
            <translation>Exporting to Excel…</translation>
        </message>
        <message numerus="yes">
            <source>已导出 %n 行到 {path}</source>
            <translation>
                <numerusform>%n row exported to {path}</numerusform>
                <numerusform>%n rows exported to {path}</numerusform>
            </translation>
        </message>
        <message>
            <source>已取消，没有写入文件。</source>
            <translation>Cancelled; no file was written.</translation>
        </message>
    </context>
    <context>
        <name>FinishRequestDialog</name>
        <message>
            <source>办结点单</source>
            <translation>Mark a request done</translation>
        </message>
        <message>
            <source>办结</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>撤回点单</source>
            <translation>Withdraw a request</translation>
        </message>
        <message>
            <source>撤回</source>
            <translation>Withdraw</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>办理情况，如 已上门修好</source>
            <translation>How it was met, e.g. repaired at home</translation>
        </message>
        <message>
            <source>撤回原因</source>
            <translation>Why it is withdrawn</translation>
        </message>
        <message>
            <source>点单 {number} 已办结</source>
            <translation>Request {number} is done</translation>
        </message>
        <message>
            <source>点单 {number} 已撤回</source>
            <translation>Request {number} is withdrawn</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>首次使用设置</source>
            <translation>First-time setup</translation>
        </message>
        <message>
            <source>下一步</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>上一步</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>完成</source>
            <translation>Finish</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>正在设置本站…</source>
            <translation>Setting up the station…</translation>
        </message>
        <message>
            <source>正在设置本站，请稍候…</source>
            <translation>Setting up the station, please wait…</translation>
        </message>
    </context>
    <context>
        <name>FundTab</name>
        <message>
            <source>元，如 1200 或 35.50</source>
            <translation>yuan, e.g. 1200 or 35.50</translation>
        </message>
        <message>
            <source>登记捐助（回车）</source>
            <translation>Record contribution (Enter)</translation>
        </message>
        <message>
            <source>记入积分超市进货支出</source>
            <translation>Pay the points store&apos;s purchases</translation>
        </message>
        <message>
            <source>打印/保存报告</source>
            <translation>Print/save report</translation>
        </message>
        <message>
            <source>导出 Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>登记捐助</source>
            <translation>Record a contribution</translation>
        </message>
        <message>
            <source>金额</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>来源单位</source>
            <translation>Source unit</translation>
        </message>
        <message>
            <source>预算科目</source>
            <translation>Budget line</translation>
        </message>
        <message>
            <source>捐赠人</source>
            <translation>Donor</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>本站应付情况</source>
            <translation>What the station owes</translation>
        </message>
        <message>
            <source>基金余额：{balance} 元
在外未用的兑换券：{out_n} 张 {out_p} 分，{out} 元
已核销未结算：{uns_n} 张 {uns_p} 分，{uns} 元
已审核未付款：{unpaid} 元
应付合计：{owed} 元
居民持有积分：{held_p} 分，{held} 元</source>
            <translation>Fund balance: {balance} yuan
Vouchers out, unused: {out_n} ({out_p} points), {out} yuan
Redeemed, not settled: {uns_n} ({uns_p} points), {uns} yuan
Approved, unpaid: {unpaid} yuan
Owed in all: {owed} yuan
Points residents hold: {held_p}, {held} yuan</translation>
        </message>
        <message>
            <source>警告：基金余额不足以支付应付合计，缺口 {gap} 元。</source>
            <translation>Warning: the fund cannot pay what is owed; {gap} yuan short.</translation>
        </message>
        <message>
            <source>提示：如居民持有的积分全部兑换，基金余额将不足。</source>
            <translation>Note: if residents exchanged all the points they hold, the fund would fall short.</translation>
        </message>
        <message>
            <source>已登记捐助 {amount} 元，基金余额 {balance} 元</source>
            <translation>Contribution of {amount} yuan recorded; the fund holds {balance} yuan</translation>
        </message>
        <message>
            <source>已记入积分超市进货 {count} 笔</source>
            <translation>{count} points store purchases paid from the fund</translation>
        </message>
        <message>
            <source>道德基金收支报告</source>
            <translation>Moral fund report</translation>
        </message>
        <message>
            <source>Excel 保存到哪个文件夹</source>
            <translation>Folder to save the Excel file in</translation>
        </message>
        <message>
            <source>无法保存：{error}</source>
            <translation>Could not save: {error}</translation>
        </message>
        <message>
            <source>已保存 {path}</source>
            <translation>Saved {path}</translation>
        </message>
    </context>
    <context>
        <name>HonourForms</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>居民</source>
            <translation>Resident</translation>
        </message>
        <message>
            <source>称号</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>结对的另一位</source>
            <translation>Partner</translation>
        </message>
        <message>
            <source>结对表彰（好婆媳、好邻居）的另一位；个人表彰留空</source>
            <translation>The other resident of a pair (好婆媳, 好邻居); empty for one person</translation>
        </message>
        <message>
            <source>请先找到并选定居民（输入后按回车）。</source>
            <translation>Find and choose the resident first (type, then Enter).</translation>
        </message>
    </context>
    <context>
        <name>HonourLabels</name>
        <message>
            <source>区县级</source>
            <translation>District</translation>
        </message>
        <message>
            <source>国家级</source>
            <translation>National</translation>
        </message>
        <message>
            <source>已采纳</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>市级</source>
            <translation>City</translation>
        </message>
        <message>
            <source>待评议</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>未采纳</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>省级</source>
            <translation>Province</translation>
        </message>
        <message>
            <source>社区级</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>街道级</source>
            <translation>Street</translation>
        </message>
    </context>
    <context>
        <name>HonoursPage</name>
        <message>
            <source>2026-11（月）、2026Q4（季度）或 2026（年），回车显示</source>
            <translation>2026-11 (month), 2026Q4 (quarter) or 2026 (year); Enter to show</translation>
        </message>
        <message>
            <source>{what}需要管理员登录。</source>
            <translation>{what}: an administrator must be signed in.</translation>
        </message>
        <message>
            <source>光荣榜</source>
            <translation>Honour roll</translation>
        </message>
        <message>
            <source>光荣榜 {period}</source>
            <translation>Honour roll {period}</translation>
        </message>
        <message>
            <source>待评议的推荐（我推荐我评议身边好人）</source>
            <translation>Nominations waiting for a decision</translation>
        </message>
        <message>
            <source>打印光荣榜… (Ctrl+P)</source>
            <translation>Print the honour roll… (Ctrl+P)</translation>
        </message>
        <message>
            <source>推荐身边好人… (F3)</source>
            <translation>Nominate… (F3)</translation>
        </message>
        <message>
            <source>撤销表彰</source>
            <translation>Withdrawing a commendation</translation>
        </message>
        <message>
            <source>撤销表彰… (Delete)</source>
            <translation>Withdraw… (Delete)</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>登记表彰</source>
            <translation>Recording a commendation</translation>
        </message>
        <message>
            <source>登记表彰… (F2)</source>
            <translation>Record a commendation… (F2)</translation>
        </message>
        <message>
            <source>积分榜人数</source>
            <translation>Top residents</translation>
        </message>
        <message>
            <source>纸张</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>评议推荐</source>
            <translation>Deciding a nomination</translation>
        </message>
        <message>
            <source>评议推荐… (F4)</source>
            <translation>Decide… (F4)</translation>
        </message>
        <message>
            <source>请先在推荐列表中选中一条（↑↓）。</source>
            <translation>Choose a nomination in the list first (↑↓).</translation>
        </message>
        <message>
            <source>请先在表彰列表中选中一条（↑↓）。</source>
            <translation>Choose a commendation in the list first (↑↓).</translation>
        </message>
        <message>
            <source>这项表彰已撤销。</source>
            <translation>This commendation is withdrawn already.</translation>
        </message>
    </context>
    <context>
        <name>IdentitiesBox</name>
        <message>
            <source>上报包不带居民身份信息，只有化名。</source>
            <translation>Packages carry no identities, only pseudonyms.</translation>
        </message>
        <message>
            <source>上报包将带上居民身份信息（已记入审计）。</source>
            <translation>Packages will carry residents' identities (audited).</translation>
        </message>
        <message>
            <source>上报包带居民姓名、证件号和手机号</source>
            <translation>Packages carry residents' names, ID numbers and phones</translation>
        </message>
        <message>
            <source>上报区中心</source>
            <translation>Reporting to the district centre</translation>
        </message>
        <message>
            <source>上报居民身份信息</source>
            <translation>Report residents' identities</translation>
        </message>
        <message>
            <source>不勾选时，居民在上报包里只以化名出现（网格、标签、出生年份）。只有区中心明确要求并经批准时才勾选；每次改动都记入审计日志。</source>
            <translation>Unticked, residents appear in packages only as pseudonyms (grid, tags, birth year). Tick it only when the centre asks for it and it is approved; every change is audited.</translation>
        </message>
        <message>
            <source>带上身份信息</source>
            <translation>Include identities</translation>
        </message>
        <message>
            <source>此后导出的上报包将带上居民的姓名、证件号和手机号。确定区中心已获授权？</source>
            <translation>Packages exported from now on will carry residents' names, ID numbers and phones. Is the centre authorised to receive them?</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>选择居民名册</source>
            <translation>Choose the resident roster</translation>
        </message>
        <message>
            <source>表格</source>
            <translation>Spreadsheets</translation>
        </message>
        <message>
            <source>保存导入报告</source>
            <translation>Save the import report</translation>
        </message>
        <message>
            <source>导入居民名册</source>
            <translation>Import the resident roster</translation>
        </message>
        <message>
            <source>请选择 Excel、WPS 或 CSV 名册文件。</source>
            <translation>Choose a roster file from Excel, WPS or a CSV.</translation>
        </message>
        <message>
            <source>选择文件 Ctrl+O</source>
            <translation>Choose file Ctrl+O</translation>
        </message>
        <message>
            <source>试导入 Ctrl+D</source>
            <translation>Dry run Ctrl+D</translation>
        </message>
        <message>
            <source>导入 Ctrl+I</source>
            <translation>Import Ctrl+I</translation>
        </message>
        <message>
            <source>取消导入</source>
            <translation>Cancel the import</translation>
        </message>
        <message>
            <source>保存报告 Ctrl+S</source>
            <translation>Save report Ctrl+S</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>各列的含义（可修改；不需要的列选“不导入”）：</source>
            <translation>What each column holds (change it if wrong; choose “not imported” for columns not needed):</translation>
        </message>
        <message>
            <source>正在读取名册…</source>
            <translation>Reading the roster…</translation>
        </message>
        <message numerus="yes">
            <source>共 %n 行。请核对各列的含义，然后试导入。</source>
            <translation>
                <numerusform>%n row. Check what each column holds, then do a dry run.</numerusform>
                <numerusform>%n rows. Check what each column holds, then do a dry run.</numerusform>
            </translation>
        </message>
        <message>
            <source>（无表头）</source>
            <translation>(no header)</translation>
        </message>
        <message>
            <source>已修改列的含义，请重新试导入。</source>
            <translation>The columns were changed: do the dry run again.</translation>
        </message>
        <message>
            <source>正在试导入…</source>
            <translation>Dry run…</translation>
        </message>
        <message>
            <source>正在导入…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>可导入 {imported} 人，已存在 {existing} 人，未导入 {refused} 行，跳过 {skipped} 行，新建 {households} 户</source>
            <translation>{imported} to import, {existing} already there, {refused} rows refused, {skipped} skipped, {households} households to make</translation>
        </message>
        <message>
            <source>已导入 {imported} 人，已存在 {existing} 人，未导入 {refused} 行，跳过 {skipped} 行，新建 {households} 户</source>
            <translation>{imported} imported, {existing} already there, {refused} rows refused, {skipped} skipped, {households} households made</translation>
        </message>
        <message>
            <source>试导入完成，没有写入。核对无误后按“导入”。</source>
            <translation>Dry run done; nothing was written. If it looks right, press Import.</translation>
        </message>
        <message numerus="yes">
            <source>已从名册导入 %n 位居民</source>
            <translation>
                <numerusform>%n resident imported from the roster</numerusform>
                <numerusform>%n residents imported from the roster</numerusform>
            </translation>
        </message>
        <message>
            <source>已取消，没有导入任何居民。</source>
            <translation>Cancelled; no resident was imported.</translation>
        </message>
        <message>
            <source>无法保存报告：{reason}</source>
            <translation>Cannot save the report: {reason}</translation>
        </message>
        <message>
            <source>报告已保存：{path}</source>
            <translation>Report saved: {path}</translation>
        </message>
    </context>
    <context>
        <name>IssueVouchersDialog</name>
        <message>
            <source>发放兑换券</source>
            <translation>Issue vouchers</translation>
        </message>
        <message>
            <source>{name}（{no}）积分余额 {balance} 分</source>
            <translation>{name} ({no}): balance {balance} points</translation>
        </message>
        <message>
            <source>发放…（回车）</source>
            <translation>Issue… (Enter)</translation>
        </message>
        <message>
            <source>全部 {balance} 分</source>
            <translation>All {balance} points</translation>
        </message>
        <message>
            <source>其中 {rest} 分只能发 1 分券。</source>
            <translation>{rest} of these points can only go on 1-point vouchers.</translation>
        </message>
        <message>
            <source>只发 {points} 分，{rest} 分留在余额</source>
            <translation>Issue {points} only, keep {rest} on the balance</translation>
        </message>
        <message>
            <source>返回修改</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>确认发放（回车）</source>
            <translation>Confirm and issue (Enter)</translation>
        </message>
        <message numerus="yes">
            <source>发放 %n 张，共 {points} 分，余额 {balance} 分</source>
            <translation>
                <numerusform>Issue %n voucher, {points} points in all, balance {balance} points</numerusform>
                <numerusform>Issue %n vouchers, {points} points in all, balance {balance} points</numerusform>
            </translation>
        </message>
        <message>
            <source>面额 {faces}；{scope}；有效期至 {expiry}</source>
            <translation>Faces {faces}; {scope}; valid until {expiry}</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>兑换分值</source>
            <translation>Points to redeem</translation>
        </message>
        <message>
            <source>面额</source>
            <translation>Denominations</translation>
        </message>
        <message>
            <source>使用范围</source>
            <translation>Valid at</translation>
        </message>
        <message>
            <source>商户</source>
            <translation>Merchant</translation>
        </message>
        <message>
            <source>兑换券</source>
            <translation>Vouchers</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <source>%n 张，合计 {points} 分，约合 {yuan} 元，有效期至 {expiry}</source>
            <translation>
                <numerusform>%n voucher, {points} points (about ¥{yuan}), valid until {expiry}</numerusform>
                <numerusform>%n vouchers, {points} points in all (about ¥{yuan}), valid until {expiry}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name} 兑换 {points} 分，发放 %n 张兑换券，余额 {balance}</source>
            <translation>
                <numerusform>{name} exchanged {points} points: %n voucher issued, balance {balance}</numerusform>
                <numerusform>{name} exchanged {points} points: %n vouchers issued, balance {balance}</numerusform>
            </translation>
        </message>
        <message>
            <source>面额只能填整数，用 + 或逗号分开，如 50+5+1。</source>
            <translation>Denominations are whole numbers separated by + or commas, e.g. 50+5+1.</translation>
        </message>
        <message>
            <source>正在生成兑换券…</source>
            <translation>Preparing the vouchers…</translation>
        </message>
        <message>
            <source>本机缺少打印组件，兑换券已发放但无法生成，请联系管理员补打。</source>
            <translation>The printing component is missing on this PC: the vouchers were issued but cannot be produced. Ask the administrator to reprint them.</translation>
        </message>
        <message>
            <source>兑换券已输出，请居民在存根上签字。</source>
            <translation>Vouchers produced. Ask the resident to sign the counterfoil.</translation>
        </message>
        <message>
            <source>兑换券还没有打印</source>
            <translation>Vouchers not printed yet</translation>
        </message>
        <message>
            <source>仍然关闭</source>
            <translation>Close anyway</translation>
        </message>
        <message>
            <source>兑换券已发放、积分已扣除，但没有打印（已取消或打印机出错）。请再按“打印”重试，或另存为 PDF；关闭后也可在居民面板用“补打兑换券”打印。</source>
            <translation>The vouchers are issued and the points deducted, but nothing was printed (cancelled, or the printer failed). Press Print to try again, or save a PDF; after closing, “Reprint vouchers” on the resident panel prints them too.</translation>
        </message>
        <message>
            <source>兑换券已发放、积分已扣除，但还没有打印或保存。关闭后可在居民面板用“补打兑换券”打印。确定关闭吗？</source>
            <translation>The vouchers are issued and the points deducted, but they have not been printed or saved. After closing, “Reprint vouchers” on the resident panel prints them. Close anyway?</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <source>低库存提示</source>
            <translation>Low-stock mark</translation>
        </message>
        <message>
            <source>例如：日用品</source>
            <translation>e.g. daily goods</translation>
        </message>
        <message>
            <source>例如：香皂、义剪</source>
            <translation>e.g. soap, a haircut</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>修改商品：{name}</source>
            <translation>Change item: {name}</translation>
        </message>
        <message>
            <source>初始库存</source>
            <translation>Opening stock</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>已保存 {name}：{points} 分/{unit}</source>
            <translation>Saved {name}: {points} points/{unit}</translation>
        </message>
        <message>
            <source>已新增 {name}：{points} 分/{unit}，库存 {stock}</source>
            <translation>Added {name}: {points} points/{unit}, {stock} in stock</translation>
        </message>
        <message>
            <source>库存不多于此数时提示，默认 0</source>
            <translation>Listed as low at or below this; 0 if blank</translation>
        </message>
        <message>
            <source>捐赠方</source>
            <translation>Donor</translation>
        </message>
        <message>
            <source>捐赠的单位或个人（可不填）</source>
            <translation>The unit or person who gave it (optional)</translation>
        </message>
        <message>
            <source>新增</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>新增商品</source>
            <translation>Add an item</translation>
        </message>
        <message>
            <source>服务（如义剪）</source>
            <translation>Service (e.g. a haircut)</translation>
        </message>
        <message>
            <source>每件（次）所需积分，整数</source>
            <translation>Points for one, a whole number</translation>
        </message>
        <message>
            <source>物品</source>
            <translation>Goods</translation>
        </message>
        <message>
            <source>积分价</source>
            <translation>Price in points</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>记为一次入库，默认 0</source>
            <translation>Received as its first stock; 0 if blank</translation>
        </message>
        <message>
            <source>默认：件</source>
            <translation>Blank: 件 (piece)</translation>
        </message>
        <message>
            <source>默认：次</source>
            <translation>Blank: 次 (time)</translation>
        </message>
    </context>
    <context>
        <name>Keys</name>
        <message>
            <source>{text}（{keys}）</source>
            <translation>{text} ({keys})</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>社会公德</source>
            <translation>Social ethics</translation>
        </message>
        <message>
            <source>家庭美德</source>
            <translation>Family virtues</translation>
        </message>
        <message>
            <source>职业道德</source>
            <translation>Professional ethics</translation>
        </message>
        <message>
            <source>个人品德</source>
            <translation>Personal character</translation>
        </message>
        <message>
            <source>小时</source>
            <translation>hour</translation>
        </message>
        <message>
            <source>次</source>
            <translation>time</translation>
        </message>
        <message>
            <source>项</source>
            <translation>award</translation>
        </message>
        <message>
            <source>天</source>
            <translation>day</translation>
        </message>
        <message>
            <source>月</source>
            <translation>month</translation>
        </message>
        <message>
            <source>年</source>
            <translation>year</translation>
        </message>
        <message>
            <source>人</source>
            <translation>person</translation>
        </message>
        <message>
            <source>登记积分</source>
            <translation>Record deed</translation>
        </message>
        <message>
            <source>兑换积分</source>
            <translation>Redeem points</translation>
        </message>
        <message>
            <source>参加活动</source>
            <translation>Attend an activity</translation>
        </message>
        <message>
            <source>志愿服务</source>
            <translation>Volunteer service</translation>
        </message>
        <message>
            <source>咨询办事</source>
            <translation>Enquiry or errand</translation>
        </message>
        <message>
            <source>独居老人</source>
            <translation>Elderly living alone</translation>
        </message>
        <message>
            <source>残疾人</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>党员</source>
            <translation>Party member</translation>
        </message>
        <message>
            <source>低保户</source>
            <translation>Minimum-income household</translation>
        </message>
        <message>
            <source>退役军人</source>
            <translation>Veteran</translation>
        </message>
        <message>
            <source>通用（本站及合作商户）</source>
            <translation>Anywhere (station and partner merchants)</translation>
        </message>
        <message>
            <source>仅限本站积分超市</source>
            <translation>Station's points store only</translation>
        </message>
        <message>
            <source>仅限指定商户</source>
            <translation>One named merchant only</translation>
        </message>
        <message>
            <source>居民身份证</source>
            <translation>Resident ID card</translation>
        </message>
        <message>
            <source>其他证件</source>
            <translation>Other document</translation>
        </message>
        <message>
            <source>无证件</source>
            <translation>No document</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>管理员</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>男</source>
            <translation>male</translation>
        </message>
        <message>
            <source>女</source>
            <translation>female</translation>
        </message>
        <message>
            <source>本站积分超市</source>
            <translation>Station's points store</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>站点</source>
            <translation>Stations</translation>
        </message>
        <message>
            <source>回传</source>
            <translation>Packages for stations</translation>
        </message>
        <message>
            <source>区级报表</source>
            <translation>District report</translation>
        </message>
        <message>
            <source>数据上报</source>
            <translation>District packages</translation>
        </message>
        <message>
            <source>统计报表</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>商户结算</source>
            <translation>Settlement</translation>
        </message>
        <message>
            <source>【演示数据】</source>
            <translation>[DEMO DATA] </translation>
        </message>
        <message>
            <source>后台数据检查发现本站数据库有问题：</source>
            <translation>The background check of the whole database found problems:</translation>
        </message>
        <message>
            <source>为保护数据，本站已停止写入（仍可查询）。请通知管理员；关闭窗口后可用最近一份已校验的备份恢复。</source>
            <translation>To protect the data, nothing more will be written (you can still look things up). Tell your administrator; once the window is closed, the newest verified backup can be restored.</translation>
        </message>
        <message>
            <source>数据检查发现问题</source>
            <translation>The data check found problems</translation>
        </message>
        <message>
            <source>前台</source>
            <translation>Desk</translation>
        </message>
        <message>
            <source>兑换核销</source>
            <translation>Redeem</translation>
        </message>
        <message>
            <source>居民</source>
            <translation>Residents</translation>
        </message>
        <message>
            <source>审核公示</source>
            <translation>Review &amp; notice</translation>
        </message>
        <message>
            <source>积分目录</source>
            <translation>Deed catalogue</translation>
        </message>
        <message>
            <source>作废与调整</source>
            <translation>Void &amp; adjust</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Clerks</translation>
        </message>
        <message>
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>切换经办人</source>
            <translation>Switch clerk</translation>
        </message>
        <message>
            <source>锁定 Ctrl+L</source>
            <translation>Lock Ctrl+L</translation>
        </message>
        <message>
            <source>已锁定</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>值班：{name}（{role}）</source>
            <translation>On duty: {name} ({role})</translation>
        </message>
        <message>
            <source>切换经办人：请新的经办人登录</source>
            <translation>Switch clerk: the next clerk signs in</translation>
        </message>
        <message>
            <source>桌面已锁定。{name} 或其他经办人请登录。</source>
            <translation>The desk is locked. {name} or another clerk, please sign in.</translation>
        </message>
        <message>
            <source>{name} 已登录</source>
            <translation>{name} signed in</translation>
        </message>
        <message>
            <source>备份与恢复</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>年终处理</source>
            <translation>Year end</translation>
        </message>
        <message>
            <source>日结</source>
            <translation>Close-out</translation>
        </message>
        <message>
            <source>正在备份，完成后关闭…</source>
            <translation>Backing up; the window closes when done…</translation>
        </message>
        <message>
            <source>自动备份失败：{reason}</source>
            <translation>Automatic backup failed: {reason}</translation>
        </message>
        <message>
            <source>请注意</source>
            <translation>Please note</translation>
        </message>
        <message>
            <source>志愿活动</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>积分超市</source>
            <translation>Points store</translation>
        </message>
        <message>
            <source>光荣榜</source>
            <translation>Honour roll</translation>
        </message>
        <message>
            <source>异常清单</source>
            <translation>Exceptions</translation>
        </message>
        <message>
            <source>数据导入</source>
            <translation>Import packages</translation>
        </message>
    </context>
    <context>
        <name>MerchantsTab</name>
        <message>
            <source>不限</source>
            <translation>No limit</translation>
        </message>
        <message>
            <source>添加商户（回车）</source>
            <translation>Add merchant (Enter)</translation>
        </message>
        <message>
            <source>保存所选商户的修改</source>
            <translation>Save the selected merchant</translation>
        </message>
        <message>
            <source>暂停/恢复合作</source>
            <translation>Suspend/reactivate</translation>
        </message>
        <message>
            <source>打印“哪里可以用兑换券”</source>
            <translation>Print &quot;Where to spend your vouchers&quot;</translation>
        </message>
        <message>
            <source>商户资料</source>
            <translation>Merchant details</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>可兑换</source>
            <translation>Offers</translation>
        </message>
        <message>
            <source>使用条件</source>
            <translation>Terms</translation>
        </message>
        <message>
            <source>每单最多抵扣</source>
            <translation>Vouchers cover at most</translation>
        </message>
        <message>
            <source>协议截止</source>
            <translation>Agreement until</translation>
        </message>
        <message>
            <source>协议开始</source>
            <translation>Agreement from</translation>
        </message>
        <message>
            <source>协议日期应写成 2026-12-31 的格式。</source>
            <translation>Write the agreement&apos;s dates as 2026-12-31.</translation>
        </message>
        <message>
            <source>已添加商户 {name}</source>
            <translation>Merchant {name} added</translation>
        </message>
        <message>
            <source>请先在表中选择商户。</source>
            <translation>Choose a merchant in the table first.</translation>
        </message>
        <message>
            <source>已保存 {name} 的资料</source>
            <translation>Details of {name} saved</translation>
        </message>
        <message>
            <source>暂停合作</source>
            <translation>Suspend merchant</translation>
        </message>
        <message>
            <source>暂停后不能再为 {name} 核销兑换券。确定暂停吗？</source>
            <translation>Once suspended, no vouchers can be redeemed for {name}. Suspend it?</translation>
        </message>
        <message>
            <source>暂停</source>
            <translation>Suspend</translation>
        </message>
        <message>
            <source>已恢复与 {name} 的合作</source>
            <translation>{name} reactivated</translation>
        </message>
        <message>
            <source>已暂停与 {name} 的合作</source>
            <translation>{name} suspended</translation>
        </message>
        <message>
            <source>哪里可以用兑换券</source>
            <translation>Where to spend your vouchers</translation>
        </message>
    </context>
    <context>
        <name>MovementsDialog</name>
        <message>
            <source>兑换</source>
            <translation>Sold</translation>
        </message>
        <message>
            <source>入库</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>原因：{reason}</source>
            <translation>Reason: {reason}</translation>
        </message>
        <message>
            <source>兑换人：{buyer}</source>
            <translation>Bought by: {buyer}</translation>
        </message>
        <message>
            <source>库存变动：{name}</source>
            <translation>Stock movements: {name}</translation>
        </message>
        <message>
            <source>捐赠</source>
            <translation>Donated</translation>
        </message>
        <message>
            <source>捐赠方、金额、原因</source>
            <translation>Donor, cost, reason</translation>
        </message>
        <message>
            <source>捐赠方：{donor}</source>
            <translation>Donor: {donor}</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>现有 {stock} {unit}；共 {count} 条变动，最新的在上。</source>
            <translation>{stock} {unit} in stock; {count} movements, newest first.</translation>
        </message>
        <message>
            <source>现有 {stock} {unit}；列出最近 {count} 条变动，最新的在上。</source>
            <translation>{stock} {unit} in stock; the latest {count} movements, newest first.</translation>
        </message>
        <message>
            <source>盘点</source>
            <translation>Stocktake</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>结存</source>
            <translation>Stock after</translation>
        </message>
        <message>
            <source>金额 {yuan} 元</source>
            <translation>cost ¥{yuan}</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>NominationDialog</name>
        <message>
            <source>已登记推荐：{who}（{title}），待管理员评议</source>
            <translation>Nomination recorded: {who} ({title}), for an administrator to decide</translation>
        </message>
        <message>
            <source>或填写推荐单位、推荐人姓名</source>
            <translation>or the name of the unit or person nominating</translation>
        </message>
        <message>
            <source>推荐人是本站居民时在此查找</source>
            <translation>Find the nominator here when they are a resident</translation>
        </message>
        <message>
            <source>推荐人（其他）</source>
            <translation>Nominator (other)</translation>
        </message>
        <message>
            <source>推荐人（居民）</source>
            <translation>Nominator (resident)</translation>
        </message>
        <message>
            <source>推荐理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>推荐理由：做了什么好事</source>
            <translation>Reason: the good they did</translation>
        </message>
        <message>
            <source>推荐身边好人</source>
            <translation>Nominate a good neighbour</translation>
        </message>
        <message>
            <source>登记推荐</source>
            <translation>Record</translation>
        </message>
    </context>
    <context>
        <name>ObjectionDialog</name>
        <message>
            <source>{name}“{deed}”{points:+d} 分，公示至 {until}</source>
            <translation>{name} “{deed}” {points:+d} points, on notice until {until}</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>可不填（匿名）</source>
            <translation>Optional (anonymous)</translation>
        </message>
        <message>
            <source>已登记异议 {number}：{name}“{deed}”，处理前不计分</source>
            <translation>Objection {number} recorded: {name} “{deed}” is not counted until it is resolved</translation>
        </message>
        <message>
            <source>异议理由</source>
            <translation>Objection</translation>
        </message>
        <message>
            <source>必填：对哪一点有异议</source>
            <translation>Required: what is objected to</translation>
        </message>
        <message>
            <source>提出人</source>
            <translation>Raised by</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>登记异议</source>
            <translation>Record objection</translation>
        </message>
    </context>
    <context>
        <name>Output</name>
        <message>
            <source>A4 纸（每页多张）</source>
            <translation>A4 sheet (several per page)</translation>
        </message>
        <message>
            <source>热敏小票</source>
            <translation>Receipt roll</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>保存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>{name}（{chars}）</source>
            <translation>{name} ({chars})</translation>
        </message>
        <message>
            <source>本机字体缺少这些姓名中的字，打印出来是空白方框，请打印后手工填写：{names}</source>
            <translation>The fonts on this PC lack characters of these names; they print as empty boxes, to be filled in by hand: {names}</translation>
        </message>
    </context>
    <context>
        <name>PackagePage</name>
        <message>
            <source>上一个包：第 {seq} 号，{at} 导出。</source>
            <translation>Last package: number {seq}, exported {at}.</translation>
        </message>
        <message>
            <source>上报包带居民姓名、证件号和手机号（在“设置”中更改）。</source>
            <translation>Packages carry residents' names, ID numbers and phones (change it in Settings).</translation>
        </message>
        <message>
            <source>上报区中心</source>
            <translation>Reporting to the district centre</translation>
        </message>
        <message>
            <source>全量：从头导出全部记录</source>
            <translation>Full: every record from the beginning</translation>
        </message>
        <message>
            <source>区中心下发</source>
            <translation>From the district centre</translation>
        </message>
        <message>
            <source>区中心的通知和异常</source>
            <translation>The centre's notices and exceptions</translation>
        </message>
        <message>
            <source>导入区中心的包</source>
            <translation>Apply the centre's package</translation>
        </message>
        <message>
            <source>导入区中心的包…</source>
            <translation>Apply centre package…</translation>
        </message>
        <message>
            <source>导出上报包</source>
            <translation>Export a package</translation>
        </message>
        <message>
            <source>导出上报包…</source>
            <translation>Export package…</translation>
        </message>
        <message>
            <source>尚未导出过上报包。</source>
            <translation>No package exported yet.</translation>
        </message>
        <message>
            <source>居民只以化名出现，不带姓名、证件号和手机号（在“设置”中更改）。</source>
            <translation>Residents appear only as pseudonyms, without names, ID numbers or phones (change it in Settings).</translation>
        </message>
        <message>
            <source>已导入区中心第 {seq} 号包。</source>
            <translation>Applied the centre's package {seq}.</translation>
        </message>
        <message>
            <source>已导出第 {seq} 号上报包：{n} 条记录，{mb:.1f} MB，用时 {s} 秒。{file}</source>
            <translation>Exported package {seq}: {n} records, {mb:.1f} MB, in {s} s. {file}</translation>
        </message>
        <message>
            <source>已读</source>
            <translation>Read</translation>
        </message>
        <message>
            <source>指纹一致，导入</source>
            <translation>It matches: apply</translation>
        </message>
        <message>
            <source>收到时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>数据上报</source>
            <translation>District packages</translation>
        </message>
        <message>
            <source>未读</source>
            <translation>Unread</translation>
        </message>
        <message>
            <source>本站第一次导入区中心的包。中心公钥指纹：

{fp}

请与区中心电话核对，一致才继续；此后只认这把公钥。</source>
            <translation>The first package from the centre. The centre's key fingerprint:

{fp}

Check it with the centre by phone and go on only if it matches; only this key is accepted from then on.</translation>
        </message>
        <message>
            <source>标为已读</source>
            <translation>Mark as read</translation>
        </message>
        <message>
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>正在导出上报包…</source>
            <translation>Exporting the package…</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>认定区中心公钥</source>
            <translation>Trust the centre's key</translation>
        </message>
    </context>
    <context>
        <name>ParticipantsDialog</name>
        <message>
            <source>报名与到场</source>
            <translation>Sign-ups and attendance</translation>
        </message>
        <message>
            <source>居民编号、卡号或姓名，回车报名</source>
            <translation>Resident number, card code or name, then Enter to sign up</translation>
        </message>
        <message>
            <source>取消报名（Delete）</source>
            <translation>Cancel sign-up (Delete)</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>报名</source>
            <translation>Sign up</translation>
        </message>
        <message>
            <source>角色（F2）</source>
            <translation>Role (F2)</translation>
        </message>
        <message>
            <source>已报名 {booked}，候补 {waiting}，到场 {attended}</source>
            <translation>Booked {booked}, waiting {waiting}, attended {attended}</translation>
        </message>
        <message>
            <source>{name}（{no}）已报名过，未重复报名</source>
            <translation>{name} ({no}) has already signed up; nothing changed</translation>
        </message>
        <message>
            <source>{name}（{no}）名额已满，列入候补第 {position} 位</source>
            <translation>{name} ({no}): no places left, waiting list no. {position}</translation>
        </message>
        <message>
            <source>{name}（{no}）已报名</source>
            <translation>{name} ({no}) signed up</translation>
        </message>
        <message>
            <source>取消报名</source>
            <translation>Cancel sign-up</translation>
        </message>
        <message>
            <source>取消 {name}（{no}）的报名？</source>
            <translation>Cancel the sign-up of {name} ({no})?</translation>
        </message>
        <message>
            <source>已取消 {name} 的报名</source>
            <translation>Cancelled the sign-up of {name}</translation>
        </message>
        <message>
            <source>；{name} 由候补转为报名</source>
            <translation>; {name} moved up from the waiting list</translation>
        </message>
    </context>
    <context>
        <name>PdfDialog</name>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>正在生成…</source>
            <translation>Preparing…</translation>
        </message>
        <message>
            <source>本机缺少打印组件，暂时不能生成。</source>
            <translation>The printing component is missing on this PC.</translation>
        </message>
        <message>
            <source>已输出。</source>
            <translation>Done.</translation>
        </message>
        <message>
            <source>没有打印（已取消或打印机出错），可以再次打印。</source>
            <translation>Not printed (cancelled, or the printer failed). You can print again.</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>打印（Ctrl+P）</source>
            <translation>Print (Ctrl+P)</translation>
        </message>
        <message>
            <source>另存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>第 {n} 张</source>
            <translation>No. {n}</translation>
        </message>
        <message>
            <source>已保存：{path}</source>
            <translation>Saved: {path}</translation>
        </message>
        <message>
            <source>仍然输出</source>
            <translation>Print anyway</translation>
        </message>
        <message>
            <source>有字无法打印</source>
            <translation>Some characters cannot be printed</translation>
        </message>
        <message>
            <source>正在打印…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
    </context>
    <context>
        <name>PendingPage</name>
        <message>
            <source>待审核与公示中的积分</source>
            <translation>Deeds awaiting review or on notice</translation>
        </message>
        <message>
            <source>审核意见（驳回时必填）</source>
            <translation>Review note (required to reject)</translation>
        </message>
        <message>
            <source>通过</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>驳回</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>已通过：{name}“{deed}”{points:+d} 分，余额 {balance}</source>
            <translation>Approved: {name}, “{deed}” {points:+d} points, balance {balance}</translation>
        </message>
        <message>
            <source>已驳回：{name}“{deed}”</source>
            <translation>Rejected: {name}, “{deed}”</translation>
        </message>
        <message>
            <source>通过审核</source>
            <translation>Approve deed</translation>
        </message>
        <message>
            <source>驳回审核</source>
            <translation>Reject deed</translation>
        </message>
        <message>
            <source>通过 {name}（{no}）的“{deed}”{points:+d} 分？</source>
            <translation>Approve “{deed}” for {name} ({no}), {points:+d} points?</translation>
        </message>
        <message>
            <source>驳回 {name}（{no}）的“{deed}”{points:+d} 分？</source>
            <translation>Reject “{deed}” for {name} ({no}), {points:+d} points?</translation>
        </message>
        <message numerus="yes">
            <source>公示期满，已计入 %n 项积分</source>
            <translation>
                <numerusform>Notice ended: %n deed counted</numerusform>
                <numerusform>Notice ended: %n deeds counted</numerusform>
            </translation>
        </message>
        <message>
            <source>处理异议…</source>
            <translation>Resolve objection…</translation>
        </message>
        <message>
            <source>已通过：{name}“{deed}”{points:+d} 分公示至 {until}，期满无异议即计入</source>
            <translation>Approved: {name} “{deed}” {points:+d} points on notice until {until}; counted then if no objection holds</translation>
        </message>
        <message>
            <source>打印公示…</source>
            <translation>Print notice…</translation>
        </message>
        <message>
            <source>登记异议…</source>
            <translation>Record objection…</translation>
        </message>
        <message>
            <source>积分公示</source>
            <translation>Points notice</translation>
        </message>
    </context>
    <context>
        <name>PeriodPicker</name>
        <message>
            <source>月报</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>季报</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <source>年报</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>日期段</source>
            <translation>Dates</translation>
        </message>
        <message>
            <source>月</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>季度</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <source>统计（F5）</source>
            <translation>Count (F5)</translation>
        </message>
        <message>
            <source>统计</source>
            <translation>Count</translation>
        </message>
    </context>
    <context>
        <name>PlacementDialog</name>
        <message>
            <source>数据目录的位置变了</source>
            <translation>The data folder has moved</translation>
        </message>
        <message>
            <source>此数据目录原在 {was}（电脑 {was_machine}），现在在 {now}（本机 {now_machine}）。是搬到了这台电脑，还是作为第二个前台？</source>
            <translation>This data folder was at {was} (PC {was_machine}) and is now at {now} (this PC: {now_machine}). Was it moved to this PC, or is this a second desk?</translation>
        </message>
        <message>
            <source>搬到了这台电脑</source>
            <translation>Moved to this PC</translation>
        </message>
        <message>
            <source>作为第二个前台</source>
            <translation>A second desk</translation>
        </message>
        <message>
            <source>以后再决定</source>
            <translation>Decide later</translation>
        </message>
        <message>
            <source>原来那台电脑不再使用这份数据：本前台照常工作，编号不变。</source>
            <translation>The old PC no longer uses this data: this desk carries on with the same number.</translation>
        </message>
        <message>
            <source>原来的前台继续使用：这里成为另一个前台，兑换券另起编号；多个前台最好共用一个 PostgreSQL 数据库（见说明书）。</source>
            <translation>The old desk carries on: this becomes another desk whose vouchers are numbered apart; several desks should rather share one PostgreSQL database (see the README).</translation>
        </message>
        <message>
            <source>决定之前，本站只能查询，不能办理业务。</source>
            <translation>Until then the station can only look things up, not record anything.</translation>
        </message>
        <message>
            <source>此数据目录原在 {was}，现在在 {now}。管理员确认之前只能查询，不能办理业务：请管理员登录后选择“搬到了这台电脑”或“作为第二个前台”。</source>
            <translation>This data folder was at {was} and is now at {now}. Until an admin decides, the station can only look things up: an admin should sign in and choose “Moved to this PC” or “A second desk”.</translation>
        </message>
    </context>
    <context>
        <name>RecordDeedDialog</name>
        <message>
            <source>{name}：{message}</source>
            <translation>{name}: {message}</translation>
        </message>
        <message>
            <source>登记积分</source>
            <translation>Record deed</translation>
        </message>
        <message>
            <source>全部类别</source>
            <translation>All categories</translation>
        </message>
        <message>
            <source>输入名称或拼音首字母，如 hjws</source>
            <translation>Type a name or pinyin initials, e.g. hjws</translation>
        </message>
        <message>
            <source>可不填</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>集体登记：扫描或输入其他居民，回车加入</source>
            <translation>Group deed: scan or type another resident, Enter adds</translation>
        </message>
        <message>
            <source>保存（回车）</source>
            <translation>Save (Enter)</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>居民</source>
            <translation>Residents</translation>
        </message>
        <message>
            <source>没有匹配的积分项目。</source>
            <translation>No deed type matches.</translation>
        </message>
        <message>
            <source>{per:+d} 分/{unit} × {qty} = &lt;b&gt;{total:+d} 分&lt;/b&gt;</source>
            <translation>{per:+d} pts/{unit} × {qty} = &lt;b&gt;{total:+d} points&lt;/b&gt;</translation>
        </message>
        <message numerus="yes">
            <source>共 %n 人，每人 {total:+d} 分</source>
            <translation>
                <numerusform>%n resident, {total:+d} points</numerusform>
                <numerusform>%n residents, {total:+d} points each</numerusform>
            </translation>
        </message>
        <message>
            <source>上限每{period} {cap} {unit}：已登记 {used}，还可登记 {left}</source>
            <translation>Cap {cap} ({unit}) per {period}: {used} recorded, {left} left</translation>
        </message>
        <message numerus="yes">
            <source>集体登记：%n 人</source>
            <translation>
                <numerusform>Group deed: %n resident</numerusform>
                <numerusform>Group deed: %n residents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>已为 %n 人登记“{deed}”，每人 {points:+d} 分</source>
            <translation>
                <numerusform>“{deed}” recorded for %n resident, {points:+d} points</numerusform>
                <numerusform>“{deed}” recorded for %n residents, {points:+d} points each</numerusform>
            </translation>
        </message>
        <message>
            <source>此项须经管理员审核后才计入余额。</source>
            <translation>This deed counts only after an administrator approves it.</translation>
        </message>
        <message>
            <source>为 {name}（{no}）登记积分</source>
            <translation>Record a deed for {name} ({no})</translation>
        </message>
        <message>
            <source>请选择积分项目。</source>
            <translation>Choose a deed type.</translation>
        </message>
        <message>
            <source>{name}：“{deed}”已登记（{points:+d} 分），待管理员审核后计入</source>
            <translation>{name}: “{deed}” recorded ({points:+d} points), counted once an administrator approves</translation>
        </message>
        <message>
            <source>{name} {points:+d} 积分，余额 {balance}</source>
            <translation>{name} {points:+d} points, balance {balance}</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>已从备份 {name} 恢复：{residents} 位居民，{entries} 条流水。原来的数据库另存在 {previous}。</source>
            <translation>Restored from {name}: {residents} residents, {entries} ledger entries. The previous database is kept in {previous}.</translation>
        </message>
    </context>
    <context>
        <name>RedeemPage</name>
        <message>
            <source>兑换核销</source>
            <translation>Redeem</translation>
        </message>
        <message>
            <source>扫描兑换券二维码，可连续扫描多张；空白处按回车确认核销</source>
            <translation>Scan voucher codes one after another; Enter on the empty field redeems them</translation>
        </message>
        <message>
            <source>券号，如 XH01-2026-000001</source>
            <translation>Serial, e.g. XH01-2026-000001</translation>
        </message>
        <message>
            <source>校验码</source>
            <translation>Check code</translation>
        </message>
        <message>
            <source>手工添加</source>
            <translation>Add by hand</translation>
        </message>
        <message>
            <source>确认核销</source>
            <translation>Redeem</translation>
        </message>
        <message>
            <source>移除所选</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <source>清空列表</source>
            <translation>Clear list</translation>
        </message>
        <message>
            <source>核销地点</source>
            <translation>Redeemed at</translation>
        </message>
        <message>
            <source>二维码损坏时：</source>
            <translation>Damaged code:</translation>
        </message>
        <message>
            <source>这张券已在列表中。</source>
            <translation>This voucher is already on the list.</translation>
        </message>
        <message>
            <source>真券：{points} 分，持有人 {holder}</source>
            <translation>Genuine: {points} points, holder {holder}</translation>
        </message>
        <message numerus="yes">
            <source>待核销 %n 张，共 {points} 分；本次已核销 {done} 分</source>
            <translation>
                <numerusform>%n to redeem, {points} points; {done} points redeemed so far</numerusform>
                <numerusform>%n to redeem, {points} points; {done} points redeemed so far</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>已核销 %n 张，共 {points} 分</source>
            <translation>
                <numerusform>%n voucher redeemed, {points} points</numerusform>
                <numerusform>%n vouchers redeemed, {points} points</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>；%n 张未能核销，原因见列表</source>
            <translation>
                <numerusform>; %n could not be redeemed, see the list</numerusform>
                <numerusform>; %n could not be redeemed, see the list</numerusform>
            </translation>
        </message>
        <message>
            <source>这是居民卡，不是兑换券。请到“前台”页扫描居民卡。</source>
            <translation>This is a resident card, not a voucher. Scan it on the Desk page.</translation>
        </message>
        <message>
            <source>列表中没有可核销的兑换券。</source>
            <translation>Nothing on the list can be redeemed.</translation>
        </message>
        <message>
            <source>正在核销…</source>
            <translation>Redeeming…</translation>
        </message>
    </context>
    <context>
        <name>RegisteredBox</name>
        <message>
            <source>已登记新居民</source>
            <translation>Resident registered</translation>
        </message>
        <message>
            <source>已登记 {name}，居民编号 {no}。接下来：</source>
            <translation>{name} is registered as resident {no}. Next:</translation>
        </message>
        <message>
            <source>打印居民卡</source>
            <translation>Print resident card</translation>
        </message>
        <message>
            <source>在前台打开</source>
            <translation>Open at the desk</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>加分</source>
            <translation>Awarded</translation>
        </message>
        <message>
            <source>扣分</source>
            <translation>Deducted</translation>
        </message>
        <message>
            <source>发券</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>核销</source>
            <translation>Redeemed</translation>
        </message>
        <message>
            <source>超市</source>
            <translation>Store</translation>
        </message>
        <message>
            <source>场次</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>志愿者人次</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>服务群众人次</source>
            <translation>Audience</translation>
        </message>
        <message>
            <source>时长</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>新志愿者</source>
            <translation>New volunteers</translation>
        </message>
        <message>
            <source>统计报表</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>全部居民</source>
            <translation>All residents</translation>
        </message>
        <message>
            <source>标签</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>{station}　{period}（{start} 至 {end}），上期 {before}（{bstart} 至 {bend}）</source>
            <translation>{station}  {period} ({start} to {end}), previous {before} ({bstart} to {bend})</translation>
        </message>
        <message>
            <source>　标签：{tag}</source>
            <translation>  Tag: {tag}</translation>
        </message>
        <message>
            <source>本期</source>
            <translation>This period</translation>
        </message>
        <message>
            <source>上期</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>已统计 {n} 项指标。</source>
            <translation>{n} figures counted.</translation>
        </message>
        <message>
            <source>正在统计…</source>
            <translation>Counting…</translation>
        </message>
    </context>
    <context>
        <name>ReprintDialog</name>
        <message>
            <source>{name}（{no}）未使用的兑换券：选择要补打的券</source>
            <translation>Unused vouchers of {name} ({no}): choose the ones to reprint</translation>
        </message>
        <message>
            <source>兑换券（补打）</source>
            <translation>Vouchers (reprint)</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <source>已为 {name} 补打 %n 张兑换券（已记录）</source>
            <translation>
                <numerusform>%n voucher reprinted for {name} (recorded)</numerusform>
                <numerusform>%n vouchers reprinted for {name} (recorded)</numerusform>
            </translation>
        </message>
        <message>
            <source>本机缺少打印组件，暂时不能补打。</source>
            <translation>The printing component is missing on this PC; vouchers cannot be reprinted for now.</translation>
        </message>
        <message>
            <source>正在生成兑换券…</source>
            <translation>Making the vouchers…</translation>
        </message>
        <message>
            <source>没有打印（已取消或打印机出错），可以再次打印。</source>
            <translation>Not printed (cancelled, or the printer failed). You can print again.</translation>
        </message>
        <message>
            <source>没有未使用的兑换券可以补打。</source>
            <translation>There are no unused vouchers to reprint.</translation>
        </message>
        <message>
            <source>补打兑换券</source>
            <translation>Reprint vouchers</translation>
        </message>
        <message>
            <source>请在表中选择要补打的兑换券。</source>
            <translation>Choose the vouchers to reprint in the table.</translation>
        </message>
    </context>
    <context>
        <name>ReportExports</name>
        <message>
            <source>导出 Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <source>导出 PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>已导出：{path}</source>
            <translation>Exported: {path}</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>导出报表</source>
            <translation>Export the report</translation>
        </message>
    </context>
    <context>
        <name>RequestsTab</name>
        <message>
            <source>群众点单与微心愿</source>
            <translation>Residents' requests and small wishes</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>未办结</source>
            <translation>Not yet done</translation>
        </message>
        <message>
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <source>待分派</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>已分派</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <source>已办结</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>已撤回</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>受理点单 Ctrl+N</source>
            <translation>Take a request Ctrl+N</translation>
        </message>
        <message>
            <source>分派</source>
            <translation>Assign</translation>
        </message>
        <message>
            <source>办结</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>撤回</source>
            <translation>Withdraw</translation>
        </message>
    </context>
    <context>
        <name>ResidentFinder</name>
        <message>
            <source>姓名、拼音首字母、居民编号、手机或证件号后四位，回车查找</source>
            <translation>Name, pinyin initials, resident number, last 4 of phone or ID; Enter to find</translation>
        </message>
        <message>
            <source>已选：{name}（{no}）</source>
            <translation>Chosen: {name} ({no})</translation>
        </message>
        <message>
            <source>找不到“{query}”。</source>
            <translation>Nothing found for “{query}”.</translation>
        </message>
        <message>
            <source>找到多位居民：用 ↑↓ 选择，回车选定。</source>
            <translation>Several residents found: choose with ↑↓ and Enter.</translation>
        </message>
    </context>
    <context>
        <name>ResidentFormDialog</name>
        <message>
            <source>修改居民信息</source>
            <translation>Edit resident</translation>
        </message>
        <message>
            <source>登记新居民</source>
            <translation>Register resident</translation>
        </message>
        <message>
            <source>不修改请留空（现为 {value}）</source>
            <translation>Leave empty to keep ({value})</translation>
        </message>
        <message>
            <source>小区/村组</source>
            <translation>Compound/village</translation>
        </message>
        <message>
            <source>栋</source>
            <translation>Bldg</translation>
        </message>
        <message>
            <source>单元</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>室</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>证件类型</source>
            <translation>ID type</translation>
        </message>
        <message>
            <source>证件号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>手机号</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>住址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>标签</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>{gender}，{born} 出生</source>
            <translation>{gender}, born {born}</translation>
        </message>
        <message>
            <source>可能重复登记</source>
            <translation>Possible duplicate</translation>
        </message>
        <message>
            <source>已有同名、同手机号的居民：{who}。
确定仍要保存吗？</source>
            <translation>A resident with the same name and mobile exists: {who}.
Save anyway?</translation>
        </message>
        <message>
            <source>仍要保存</source>
            <translation>Save anyway</translation>
        </message>
        <message>
            <source>已保存 {name}（{no}）的信息</source>
            <translation>Saved {name} ({no})</translation>
        </message>
        <message>
            <source>已登记居民 {name}，编号 {no}</source>
            <translation>Registered {name}, number {no}</translation>
        </message>
        <message numerus="yes">
            <source>{name}，已有 %n 人</source>
            <translation>
                <numerusform>{name}, %n member so far</numerusform>
                <numerusform>{name}, %n members so far</numerusform>
            </translation>
        </message>
        <message>
            <source>户号</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>户编号，可留空</source>
            <translation>Household number, optional</translation>
        </message>
        <message>
            <source>选择本站的网格，或输入新网格</source>
            <translation>Choose one of the station&apos;s grids, or type a new one</translation>
        </message>
        <message>
            <source>{tag}（已停用）</source>
            <translation>{tag} (retired)</translation>
        </message>
    </context>
    <context>
        <name>ResidentPanel</name>
        <message>
            <source>证件</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>住址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>标签</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>今日签到</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>积分余额</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>积分流水</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <source>扫描居民卡，或在上方输入姓名、拼音首字母、手机号或证件号后几位查找居民。</source>
            <translation>Scan a resident card, or type a name, pinyin initials, mobile number or the ID's last digits above.</translation>
        </message>
        <message>
            <source>未选择居民。请在左侧结果中选择（回车打开），或扫描居民卡。</source>
            <translation>No resident is open. Choose one from the results on the left (Enter opens it), or scan a card.</translation>
        </message>
        <message>
            <source>（已归档）</source>
            <translation> (archived)</translation>
        </message>
        <message>
            <source>居民编号 {no}</source>
            <translation>Resident no. {no}</translation>
        </message>
        <message>
            <source>约合 {yuan} 元</source>
            <translation>about ¥{yuan}</translation>
        </message>
        <message>
            <source>仅管理员可用；每次查看都会记入操作日志</source>
            <translation>Administrators only; every look is written to the audit log</translation>
        </message>
        <message>
            <source>冲正所选流水…</source>
            <translation>Reverse the selected entry…</translation>
        </message>
        <message>
            <source>显示完整号码</source>
            <translation>Show full numbers</translation>
        </message>
        <message>
            <source>隐藏</source>
            <translation>Hide</translation>
        </message>
        <message>
            <source>待审核：{deed} {points:+d} 分（{date}），通过后计入</source>
            <translation>Awaiting review: {deed} {points:+d} points ({date}), counted once approved</translation>
        </message>
        <message>
            <source>是：{times}</source>
            <translation>yes: {times}</translation>
        </message>
        <message>
            <source>否</source>
            <translation>no</translation>
        </message>
        <message>
            <source>公示中：{deed} {points:+d} 分，公示至 {until}，期满后计入</source>
            <translation>On notice: {deed} {points:+d} points until {until}, counted then</translation>
        </message>
        <message>
            <source>有异议：{deed} {points:+d} 分，待管理员处理</source>
            <translation>Objected: {deed} {points:+d} points, waiting for an admin</translation>
        </message>
    </context>
    <context>
        <name>ResidentsPage</name>
        <message>
            <source>居民</source>
            <translation>Residents</translation>
        </message>
        <message>
            <source>姓名、拼音首字母、手机号、证件号后四位或居民编号</source>
            <translation>Name, pinyin initials, mobile, last 4 of the ID or resident number</translation>
        </message>
        <message>
            <source>包括已归档</source>
            <translation>Include archived</translation>
        </message>
        <message>
            <source>登记新居民 Ctrl+N</source>
            <translation>Register Ctrl+N</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>在前台打开</source>
            <translation>Open at the desk</translation>
        </message>
        <message>
            <source>补办居民卡</source>
            <translation>Reissue card</translation>
        </message>
        <message>
            <source>打印居民卡</source>
            <translation>Print card</translation>
        </message>
        <message>
            <source>归档</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>为 {name} 补办新卡后，旧卡立即作废、不能再使用。确定补办吗？</source>
            <translation>After a new card is issued to {name}, the old card stops working at once. Reissue?</translation>
        </message>
        <message>
            <source>补办新卡</source>
            <translation>Reissue card</translation>
        </message>
        <message>
            <source>已为 {name} 补办新卡，旧卡已作废。请打印新卡。</source>
            <translation>New card issued to {name}; the old card no longer works. Print the new card.</translation>
        </message>
        <message>
            <source>居民卡</source>
            <translation>Resident card</translation>
        </message>
        <message>
            <source>归档后 {name} 不能再登记积分或兑换。确定归档吗？</source>
            <translation>{name} will no longer earn or redeem points once archived. Archive?</translation>
        </message>
        <message>
            <source>恢复 {name} 为正常居民吗？</source>
            <translation>Restore {name} as an active resident?</translation>
        </message>
        <message>
            <source>归档居民</source>
            <translation>Archive resident</translation>
        </message>
        <message>
            <source>已归档 {name}</source>
            <translation>{name} archived</translation>
        </message>
        <message>
            <source>已恢复 {name}</source>
            <translation>{name} restored</translation>
        </message>
        <message>
            <source>批量打印居民卡…</source>
            <translation>Print many cards…</translation>
        </message>
        <message>
            <source>导入名册…</source>
            <translation>Import roster…</translation>
        </message>
        <message>
            <source>导出到 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
    </context>
    <context>
        <name>ResolveDialog</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>处理异议</source>
            <translation>Resolve objection</translation>
        </message>
        <message>
            <source>处理意见</source>
            <translation>Decision note</translation>
        </message>
        <message>
            <source>异议</source>
            <translation>Objection</translation>
        </message>
        <message>
            <source>异议不成立</source>
            <translation>Dismiss</translation>
        </message>
        <message>
            <source>异议不成立：{name}“{deed}”公示期满后计入</source>
            <translation>Objection dismissed: {name} “{deed}” counts when its notice ends</translation>
        </message>
        <message>
            <source>异议不成立：{name}“{deed}”已计入积分</source>
            <translation>Objection dismissed: {name} “{deed}” is counted</translation>
        </message>
        <message>
            <source>异议成立（不计分）</source>
            <translation>Uphold (no points)</translation>
        </message>
        <message>
            <source>异议成立：{name}“{deed}”已驳回，不计分</source>
            <translation>Objection upheld: {name} “{deed}” rejected, no points</translation>
        </message>
        <message>
            <source>必填：核实情况</source>
            <translation>Required: what was found</translation>
        </message>
        <message>
            <source>（{by}）</source>
            <translation> ({by})</translation>
        </message>
    </context>
    <context>
        <name>ReturnPage</name>
        <message>
            <source>积分目录 {n} 项</source>
            <translation>Deed types: {n}</translation>
        </message>
        <message>
            <source>通知 {n} 条</source>
            <translation>Notices: {n}</translation>
        </message>
        <message>
            <source>吊销的密钥 {n} 个</source>
            <translation>Revoked keys: {n}</translation>
        </message>
        <message>
            <source>待处理异常 {n} 条</source>
            <translation>Open exceptions: {n}</translation>
        </message>
        <message>
            <source>回传站点</source>
            <translation>Packages for the stations</translation>
        </message>
        <message>
            <source>为一个站点写出区中心签名的回传包：全部积分目录、发给它或发给所有站点的通知、被吊销的密钥和涉及它的待处理异常。站点在“数据上报”页或用 station-desk package apply 导入。</source>
            <translation>Write the centre's signed package for a station: the whole deed catalogue, the notices for it or for every station, its revoked keys and the open exceptions concerning it. The station applies it on its District packages page or with station-desk package apply.</translation>
        </message>
        <message>
            <source>站点</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>写出回传包…</source>
            <translation>Write package…</translation>
        </message>
        <message>
            <source>还没有登记站点（centre add-station）。</source>
            <translation>No station is registered yet (centre add-station).</translation>
        </message>
        <message>
            <source>将写出第 {seq} 号回传包</source>
            <translation>Its next package is number {seq}</translation>
        </message>
        <message>
            <source>正在写出回传包…</source>
            <translation>Writing the package…</translation>
        </message>
        <message>
            <source>站点 {station} 的第 {seq} 号回传包，内容：</source>
            <translation>Package number {seq} for station {station}, holding:</translation>
        </message>
        <message>
            <source>文件：{path}</source>
            <translation>File: {path}</translation>
        </message>
        <message>
            <source>SHA-256：{sha}</source>
            <translation>SHA-256: {sha}</translation>
        </message>
        <message>
            <source>已写出 {station} 的第 {seq} 号回传包：{file}</source>
            <translation>Package number {seq} for {station} written: {file}</translation>
        </message>
    </context>
    <context>
        <name>ReverseEntryDialog</name>
        <message>
            <source>{name}（{no}）：{date} {what} {points:+d} 分</source>
            <translation>{name} ({no}): {date} {what} {points:+d} points</translation>
        </message>
        <message>
            <source>冲正</source>
            <translation>Reverse</translation>
        </message>
        <message>
            <source>冲正会记一笔相反的流水，原流水保留。</source>
            <translation>A reversal adds an equal and opposite entry; the original entry stays.</translation>
        </message>
        <message>
            <source>冲正流水</source>
            <translation>Reverse an entry</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>已冲正：{name} {points:+d} 分，余额 {balance}</source>
            <translation>Reversed: {name} {points:+d} points, balance {balance}</translation>
        </message>
        <message>
            <source>必填，例如：登记错了居民</source>
            <translation>Required, e.g. recorded for the wrong resident</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>确定冲正</source>
            <translation>Reverse</translation>
        </message>
        <message>
            <source>确定冲正这笔 {points:+d} 分的流水吗？理由：{reason}</source>
            <translation>Reverse this entry of {points:+d} points? Reason: {reason}</translation>
        </message>
    </context>
    <context>
        <name>RoomWeekModel</name>
        <message>
            <source>{line}（预订号 {number}）{purpose}</source>
            <translation>{line} (booking {number}) {purpose}</translation>
        </message>
        <message>
            <source>{name}（已停用）</source>
            <translation>{name} (retired)</translation>
        </message>
        <message>
            <source>可容纳 {count} 人</source>
            <translation>Holds {count} people</translation>
        </message>
        <message>
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>周日</source>
            <translation>Sun</translation>
        </message>
    </context>
    <context>
        <name>RoomsTab</name>
        <message>
            <source>{first} 至 {last}</source>
            <translation>{first} to {last}</translation>
        </message>
        <message>
            <source>{line}（预订号 {number}）</source>
            <translation>{line} (booking {number})</translation>
        </message>
        <message>
            <source>上一周（PgUp）</source>
            <translation>Previous week (PgUp)</translation>
        </message>
        <message>
            <source>下一周（PgDn）</source>
            <translation>Next week (PgDn)</translation>
        </message>
        <message>
            <source>取消预订</source>
            <translation>Cancel booking</translation>
        </message>
        <message>
            <source>取消预订 {number}：{room} {date} {line}？记录会保留，时间空出。</source>
            <translation>Cancel booking {number}: {room} {date} {line}? The record is kept and the time is freed.</translation>
        </message>
        <message>
            <source>取消预订（Del）</source>
            <translation>Cancel booking (Del)</translation>
        </message>
        <message>
            <source>已取消预订 {number}，{room} {date} {start}–{end} 已空出</source>
            <translation>Booking {number} cancelled: {room} {date} {start}–{end} is free</translation>
        </message>
        <message>
            <source>所选格子的预订：</source>
            <translation>Bookings in the chosen cell:</translation>
        </message>
        <message>
            <source>本周</source>
            <translation>This week</translation>
        </message>
        <message>
            <source>还没有场地：管理员可用 station-desk room add 名称 添加。</source>
            <translation>No rooms yet: an administrator adds one with station-desk room add NAME.</translation>
        </message>
        <message>
            <source>预订（Enter）</source>
            <translation>Book (Enter)</translation>
        </message>
    </context>
    <context>
        <name>SalePanel</name>
        <message>
            <source>{name}（{no}），积分余额 {balance} 分</source>
            <translation>{name} ({no}), balance {balance} points</translation>
        </message>
        <message>
            <source>先查找居民，再加入商品。</source>
            <translation>Find the resident first, then add items.</translation>
        </message>
        <message>
            <source>兑换券</source>
            <translation>Vouchers</translation>
        </message>
        <message>
            <source>兑换券 {serial}</source>
            <translation>Voucher {serial}</translation>
        </message>
        <message>
            <source>兑换券 {serial}：{points} 分</source>
            <translation>Voucher {serial}: {points} points</translation>
        </message>
        <message>
            <source>兑换券不够时从积分余额扣除差额(&amp;B)</source>
            <translation>Take what the vouchers leave from the &amp;balance</translation>
        </message>
        <message>
            <source>合计 {total} 分｜兑换券 {covered} 分｜余额扣 {balance} 分｜退回积分 {returned} 分{short}</source>
            <translation>Total {total} | vouchers {covered} | from balance {balance} | returned {returned} points{short}</translation>
        </message>
        <message>
            <source>商品</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>商品/兑换券</source>
            <translation>Item / voucher</translation>
        </message>
        <message>
            <source>商品名称或拼音，可加数量如 xz*2；空白处回车转到扫券</source>
            <translation>Item name or pinyin, with a quantity like xz*2; Enter on empty goes to the vouchers</translation>
        </message>
        <message>
            <source>居民</source>
            <translation>Resident</translation>
        </message>
        <message>
            <source>居民编号、卡号或姓名/拼音，回车查找</source>
            <translation>Resident number, card or name/pinyin; Enter finds</translation>
        </message>
        <message>
            <source>已兑换：{resident} 合计 {total} 分，退回积分 {returned} 分，现有积分 {balance} 分</source>
            <translation>Sold: {resident}, total {total}, {returned} points returned, balance now {balance}</translation>
        </message>
        <message>
            <source>已加入 {name} ×{quantity}（{points} 分/{unit}）</source>
            <translation>Added {name} ×{quantity} ({points} points/{unit})</translation>
        </message>
        <message>
            <source>扫描积分超市兑换券，可连续扫描；空白处回车确认兑换</source>
            <translation>Scan store vouchers one after another; Enter on empty confirms the sale</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Qty</translation>
        </message>
        <message>
            <source>正在兑换…</source>
            <translation>Selling…</translation>
        </message>
        <message>
            <source>清空</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>确认兑换</source>
            <translation>Confirm sale</translation>
        </message>
        <message>
            <source>积分</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>请先查找居民。</source>
            <translation>Find the resident first.</translation>
        </message>
        <message>
            <source>｜还差 {n} 分</source>
            <translation> | {n} points short</translation>
        </message>
    </context>
    <context>
        <name>SecretDialog</name>
        <message>
            <source>两次输入的密码不一样。</source>
            <translation>The two passwords differ.</translation>
        </message>
        <message>
            <source>再输一次</source>
            <translation>Once more</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>请输入密码。</source>
            <translation>Enter the password.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>当年 12 月 31 日前有效</source>
            <translation>Until 31 December of the year</translation>
        </message>
        <message>
            <source>发放后若干天内有效</source>
            <translation>A number of days after issue</translation>
        </message>
        <message>
            <source> 天</source>
            <translation> days</translation>
        </message>
        <message>
            <source>年终清零</source>
            <translation>Clear at year end</translation>
        </message>
        <message>
            <source>不清零</source>
            <translation>Never clear</translation>
        </message>
        <message>
            <source>不自动锁定</source>
            <translation>Never lock</translation>
        </message>
        <message>
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <source>保存站点设置</source>
            <translation>Save station settings</translation>
        </message>
        <message>
            <source>积分 = </source>
            <translation>points = </translation>
        </message>
        <message>
            <source>元</source>
            <translation>yuan</translation>
        </message>
        <message>
            <source>站点设置（所有电脑通用）</source>
            <translation>Station settings (all PCs)</translation>
        </message>
        <message>
            <source>站点名称</source>
            <translation>Station name</translation>
        </message>
        <message>
            <source>兑换比例</source>
            <translation>Rate</translation>
        </message>
        <message>
            <source>兑换券有效期</source>
            <translation>Voucher validity</translation>
        </message>
        <message>
            <source>积分清零</source>
            <translation>Points expiry</translation>
        </message>
        <message>
            <source>兑换券面额</source>
            <translation>Voucher denominations</translation>
        </message>
        <message>
            <source>每次最少兑换</source>
            <translation>Minimum per issue</translation>
        </message>
        <message>
            <source>无操作自动锁定</source>
            <translation>Lock when idle</translation>
        </message>
        <message>
            <source>大字模式</source>
            <translation>Large-font mode</translation>
        </message>
        <message>
            <source>本机设置</source>
            <translation>This PC</translation>
        </message>
        <message>
            <source>界面语言（重启后生效）</source>
            <translation>Language (after restart)</translation>
        </message>
        <message>
            <source>商户名称</source>
            <translation>Merchant name</translation>
        </message>
        <message>
            <source>添加商户</source>
            <translation>Add merchant</translation>
        </message>
        <message>
            <source>合作商户</source>
            <translation>Partner merchants</translation>
        </message>
        <message>
            <source>站点设置已保存。</source>
            <translation>Station settings saved.</translation>
        </message>
        <message>
            <source>界面语言已保存，重新启动后生效。</source>
            <translation>Language saved; it applies after a restart.</translation>
        </message>
        <message>
            <source>大字模式已开启。</source>
            <translation>Large-font mode on.</translation>
        </message>
        <message>
            <source>大字模式已关闭。</source>
            <translation>Large-font mode off.</translation>
        </message>
        <message>
            <source>已添加商户“{name}”</source>
            <translation>Merchant “{name}” added</translation>
        </message>
        <message>
            <source>A4：{sheet}　小票：{roll}</source>
            <translation>A4: {sheet}   Receipts: {roll}</translation>
        </message>
        <message>
            <source>{dots} 点</source>
            <translation>{dots} dots</translation>
        </message>
        <message>
            <source>上次使用的打印机</source>
            <translation>Printers last used</translation>
        </message>
        <message>
            <source>小票打印宽度已改为 {dots} 点。</source>
            <translation>Receipt width set to {dots} dots.</translation>
        </message>
        <message>
            <source>尚未选择</source>
            <translation>none chosen yet</translation>
        </message>
        <message>
            <source>热敏小票打印宽度</source>
            <translation>Receipt printer width</translation>
        </message>
        <message>
            <source>（58 毫米纸）</source>
            <translation> (58 mm paper)</translation>
        </message>
        <message>
            <source>（80 毫米纸）</source>
            <translation> (80 mm paper)</translation>
        </message>
        <message>
            <source>不公示，审核通过即计入</source>
            <translation>No notice: counted on approval</translation>
        </message>
        <message>
            <source>审核后公示</source>
            <translation>Notice after approval</translation>
        </message>
    </context>
    <context>
        <name>SettlementColumns</name>
        <message>
            <source>草稿</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>已审核</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>已付款</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>已暂停</source>
            <translation>Suspended</translation>
        </message>
        <message>
            <source>合作中</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>捐助</source>
            <translation>Contribution</translation>
        </message>
        <message>
            <source>支出</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>商户</source>
            <translation>Merchant</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>可兑换</source>
            <translation>Offers</translation>
        </message>
        <message>
            <source>使用条件</source>
            <translation>Terms</translation>
        </message>
        <message>
            <source>协议期</source>
            <translation>Agreement</translation>
        </message>
        <message>
            <source>结算单号</source>
            <translation>Statement</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>张数</source>
            <translation>Vouchers</translation>
        </message>
        <message>
            <source>分值</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>应付（元）</source>
            <translation>Payable (yuan)</translation>
        </message>
        <message>
            <source>付款</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>来源/去向</source>
            <translation>From/to</translation>
        </message>
        <message>
            <source>捐赠人</source>
            <translation>Donor</translation>
        </message>
        <message>
            <source>科目/单号</source>
            <translation>Line/statement</translation>
        </message>
        <message>
            <source>摘要</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>金额（元）</source>
            <translation>Amount (yuan)</translation>
        </message>
        <message>
            <source>余额（元）</source>
            <translation>Balance (yuan)</translation>
        </message>
    </context>
    <context>
        <name>SettlementPage</name>
        <message>
            <source>商户结算</source>
            <translation>Settlement</translation>
        </message>
        <message>
            <source>结算单</source>
            <translation>Statements</translation>
        </message>
        <message>
            <source>商户</source>
            <translation>Merchants</translation>
        </message>
        <message>
            <source>道德基金</source>
            <translation>Moral fund</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>【演示数据】</source>
            <translation>[DEMO DATA] </translation>
        </message>
        <message>
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>{station}
请登录</source>
            <translation>{station}
Please sign in</translation>
        </message>
    </context>
    <context>
        <name>SignInForm</name>
        <message>
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>用户名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>请输入用户名。</source>
            <translation>Enter your user name.</translation>
        </message>
        <message>
            <source>请输入密码。</source>
            <translation>Enter your password.</translation>
        </message>
        <message>
            <source>正在核对密码…</source>
            <translation>Checking the password…</translation>
        </message>
    </context>
    <context>
        <name>StatementDialog</name>
        <message>
            <source>积分对账单</source>
            <translation>Points statement</translation>
        </message>
        <message>
            <source>生成</source>
            <translation>Prepare</translation>
        </message>
        <message>
            <source>{name}（{no}）</source>
            <translation>{name} ({no})</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到</source>
            <translation>to</translation>
        </message>
        <message>
            <source>开始日期不能晚于结束日期。</source>
            <translation>The start date cannot be after the end date.</translation>
        </message>
        <message>
            <source>正在生成对账单…</source>
            <translation>Preparing the statement…</translation>
        </message>
        <message>
            <source>本机缺少打印组件，暂时不能生成对账单。</source>
            <translation>The printing component is missing on this PC; no statement can be prepared.</translation>
        </message>
        <message>
            <source>对账单已输出。</source>
            <translation>Statement produced.</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>StatementsTab</name>
        <message>
            <source>生成结算单（回车）</source>
            <translation>Make statement (Enter)</translation>
        </message>
        <message>
            <source>审核</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>付款凭证号</source>
            <translation>Payment reference</translation>
        </message>
        <message>
            <source>登记已付款</source>
            <translation>Mark paid</translation>
        </message>
        <message>
            <source>打印/保存 PDF</source>
            <translation>Print/save PDF</translation>
        </message>
        <message>
            <source>导出 Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>商户</source>
            <translation>Merchant</translation>
        </message>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>请先在表中选择结算单。</source>
            <translation>Choose a statement in the table first.</translation>
        </message>
        <message>
            <source>请先添加商户。</source>
            <translation>Add a merchant first.</translation>
        </message>
        <message>
            <source>结算单 {number}（草稿）：{vouchers} 张，{points} 分，应付 {amount} 元</source>
            <translation>Statement {number} (draft): {vouchers} vouchers, {points} points, {amount} yuan payable</translation>
        </message>
        <message>
            <source>审核后结算单 {number}（{merchant}，应付 {amount} 元）不能再修改，更正只能另开调整单。确定审核吗？</source>
            <translation>Once approved, statement {number} ({merchant}, {amount} yuan payable) never changes; a correction takes an adjusting statement. Approve it?</translation>
        </message>
        <message>
            <source>审核结算单</source>
            <translation>Approve statement</translation>
        </message>
        <message>
            <source>已审核结算单 {number}</source>
            <translation>Statement {number} approved</translation>
        </message>
        <message>
            <source>结算单 {number} 已付款 {amount} 元，已记入道德基金</source>
            <translation>Statement {number} paid, {amount} yuan, entered in the moral fund</translation>
        </message>
        <message>
            <source>结算单 {number}</source>
            <translation>Statement {number}</translation>
        </message>
        <message>
            <source>Excel 保存到哪个文件夹</source>
            <translation>Folder to save the Excel file in</translation>
        </message>
        <message>
            <source>无法保存：{error}</source>
            <translation>Could not save: {error}</translation>
        </message>
        <message>
            <source>已保存 {path}</source>
            <translation>Saved {path}</translation>
        </message>
    </context>
    <context>
        <name>StationPage</name>
        <message>
            <source>本站信息</source>
            <translation>This station</translation>
        </message>
        <message>
            <source>站点名称印在兑换券和对账单上；站点代码是券号的开头，设定后不能修改。</source>
            <translation>The name is printed on vouchers and statements; the code starts every voucher serial and cannot be changed later.</translation>
        </message>
        <message>
            <source>例如：新华社区新时代文明实践站</source>
            <translation>e.g. Xinhua Community Civilization Practice Station</translation>
        </message>
        <message>
            <source>2–8 位大写字母或数字，例如 XH01</source>
            <translation>2–8 capital letters or digits, e.g. XH01</translation>
        </message>
        <message>
            <source>站点名称</source>
            <translation>Station name</translation>
        </message>
        <message>
            <source>站点代码</source>
            <translation>Station code</translation>
        </message>
        <message>
            <source>请填写站点名称。</source>
            <translation>Enter the station name.</translation>
        </message>
        <message>
            <source>请填写站点代码。</source>
            <translation>Enter the station code.</translation>
        </message>
    </context>
    <context>
        <name>StationsPage</name>
        <message>
            <source>中心 / 实践所 / 站点</source>
            <translation>Centre / institute / station</translation>
        </message>
        <message>
            <source>密钥</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>最近上报包</source>
            <translation>Last package</translation>
        </message>
        <message>
            <source>写于</source>
            <translation>Written</translation>
        </message>
        <message>
            <source>导入于</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>落后天数</source>
            <translation>Days behind</translation>
        </message>
        <message>
            <source>待处理异常</source>
            <translation>Open exceptions</translation>
        </message>
        <message>
            <source>已回传</source>
            <translation>Sent back</translation>
        </message>
        <message>
            <source>站点</source>
            <translation>Stations</translation>
        </message>
        <message>
            <source>{centre}：{institutes} 个实践所，{stations} 个站点，其中 {never} 个从未上报（红色）。</source>
            <translation>{centre}: {institutes} institutes, {stations} stations, {never} of them never sent a package (in red).</translation>
        </message>
        <message>
            <source>未上报</source>
            <translation>None yet</translation>
        </message>
        <message>
            <source>第 {seq} 号</source>
            <translation>No. {seq}</translation>
        </message>
        <message>
            <source>{n} 个包</source>
            <translation>{n} sent</translation>
        </message>
        <message>
            <source>（已吊销）</source>
            <translation> (revoked)</translation>
        </message>
        <message>
            <source>（已停用）</source>
            <translation> (retired)</translation>
        </message>
        <message>
            <source>#{id}  {fingerprint}  自 {since}</source>
            <translation>#{id}  {fingerprint}  since {since}</translation>
        </message>
    </context>
    <context>
        <name>StatsTab</name>
        <message>
            <source>活动类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>志愿服务队</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>活动</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>导出 Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>按</source>
            <translation>By</translation>
        </message>
        <message>
            <source>只统计已结算的活动。人数按人去重，人次按每次到场计。</source>
            <translation>Only closed activities count. Persons are counted once; person-times once per attendance.</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>结束日期不能早于开始日期。</source>
            <translation>The end date cannot be before the start date.</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>已导出：{path}</source>
            <translation>Exported: {path}</translation>
        </message>
    </context>
    <context>
        <name>TakeRequestDialog</name>
        <message>
            <source>受理点单</source>
            <translation>Take a request</translation>
        </message>
        <message>
            <source>受理</source>
            <translation>Take</translation>
        </message>
        <message>
            <source>需要什么</source>
            <translation>What is needed</translation>
        </message>
        <message>
            <source>例如：帮独居老人修理门锁</source>
            <translation>e.g. fix the door lock of an elderly person living alone</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>百姓点单</source>
            <translation>Resident's order</translation>
        </message>
        <message>
            <source>微心愿</source>
            <translation>Small wish</translation>
        </message>
        <message>
            <source>提出人</source>
            <translation>Asked by</translation>
        </message>
        <message>
            <source>扫描居民卡，或输入居民编号、姓名后回车；可不填</source>
            <translation>Scan the card, or type a number or name and press Enter; optional</translation>
        </message>
        <message>
            <source>为谁</source>
            <translation>For whom</translation>
        </message>
        <message>
            <source>不是提出人本人时填写，如 3栋李奶奶</source>
            <translation>When not the one who asks, e.g. Granny Li, building 3</translation>
        </message>
        <message>
            <source>紧急程度</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <source>紧急</source>
            <translation>Urgent</translation>
        </message>
        <message>
            <source>已受理点单 {number}：{text}</source>
            <translation>Request {number} taken: {text}</translation>
        </message>
    </context>
    <context>
        <name>StockDialog</name>
        <message>
            <source>{item} 现有 {stock} {unit}</source>
            <translation>{item}: {stock} {unit} in stock</translation>
        </message>
        <message>
            <source>{name}（现有 {stock}）</source>
            <translation>{name} ({stock} in stock)</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>入库</source>
            <translation>Receive stock</translation>
        </message>
        <message>
            <source>入库数量</source>
            <translation>Quantity received</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>商品</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>差异原因</source>
            <translation>Reason for the difference</translation>
        </message>
        <message>
            <source>捐赠方（捐赠时填）</source>
            <translation>Donor (when donated)</translation>
        </message>
        <message>
            <source>清点数量</source>
            <translation>Counted</translation>
        </message>
        <message>
            <source>盘点</source>
            <translation>Stocktake</translation>
        </message>
        <message>
            <source>采购金额（元，采购时填）</source>
            <translation>Cost in yuan (when bought)</translation>
        </message>
    </context>
    <context>
        <name>StorePage</name>
        <message>
            <source>入库…</source>
            <translation>Receive…</translation>
        </message>
        <message>
            <source>商品</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>库存</source>
            <translation>Stock</translation>
        </message>
        <message>
            <source>打印小票 (Ctrl+P)</source>
            <translation>Print receipt (Ctrl+P)</translation>
        </message>
        <message>
            <source>捐赠方</source>
            <translation>Donor</translation>
        </message>
        <message>
            <source>盘点…</source>
            <translation>Stocktake…</translation>
        </message>
        <message>
            <source>积分价</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>积分超市</source>
            <translation>Points store</translation>
        </message>
        <message>
            <source>积分超市小票</source>
            <translation>Points store receipt</translation>
        </message>
        <message>
            <source>{name} 已经下架。</source>
            <translation>{name} is retired already.</translation>
        </message>
        <message>
            <source>{name}（已下架）</source>
            <translation>{name} (retired)</translation>
        </message>
        <message>
            <source>下架</source>
            <translation>Retire</translation>
        </message>
        <message>
            <source>下架…</source>
            <translation>Retire…</translation>
        </message>
        <message>
            <source>确定下架“{name}”吗？
现有 {stock} {unit}；下架后不能再兑换，
它的兑换和库存记录都保留。</source>
            <translation>Retire “{name}”?
{stock} {unit} in stock; once retired it can no longer be sold;
its sales and stock movements are kept.</translation>
        </message>
        <message>
            <source>下架商品</source>
            <translation>Retire an item</translation>
        </message>
        <message>
            <source>修改…</source>
            <translation>Change…</translation>
        </message>
        <message>
            <source>变动记录…</source>
            <translation>Movements…</translation>
        </message>
        <message>
            <source>已下架 {name}</source>
            <translation>Retired {name}</translation>
        </message>
        <message>
            <source>新增商品…</source>
            <translation>Add item…</translation>
        </message>
        <message>
            <source>显示已下架的商品</source>
            <translation>Show retired items</translation>
        </message>
        <message>
            <source>请先在右侧商品表中选择一件商品。</source>
            <translation>Choose an item in the table on the right first.</translation>
        </message>
        <message>
            <source>（低库存）</source>
            <translation> (low)</translation>
        </message>
    </context>
    <context>
        <name>TagsBox</name>
        <message>
            <source>居民标签</source>
            <translation>Resident tags</translation>
        </message>
        <message>
            <source>新标签名称，或所选标签的新名称</source>
            <translation>A new tag's name, or the chosen tag's new name</translation>
        </message>
        <message>
            <source>添加标签</source>
            <translation>Add tag</translation>
        </message>
        <message>
            <source>改名</source>
            <translation>Rename</translation>
        </message>
        <message>
            <source>停用</source>
            <translation>Retire</translation>
        </message>
        <message>
            <source>{tag}（已停用）</source>
            <translation>{tag} (retired)</translation>
        </message>
        <message>
            <source>已添加标签“{tag}”</source>
            <translation>Tag “{tag}” added</translation>
        </message>
        <message>
            <source>标签已改名为“{tag}”</source>
            <translation>Tag renamed to “{tag}”</translation>
        </message>
        <message>
            <source>停用标签</source>
            <translation>Retire tag</translation>
        </message>
        <message>
            <source>停用后不能再给居民添加“{tag}”，已有此标签的居民保留它。确定停用吗？</source>
            <translation>Once retired, “{tag}” is given to no one new; residents who have it keep it. Retire it?</translation>
        </message>
        <message>
            <source>已停用标签“{tag}”</source>
            <translation>Tag “{tag}” retired</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>TeamDialog</name>
        <message>
            <source>新建志愿服务队</source>
            <translation>New volunteer team</translation>
        </message>
        <message>
            <source>例如：红色志愿服务队</source>
            <translation>e.g. Red volunteer team</translation>
        </message>
        <message>
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>居民编号、卡号或姓名（可不填）</source>
            <translation>Resident number, card code or name (optional)</translation>
        </message>
        <message>
            <source>共建单位的队伍填写，例如：新华幼儿园</source>
            <translation>For a partner unit's team, e.g. Xinhua Kindergarten</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>队名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>颜色</source>
            <translation>Colour</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>上级队伍</source>
            <translation>Parent team</translation>
        </message>
        <message>
            <source>队长</source>
            <translation>Leader</translation>
        </message>
        <message>
            <source>共建单位</source>
            <translation>Partner unit</translation>
        </message>
        <message>
            <source>已新建志愿服务队：{name}</source>
            <translation>Added the team {name}</translation>
        </message>
    </context>
    <context>
        <name>TeamsTab</name>
        <message>
            <source>新建队伍</source>
            <translation>New team</translation>
        </message>
        <message>
            <source>居民编号、卡号或姓名，回车入队</source>
            <translation>Resident number, card code or name, then Enter to join</translation>
        </message>
        <message>
            <source>离队（Delete）</source>
            <translation>Leave (Delete)</translation>
        </message>
        <message>
            <source>成员</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>组织的活动</source>
            <translation>Activities organised</translation>
        </message>
        <message>
            <source>还没有志愿服务队，请先新建队伍。</source>
            <translation>No volunteer teams yet: add one first.</translation>
        </message>
        <message>
            <source>{name}：志愿服务 {hours} 小时，现有成员 {count} 人</source>
            <translation>{name}: {hours} volunteer hours, {count} members now</translation>
        </message>
        <message>
            <source>{name}（{no}）已加入{team}</source>
            <translation>{name} ({no}) joined {team}</translation>
        </message>
        <message>
            <source>{name}（{no}）已是{team}成员</source>
            <translation>{name} ({no}) is already a member of {team}</translation>
        </message>
        <message>
            <source>离队</source>
            <translation>Leave</translation>
        </message>
        <message>
            <source>{name}（{no}）今天离开{team}？</source>
            <translation>{name} ({no}) leaves {team} today?</translation>
        </message>
        <message>
            <source>{name} 已于 {date} 离开{team}</source>
            <translation>{name} left {team} on {date}</translation>
        </message>
    </context>
    <context>
        <name>Titles</name>
        <message>
            <source>文明实践站前台</source>
            <translation>StationDesk</translation>
        </message>
    </context>
    <context>
        <name>VolunteersTab</name>
        <message>
            <source>查找志愿者：姓名、拼音首字母、手机号后四位或居民编号</source>
            <translation>Find a volunteer: name, pinyin initials, last 4 digits of the phone or resident number</translation>
        </message>
        <message>
            <source>最早</source>
            <translation>Earliest</translation>
        </message>
        <message>
            <source>可留空，打印后手签</source>
            <translation>May stay empty: signed by hand once printed</translation>
        </message>
        <message>
            <source>默认为当前经办人</source>
            <translation>The clerk on duty, if left empty</translation>
        </message>
        <message>
            <source>打印完整证件号（管理员，记入审计）</source>
            <translation>Print the full ID number (admin, audited)</translation>
        </message>
        <message>
            <source>出具证明…</source>
            <translation>Issue certificate…</translation>
        </message>
        <message>
            <source>导出全国志愿服务信息系统表…</source>
            <translation>Export for the national volunteer system…</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>负责人</source>
            <translation>Person in charge</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Handler</translation>
        </message>
        <message>
            <source>证明登记簿</source>
            <translation>Certificate register</translation>
        </message>
        <message>
            <source>请先查找并选择一位志愿者</source>
            <translation>Find and choose a volunteer first</translation>
        </message>
        <message>
            <source>{name}（{no}）{id_type} {id}</source>
            <translation>{name} ({no}) {id_type} {id}</translation>
        </message>
        <message>
            <source>星级：{star}（累计 {hours} 小时）</source>
            <translation>Star level: {star} ({hours} hours in all)</translation>
        </message>
        <message>
            <source>星级：{star}（累计 {hours} 小时，再服务 {left} 小时升{next}）</source>
            <translation>Star level: {star} ({hours} hours in all; {left} more hours to {next})</translation>
        </message>
        <message>
            <source>（已离队）</source>
            <translation> (left)</translation>
        </message>
        <message>
            <source>{year} 年 {count} 次 {hours} 小时</source>
            <translation>{year}: {count} activities, {hours} hours</translation>
        </message>
        <message>
            <source>队伍：{teams}</source>
            <translation>Teams: {teams}</translation>
        </message>
        <message>
            <source>本期：{hours} 小时；分年度：{years}</source>
            <translation>This period: {hours} hours; by year: {years}</translation>
        </message>
        <message>
            <source>为 {name} 出具 {hours} 小时的志愿服务记录证明？编号将记入登记簿，不能撤回。</source>
            <translation>Issue a service certificate of {hours} hours for {name}? Its number goes into the register and cannot be taken back.</translation>
        </message>
        <message>
            <source>证明上将印完整证件号，此操作记入审计日志。</source>
            <translation> The full ID number will be printed on it; this is written to the audit log.</translation>
        </message>
        <message>
            <source>出具证明</source>
            <translation>Issue certificate</translation>
        </message>
        <message>
            <source>出具</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>已出具志愿服务记录证明 {number}</source>
            <translation>Service certificate {number} issued</translation>
        </message>
        <message>
            <source>志愿服务记录证明 {number}</source>
            <translation>Service certificate {number}</translation>
        </message>
        <message>
            <source>选择导出位置（文件含完整证件号和手机号）</source>
            <translation>Choose where to export (the file holds full ID numbers and phones)</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>已导出 {rows} 行（{volunteers} 名志愿者）：{path}</source>
            <translation>Exported {rows} rows ({volunteers} volunteers): {path}</translation>
        </message>
        <message>
            <source>未到一星</source>
            <translation>below one star</translation>
        </message>
        <message>
            <source>一星</source>
            <translation>one star</translation>
        </message>
        <message>
            <source>二星</source>
            <translation>two stars</translation>
        </message>
        <message>
            <source>三星</source>
            <translation>three stars</translation>
        </message>
        <message>
            <source>四星</source>
            <translation>four stars</translation>
        </message>
        <message>
            <source>五星</source>
            <translation>five stars</translation>
        </message>
    </context>
    <context>
        <name>WaitDialog</name>
        <message>
            <source>请稍候</source>
            <translation>Please wait</translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <source>{who}：{date}“{title}”。撤销后记录保留备查，不再上榜。</source>
            <translation>{who}: “{title}” of {date}. Once withdrawn it stays on file but leaves the roll.</translation>
        </message>
        <message>
            <source>已撤销表彰：{who}（{title}）</source>
            <translation>Commendation withdrawn: {who} ({title})</translation>
        </message>
        <message>
            <source>撤销</source>
            <translation>Withdraw</translation>
        </message>
        <message>
            <source>撤销理由，如 登记错了人</source>
            <translation>Why, e.g. recorded for the wrong person</translation>
        </message>
        <message>
            <source>撤销表彰</source>
            <translation>Withdraw a commendation</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>确定撤销 {who} 的“{title}”表彰吗？</source>
            <translation>Withdraw the commendation “{title}” of {who}?</translation>
        </message>
    </context>
    <context>
        <name>YearEndPage</name>
        <message>
            <source>撤销理由（必填）</source>
            <translation>Reason for reversing (required)</translation>
        </message>
        <message>
            <source>撤销这次清零…</source>
            <translation>Reverse this clearing…</translation>
        </message>
        <message>
            <source>撤销理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>尚无清零记录。</source>
            <translation>No clearing yet.</translation>
        </message>
        <message>
            <source>最近一次清零：截止日 {cutoff}，{residents} 位居民，共 {points} 分。</source>
            <translation>Newest clearing: cut-off {cutoff}, {residents} residents, {points} points in all.</translation>
        </message>
        <message>
            <source>撤销清零必须填写理由。</source>
            <translation>Reversing a clearing needs a reason.</translation>
        </message>
        <message>
            <source>确定撤销截止日 {cutoff} 的清零吗？
将给 {residents} 位居民退回共 {points} 分。理由：{reason}</source>
            <translation>Reverse the clearing with the cut-off {cutoff}?
{residents} residents get {points} points back in all. Reason: {reason}</translation>
        </message>
        <message>
            <source>撤销年终清零</source>
            <translation>Reverse a year-end clearing</translation>
        </message>
        <message>
            <source>撤销清零</source>
            <translation>Reverse clearing</translation>
        </message>
        <message>
            <source>正在撤销清零…</source>
            <translation>Reversing the clearing…</translation>
        </message>
        <message>
            <source>已撤销截止日 {cutoff} 的清零：{residents} 位居民，共退回 {points} 分。</source>
            <translation>The clearing with the cut-off {cutoff} is reversed: {residents} residents, {points} points given back.</translation>
        </message>
        <message>
            <source>处理过期兑换券</source>
            <translation>Settle expired vouchers</translation>
        </message>
        <message>
            <source>处理过期兑换券…</source>
            <translation>Settle expired vouchers…</translation>
        </message>
        <message>
            <source>已将 {count} 张过期兑换券标记为过期（共 {points} 分）。</source>
            <translation>{count} vouchers past their validity marked expired ({points} points in all).</translation>
        </message>
        <message>
            <source>已过有效期、还未核销的兑换券标记为过期，之后扫码会提示已过期。积分不退回。</source>
            <translation>Vouchers past their validity and not yet redeemed are marked expired; scanning one then says so. The points are not refunded.</translation>
        </message>
        <message>
            <source>年终处理</source>
            <translation>Year end</translation>
        </message>
        <message>
            <source>年终积分清零</source>
            <translation>Year-end clearing of points</translation>
        </message>
        <message>
            <source>截止日当天及以前获得、至今仍未使用的积分作废；之后获得的积分、已发放的兑换券都不受影响。</source>
            <translation>Points earned on or before the cut-off date and still unspent expire; points earned later and vouchers already issued are not affected.</translation>
        </message>
        <message>
            <source>截止日期</source>
            <translation>Cut-off date</translation>
        </message>
        <message>
            <source>标记过期</source>
            <translation>Mark expired</translation>
        </message>
        <message>
            <source>正在处理过期兑换券…</source>
            <translation>Settling expired vouchers…</translation>
        </message>
        <message>
            <source>正在清零…</source>
            <translation>Clearing points…</translation>
        </message>
        <message>
            <source>清零</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>确定将 {cutoff} 及以前获得、仍未使用的积分全部清零吗？
这会影响所有居民；清零有误时，管理员可在本页撤销最近一次清零。</source>
            <translation>Clear every point earned on or before {cutoff} and still unspent?
This affects every resident; if it was a mistake, an admin can reverse the newest clearing on this page.</translation>
        </message>
        <message>
            <source>确定把今天以前到期、还未核销的兑换券全部标记为过期吗？积分不退回。</source>
            <translation>Mark every voucher that ran out before today and is not redeemed as expired? The points are not refunded.</translation>
        </message>
        <message>
            <source>积分清零…</source>
            <translation>Clear points…</translation>
        </message>
        <message>
            <source>积分清零完成：{residents} 位居民，共 {points} 分。</source>
            <translation>Points cleared: {residents} residents, {points} points in all.</translation>
        </message>
        <message>
            <source>过期兑换券</source>
            <translation>Expired vouchers</translation>
        </message>
    </context>
    <context>
        <name>WholeCheck</name>
        <message>
            <source>正在后台检查数据</source>
            <translation>Checking the data in the background</translation>
        </message>
        <message>
            <source>检查整个数据库（不影响正常登记）</source>
            <translation>Checking the whole database (recording goes on as usual)</translation>
        </message>
        <message>
            <source>数据有问题，已停止写入</source>
            <translation>Data problem: writing stopped</translation>
        </message>
        <message>
            <source>后台数据检查未能完成：{reason}</source>
            <translation>The background data check did not finish: {reason}</translation>
        </message>
    </context>
    <context>
        <name>DemoBanner</name>
        <message>
            <source>正在清除演示数据…</source>
            <translation>Clearing the demo data…</translation>
        </message>
        <message>
            <source>没有清除，数据保持原样：{reason}</source>
            <translation>Nothing was cleared; the data is as it was: {reason}</translation>
        </message>
        <message>
            <source>清除全部演示数据，本站正式启用吗？

• 居民、积分流水、兑换券、签到和审计日志从零开始；
• 保留站点设置、积分目录、经办人账号（密码不变）和自行添加的商户；
• 演示数据库原样另存到数据目录的 demo-日期 文件夹，不会删除；
• 演示兑换券在正式启用后一律不能核销。

窗口将关闭，完成后请重新登录。</source>
            <translation>Clear all demo data and start using this station for real?

• Residents, ledger, vouchers, check-ins and the audit log start from nothing;
• the station settings, the deed catalogue, clerk accounts (passwords unchanged) and merchants you added are kept;
• the demo database is set aside untouched in a demo-DATE folder of the data directory, not deleted;
• demo vouchers can never be redeemed once the station is in real use.

The window will close; sign in again when it is done.</translation>
        </message>
        <message>
            <source>清除并正式启用</source>
            <translation>Clear and start for real</translation>
        </message>
        <message>
            <source>清除演示数据</source>
            <translation>Clear demo data</translation>
        </message>
        <message>
            <source>清除演示数据，正式启用…</source>
            <translation>Clear demo data, start for real…</translation>
        </message>
        <message>
            <source>演示数据 — 不是真实记录 / Demo data — not real records</source>
            <translation>Demo data — not real records / 演示数据 — 不是真实记录</translation>
        </message>
        <message>
            <source>演示数据已清除，本站正式启用。演示数据库原样保存在 {path}。请用原来的账号登录。</source>
            <translation>The demo data is cleared and the station is in real use. The demo database is kept as it was in {path}. Sign in with your usual account.</translation>
        </message>
        <message>
            <source>请 {name} 输入管理员密码以确认。</source>
            <translation>{name}, enter your administrator password to confirm.</translation>
        </message>
    </context>
</TS>
