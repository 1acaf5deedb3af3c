from odoo.tests import HttpCase, tagged

from .test_wish import WishCase


@tagged("post_install", "-at_install")
class TestWishBackofficeTours(WishCase, HttpCase):
    """The wish review a branch officer performs in the back office, in a
    browser."""

    def test_officer_accepts_one_wish_and_declines_another(self):
        lamp = self._raise(name="一盏护眼台灯")
        canteen = self._raise(name="新建职工食堂")
        self.start_tour(
            "/web#action=party_ledger.party_wish_action&view_type=list",
            "party_ledger_wish_review",
            login=self.officer_a.login,
        )
        self.assertEqual(lamp.state, "accepted")
        self.assertRecordValues(
            canteen,
            [
                {
                    "state": "declined",
                    "decline_reason": "新建食堂需列入公司年度投资计划，"
                    "已转请工会向公司反映。",
                }
            ],
        )
