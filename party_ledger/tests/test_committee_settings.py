from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestCommitteeSettings(LedgerCase):
    """The Party committee sets the ledger's clocks without administrator
    rights; nobody else does."""

    def test_committee_opens_and_saves_the_clocks(self):
        self.assertFalse(self.manager.has_group("base.group_system"))
        company = self.manager.company_id
        company.party_response_hours_urgent = 24
        form = Form(self.env["party.ledger.settings"].with_user(self.manager))
        self.assertEqual(form.party_response_hours_urgent, 24)
        form.party_response_hours_urgent = 12
        form.party_completion_days_normal = 20
        form.party_reminder_hours = 48
        self.assertFalse(form.party_basic_counts_satisfied)
        form.party_basic_counts_satisfied = True
        form.save().action_save()
        self.assertTrue(company.party_basic_counts_satisfied)
        self.assertEqual(company.party_response_hours_urgent, 12)
        self.assertEqual(company.party_completion_days_normal, 20)
        self.assertEqual(company.party_reminder_hours, 48)
        # and new items take them
        item = self._classified(urgency="urgent")
        self.assertEqual(
            (item.response_deadline - item.date_received).total_seconds(), 12 * 3600
        )

    def test_the_menu_opens_the_committee_form(self):
        menu = self.env.ref("party_ledger.party_ledger_menu_settings")
        self.assertEqual(
            menu.action,
            self.env.ref("party_ledger.party_ledger_settings_committee_action"),
        )
        visible = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        visible = self.env["ir.ui.menu"].with_user(self.officer_a)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)

    def test_members_and_officers_cannot_change_the_clocks(self):
        company = self.env.company
        before = company.party_response_hours_urgent
        for user in (self.user_a1, self.officer_a, self.user_emp):
            with self.assertRaises(AccessError):
                self.env["party.ledger.settings"].with_user(user).create(
                    {"party_response_hours_urgent": 1}
                )
            # a record made by someone else does not help either
            settings = self.env["party.ledger.settings"].create(
                {"party_response_hours_urgent": 1}
            )
            with self.assertRaises(AccessError):
                settings.with_user(user).action_save()
        self.assertEqual(company.party_response_hours_urgent, before)

    def test_committee_cannot_set_another_companys_clocks(self):
        other = self.env["res.company"].create({"name": "Other Plant"})
        before = other.party_response_hours_urgent
        settings = self.env["party.ledger.settings"].create(
            {"company_id": other.id, "party_response_hours_urgent": 1}
        )
        with self.assertRaises(AccessError):
            settings.with_user(self.manager).action_save()
        self.assertEqual(other.party_response_hours_urgent, before)
