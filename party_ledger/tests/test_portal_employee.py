import json

from odoo import SUPERUSER_ID, http
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.party_points import compat
from odoo.addons.party_points.tests.test_portal import PNG, PortalPointsCase


class PortalLedgerCase(PortalPointsCase):
    """The portal plant of party_points plus an internal employee who is
    made responsible for items."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_chief = new_test_user(
            cls.env,
            "portal_chief_lu",
            groups="base.group_user",
            name="Chief Lu",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.emp_chief = cls.env["hr.employee"].create(
            {
                "name": "Chief Lu",
                "user_id": cls.user_chief.id,
                "company_id": cls.company.id,
            }
        )
        cls.Suggestion = cls.env["party.suggestion"]

    @classmethod
    def _item(cls, employee, title, **vals):
        return cls.Suggestion.create(
            dict(
                title=title,
                employee_id=employee.id,
                branch_id=cls.branch.id,
                kind="explanation",
                **vals,
            )
        )

    def _submit(self, files=None, **data):
        values = {
            "title": "Cold showers",
            "branch_id": self.branch.id,
            "description": "No hot water after the night shift",
            "csrf_token": http.Request.csrf_token(self),
        }
        values.update(data)
        uploads = [("attachments", upload) for upload in files or []]
        return self.url_open(
            "/my/suggestions/submit", data=values, files=uploads or None
        )

    def _mine(self, title="Cold showers"):
        return self.Suggestion.search([("title", "=", title)])


@tagged("post_install", "-at_install")
class TestPortalSuggestions(PortalLedgerCase):
    def test_home_shows_the_suggestions_card_to_members_and_employees(self):
        for user in (self.user_me, self.user_worker):
            self._login(user)
            page = self.url_open("/my").text
            self.assertIn('data-placeholder_count="suggestion_count"', page)

    def test_list_shows_my_items_with_the_anonymous_ones(self):
        self._item(self.emp_worker, "Broken locker")
        self._item(self.emp_worker, "Shouting foreman", is_anonymous=True)
        self._item(self.emp_other, "Noisy fan")
        self.authenticate(self.user_worker.login, self.user_worker.login)
        page = self.url_open("/my/suggestions").text
        self.assertIn("Broken locker", page)
        self.assertIn("Shouting foreman", page)
        self.assertNotIn("Noisy fan", page)
        self.assertEqual(self.emp_worker.user_id, self.user_worker)

    def test_other_employees_items_are_not_found(self):
        theirs = self._item(self.emp_other, "Noisy fan")
        self.authenticate(self.user_worker.login, self.user_worker.login)
        page = self.url_open(theirs.access_url)
        self.assertEqual(page.status_code, 404)
        self.assertNotIn("Noisy fan", page.text)
        self.assertEqual(self.url_open("/my/suggestions/999999").status_code, 404)
        page = self.url_open(
            f"/my/suggestions/{theirs.id}/feedback",
            data={
                "satisfaction": "satisfied",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(page.status_code, 404)

    def test_portal_rule_holds_in_the_orm(self):
        theirs = self._item(self.emp_other, "Noisy fan")
        self.emp_worker.user_id = self.user_worker
        Suggestion = self.Suggestion.with_user(self.user_worker)
        self.assertFalse(Suggestion.search([("id", "=", theirs.id)]))
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_worker).read(["title"])
        with self.assertRaises(AccessError):
            Suggestion.create(
                {
                    "title": "In someone else's name",
                    "employee_id": self.emp_other.id,
                    "branch_id": self.branch.id,
                }
            )

    def test_raise_an_anonymous_suggestion_with_a_photo(self):
        self.authenticate(self.user_worker.login, self.user_worker.login)
        page = self._submit(is_anonymous="1", files=[("shower.png", PNG, "image/png")])
        item = self._mine()
        self.assertEqual(page.url.split("/", 3)[-1], f"my/suggestions/{item.id}")
        self.assertEqual(item.channel, "portal")
        self.assertTrue(item.is_anonymous)
        self.assertFalse(item.employee_id)
        self.assertEqual(item.submitter_id, self.emp_worker)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", item._name), ("res_id", "=", item.id)]
        )
        self.assertEqual(attachment.name, "shower.png")
        self.assertEqual(attachment.create_uid.id, SUPERUSER_ID)
        self.assertIn("shower.png", page.text)
        self.assertIn("Your name is shown to the Party committee only", page.text)
        self.assertIn('data-allow_composer="0"', page.text)

    def test_named_item_has_the_portal_chatter(self):
        item = self._item(self.emp_worker, "Broken locker")
        self.authenticate(self.user_worker.login, self.user_worker.login)
        page = self.url_open(item.access_url).text
        self.assertIn('id="discussion"', page)
        self.assertIn('data-allow_composer="1"', page)
        self.assertIn("History", page)
        self._chatter_post(item, "Still broken on Monday")
        self.assertIn("Still broken on Monday", item.message_ids.mapped("body")[0])
        self.assertEqual(item.message_ids[0].author_id, self.user_worker.partner_id)
        # nobody posts on an item that is not theirs
        theirs = self._item(self.emp_other, "Noisy fan")
        self._chatter_post(theirs, "Sneaky message")
        self.assertNotIn("Sneaky message", " ".join(theirs.message_ids.mapped("body")))

    def _chatter_post(self, item, text):
        route, params = compat.portal_chatter_post(item, text)
        return self.url_open(
            route,
            data=json.dumps({"params": params}),
            headers={"Content-Type": "application/json"},
        )

    def test_bad_submissions_are_refused_and_nothing_saved(self):
        self.authenticate(self.user_worker.login, self.user_worker.login)
        page = self._submit(title=" ")
        self.assertIn("Give a title and choose your branch", page.text)
        page = self._submit(branch_id="x")
        self.assertIn("Choose your branch from the list", page.text)
        page = self._submit(files=[("notes.txt", b"plain words", "image/png")])
        self.assertIn("is not a photo", page.text)
        page = self._submit(csrf_token="forged")
        self.assertEqual(page.status_code, 400)
        self.assertFalse(self._mine())
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "notes.txt")]))

    def test_anonymous_submitter_stays_hidden_from_the_responsible(self):
        item = self._item(self.emp_worker, "Shouting foreman", is_anonymous=True)
        item.responsible_id = self.emp_chief
        self.authenticate(self.user_chief.login, self.user_chief.login)
        self.assertIn("Shouting foreman", self.url_open("/my/suggestions").text)
        page = self.url_open(item.access_url)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Worker Shi", page.text)
        self.assertNotIn("Your name is shown", page.text)

    def test_unsatisfied_feedback_reopens_the_item(self):
        item = self._item(self.emp_worker, "Broken locker")
        item.action_classify()
        item.action_reply("Lockers are replaced in June.", close=True)
        self.authenticate(self.user_other.login, self.user_other.login)
        page = self.url_open(
            f"/my/suggestions/{item.id}/feedback",
            data={
                "satisfaction": "very_satisfied",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(page.status_code, 404)
        self.assertFalse(item.satisfaction)
        self.authenticate(self.user_worker.login, self.user_worker.login)
        page = self.url_open(item.access_url).text
        self.assertIn("Lockers are replaced in June.", page)
        self.assertIn("Basically Satisfied", page)
        self.url_open(
            f"/my/suggestions/{item.id}/feedback",
            data={
                "satisfaction": "unsatisfied",
                "comment": "June is too late",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(item.satisfaction, "unsatisfied")
        self.assertEqual(item.state, "in_progress")
        self.assertEqual(item.reopen_count, 1)

    def test_anonymous_feedback_does_not_name_the_submitter(self):
        item = self._item(self.emp_worker, "Shouting foreman", is_anonymous=True)
        item.action_classify()
        item.action_reply("We talked to the foreman.", close=True)
        self.authenticate(self.user_worker.login, self.user_worker.login)
        self.url_open(
            f"/my/suggestions/{item.id}/feedback",
            data={
                "satisfaction": "unsatisfied",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(item.satisfaction, "unsatisfied")
        self.assertEqual(item.state, "in_progress")
        worker = self.user_worker.partner_id
        self.assertNotIn(worker, item.message_ids.author_id)
        self.assertNotIn(self.user_worker, item.message_ids.create_uid)

    def test_only_the_submitter_rates(self):
        item = self._item(self.emp_worker, "Broken locker")
        item.responsible_id = self.emp_chief
        item.action_classify()
        item.action_reply("Lockers are replaced in June.", close=True)
        self.authenticate(self.user_chief.login, self.user_chief.login)
        self.assertNotIn("Send my feedback", self.url_open(item.access_url).text)
        page = self.url_open(
            f"/my/suggestions/{item.id}/feedback",
            data={
                "satisfaction": "very_satisfied",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(page.status_code, 404)
        self.assertFalse(item.satisfaction)

    def test_raise_and_feedback_tours(self):
        self.emp_worker.user_id = self.user_worker
        login = self.user_worker.login
        self.start_tour("/my/suggestions", "party_ledger_portal_raise", login=login)
        item = self._mine("更衣室热水不足")
        self.assertEqual(item.submitter_id, self.emp_worker)
        item.kind = "explanation"
        item.action_classify()
        item.action_reply("热水器已全部检修。", close=True)
        self.start_tour(item.access_url, "party_ledger_portal_feedback", login=login)
        self.assertEqual(item.satisfaction, "unsatisfied")
        self.assertEqual(item.feedback_comment, "只修好了一个热水器。")
        self.assertEqual(item.state, "in_progress")


@tagged("post_install", "-at_install")
class TestPortalSuggestionQueries(PortalLedgerCase):
    def _count(self, url):
        self.url_open(url)  # warm the caches
        before = self.cr.sql_log_count
        self.url_open(url)
        return self.cr.sql_log_count - before

    def test_list_queries_do_not_grow_with_items(self):
        self.authenticate(self.user_worker.login, self.user_worker.login)
        for number in range(5):
            self._item(self.emp_worker, f"Item {number}")
        few = self._count("/my/suggestions")
        for number in range(5, 40):
            self._item(self.emp_worker, f"Item {number}", is_anonymous=bool(number % 2))
        many = self._count("/my/suggestions")
        self.assertEqual(few, many)
