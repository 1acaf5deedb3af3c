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
