"""Issue 11, section 3: bad input gets a clear error and saves nothing.

Numbers that are no numbers (NaN, infinities), absurd magnitudes, dates
with trailing text or out of any plausible range, texts of a megabyte and
uploads whose name lies about their content, tried as a member (ORM), a
portal member (HTTP), a branch officer and the Party committee (ORM, XML-RPC
and import). Each test asserts the refusal, that it is a sentence and not a
crash, and that nothing was stored.
"""

from xmlrpc import client as xmlrpclib

import psycopg2

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import PointsCase
from .test_portal import PDF, PNG, PortalPointsCase

NAN, INF = float("nan"), float("inf")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<html><body><script>alert(1)</script></body></html>"
# The RPC fault code of a UserError (a warning), as opposed to a crash (1).
RPC_WARNING = 2


@tagged("post_install", "-at_install")
class TestAttackInputOrm(PointsCase):
    """Every path through the ORM: members, officers, the committee, import."""

    def _entries(self):
        return self.env["party.points.entry"].search_count([])

    def _assert_refused(self, message, function, *args, **kwargs):
        before = self._entries()
        with self.assertRaisesRegex(ValidationError, message):
            function(*args, **kwargs)
        self.assertEqual(self._entries(), before)

    def test_member_claims_of_no_number_are_refused(self):
        Entry = self.env["party.points.entry"].with_user(self.user_a1)
        for quantity, message in (
            (NAN, "must be a number"),
            (INF, "must be a number"),
            (-INF, "must be a number"),
            ("nan", "must be a number"),
            ("Infinity", "must be a number"),
            (1e300, "between 0 and 10000"),
            (10_001, "between 0 and 10000"),
        ):
            with self.subTest(quantity=quantity):
                self._assert_refused(
                    message,
                    Entry.create,
                    {
                        "member_id": self.member_a1.id,
                        "rule_id": self.r_meet.id,
                        "date": "2031-02-10",
                        "quantity": quantity,
                    },
                )

    def test_member_cannot_write_no_number_into_a_draft(self):
        draft = self._entry(self.member_a1, self.r_meet, approve=False)
        mine = draft.with_user(self.user_a1)
        for quantity in (NAN, INF, 1e300):
            with self.subTest(quantity=quantity):
                with self.assertRaisesRegex(ValidationError, "Quantity"):
                    mine.write({"quantity": quantity})
                draft.invalidate_recordset()
                self.assertEqual(draft.quantity, 1)

    def test_officer_range_points_of_no_number_are_refused(self):
        Entry = self.env["party.points.entry"].with_user(self.officer_a)
        for unit in (NAN, INF, 1e300):
            with self.subTest(unit=unit):
                self._assert_refused(
                    "Unit Points",
                    Entry.create,
                    {
                        "member_id": self.member_a1.id,
                        "rule_id": self.r_innov.id,
                        "date": "2031-02-10",
                        "unit_points": unit,
                    },
                )

    def test_dates_with_trailing_text_or_out_of_range_are_refused(self):
        Entry = self.env["party.points.entry"].with_user(self.officer_a)
        for day, message in (
            ("2031-02-10xyz", "is not a date"),
            ("2031-02-10 00:00:00junk", "is not a date"),
            ("2031-02-30", "is not a date"),
            ("9999-12-31", "not a plausible date"),
            ("0001-01-01", "not a plausible date"),
        ):
            with self.subTest(day=day):
                self._assert_refused(
                    message,
                    Entry.create,
                    {
                        "member_id": self.member_a1.id,
                        "rule_id": self.r_absent.id,
                        "date": day,
                    },
                )

    def test_long_texts_are_refused(self):
        Entry = self.env["party.points.entry"].with_user(self.user_a1)
        self._assert_refused(
            "Description is too long: 10001 characters",
            Entry.create,
            {
                "member_id": self.member_a1.id,
                "rule_id": self.r_meet.id,
                "date": "2031-02-10",
                "description": "x" * 10_001,
            },
        )
        entry = self._entry(self.member_a1, self.r_absent, approve=False)
        with self.assertRaisesRegex(ValidationError, "too long"):
            entry.with_user(self.officer_a).action_reject("x" * 10_001)
        self.assertEqual(entry.state, "draft")

    def test_rule_book_numbers_are_refused(self):
        ruleset = self.ruleset.with_user(self.manager)
        for field in (
            "base_score",
            "min_score",
            "max_score",
            "excellent_min",
            "qualified_min",
            "basic_min",
            "excellent_quota",
        ):
            for value in (NAN, INF, 1e300):
                with (
                    self.subTest(field=field, value=value),
                    self.assertRaises(ValidationError),
                ):
                    ruleset.write({field: value})
        self.ruleset.invalidate_recordset()
        self.assertEqual(
            (self.ruleset.base_score, self.ruleset.excellent_min), (70, 90)
        )
        rule = self.r_innov.with_user(self.manager)
        for field in ("points", "points_min", "points_max", "period_cap"):
            for value in (NAN, INF, -INF, 1e300, 10_001):
                with (
                    self.subTest(field=field, value=value),
                    self.assertRaises(ValidationError),
                ):
                    rule.write({field: value})
        with self.assertRaisesRegex(ValidationError, "Period Cap"):
            self.cat_study.with_user(self.manager).write({"period_cap": NAN})
        Rule = self.env["party.points.rule"].with_user(self.manager)
        with self.assertRaisesRegex(ValidationError, "Name is too long"):
            Rule.create(
                {
                    "code": "LONG",
                    "name": "x" * 1000,
                    "ruleset_id": self.ruleset.id,
                    "category_id": self.cat_study.id,
                }
            )
        self.assertFalse(Rule.search([("code", "=", "LONG")]))
        self.r_innov.invalidate_recordset()
        self.assertEqual(
            (self.r_innov.points, self.r_innov.points_max, self.cat_study.period_cap),
            (5, 10, 15),
        )

    def test_periods_exemptions_and_members_refuse_bad_dates_and_texts(self):
        Period = self.env["party.points.period"].with_user(self.manager)
        before = Period.search_count([])
        for start, end in (
            ("2032-01-01", "9999-12-31"),
            ("0001-01-01", "2032-12-31"),
            ("2032-01-01xyz", "2032-12-31"),
        ):
            with self.subTest(start=start, end=end), self.assertRaises(ValidationError):
                Period.create(
                    {
                        "name": "2032",
                        "ruleset_id": self.ruleset.id,
                        "date_start": start,
                        "date_end": end,
                    }
                )
        self.assertEqual(Period.search_count([]), before)
        Exemption = self.env["party.points.exemption"].with_user(self.officer_a)
        with self.assertRaisesRegex(ValidationError, "Reason is too long"):
            Exemption.create(
                {
                    "member_id": self.member_a2.id,
                    "period_id": self.period.id,
                    "reason": "x" * 20_000,
                }
            )
        self.assertFalse(self.period.exemption_ids)
        with self.assertRaisesRegex(ValidationError, "Joined"):
            self.member_a2.with_user(self.manager).write({"join_date": "9999-12-31"})

    def test_import_refuses_no_numbers_and_truncated_dates(self):
        Entry = self.env["party.points.entry"].with_user(self.officer_a)
        fields = ["member_id/.id", "rule_id/.id", "date", "quantity"]
        member, rule = str(self.member_a1.id), str(self.r_absent.id)
        for row, message in (
            ([member, rule, "2031-02-10", "nan"], "must be a number"),
            ([member, rule, "2031-02-10", "inf"], "must be a number"),
            ([member, rule, "2031-02-10", "1e300"], "between 0 and 10000"),
            ([member, rule, "2031-02-10xyz", "1"], "is not a date"),
            ([member, rule, "9999-12-31", "1"], "not a plausible date"),
        ):
            with self.subTest(row=row):
                before = self._entries()
                result = Entry.load(fields, [row])
                self.assertFalse(result["ids"])
                self.assertRegex(
                    " ".join(message["message"] for message in result["messages"]),
                    message,
                )
                self.assertEqual(self._entries(), before)
        # a good row imports
        result = Entry.load(fields, [[member, rule, "2031-02-11", "1"]])
        self.assertEqual(len(result["ids"]), 1, result["messages"])

    @mute_logger("odoo.sql_db")
    def test_the_database_refuses_nan_too(self):
        """Whatever writes the table, NaN, infinities and absurd values are
        refused by the database itself (PostgreSQL sorts NaN above every
        number, so the upper bounds refuse it)."""
        entry = self._entry(self.member_a1, self.r_meet, approve=False)
        for column, value in (
            ("quantity", "NaN"),
            ("quantity", "Infinity"),
            ("quantity", "1e300"),
            ("unit_points", "NaN"),
            ("points", "-Infinity"),
        ):
            with (
                self.subTest(column=column, value=value),
                self.assertRaises(psycopg2.errors.CheckViolation),
                self.env.cr.savepoint(),
            ):
                self.env.cr.execute(
                    f"UPDATE party_points_entry SET {column} = %s::float8"
                    " WHERE id = %s",
                    (value, entry.id),
                )
        for table, column in (
            ("party_points_rule", "points"),
            ("party_points_rule", "period_cap"),
            ("party_points_category", "period_cap"),
            ("party_points_ruleset", "base_score"),
        ):
            with (
                self.subTest(table=table, column=column),
                self.assertRaises(psycopg2.errors.CheckViolation),
                self.env.cr.savepoint(),
            ):
                self.env.cr.execute(f"UPDATE {table} SET {column} = 'NaN'::float8")

    def test_evidence_is_never_a_web_page(self):
        entry = self._entry(self.member_a1, self.r_meet, approve=False)
        page = self.env["ir.attachment"].create(
            {
                "name": "evidence.html",
                "raw": HTML,
                "mimetype": "text/html",
                "res_model": entry._name,
                "res_id": entry.id,
            }
        )
        self.assertEqual(page.mimetype, "text/html")
        with (
            self.assertRaisesRegex(ValidationError, "cannot be evidence"),
            self.env.cr.savepoint(),
        ):
            entry.write({"attachment_ids": [Command.link(page.id)]})
        entry.invalidate_recordset()
        self.assertFalse(entry.attachment_ids)


@tagged("post_install", "-at_install")
class TestAttackInputHttp(PortalPointsCase):
    """The portal claim form and XML-RPC, as a portal member and as a branch
    officer and the committee of the portal plant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.officer = new_test_user(
            cls.env,
            "attack_input_officer",
            groups="party_points.group_party_officer",
            **common,
        )
        cls.committee_user = new_test_user(
            cls.env,
            "attack_input_committee",
            groups="party_points.group_party_manager",
            **common,
        )
        cls.branch.secretary_id = cls.env["hr.employee"].create(
            {
                "name": "Secretary Lu",
                "user_id": cls.officer.id,
                "company_id": cls.company.id,
            }
        )

    def _attachments(self):
        return self.env["ir.attachment"].search_count(
            [("res_model", "=", "party.points.entry")]
        )

    def _assert_claim_refused(self, message, files=None, **data):
        attachments = self._attachments()
        page = self._claim(files=files, **data)
        self.assertEqual(page.status_code, 200)
        self.assertIn(message, page.text)
        self.assertNotIn("Traceback", page.text)
        self.assertFalse(self._claims())
        self.assertEqual(self._attachments(), attachments)

    def test_portal_claims_of_no_number_are_refused(self):
        self._login(self.user_me)
        for quantity in ("nan", "NaN", "inf", "-inf", "Infinity", "1e999", "x"):
            with self.subTest(quantity=quantity):
                self._assert_claim_refused("must be a number", quantity=quantity)
        for quantity in ("1e300", "10001"):
            with self.subTest(quantity=quantity):
                self._assert_claim_refused("at most 10000", quantity=quantity)
        # the member's pages still work
        self.assertEqual(self.url_open("/my/points").status_code, 200)

    def test_portal_claims_with_bad_dates_are_refused(self):
        self._login(self.user_me)
        for day in ("2031-02-10xyz", "2031-02-10 00:00:00junk", "10/02/2031", ""):
            with self.subTest(day=day):
                self._assert_claim_refused("is not a date", date=day)
        for day in ("9999-12-31", "0001-01-01"):
            with self.subTest(day=day):
                self._assert_claim_refused("not a plausible date", date=day)

    def test_portal_claims_with_long_texts_are_refused(self):
        self._login(self.user_me)
        self._assert_claim_refused("too long", description="x" * 10_001)

    def test_evidence_typed_by_its_content(self):
        self._login(self.user_me)
        self._assert_claim_refused(
            "rename it to end in .png",
            rule_id=self.r_essay.id,
            files={"evidence": [("photo.html", PNG, "text/html")]},
        )
        self._assert_claim_refused(
            "is not a photo",
            rule_id=self.r_essay.id,
            files={"evidence": [("drawing.png", SVG, "image/png")]},
        )
        self._assert_claim_refused(
            "is not a photo",
            rule_id=self.r_essay.id,
            files={"evidence": [("page.pdf", HTML, "application/pdf")]},
        )
        self._claim(
            rule_id=self.r_essay.id,
            files={
                "evidence": [
                    ("photo", PNG, "text/html"),
                    ("scan.PDF", PDF, "text/html"),
                ]
            },
        )
        claim = self._claims()
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(
            sorted(claim.attachment_ids.mapped(lambda a: (a.name, a.mimetype))),
            [("photo.png", "image/png"), ("scan.PDF", "application/pdf")],
        )

    # -- XML-RPC --------------------------------------------------------------

    def _rpc(self, user, model, method, *args):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args)
        )

    def _assert_rpc_refused(self, message, user, model, method, *args):
        with self.assertRaises(xmlrpclib.Fault) as caught:
            self._rpc(user, model, method, *args)
        fault = caught.exception
        self.assertEqual(fault.faultCode, RPC_WARNING, fault.faultString)
        self.assertIn(message, fault.faultString)
        self.assertNotIn("Traceback", fault.faultString)

    def test_rpc_entries_of_no_number_or_bad_dates_are_refused(self):
        Entry = self.env["party.points.entry"]
        before = Entry.search_count([])
        vals = {
            "member_id": self.member_me.id,
            "rule_id": self.r_award.id,
            "date": "2031-02-10",
        }
        for change, message in (
            ({"quantity": NAN}, "must be a number"),
            ({"quantity": INF}, "must be a number"),
            ({"quantity": "nan"}, "must be a number"),
            ({"quantity": 1e300}, "between 0 and 10000"),
            ({"date": "2031-02-10xyz"}, "is not a date"),
            ({"date": "9999-12-31"}, "not a plausible date"),
            ({"description": "x" * 10_001}, "too long"),
        ):
            with self.subTest(change=change):
                self._assert_rpc_refused(
                    message,
                    self.officer,
                    "party.points.entry",
                    "create",
                    dict(vals, **change),
                )
        self.assertEqual(Entry.search_count([]), before)
        entry_id = self._rpc(self.officer, "party.points.entry", "create", vals)
        self._assert_rpc_refused(
            "must be a number",
            self.officer,
            "party.points.entry",
            "write",
            [entry_id],
            {"quantity": NAN},
        )
        self.assertEqual(Entry.browse(entry_id).quantity, 1)

    def test_rpc_rule_book_of_no_number_is_refused(self):
        for model, record, vals in (
            ("party.points.ruleset", self.ruleset, {"base_score": NAN}),
            ("party.points.ruleset", self.ruleset, {"excellent_min": INF}),
            ("party.points.ruleset", self.ruleset, {"max_score": 1e300}),
            ("party.points.rule", self.r_meet, {"points": NAN}),
            ("party.points.rule", self.r_meet, {"period_cap": 1e300}),
            ("party.points.category", self.cat_study, {"period_cap": INF}),
            ("party.points.period", self.period, {"date_end": "9999-12-31"}),
            ("party.points.period", self.period, {"date_end": "2031-03-31junk"}),
        ):
            with self.subTest(model=model, vals=vals):
                self._assert_rpc_refused(
                    "", self.committee_user, model, "write", [record.id], vals
                )
        self.ruleset.invalidate_recordset()
        self.assertEqual(self.ruleset.base_score, 70)
        self.assertEqual(self.r_meet.points, 2)
        self.assertEqual(str(self.period.date_end), "2031-03-31")

    def test_rpc_import_refuses_truncated_dates(self):
        before = self.env["party.points.entry"].search_count([])
        result = self._rpc(
            self.officer,
            "party.points.entry",
            "load",
            ["member_id/.id", "rule_id/.id", "date", "quantity"],
            [[str(self.member_me.id), str(self.r_award.id), "2031-02-10xyz", "1"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("is not a date", result["messages"][0]["message"])
        self.assertEqual(self.env["party.points.entry"].search_count([]), before)

    def test_export_routes_refuse_absurd_ids(self):
        self._login(self.user_me)
        response = self.url_open(
            f"/party_points/export/member?period_id={10**20}"
            f"&member_id={self.member_me.id}"
        )
        self.assertEqual(response.status_code, 400)
