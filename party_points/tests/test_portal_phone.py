import re

from odoo.tests import tagged

from .test_portal import PortalPointsCase


@tagged("post_install", "-at_install")
class TestPortalOnAPhone(PortalPointsCase):
    """What a member sees of the Party cards and lists on /my, at phone
    width as anywhere."""

    def test_home_cards_use_the_portal_icon_size(self):
        self._login(self.user_me)
        page = self.url_open("/my").text
        icons = re.findall(
            r'<img[^>]*src="/party_\w+/static/description/icon.png"[^>]*>', page
        )
        self.assertTrue(icons)
        for icon in icons:
            self.assertIn('width="64"', icon)
            self.assertIn('height="64"', icon)

    def test_my_claims_card_opens_the_list_of_claims(self):
        self._login(self.user_me)
        page = self.url_open("/my").text
        self.assertRegex(page, r'href="/my/points/claims"[^>]*title="My Claims"')
        claim = self._entry(self.member_me, self.r_meet, approve=False, origin="claim")
        claim.action_submit()
        rejected = self._entry(
            self.member_me, self.r_meet, quantity=2, approve=False, origin="claim"
        )
        rejected.action_reject("Not a branch meeting")
        self._entry(self.member_me, self.r_award)  # recorded by the branch
        self._entry(self.member_other, self.r_meet, approve=False, origin="claim")
        page = self.url_open("/my/points/claims")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count("o_party_claim_row"), 2)
        self.assertIn(f'href="/my/points/entries/{claim.id}"', page.text)
        self.assertIn("Not a branch meeting", page.text)
        self.assertNotIn("Plant award", page.text)
        self.assertIn('href="/my/points/claim"', page.text)
        # and the claim form leads back to the list
        self.assertIn(
            'href="/my/points/claims"', self.url_open("/my/points/claim").text
        )

    def test_claims_page_needs_a_member(self):
        self._login(self.user_worker)
        self.assertEqual(self.url_open("/my/points/claims").url.split("/", 3)[-1], "my")

    def test_entries_show_their_period(self):
        self._entry(self.member_me, self.r_meet)
        self._login(self.user_me)
        page = self.url_open("/my/points").text
        periods = re.findall(r'o_party_entry_period">([^<]*)<', page)
        self.assertEqual(sorted(periods), ["2030 Q4", "2031 Q1"])
