"""Attacks on the seal of the points entry and the points period (issue 11,
section 1): each acts as a role, asserts the refusal and that nothing
changed."""

import ast
import inspect
import textwrap
import threading
import xmlrpc.client
from datetime import date

import psycopg2.errors

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, Form, HttpCase, get_db_name, new_test_user, tagged

from odoo.addons.party_points import compat

from .common import PointsCase

# the code of this project's addons (party_points and those built on it)
ADDONS = "odoo.addons.party_"


def marshal(value):
    """Marshal ``value`` as the XML-RPC endpoint does (no None allowed)."""
    return compat.xmlrpc_dumps(value)


@tagged("post_install", "-at_install")
class TestAttackEntrySeal(PointsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.veto = cls._entry(cls.member_a1, cls.v_zero)
        cls.draft_veto = cls._entry(
            cls.member_a2, cls.v_unq, approve=False, day=date(2031, 2, 11)
        )
        cls.rejected = cls._entry(cls.member_a1, cls.r_absent, approve=False)
        cls.rejected.action_reject("Not so")
        # a range item members may claim
        cls.r_idea = cls.env["party.points.rule"].create(
            {
                "code": "IDEA",
                "name": "IDEA",
                "ruleset_id": cls.ruleset.id,
                "category_id": cls.cat_vanguard.id,
                "points": 3,
                "points_min": 1,
                "points_max": 6,
                "member_claimable": True,
            }
        )

    def _close(self):
        """Settle the period's drafts (rejected), then close it."""
        self.env["party.points.entry"].search(
            [
                ("period_id", "=", self.period.id),
                ("state", "in", ("draft", "submitted")),
            ]
        ).action_reject("Settled before the close")
        return super()._close()

    def _snapshot(self, records, fnames):
        records.invalidate_recordset()
        return records.sudo().read(fnames)

    def test_nobody_writes_the_fields_copied_from_the_rule(self):
        """An officer clearing is_veto would silently remove a veto."""
        fnames = ["is_veto", "list_type", "category_id", "branch_id", "period_id"]
        forged = [
            {"is_veto": False},
            {"list_type": "positive"},
            {"category_id": self.cat_vanguard.id},
            {"branch_id": self.branch_b.id},
            {"period_id": False},
            {"company_id": False},
        ]
        for entry in (self.veto, self.draft_veto):
            before = self._snapshot(entry, fnames)
            for env_entry in (
                entry.with_user(self.officer_a),
                entry.with_user(self.manager),
                entry.sudo(),
            ):
                for vals in forged:
                    with (
                        self.subTest(entry=entry.state, user=env_entry.env.uid, **vals),
                        self.assertRaises(UserError),
                    ):
                        env_entry.write(vals)
            self.assertEqual(self._snapshot(entry, fnames), before)
        # nor on a new entry: a value away from the start is refused, one at
        # rest (as a form sends it) is computed from the rule instead
        Entry = self.env["party.points.entry"].with_user(self.officer_a)
        vals = {"member_id": self.member_a2.id, "date": self.day}
        for forged in (
            {"rule_id": self.r_absent.id, "is_veto": True},
            {"rule_id": self.r_absent.id, "list_type": "positive"},
            {"rule_id": self.r_absent.id, "category_id": self.cat_study.id},
            {"rule_id": self.r_absent.id, "branch_id": self.branch_b.id},
        ):
            with self.subTest(**forged), self.assertRaises(UserError):
                Entry.create(dict(vals, **forged))
        self.assertFalse(
            Entry.search(
                [
                    ("member_id", "=", self.member_a2.id),
                    ("rule_id", "=", self.r_absent.id),
                ]
            )
        )
        noex = Entry.create(dict(vals, rule_id=self.v_noex.id, is_veto=False))
        self.assertTrue(noex.is_veto)
        # the veto still counts
        result = self._close()[self.member_a1]
        self.assertEqual((result.veto_effect, result.score), ("zero", 0))

    def test_sealed_fields_resist_a_forged_context_key(self):
        before = self._snapshot(self.draft_veto, ["state", "points"])
        for key in ("party_workflow_seal", "party_points_workflow"):
            with self.assertRaises(UserError):
                self.draft_veto.with_user(self.manager).with_context(
                    **{key: True}
                ).write({"state": "approved"})
        self.assertEqual(self._snapshot(self.draft_veto, ["state", "points"]), before)

    def test_decided_entries_stay_as_they_are_for_managers_and_sudo(self):
        fnames = ["rule_id", "quantity", "description", "date"]
        for entry in (self.veto, self.rejected):
            before = self._snapshot(entry, fnames)
            for env_entry in (entry.with_user(self.manager), entry.sudo()):
                with self.assertRaises(UserError):
                    env_entry.write({"quantity": 9})
                with self.assertRaises(UserError):
                    env_entry.write({"rule_id": self.r_meet.id})
            self.assertEqual(self._snapshot(entry, fnames), before)

    def test_a_member_moves_no_claim_to_another_member_or_item(self):
        Entry = self.env["party.points.entry"].with_user(self.user_a1)
        claim = Entry.create(
            {
                "member_id": self.member_a1.id,
                "rule_id": self.r_meet.id,
                "date": self.day,
            }
        )
        fnames = ["member_id", "rule_id", "origin", "unit_points"]
        before = self._snapshot(claim, fnames)
        for vals in (
            {"member_id": self.member_a2.id},
            {"member_id": self.member_b1.id},
            {"rule_id": self.r_innov.id},  # not claimable
            {"rule_id": self.v_zero.id},  # a veto
            {"origin": "manual"},
            {"unit_points": 5},
        ):
            with self.subTest(**vals), self.assertRaises(UserError):
                claim.with_user(self.user_a1).write(vals)
        self.assertEqual(self._snapshot(claim, fnames), before)
        # nor by create
        for rule in (self.r_innov, self.v_zero):
            with self.assertRaises(UserError):
                Entry.create(
                    {
                        "member_id": self.member_a1.id,
                        "rule_id": rule.id,
                        "date": self.day,
                    }
                )
        with self.assertRaises(UserError):
            Entry.create(
                {
                    "member_id": self.member_a2.id,
                    "rule_id": self.r_meet.id,
                    "date": self.day,
                }
            )

    def test_the_approver_decides_the_points_of_a_range_claim(self):
        Entry = self.env["party.points.entry"].with_user(self.user_a1)
        with self.assertRaises(ValidationError):
            Entry.create(
                {
                    "member_id": self.member_a1.id,
                    "rule_id": self.r_idea.id,
                    "date": self.day,
                    "unit_points": 9,
                }
            )
        claim = Entry.create(
            {
                "member_id": self.member_a1.id,
                "rule_id": self.r_idea.id,
                "date": self.day,
            }
        )
        with self.assertRaises(UserError):
            claim.write({"unit_points": 6})
        self.assertEqual(claim.unit_points, 3)
        claim.with_user(self.officer_a).write({"unit_points": 5})
        claim.with_user(self.officer_a).action_approve()
        self.assertEqual(claim.points, 5)

    def test_an_officer_moves_no_entry_out_of_their_branches(self):
        entry = self._entry(self.member_a2, self.r_meet, approve=False)
        with self.assertRaises(AccessError):
            entry.with_user(self.officer_a).write({"member_id": self.member_b1.id})
        self.assertEqual(entry.member_id, self.member_a2)

    def test_nobody_decides_their_own_entry_even_unlinked(self):
        """Officer Li is a member of branch A; clearing the user on the
        member record does not make the entry someone else's."""
        own_member = self.env["party.member"].create(
            {"employee_id": self.emp_officer_a.id, "branch_id": self.branch_a.id}
        )
        own_member.with_user(self.officer_a).write({"user_id": False})
        self.assertFalse(own_member.user_id)
        draft = self._entry(own_member, self.r_absent, approve=False)
        approved = self._entry(own_member, self.r_meet)
        self.assertFalse(draft.with_user(self.officer_a).can_review)
        with self.assertRaises(UserError):
            draft.with_user(self.officer_a).action_approve()
        with self.assertRaises(UserError):
            draft.with_user(self.officer_a).action_reject("Mine")
        with self.assertRaises(UserError):
            approved.with_user(self.officer_a).action_reverse("Mine")
        self.assertEqual((draft.state, approved.state), ("draft", "approved"))
        self.assertFalse(approved.reversed_by_id)
        # another officer of the branch may (the committee does)
        draft.with_user(self.manager).action_reject("Not so")
        # nor their own tied grade
        self._entry(own_member, self.r_meet, day=date(2031, 2, 12), quantity=2)
        result = self._close()[own_member]
        result.sudo().write({"needs_decision": True})  # a tie, for the test
        with self.assertRaises(UserError):
            result.with_user(self.officer_a).action_set_grade("excellent", "Me")
        wizard = (
            self.env["party.points.grade.wizard"]
            .with_user(self.officer_a)
            .create({"result_id": result.id, "grade": "excellent", "reason": "Me"})
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        result.invalidate_recordset()
        self.assertTrue(result.needs_decision)
        self.assertFalse(result.decided_by_id)

    def test_closed_periods_keep_every_entry(self):
        self._close()
        self.assertTrue(self.rejected.exists())
        for env_entry in (
            self.rejected.with_user(self.officer_a),
            self.rejected.with_user(self.manager),
            self.rejected.sudo(),
        ):
            with self.assertRaises(UserError):
                env_entry.unlink()
        self.assertTrue(self.rejected.exists())
        # reopened, a rejected entry may go again
        self.period.with_user(self.manager).action_reopen("Late claim")
        self.rejected.with_user(self.officer_a).unlink()
        self.assertFalse(self.rejected.exists())

    def test_a_period_closes_and_reopens_only_with_its_buttons(self):
        fnames = ["state", "closed_by_id", "closed_date"]
        before = self._snapshot(self.period, fnames)
        for period in (self.period.with_user(self.manager), self.period.sudo()):
            for vals in (
                {"state": "closed"},
                {"closed_by_id": self.manager.id},
                {"closed_date": "2031-04-01 08:00:00"},
            ):
                with self.subTest(**vals), self.assertRaises(UserError):
                    period.write(vals)
        self.assertEqual(self._snapshot(self.period, fnames), before)
        with self.assertRaises(UserError):
            self.env["party.points.period"].with_user(self.manager).create(
                {
                    "name": "2032",
                    "ruleset_id": self.ruleset.id,
                    "date_start": "2032-01-01",
                    "date_end": "2032-12-31",
                    "state": "closed",
                }
            )
        self._close()
        closed = self._snapshot(self.period, fnames)
        with self.assertRaises(UserError):
            self.period.with_user(self.manager).write({"state": "open"})
        self.assertEqual(self._snapshot(self.period, fnames), closed)

    def test_the_form_still_saves_a_period(self):
        with Form(self.env["party.points.period"].with_user(self.manager)) as form:
            form.name = "2032"
            form.ruleset_id = self.ruleset
            form.date_start = date(2032, 1, 1)
            form.date_end = date(2032, 12, 31)
        self.assertEqual(form.record.state, "open")

    def test_actions_answer_values_rpc_can_marshal(self):
        """A representative set, run: each answer marshals over XML-RPC."""
        claim = self._entry(self.member_a2, self.r_meet, approve=False)
        answers = [
            claim.with_user(self.officer_a).action_submit(),
            claim.with_user(self.officer_a).action_approve(),
            self.veto.with_user(self.officer_a).action_reverse("Mistake"),
            self.draft_veto.with_user(self.officer_a).action_reject("No"),
            self.period.with_user(self.manager).action_close(),
            self.env["party.points.reason.wizard"]
            .with_user(self.manager)
            .with_context(
                active_model="party.points.period", active_ids=self.period.ids
            )
            .create({"operation": "reopen", "reason": "Late claim"})
            .action_confirm(),
            self.period.action_view_entries(),
            self.member_a1.action_view_points_entries(),
        ]
        self.assertEqual(self.period.state, "open")
        for answer in answers:
            self.assertNotIsInstance(answer, odoo.models.BaseModel)
            marshal(answer)

    def test_action_methods_return_a_value_statically(self):
        """Every action_* method of the addons (wizards included) ends in a
        return with a value: no bare return, no falling off the end (None),
        no record set handed back."""
        seen, wrong = 0, []
        for model_class in self.env.registry.values():
            for cls in model_class.__mro__:
                # (the classes our files define; not the ones the registry
                # builds from them)
                if not cls.__module__.startswith(ADDONS) or getattr(cls, "pool", None):
                    continue
                for name, func in vars(cls).items():
                    if not name.startswith("action_") or not callable(func):
                        continue
                    seen += 1
                    tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
                    body = tree.body[0].body
                    returns = [
                        node for node in ast.walk(tree) if isinstance(node, ast.Return)
                    ]
                    if not isinstance(body[-1], (ast.Return, ast.Raise)):
                        wrong.append(f"{cls.__module__}.{name}: ends without return")
                    for node in returns:
                        value = node.value
                        if value is None or (
                            isinstance(value, ast.Constant) and value.value is None
                        ):
                            wrong.append(f"{cls.__module__}.{name}: returns None")
                        elif isinstance(value, ast.Name) and value.id == "self":
                            wrong.append(f"{cls.__module__}.{name}: returns records")
        # (party_points alone has 20; the addons built on it add theirs)
        self.assertGreaterEqual(seen, 20)
        self.assertFalse(wrong)


@tagged("post_install", "-at_install")
class TestAttackEntryRpc(HttpCase):
    """The reversal answers over real XML-RPC, and a forged context key is
    refused there too."""

    def test_reverse_and_forged_context_over_xmlrpc(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        officer = new_test_user(
            env, "seal_rpc_officer", groups="party_points.group_party_officer"
        )
        employee = env["hr.employee"].create({"name": "Seal RPC Member"})
        branch = env["party.branch"].create(
            {
                "name": "Seal RPC Branch",
                "code": "SEAL-RPC",
                "staff_user_ids": [Command.set(officer.ids)],
            }
        )
        member = env["party.member"].create(
            {"employee_id": employee.id, "branch_id": branch.id}
        )
        ruleset = env["party.points.ruleset"].create({"name": "Seal RPC Rules"})
        category = env["party.points.category"].create(
            {"name": "Seal", "ruleset_id": ruleset.id, "list_type": "positive"}
        )
        rule = env["party.points.rule"].create(
            {
                "code": "SEALRPC",
                "name": "Seal",
                "ruleset_id": ruleset.id,
                "category_id": category.id,
                "points": 2,
            }
        )
        env["party.points.period"].create(
            {
                "name": "Seal RPC 2043",
                "ruleset_id": ruleset.id,
                "date_start": "2043-01-01",
                "date_end": "2043-12-31",
                "branch_ids": [Command.set(branch.ids)],
            }
        )
        entry = env["party.points.entry"].create(
            {"member_id": member.id, "rule_id": rule.id, "date": "2043-03-01"}
        )
        entry.action_approve()
        db = get_db_name()
        answer = self.xmlrpc_object.execute(
            db,
            officer.id,
            "seal_rpc_officer",
            "party.points.entry",
            "action_reverse",
            entry.ids,
            "Recorded twice",
        )
        self.assertIs(answer, True)
        entry.invalidate_recordset()
        self.assertTrue(entry.reversed_by_id)
        mirror = entry.reversed_by_id
        with self.assertRaises(xmlrpc.client.Fault):
            self.xmlrpc_object.execute_kw(
                db,
                officer.id,
                "seal_rpc_officer",
                "party.points.entry",
                "write",
                [mirror.ids, {"state": "rejected", "points": 0}],
                {"context": {"party_workflow_seal": True}},
            )
        mirror.invalidate_recordset()
        self.assertEqual((mirror.state, mirror.points), ("approved", -2))


@tagged("post_install", "-at_install")
class TestPeriodLockRace(BaseCase):
    """A decision on an entry and a close of its period, in two real
    transactions: the second waits for the first (here: gives up after a
    short lock timeout) instead of committing with the close's results
    missing the decision."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        # Committed fixture: the other transaction must see it.
        with self.registry.cursor() as cr:
            env = api.Environment(
                cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
            )
            employee = env["hr.employee"].create({"name": "Seal Race Member"})
            branch = env["party.branch"].create(
                {"name": "Seal Race Branch", "code": "SEAL-RACE"}
            )
            member = env["party.member"].create(
                {"employee_id": employee.id, "branch_id": branch.id}
            )
            ruleset = env["party.points.ruleset"].create({"name": "Seal Race Rules"})
            category = env["party.points.category"].create(
                {"name": "Race", "ruleset_id": ruleset.id, "list_type": "positive"}
            )
            rule = env["party.points.rule"].create(
                {
                    "code": "SEALRACE",
                    "name": "Race",
                    "ruleset_id": ruleset.id,
                    "category_id": category.id,
                    "points": 2,
                }
            )
            period = env["party.points.period"].create(
                {
                    "name": "Seal Race 2044",
                    "ruleset_id": ruleset.id,
                    "date_start": "2044-01-01",
                    "date_end": "2044-12-31",
                    "branch_ids": [Command.set(branch.ids)],
                }
            )
            entry = env["party.points.entry"].create(
                {"member_id": member.id, "rule_id": rule.id, "date": "2044-03-01"}
            )
            entry.action_approve()
            self.ids = {
                "employee": employee.id,
                "resource": employee.resource_id.id,
                "partner": employee.work_contact_id.id,
                "branch": branch.id,
                "member": member.id,
                "ruleset": ruleset.id,
                "period": period.id,
                "entry": entry.id,
            }
        self.addCleanup(self._drop_fixture)

    def _drop_fixture(self):
        ids = self.ids
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT id FROM party_points_entry WHERE period_id = %s",
                [ids["period"]],
            )
            entry_ids = [row[0] for row in cr.fetchall()]
            for query, param in (
                (
                    (
                        "DELETE FROM mail_message WHERE model = 'party.points.entry' "
                        "AND res_id = ANY(%s)"
                    ),
                    entry_ids,
                ),
                (
                    (
                        "DELETE FROM mail_message WHERE model = 'party.points.period' "
                        "AND res_id = %s"
                    ),
                    ids["period"],
                ),
                ("DELETE FROM party_points_result WHERE period_id = %s", ids["period"]),
                (
                    (
                        "UPDATE party_points_entry SET reversal_of_id = NULL "
                        "WHERE id = ANY(%s)"
                    ),
                    entry_ids,
                ),
                ("DELETE FROM party_points_entry WHERE id = ANY(%s)", entry_ids),
                ("DELETE FROM party_points_period WHERE id = %s", ids["period"]),
                ("DELETE FROM party_points_rule WHERE ruleset_id = %s", ids["ruleset"]),
                (
                    "DELETE FROM party_points_category WHERE ruleset_id = %s",
                    ids["ruleset"],
                ),
                ("DELETE FROM party_points_ruleset WHERE id = %s", ids["ruleset"]),
                ("DELETE FROM party_member WHERE id = %s", ids["member"]),
                ("DELETE FROM hr_employee WHERE id = %s", ids["employee"]),
                ("DELETE FROM resource_resource WHERE id = %s", ids["resource"]),
                ("DELETE FROM party_branch WHERE id = %s", ids["branch"]),
            ):
                cr.execute(query, [param])
            if ids["partner"]:
                cr.execute("DELETE FROM res_partner WHERE id = %s", [ids["partner"]])

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _second(self, action):
        """Run ``action(env)`` in a second transaction that waits at most
        0.5 s for a lock; return what it raised (rolled back either way)."""
        with self.registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '500ms'")
            try:
                action(self._env(cr))
            except Exception as error:  # noqa: BLE001 - the test reports it
                cr.rollback()
                return error
            cr.rollback()
        return None

    def test_a_close_waits_for_a_reversal_in_progress(self):
        with self.registry.cursor() as cr_a:
            entry = self._env(cr_a)["party.points.entry"].browse(self.ids["entry"])
            entry.action_reverse("Recorded twice")
            cr_a.flush()
            error = self._second(
                lambda env: (
                    env["party.points.period"].browse(self.ids["period"]).action_close()
                )
            )
            cr_a.rollback()
        self.assertIsInstance(error, psycopg2.errors.LockNotAvailable)

    def test_an_approval_waits_for_a_close_in_progress(self):
        with self.registry.cursor() as cr_a:
            period = self._env(cr_a)["party.points.period"].browse(self.ids["period"])
            period.action_close()
            cr_a.flush()
            error = self._second(
                lambda env: (
                    env["party.points.entry"]
                    .browse(self.ids["entry"])
                    .action_reverse("Too late")
                )
            )
            cr_a.rollback()
        self.assertIsInstance(error, psycopg2.errors.LockNotAvailable)

    def test_a_close_killed_in_its_insert_leaves_nothing(self):
        """The close is one transaction: its server process killed while
        the INSERT of the results waits leaves the period open, without a
        result or a message."""
        outcome = {}

        def close():
            try:
                with self.registry.cursor() as cr_b:
                    cr_b.execute("SELECT pg_backend_pid()")
                    outcome["pid"] = cr_b.fetchone()[0]
                    started.set()
                    self._env(cr_b)["party.points.period"].browse(
                        self.ids["period"]
                    ).action_close()
                    outcome["closed"] = True
            except Exception as error:  # noqa: BLE001 - reported below
                outcome["error"] = error

        started = threading.Event()
        with self.registry.cursor() as cr_a:
            # the results' table held: the close gets as far as its INSERT
            cr_a.execute("LOCK TABLE party_points_result IN ACCESS EXCLUSIVE MODE")
            thread = threading.Thread(target=close)
            thread.start()
            started.wait(5)
            # its INSERT waits for the table (pg_locks is read live, where
            # pg_stat_activity's query would be a snapshot)
            waiting = False
            for _attempt in range(100):
                cr_a.execute(
                    """SELECT EXISTS (SELECT FROM pg_locks
                    WHERE pid = %s AND NOT granted AND mode = 'RowExclusiveLock'
                        AND relation = 'party_points_result'::regclass)""",
                    [outcome["pid"]],
                )
                [waiting] = cr_a.fetchone()
                if waiting:
                    break
                threading.Event().wait(0.1)
            self.assertTrue(waiting, "the close never reached its INSERT")
            cr_a.execute("SELECT pg_terminate_backend(%s)", [outcome["pid"]])
            cr_a.rollback()
        thread.join(15)
        self.assertFalse(outcome.get("closed"))
        self.assertIsInstance(outcome.get("error"), psycopg2.Error)
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT state FROM party_points_period WHERE id = %s",
                [self.ids["period"]],
            )
            self.assertEqual(cr.fetchone()[0], "open")
            cr.execute(
                "SELECT count(*) FROM party_points_result WHERE period_id = %s",
                [self.ids["period"]],
            )
            self.assertEqual(cr.fetchone()[0], 0)
            cr.execute(
                """SELECT count(*) FROM mail_message
                WHERE model = 'party.points.period' AND res_id = %s""",
                [self.ids["period"]],
            )
            self.assertEqual(cr.fetchone()[0], 0)

    def test_the_waiting_side_sees_the_other_commit(self):
        """Threads: the close waits for the reversal to commit, then fails
        to lock the period (retried over HTTP) instead of closing stale."""
        outcome = {}

        def close():
            with self.registry.cursor() as cr_b:
                cr_b.execute("SET LOCAL lock_timeout = '10s'")
                started.set()
                try:
                    self._env(cr_b)["party.points.period"].browse(
                        self.ids["period"]
                    ).action_close()
                    cr_b.commit()
                    outcome["closed"] = True
                except Exception as error:  # noqa: BLE001 - reported below
                    cr_b.rollback()
                    outcome["error"] = error

        started = threading.Event()
        with self.registry.cursor() as cr_a:
            entry = self._env(cr_a)["party.points.entry"].browse(self.ids["entry"])
            entry.action_reverse("Recorded twice")
            cr_a.flush()
            thread = threading.Thread(target=close)
            thread.start()
            started.wait(5)
            # the close's snapshot predates the reversal's commit
            threading.Event().wait(1)
            cr_a.commit()
        thread.join(15)
        self.assertFalse(outcome.get("closed"), "closed on stale points")
        self.assertIsInstance(
            outcome.get("error"), psycopg2.errors.SerializationFailure
        )
