from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoPlant(TransactionCase):
    """The demo reads as a Chinese plant: its logo, Beijing time, a Chinese
    administrator and no English sample employees to pick."""

    def setUp(self):
        super().setUp()
        if not self.env.ref(
            "party_points.hr_employee_zhang_wei_demo", raise_if_not_found=False
        ):
            self.skipTest("no demo data")

    def test_every_demo_user_keeps_beijing_time(self):
        users = self.env["res.users"].search([("share", "=", False)])
        users |= self.env.ref("party_points.res_users_portal_jiang_tao_demo")
        users |= self.env.ref("base.demo_user0")
        self.assertEqual(set(users.mapped("tz")), {"Asia/Shanghai"})

    def test_the_administrator_is_not_mitchell_admin(self):
        admin = self.env.ref("base.user_admin")
        self.assertEqual(admin.name, "郭志远")
        self.assertEqual(self.env.ref("hr.employee_admin").name, "郭志远")

    def test_the_company_has_a_logo(self):
        company = self.env.ref("base.main_company")
        self.assertTrue(company.logo)
        self.assertTrue(company.logo.startswith(b"iVBORw0KGgo"))  # a PNG

    def test_pickers_offer_no_english_sample_employees(self):
        company = self.env.ref("base.main_company")
        offered = self.env["hr.employee"].search(
            [("company_id", "in", [company.id, False])]
        )
        self.assertIn(self.env.ref("party_points.hr_employee_zhang_wei_demo"), offered)
        for name in ("Abigail Peterson", "Marc Demo", "Mitchell Admin"):
            self.assertNotIn(name, offered.mapped("name"))
        self.assertFalse(self.env.ref("hr.employee_qdp").active)

    def test_attendance_points_come_from_a_year_of_meetings(self):
        """Each demo branch holds its meetings at the types' frequencies;
        confirmed, they post the attendance points (none typed by hand):
        90-98 % present, a few excused with a reason, rare absences."""
        Meeting = self.env["party.meeting"]
        ops = self.env.ref("party_points.party_branch_ops_demo")
        counts = {
            meeting_type: count
            for meeting_type, count in Meeting._read_group(
                [("branch_id", "=", ops.id)], ["type_id"], ["__count"]
            )
        }
        expected = {
            "meeting_type_assembly": 4,
            "meeting_type_committee": 12,
            "meeting_type_lecture": 4,
            "meeting_type_theme_day": 12,
            "meeting_type_life": 1,
        }
        for xmlid, count in expected.items():
            self.assertEqual(counts[self.env.ref(f"party_points.{xmlid}")], count)
        # a Party group meeting a month in each of the branch's two groups
        group_type = self.env.ref("party_points.meeting_type_group")
        self.assertEqual(counts[group_type], 24)
        control = self.env.ref("party_points.party_group_control_demo")
        by_group = Meeting.search([("group_id", "=", control.id)])
        self.assertEqual(len(by_group), 12)
        self.assertEqual(
            by_group.filtered(
                lambda meeting: meeting.state == "confirmed"
            ).attendance_ids.member_id,
            control.member_ids,
        )
        confirmed = Meeting.search([("state", "=", "confirmed")])
        self.assertTrue(confirmed)
        lines = confirmed.attendance_ids
        attended = lines.filtered(lambda line: line.status in ("present", "late"))
        self.assertTrue(0.90 <= len(attended) / len(lines) <= 0.98)
        excused = lines.filtered(lambda line: line.status == "excused")
        absent = lines.filtered(lambda line: line.status == "absent")
        self.assertTrue(excused.mapped("excuse_reason"))
        self.assertLess(len(absent), len(excused))
        # every attendance entry comes from a meeting, and every line that
        # earns a rule has its entry
        types = self.env["party.meeting.type"].search([])
        Entry = self.env["party.points.entry"]
        by_hand = Entry.search(
            [
                (
                    "rule_id",
                    "in",
                    (types.attendance_rule_id | types.absence_rule_id).ids,
                ),
                ("meeting_id", "=", False),
            ]
        )
        self.assertFalse(by_hand)
        earning = lines.filtered(
            lambda line: (
                line.status != "excused"
                and (
                    line.meeting_id.type_id.attendance_rule_id
                    if line.status != "absent"
                    else line.meeting_id.type_id.absence_rule_id
                )
            )
        )
        posted = Entry.search(
            [("meeting_id", "in", confirmed.ids), ("state", "=", "approved")]
        )
        self.assertEqual(len(posted), len(earning))

    def test_claims_wait_days_for_approval_not_none(self):
        """Members file their claims within days of the activity, and the
        branch approves them one to five days later."""
        claims = self.env["party.points.entry"].search(
            [
                ("origin", "=", "claim"),
                ("state", "=", "approved"),
                ("member_id.company_id", "=", self.env.ref("base.main_company").id),
            ]
        )
        self.assertGreater(len(claims), 100)
        waits = []
        for claim in claims:
            self.assertLessEqual(claim.date, claim.create_date.date(), claim.id)
            self.assertLessEqual(claim.create_date, claim.approved_date, claim.id)
            waits.append((claim.approved_date - claim.create_date).days)
        self.assertLessEqual(max(waits), 5)
        self.assertTrue(2 <= sum(waits) / len(waits) <= 4, sum(waits) / len(waits))
