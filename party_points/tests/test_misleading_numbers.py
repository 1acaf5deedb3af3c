import json

from lxml import etree

from odoo.tests import tagged

from odoo.addons.party_points import compat

from .common import PointsCase
from .test_portal import PortalPointsCase


@tagged("post_install", "-at_install")
class TestNumbersThatCount(PointsCase):
    """Lists and forms show the numbers that count, not sums of drafts."""

    def test_list_sums_only_approved_points(self):
        self._entry(self.member_a1, self.r_meet, day="2031-02-01")  # +2
        self._entry(self.member_a1, self.r_absent, day="2031-02-02")  # -2
        self._entry(self.member_a1, self.r_innov, day="2031-02-03")  # +5
        self._entry(self.member_a1, self.r_essay, approve=False, day="2031-02-04")
        pending = self._entry(self.member_a1, self.r_meet, approve=False, quantity=3)
        pending.action_submit()
        rejected = self._entry(self.member_a1, self.r_innov, approve=False, quantity=2)
        rejected.action_reject("Not this quarter")
        reversed_ = self._entry(self.member_a1, self.r_innov, day="2031-02-05")
        reversed_.action_reverse("Recorded twice")
        Entry = self.env["party.points.entry"]
        domain = [("member_id", "=", self.member_a1.id)]
        # the raw points of every state would say 2 - 2 + 5 + 3 + 6 + 10 + 5 - 5
        self.assertEqual(sum(Entry.search(domain).mapped("points")), 24)
        [(total,)] = Entry._read_group(domain, [], ["approved_points:sum"])
        self.assertEqual(total, 5)
        # the list's footer and group rows: what the web client asks for
        [group] = compat.web_read_group(
            Entry.with_user(self.officer_a),
            domain,
            ["approved_points", "points"],
            ["member_id"],
        )
        self.assertEqual(group["approved_points"], 5)
        self.assertNotIn("points", group)
        fields = Entry.fields_get(["points", "approved_points"])
        self.assertNotIn(compat.AGGREGATOR, fields["points"])
        self.assertEqual(fields["approved_points"][compat.AGGREGATOR], "sum")
        tree = etree.fromstring(
            Entry.get_view(view_type=compat.LIST_VIEW)["arch"].encode()
        )
        [summed] = tree.xpath("//field[@sum]")
        self.assertEqual(summed.get("name"), "approved_points")

    def test_rules_grouped_by_category_sum_nothing(self):
        for model, names in (
            ("party.points.rule", ["points", "points_min", "points_max", "period_cap"]),
            ("party.points.category", ["period_cap"]),
        ):
            Model = self.env[model]
            for name, description in Model.fields_get(names).items():
                self.assertNotIn(compat.AGGREGATOR, description, f"{model}.{name}")
            groups = compat.web_read_group(
                Model, [("ruleset_id", "=", self.ruleset.id)], names, ["list_type"]
            )
            self.assertTrue(groups)
            for group in groups:
                self.assertFalse(set(names).intersection(group), model)
            tree = etree.fromstring(
                Model.get_view(view_type=compat.LIST_VIEW)["arch"].encode()
            )
            self.assertFalse(tree.xpath("//field[@sum]"), model)

    def test_ranks_hidden_when_empty_and_vetoes_explained(self):
        self.env["party.points.exemption"].create(
            {
                "member_id": self.member_b2.id,
                "period_id": self.period.id,
                "reason": "Ill",
            }
        )
        self._entry(self.member_a1, self.r_meet)
        self._entry(self.member_a2, self.v_noex)
        results = self._close()
        unranked = results[self.member_b2]
        self.assertFalse(unranked.rank_in_branch)
        # the views show a rank only where there is one
        Result = self.env["party.points.result"]
        # (officers read the stored ranks, the form shows the visible ones)
        for view_type, prefix in ((compat.LIST_VIEW, ""), ("form", "visible_")):
            arch = etree.fromstring(
                Result.get_view(view_type=view_type)["arch"].encode()
            )
            for name in ("rank_in_branch", "rank_overall"):
                [node] = arch.xpath(f"//field[@name='{prefix}{name}']")
                self.assertIn(f"not {prefix}{name}", node.get("invisible"), view_type)
        vetoed = results[self.member_a2]
        self.assertTrue(vetoed.vetoed)
        self.assertEqual(
            vetoed.veto_note,
            "One-vote veto ([VNOEX] VNOEX): not eligible for the excellent grade.",
        )
        self.assertFalse(results[self.member_a1].veto_note)
        arch = etree.fromstring(
            Result.get_view(view_type=compat.LIST_VIEW)["arch"].encode()
        )
        self.assertTrue(arch.xpath("//field[@name='veto_note']"))

    def test_veto_notes_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self._entry(self.member_a1, self.v_zero)
        result = self._close()[self.member_a1]
        note = result.with_context(lang="zh_CN").veto_note
        self.assertIn("一票否决", note)
        self.assertIn("VZERO", note)


@tagged("post_install", "-at_install")
class TestPortalPendingEntries(PortalPointsCase):
    def test_branch_recorded_entries_waiting_are_shown_and_counted(self):
        claim = self._entry(self.member_me, self.r_meet, approve=False, origin="claim")
        claim.action_submit()
        recorded = self._entry(self.member_me, self.r_absent, approve=False, quantity=2)
        recorded.action_submit()
        self._entry(self.member_me, self.r_award)
        self._entry(self.member_other, self.r_absent, approve=False)
        self._login(self.user_me)
        counters = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["points_claim_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        self.assertEqual(counters, {"points_claim_count": 2})
        page = self.url_open("/my/points").text
        self.assertIn("o_party_branch_pending", page)
        self.assertIn("Waiting for approval (recorded by your branch): 1", page)
        self.assertIn(f"/my/points/entries/{recorded.id}", page)
        pending_card = page.split("o_party_branch_pending", 1)[1].split("</ul>", 1)[0]
        self.assertIn("Missed meeting", pending_card)
        self.assertNotIn("Branch meeting", pending_card)
        self.assertNotIn("Plant award", pending_card)
