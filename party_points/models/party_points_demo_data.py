"""Demo data that takes code to write: about a thousand points entries over
the demo year, in every state. A model of its own, without a table, so that
the demo data's ``<function>`` can call it and the production models carry
none of it."""

import random
from datetime import date, timedelta

from odoo import Command, api, fields, models


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
        rules = ruleset.rule_ids.filtered(lambda rule: not rule.is_veto)
        positives = rules.filtered(lambda rule: rule.list_type == "positive")
        negatives = rules - positives
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
                rule = rng.choice(negatives if rng.random() < 0.15 else positives)
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
        return entries
