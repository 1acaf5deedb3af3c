"""Demo data that takes code to write: a year of confirmed meetings whose
attendance posts its points, and about a thousand other points entries over
the demo year, in every state. A model of its own, without a table, so that
the demo data's ``<function>`` can call it and the production models carry
none of it."""

import random
from datetime import date, datetime, time, timedelta

from odoo import Command, _, api, fields, models

from ..lib.assessment import REVIEW_CHOICES, notice_end

# The topics of a year of meetings, per meeting type (xml id in
# party_points): one per month, quarter or year of the type's frequency.
MEETING_TOPICS = {
    "meeting_type_assembly": [
        "学习贯彻全国两会精神，部署一季度安全生产重点工作",
        "讨论发展对象转为预备党员，通报迎峰度夏准备情况",
        "三季度党员大会：机组检修攻坚动员，评议先锋岗",
        "四季度党员大会：年度工作总结与党费收缴情况通报",
    ],
    "meeting_type_committee": [
        "研究全年党建工作要点和“三会一课”计划",
        "研究春检期间党员责任区划分",
        "研究入党积极分子培养考察情况",
        "研究“说句心里话”恳谈会收集问题的分办",
        "研究迎峰度夏党员突击队组建",
        "研究上半年党员积分初评结果",
        "研究高温季节职工慰问安排",
        "研究#2机组检修党员先锋岗设置",
        "研究主题党日活动方案及发展党员计划",
        "研究冬季供热保障党员攻坚任务",
        "研究年度民主评议党员工作方案",
        "研究年度党建工作述职和考核准备",
    ],
    "meeting_type_group": [
        "学习新年贺词，交流个人年度学习计划",
        "学习安全生产责任制，对照岗位查隐患",
        "交流全国两会精神学习体会",
        "检查春检中党员责任区落实情况",
        "学习纪律处分条例相关条款",
        "交流迎峰度夏保供经验",
        "纪念建党105周年，交流入党初心",
        "讨论高温作业职工关爱措施",
        "学习典型案例，开展警示教育交流",
        "交流#2机组检修中党员先锋作用发挥",
        "征求对支部工作的意见建议",
        "对照积分细则开展党员互评",
    ],
    "meeting_type_lecture": [
        "书记讲党课：安全生产责任体系与党员担当",
        "党课：从“两票三制”看党员的规矩意识",
        "党课：新时代产业工人队伍建设改革",
        "党课：以严的基调强化正风肃纪",
    ],
    "meeting_type_theme_day": [
        "主题党日：重温入党誓词，开展新春走访慰问",
        "主题党日：学雷锋志愿服务进社区",
        "主题党日：清明祭扫革命烈士陵园",
        "主题党日：春检现场党员安全隐患随手拍",
        "主题党日：“安全生产月”应急演练",
        "主题党日：迎“七一”知识竞赛",
        "主题党日：党员身边无违章承诺践诺",
        "主题党日：高温一线送清凉",
        "主题党日：观看警示教育片并交流讨论",
        "主题党日：机组检修现场党员突击队授旗",
        "主题党日：冬季供热保障进社区宣讲",
        "主题党日：年度党员积分公示与评议",
    ],
    "meeting_type_life": [
        "2025年度组织生活会暨民主评议党员",
    ],
}
# Why members were excused from a meeting (granted leave).
EXCUSES = [
    "当班值班，经支部书记同意请假",
    "上夜班后补休，已提前请假",
    "参加集团公司技能培训，不在厂内",
    "出差赴设备厂家参加出厂验收",
    "因病就医，已报病假",
    "家中老人住院陪护，已请事假",
    "机组消缺抢修在现场，无法脱身",
    "休年假外出，已提前报备",
    "参加上级公司安全督查，不在厂内",
    "孩子生病需照顾，已请事假",
]
# The few faults a year of a branch's members really shows (codes of the
# sample rule book's negative list) with what was recorded: study notes
# not kept, once or twice a quarter in a plant of forty members; shirking a
# task, once a year. Neither 党费 (a flag for the branch, not points) nor
# improper remarks (a discipline case, not a routine entry) are drawn.
NEGATIVES = {
    "JL03": [
        "季度学习笔记检查未达到规定篇数。",
        "网络学院必修课程本季度未完成。",
        "专题学习心得未按时提交，经提醒后仍未补交。",
        "支部集中学习后的测试未达到合格分数。",
    ],
    "JL04": [
        "春检期间不服从班组调配，拒绝承担分配的消缺任务。",
    ],
}
# The share of a meeting's members away (mostly excused), by branch (xml
# id in party_points); the maintenance branch, the plant's model branch,
# keeps its attendance above 95 %.
AWAY_SHARES = {"party_branch_maint_demo": (0.0, 0.05)}
AWAY_SHARE = (0.02, 0.10)
# One member in ten draws one of these a year.
NEGATIVE_SHARE = 0.1
# What employees write in the half-year staff rating of their branch.
STAFF_COMMENTS = [
    "支部组织的技能比武很实用，希望多搞一些",
    "夜班职工的就餐问题反映过几次，希望尽快解决",
    "党员责任区公示牌上的联系人电话有的已经换了",
    "检修现场的安全交底比以前细致多了",
    "希望支部多听听一线班组的意见，少开会多到现场",
    "高温送清凉活动很暖心",
    "职工反映的澡堂热水不稳定问题已解决，点赞",
    "希望公开一下意见建议的办理进度",
    "倒班职工参加活动不方便，建议错峰安排",
    "新员工带教可以更系统一些",
]
# When the demo year's proposed grades were published (公示): Monday 9 November
# 2026, 9:00 Beijing time, in UTC; the branch meetings of that week.
NOTICE_START = datetime(2026, 11, 9, 1, 0)
# The afternoon a meeting starts, Beijing time (UTC+8), in UTC.
MEETING_HOUR_UTC = time(6, 30)


class PartyPointsDemoData(models.AbstractModel):
    # not "party.points.demo": an xml id ending in _demo (model_..._demo)
    # reads as a demo record, whose terms the translation checks leave out
    _name = "party.points.demo.data"
    _description = "Points Demo Data"

    @api.model
    def _generate_entries(self, seed, per_member=24, until=None):
        """Deterministic demo ledger: ``per_member`` entries for each active
        member, spread over the open and closed periods up to ``until``, in
        every state. Called by demo/party_points_entry_demo.xml only."""
        Entry = self.env["party.points.entry"]
        rng = random.Random(seed)
        until = fields.Date.to_date(until) if until else fields.Date.context_today(self)
        ruleset = self.env.ref("party_points.party_points_ruleset_default")
        # attendance of meetings is posted by confirming them (see
        # _generate_meetings), never by hand
        types = self.env["party.meeting.type"].search(
            ["|", ("attendance_rule_id", "!=", False), ("absence_rule_id", "!=", False)]
        )
        rules = ruleset.rule_ids.filtered(lambda rule: not rule.is_veto) - (
            types.attendance_rule_id | types.absence_rule_id
        )
        positives = rules.filtered(lambda rule: rule.list_type == "positive")
        periods = self.env["party.points.period"].search(
            [("ruleset_id", "=", ruleset.id), ("date_start", "<=", until)]
        )
        members = self.env["party.member"].search(
            [("company_id", "=", self.env.company.id)]
        )
        officer = self.env.ref("base.user_admin")
        vals_list, seen = [], set()
        for member in members:
            start = max(
                member.join_date or date(until.year, 1, 1),
                min(periods.mapped("date_start")),
            )
            span = (until - start).days
            if span < 0:
                continue
            for _index in range(per_member):
                day = start + timedelta(days=rng.randint(0, span))
                rule = rng.choice(positives)
                key = (member.id, rule.id, day)
                if key in seen:
                    continue
                seen.add(key)
                period = periods.filtered(
                    lambda p, day=day: p.date_start <= day <= p.date_end
                )
                roll = rng.random()
                if period.state == "closed" or period.date_end < until - timedelta(
                    days=40
                ):
                    state = "rejected" if roll < 0.06 else "approved"
                else:
                    state = (
                        "draft"
                        if roll < 0.15
                        else "submitted"
                        if roll < 0.4
                        else "rejected"
                        if roll < 0.47
                        else "approved"
                    )
                unit = rule.points
                if rule.is_range:
                    unit = rng.randint(int(rule.points_min), int(rule.points_max))
                vals_list.append(
                    {
                        "member_id": member.id,
                        "rule_id": rule.id,
                        "date": day,
                        "quantity": 1,
                        "unit_points": unit,
                        "origin": "claim" if rule.member_claimable else "manual",
                        "state": state,
                        "reject_reason": state == "rejected"
                        and "佐证材料不足，请补充后重新申报。",
                        "approved_by_id": state == "approved" and officer.id,
                        "approved_date": state == "approved"
                        and fields.Datetime.to_datetime(day),
                    }
                )
        vals_list += self._negative_entries(rng, ruleset, members, periods, until)
        entries = Entry._workflow_env().create(vals_list)
        # claims of items that ask for evidence carry a (short) document
        claims = entries.filtered(
            lambda entry: entry.origin == "claim" and entry.rule_id.evidence_required
        )
        attachments = self.env["ir.attachment"].create(
            [
                {
                    "name": "佐证材料.txt",
                    "raw": f"{entry.member_id.name} {entry.rule_id.name} "
                    f"{entry.date}".encode(),
                    "res_model": Entry._name,
                    "res_id": entry.id,
                }
                for entry in claims
            ]
        )
        for entry, attachment in zip(claims, attachments, strict=True):
            entry._workflow_write({"attachment_ids": [Command.link(attachment.id)]})
        self._file_claims(
            entries.filtered(lambda entry: entry.origin == "claim"), seed, until
        )
        return entries

    @api.model
    def _file_claims(self, claims, seed, until):
        """Claims as members file them: within two days of the activity,
        and approved by the branch one to five days later (by ``until`` at
        the latest), not at the moment the demo is installed. A random
        stream of their own: the rest of the demo stays as it was."""
        rng = random.Random(seed + 1)
        last = datetime.combine(until, MEETING_HOUR_UTC)
        ids, filed_list, approved_list = [], [], []
        for entry in claims.sorted("id"):
            filed = min(
                datetime.combine(entry.date, time(rng.randint(1, 9)))
                + timedelta(days=rng.randint(0, 2)),
                last,
            )
            approved = min(
                filed + timedelta(days=rng.randint(1, 5), hours=rng.randint(0, 5)),
                last,
            )
            ids.append(entry.id)
            filed_list.append(filed)
            approved_list.append(approved)
        self.env.flush_all()
        self.env.cr.execute(
            """UPDATE party_points_entry entry
            SET create_date = claim.filed,
                approved_date = CASE WHEN entry.state = 'approved'
                    THEN claim.approved ELSE entry.approved_date END
            FROM unnest(%s::int[], %s::timestamp[], %s::timestamp[])
                AS claim(id, filed, approved)
            WHERE entry.id = claim.id""",
            [ids, filed_list, approved_list],
        )
        claims.invalidate_recordset(["create_date", "approved_date"])

    @api.model
    def _negative_entries(self, rng, ruleset, members, periods, until):
        """Rare and plausible faults: ``NEGATIVE_SHARE`` of the members
        draw one entry of ``NEGATIVES`` each, recorded by an officer with
        what happened and approved (submitted if its period is recent)."""
        rules = {
            rule.code: rule
            for rule in ruleset.rule_ids
            if rule.code in NEGATIVES and not rule.is_veto
        }
        codes = [code for code in NEGATIVES for _text in NEGATIVES[code]]
        first = min(periods.mapped("date_start"))
        officer = self.env.ref("base.user_admin")
        vals_list = []
        count = round(len(members) * NEGATIVE_SHARE)
        for member in rng.sample(list(members), min(count, len(members))):
            code = rng.choice(codes)
            if code not in rules:
                continue
            start = max(member.join_date or first, first)
            if start > until:
                continue
            day = start + timedelta(days=rng.randint(0, (until - start).days))
            recent = day > until - timedelta(days=40)
            vals_list.append(
                {
                    "member_id": member.id,
                    "rule_id": rules[code].id,
                    "date": day,
                    "quantity": 1,
                    "unit_points": rules[code].points,
                    "origin": "manual",
                    "description": rng.choice(NEGATIVES[code]),
                    "state": "submitted" if recent else "approved",
                    "approved_by_id": not recent and officer.id,
                    "approved_date": not recent and fields.Datetime.to_datetime(day),
                }
            )
        return vals_list

    @api.model
    def _meeting_days(self, frequency, rng, until):
        """The days of a year of meetings at ``frequency``: a weekday of each
        month, of the last month of each quarter, or of January, in the year
        of ``until``; the meeting of the month the demo is seen from
        (``until``'s) already held by then."""
        year = until.year
        months = {
            "monthly": range(1, 13),
            "quarterly": (3, 6, 9, 12),
            "yearly": (1,),
        }[frequency]
        days = []
        for month in months:
            day = date(year, month, rng.randint(8, 24))
            while day.weekday() >= 5:
                day += timedelta(days=1)
            if day.replace(day=1) == until.replace(day=1) and day > until:
                day = until
                while day.weekday() >= 5:
                    day -= timedelta(days=1)
            days.append(day)
        return days

    @api.model
    def _generate_meetings(self, seed, until):
        """A year of meetings in each demo branch at the types' required
        frequencies (branch meetings, committee meetings, Party group
        meetings in each group, lectures, theme days, the organisational
        life meeting), confirmed up to ``until``
        so that their attendance posts the points: 90-98 % present, a few
        excused with a reason, rare absences; members exempted for a period
        are excused for its meetings. Later ones stay planned. Called by
        demo/party_points_entry_demo.xml only."""
        rng = random.Random(seed)
        until = fields.Date.to_date(until)
        admin = self.env.ref("base.user_admin")
        branches = self.env["party.branch"].search(
            [("company_id", "=", self.env.company.id), ("member_ids", "!=", False)]
        )
        vals_list = []
        groups = self.env["party.group"].search([("branch_id", "in", branches.ids)])
        for xmlid, topics in MEETING_TOPICS.items():
            meeting_type = self.env.ref(f"party_points.{xmlid}")
            # a Party group meeting in each group, the others in each branch
            units = (
                [(group.branch_id, group) for group in groups]
                if meeting_type.audience == "group"
                else [(branch, groups.browse()) for branch in branches]
            )
            for branch, group in units:
                days = self._meeting_days(meeting_type.frequency, rng, until)
                for day, topic in zip(days, topics, strict=True):
                    start = datetime.combine(day, MEETING_HOUR_UTC)
                    vals_list.append(
                        {
                            "name": f"{group.name}：{topic}" if group else topic,
                            "type_id": meeting_type.id,
                            "branch_id": branch.id,
                            "group_id": group.id,
                            "date_start": start,
                            "date_end": start + timedelta(hours=1, minutes=30),
                            "place": {
                                "branch": "党员活动室",
                                "group": "班组学习室",
                            }.get(meeting_type.audience, "支部办公室"),
                            "host_id": branch.secretary_id.id,
                            "recorder_id": admin.id,
                            "minutes": day <= until
                            and f"<p>{topic}。</p><p>与会同志围绕议题逐一发言，"
                            "会议形成决议并明确了责任人和完成时限。</p>",
                        }
                    )
        Meeting = self.env["party.meeting"]
        meetings = Meeting.create(vals_list)
        held = meetings.filtered(
            lambda meeting: meeting.date_start.date() <= until
        ).sorted("date_start")
        lines = held.attendance_ids
        # nobody attends a meeting before they joined the Party
        lines.filtered(
            lambda line: (
                line.member_id.join_date
                and line.member_id.join_date > line.meeting_id.date_start.date()
            )
        ).unlink()
        lines = lines.exists()
        by_status, excused = {"late": [], "absent": []}, {}
        exemptions = self.env["party.points.exemption"].search(
            [("member_id", "in", lines.member_id.ids)]
        )
        for exemption in exemptions:
            period = exemption.period_id
            for line in lines.filtered(
                lambda line, e=exemption, p=period: (
                    line.member_id == e.member_id
                    and p.date_start <= line.meeting_id.date_start.date() <= p.date_end
                )
            ):
                excused[line.id] = exemption.reason
        away_shares = {
            self.env.ref(f"party_points.{xmlid}"): share
            for xmlid, share in AWAY_SHARES.items()
        }
        for meeting in held:
            attendees = [
                line
                for line in meeting.attendance_ids.exists()
                if line.id not in excused
            ]
            rng.shuffle(attendees)
            share = away_shares.get(meeting.branch_id, AWAY_SHARE)
            missing = round(len(attendees) * rng.uniform(*share))
            for line in attendees[:missing]:
                if rng.random() < 0.85:
                    excused[line.id] = rng.choice(EXCUSES)
                else:
                    by_status["absent"].append(line.id)
            if rng.random() < 0.3 and len(attendees) > missing:
                by_status["late"].append(attendees[missing].id)
        Line = self.env["party.meeting.attendance"]
        for status, ids in by_status.items():
            Line.browse(ids).write({"status": status})
        reasons = {}
        for line_id, reason in excused.items():
            reasons.setdefault(reason, []).append(line_id)
        for reason, ids in reasons.items():
            Line.browse(ids).write({"status": "excused", "excuse_reason": reason})
        held.with_user(admin).action_confirm()
        return meetings

    @api.model
    def _generate_assessment(self, seed, period_xmlids):
        """The demo year assessed: the closed quarters of ``period_xmlids``
        (closed here when still open) combined by their average, the
        民主评议 votes as counts (one UPDATE; demo members cast none on the
        portal), self-assessments and branch opinions, the proposed grades
        published on NOTICE_START, one objection upheld and one rejected,
        the 不合格 a veto proposes not carried by the branch meeting and
        graded 基本合格 by the committee, a correction plan for each
        基本合格, and the grades made final after the notice. Called by
        party_ledger's demo (demo/party_ledger_talk_demo.xml) only."""
        rng = random.Random(seed)
        periods = self.env["party.points.period"].browse(
            [self.env.ref(xmlid).id for xmlid in period_xmlids]
        )
        periods.filtered(lambda period: period.state != "closed").action_close()
        assessment = self.env["party.points.assessment"].create(
            {
                "name": "2026年度党员考评",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "period_ids": [Command.set(periods.ids)],
                "combine_method": "average",
            }
        )
        assessment.action_compute()
        lines = assessment.line_ids.filtered(lambda line: line.category != "exempt")
        # the 民主评议 votes: each fellow member of the branch votes, mostly
        # 优秀 or 合格; the lowest-scored member without a veto is voted
        # down by their branch (a fifth 基本合格, the rest 不合格)
        by_branch = {}
        for line in lines:
            by_branch.setdefault(line.branch_id, []).append(line)
        low = min(
            lines.filtered(lambda line: not line.veto_effect),
            key=lambda line: (line.composite, line.id),
        )
        counts = {}
        for branch_lines in by_branch.values():
            voters = len(branch_lines) - 1
            for line in branch_lines:
                if line == low:
                    basic = voters // 5
                    counts[line.id] = [0, 0, basic, voters - basic]
                    continue
                votes = rng.choices(REVIEW_CHOICES, weights=(5, 12, 1, 0), k=voters)
                counts[line.id] = [votes.count(choice) for choice in REVIEW_CHOICES]
        self.env.flush_all()
        self.env.cr.execute(
            """UPDATE party_points_assessment_line line
            SET review_excellent = vote.e, review_qualified = vote.q,
                review_basic = vote.b, review_unqualified = vote.u
            FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[], %s::int[])
                AS vote(id, e, q, b, u)
            WHERE line.id = vote.id""",
            [
                list(counts),
                *(list(column) for column in zip(*counts.values(), strict=True)),
            ],
        )
        assessment.line_ids.invalidate_recordset()
        assessment.action_compute()
        lines = {line.member_id: line for line in assessment.line_ids}
        users = self.env["party.member"].search(
            [("user_id", "!=", False), ("id", "in", [m.id for m in lines])]
        )
        texts = {
            "self": "本年度按时参加“三会一课”，在#2机组检修中带头攻坚；不足是理论学习"
            "不够系统，明年制定学习计划逐月落实。",
            "opinion": "该同志政治立场坚定，岗位工作扎实，能发挥先锋模范作用；希望在"
            "理论学习上持续用力。",
        }
        own = self.env["party.points.assessment.line"].browse(
            [lines[member].id for member in users]
        )
        own._workflow_write(
            {
                "self_assessment": texts["self"],
                "self_assessment_date": fields.Datetime.now(),
                "branch_opinion": texts["opinion"],
                "branch_opinion_by_id": self.env.ref("base.user_admin").id,
            }
        )
        assessment.action_publish()
        published = assessment.message_ids[:1]
        # 异议: one upheld (a missed bonus), one rejected (the veto counted)
        graded = own.filtered(lambda line: line.category != "exempt")
        # (a member of the maintenance branch, whose excellent members stay
        # within the third with one more)
        qualified = graded.filtered(lambda line: line.final_grade == "qualified")
        filer = (
            qualified.filtered(
                lambda line: (
                    line.branch_id
                    == self.env.ref("party_points.party_branch_maint_demo")
                )
            )[:1]
            or qualified[:1]
        )
        vetoed = assessment.line_ids.filtered(
            lambda line: line.veto_effect == "no_excellent"
        )
        other = (graded - filer).filtered(
            lambda line: line.branch_id in vetoed.branch_id
        )[:1] or (graded - filer)[:1]
        Objection = self.env["party.points.assessment.objection"]
        upheld = Objection.with_user(filer.member_id.user_id).create(
            {
                "line_id": filer.id,
                "reason": "三季度参加#2机组检修党员突击队的加分未计入，"
                "已附调度值班记录。",
            }
        )
        target = vetoed.filtered(lambda line: line.branch_id == other.branch_id)[:1]
        target = target or other
        rejected = Objection.with_user(other.member_id.user_id).create(
            {
                "line_id": target.id,
                "reason": "该同志全年积分较高，建议评为优秀。",
            }
        )
        # the secretary answers, the committee decides
        upheld, rejected = Objection.browse(upheld.id), Objection.browse(rejected.id)
        (upheld | rejected).write({"answer": "支部已核对积分台账和会议记录。"})
        (upheld | rejected).action_answer()
        upheld.write(
            {
                "new_grade": "excellent",
                "decision_note": "经核实突击队加分漏登，补登后评为优秀，重新公示。",
            }
        )
        upheld.action_uphold()
        rejected.write(
            {
                "decision_note": "该同志本年度受警告处分，按办法不得评为优秀，"
                "维持原评定。"
            }
        )
        rejected.action_reject()
        Followup = self.env["party.points.assessment.followup"]
        followups = Followup.search([("assessment_id", "=", assessment.id)])
        # the 不合格 a veto proposes does not carry at the branch meeting (a
        # veto only proposes): the committee grades the member 基本合格
        for followup in followups.filtered(lambda f: f.grade == "unqualified"):
            members = followup._branch_member_count()
            present = members - 1
            votes_for = present // 2
            meeting = NOTICE_START + timedelta(days=3)
            followup.line_id.action_decide_grade(
                "basic",
                f"{meeting.month}月{meeting.day}日支部大会对该同志拟定不合格进行"
                f"表决：应到{members}人，实到{present}人，赞成{votes_for}票、反对"
                f"{present - votes_for - 1}票、弃权1票，未过半数。"
                "鉴于其并非事件组织者，事后主动向支部说明情况并作出书面检查，"
                "党委研究评定为基本合格，限期整改。",
            )
        # 基本合格: each with its correction plan
        plans = [
            (
                "每月参加支部集中学习并提交学习笔记；承担一项班组安全隐患排查任务；"
                "年底前向支部书面报告整改情况。"
            ),
            (
                "认真学习《中国共产党纪律处分条例》并撰写心得；向支部作出书面检查；"
                "半年内每季度向支部书记汇报思想和工作情况。"
            ),
        ]
        for followup, plan in zip(
            followups.filtered(lambda f: f.grade == "basic"), plans, strict=False
        ):
            followup.write({"plan_text": plan, "plan_deadline": date(2027, 3, 31)})
            followup.action_record_plan()
        # the notice ran its seven days before the demo's day: every
        # objection decided, the grades made final
        end = notice_end(NOTICE_START, assessment.notice_days)
        old_end = assessment.notice_end
        assessment._workflow_write({"notice_start": NOTICE_START, "notice_end": end})
        assessment.action_finalize()
        self._backdate_assessment(assessment, published, old_end)
        return assessment

    @api.model
    def _backdate_assessment(self, assessment, published, old_end):
        """The dates of what the demo did at install moved into the notice
        of NOTICE_START: self-assessments written the week before,
        objections filed on its second day, answered on its third, decided
        on its fifth, the committee's grades on its sixth; the grades made
        final two days after the notice ended."""
        day = timedelta(days=1)
        end = assessment.notice_end
        published.sudo().write(
            {
                "date": NOTICE_START,
                "body": published.body.replace(str(old_end), str(end)),
            }
        )
        assessment.message_ids[:1].sudo().date = end + 2 * day
        assessment.sudo().objection_ids._workflow_write(
            {
                "filed_date": NOTICE_START + day,
                "answered_date": NOTICE_START + 2 * day,
                "decided_date": NOTICE_START + 4 * day,
            }
        )
        lines = assessment.sudo().line_ids
        for field, moment in (
            ("self_assessment_date", NOTICE_START - 5 * day),
            ("republished_date", NOTICE_START + 4 * day),
            ("decided_date", NOTICE_START + 5 * day),
        ):
            lines.filtered(field)._workflow_write({field: moment})
        assessment._workflow_write({"final_date": end + 2 * day})

    @api.model
    def _generate_staff_rating(self, seed):
        """The demo year's staff rating of the branches: the first half-year
        closed, each branch rated by most of its staff, and the second
        half-year open, three employees of each branch having rated so far
        (too few for any average to show). Set-based: one insert
        per branch and round (see party.staff.rating.round._insert_rating).
        Called by demo/party_staff_rating_demo.xml only."""
        rng = random.Random(seed)
        ref = self.env.ref
        Round = self.env["party.staff.rating.round"]
        branches = (
            ref("party_points.party_branch_ops_demo")
            | ref("party_points.party_branch_maint_demo")
            | ref("party_points.party_branch_office_demo")
        )
        # the branch serving each department
        for department, branch in (
            ("hr_department_ops_demo", "party_branch_ops_demo"),
            ("hr_department_maint_demo", "party_branch_maint_demo"),
            ("hr_department_office_demo", "party_branch_office_demo"),
            ("hr_department_party_demo", "party_branch_office_demo"),
        ):
            ref(f"party_points.{department}").party_branch_id = ref(
                f"party_points.{branch}"
            )
        # who rates which branch: the members their branch, the others the
        # branch serving their department
        members = self.env["party.member"].search([("branch_id", "in", branches.ids)])
        raters = {
            branch: members.filtered(lambda m, b=branch: m.branch_id == b).employee_id
            for branch in branches
        }
        others = self.env["hr.employee"].search(
            [
                ("company_id", "=", self.env.company.id),
                ("party_member_ids", "=", False),
                ("department_id.party_branch_id", "in", branches.ids),
            ]
        )
        for employee in others:
            branch = employee.department_id.party_branch_id
            raters[branch] |= employee
        # how each branch is seen: its staff's usual score per question
        leaning = {
            ref("party_points.party_branch_ops_demo"): (4.6, 4.4, 4.2),
            ref("party_points.party_branch_maint_demo"): (4.8, 4.6, 4.7),
            ref("party_points.party_branch_office_demo"): (4.6, 4.7, 4.4),
        }

        def scores(branch):
            return {
                question: max(1, min(5, round(rng.gauss(mean, 0.8))))
                for question, mean in zip(
                    ("score_service", "score_response", "score_practical"),
                    leaning[branch],
                    strict=True,
                )
            }

        first = Round.create(
            {
                "name": "2026年上半年职工评议支部",
                "date_from": "2026-01-01",
                "date_to": "2026-06-30",
                "branch_ids": [Command.set(branches.ids)],
            }
        )
        second = Round.create(
            {
                "name": "2026年下半年职工评议支部",
                "date_from": "2026-07-01",
                "date_to": "2026-12-31",
                "branch_ids": [Command.set(branches.ids)],
            }
        )
        first.action_open()
        for branch, employees in raters.items():
            employees = employees.sorted("id")
            share = employees[: max(5, round(len(employees) * 0.85))]
            rated = [scores(branch) for _employee in share]
            comments = [
                rng.choice(STAFF_COMMENTS) if rng.random() < 0.4 else ""
                for _employee in share
            ]
            if share:
                first._insert_rating(share, branch, rated, comments)
        first.action_close()
        second.action_open()
        for branch, employees in raters.items():
            early = employees.sorted("id")[:3]
            if early:
                second._insert_rating(
                    early, branch, [scores(branch) for _e in early], [""] * len(early)
                )
        return first | second

    @api.model
    def _generate_star_ratings(self, year):
        """The star rating of each demo branch for the demo year ``year``
        (not today's: the demo's records do not move with the clock),
        evaluated from the demo's records as a secretary sees it late in
        the year: the maintenance branch has proven every evidence
        criterion and reaches 5 stars; the office branch has proven those
        up to 4 stars and had the first of 5 stars refused; the operations
        branch has proven those up to 4 stars too, and submitted one of 5
        stars the committee has not decided yet, but its ledger's closure
        rate alone holds it at 3 stars. Called by party_ledger's demo, last
        (the ledger's figures count)."""
        ref = self.env.ref
        office = ref("party_points.party_branch_office_demo")
        plans = {
            ref("party_points.party_branch_ops_demo"): 4,
            ref("party_points.party_branch_maint_demo"): 5,
            office: 4,
        }
        branches = self.env["party.branch"].union(*plans)
        ratings = self.env["party.branch.rating"]._rate(branches, year)
        for rating in ratings:
            target = plans[rating.branch_id]
            evidence = rating.line_ids.filtered(
                lambda line: line.method == "evidence"
            ).sorted(lambda line: (line.level, line.class_sequence, line.sequence))
            proven = evidence.filtered(lambda line, t=target: int(line.level) <= t)
            early = (evidence - proven)[:1]
            for line in proven | early:
                line.evidence_note = _(
                    "%(criterion)s: see the attached records.",
                    criterion=line.criterion_id.name,
                )
            (proven | early).action_submit()
            proven.action_accept()
            if rating.branch_id == office:
                early.action_refuse(
                    _("The training records of two activists are missing.")
                )
        ratings.action_evaluate()
        return ratings
