"""Fill a database with a plant group's Party work, set-based.

Everything bulky (branches, employees, members, ledger entries, suggestions)
goes in through ``INSERT ... SELECT generate_series`` with the stored computed
columns filled as the ORM would fill them; the few records whose creation has
side effects Odoo must see (the company, the two periods, the suggestion
sequence's date ranges) go through the ORM. The shape comes from
``data/bench/shape.json``; ``setseed`` makes a run reproducible (parallel
query is switched off so that rows meet ``random()`` in the same order).

The data lives in its own company, so it never overlaps the periods of the
demo data, and in two periods: last year's (every entry decided, closed by
the ``close`` measure) and this year's (the queue of submitted entries the
``approve`` measure works on). The year before those is assessed
(:func:`assessed_year`): its four quarters closed and an assessment of them
computed with the 民主评议 votes counted, which the ``assess`` measure
recomputes in a later transaction, as it is recomputed in use.
"""

import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from odoo import Command, fields
from odoo.tools import SQL

# 2: the queue of submitted entries comes in runs of QUEUE_RUN per member
VERSION = 2
# A member's claims wait in the queue a few at a time: the approve measure's
# first 1,000 entries are 200 members' five each (issue 18).
QUEUE_RUN = 5
SHAPE = Path(__file__).resolve().parents[2] / "data" / "bench" / "shape.json"
# 民主评议 votes counted on each line of the assessed year
VOTES_PER_MEMBER = 4
MARKER_PREFIX = "party bench generator "


@dataclass(frozen=True)
class Size:
    branches: int = 200
    members: int = 10_000
    entries: int = 1_000_000
    suggestions: int = 100_000
    seed: int = 7

    @property
    def label(self):
        return f"{self.members}m_{self.entries}e"


def marker(size):
    return MARKER_PREFIX + json.dumps({"version": VERSION, **asdict(size)})


def existing(cr):
    """The size the database was generated with, None if it holds no
    generated data, or what it holds instead (another generator's data)."""
    cr.execute("SELECT obj_description('party_points_entry'::regclass, 'pg_class')")
    comment = cr.fetchone()[0] or ""
    if not comment.startswith(MARKER_PREFIX):
        return None
    found = json.loads(comment[len(MARKER_PREFIX) :])
    if found.pop("version") != VERSION:
        return "an older generator's data"
    return Size(**found)


def _pick(cr, weights, rnd):
    """SQL CASE choosing a key of ``weights`` by the random column ``rnd``."""
    total = sum(weights.values())
    parts, acc = [], 0.0
    items = list(weights.items())
    for key, weight in items[:-1]:
        acc += weight / total
        parts.append(cr.mogrify(f"WHEN {rnd} < %s THEN %s", [acc, key]).decode())
    last = cr.mogrify("%s", [items[-1][0]]).decode()
    return f"(CASE {' '.join(parts)} ELSE {last} END)"


def _today(env):
    return fields.Date.context_today(env.user)


def generate(env, size=None):
    """Generate ``size`` into ``env``'s database (uncommitted); returns a dict
    of the records the measures work on."""
    size = size or Size()
    shape = json.loads(SHAPE.read_text(encoding="utf-8"))
    cr = env.cr
    env.flush_all()
    cr.execute("SET LOCAL max_parallel_workers_per_gather = 0")
    cr.execute("SELECT setseed(%s)", [(size.seed % 1000) / 1000.0])
    today = _today(env)
    year = today.year - 1
    su = env(su=True)
    company = su["res.company"].create({"name": shape["company"]})
    uid = env.ref("base.user_admin").id
    ruleset = su.ref("party_points.party_points_ruleset_default")
    leaves = _branches(cr, shape, size, company.id, uid)
    _employees(cr, shape, size, company, uid, leaves, year)
    periods = su["party.points.period"].create(
        [
            {
                "name": f"{year}年度党员积分（基准）",
                "ruleset_id": ruleset.id,
                "date_start": date(year, 1, 1),
                "date_end": date(year, 12, 31),
                "company_id": company.id,
            },
            {
                "name": f"{year + 1}年度党员积分（基准）",
                "ruleset_id": ruleset.id,
                "date_start": date(year + 1, 1, 1),
                "date_end": date(year + 1, 12, 31),
                "company_id": company.id,
            },
        ]
    )
    env.flush_all()
    _entries(cr, shape["entries"], size, company.id, uid, ruleset.id, periods, today)
    _suggestions(cr, shape["suggestions"], size, company, uid, year, today)
    # (dropped here, not only at commit: the tests generate without committing)
    cr.execute("DROP TABLE bench_rule, bench_member, bench_suggestion, bench_employee")
    cr.execute(SQL("COMMENT ON TABLE party_points_entry IS %s", marker(size)))
    env.invalidate_all()
    _advance_sequence(su, company)
    env.flush_all()
    assessed_year(env, locate(env))
    return locate(env)


def locate(env):
    """The generated company, its two periods, and the assessment of the year
    before them with its four quarters (empty if the database was generated
    before there was one: :func:`assessed_year` adds it)."""
    shape = json.loads(SHAPE.read_text(encoding="utf-8"))
    su = env(su=True)
    company = su["res.company"].search([("name", "=", shape["company"])], limit=1)
    assessment = su["party.points.assessment"].search(
        [("company_id", "=", company.id)], limit=1
    )
    periods = su["party.points.period"].search(
        [("company_id", "=", company.id), ("id", "not in", assessment.period_ids.ids)],
        order="date_start",
    )
    return {
        "company": company,
        "year_period": periods[0],
        "open_period": periods[1],
        "assessment": assessment,
        "quarters": assessment.period_ids.sorted("date_start"),
    }


def assessed_year(env, data):
    """The four quarters of the year before ``data``'s periods, over the
    generated company, closed with their scores spread by SQL between 60
    and 100, an assessment of them computed, and ``VOTES_PER_MEMBER``
    民主评议 votes counted on each line (10,000 members: 40,000 votes).
    Uncommitted."""
    su = env(su=True)
    year = data["year_period"].date_start.year - 1
    quarters = su["party.points.period"].create(
        [
            {
                "name": f"{year}年第{quarter}季度",
                "ruleset_id": data["year_period"].ruleset_id.id,
                "company_id": data["company"].id,
                "date_start": date(year, 3 * quarter - 2, 1),
                "date_end": date(year + quarter // 4, 3 * quarter % 12 + 1, 1)
                - timedelta(days=1),
            }
            for quarter in (1, 2, 3, 4)
        ]
    )
    quarters.action_close()
    su.flush_all()
    su.cr.execute(
        """
        UPDATE party_points_result
        SET score = round((60 + 40 * random())::numeric, 1)
        WHERE period_id = ANY(%s)
        """,
        [quarters.ids],
    )
    su.invalidate_all()
    assessment = su["party.points.assessment"].create(
        {
            "name": f"{year}年度考评",
            "company_id": data["company"].id,
            "date_start": date(year, 1, 1),
            "date_end": date(year, 12, 31),
            "period_ids": [Command.set(quarters.ids)],
        }
    )
    assessment.action_compute()
    su.flush_all()
    # VOTES_PER_MEMBER votes a line: excellent 0-2, basically qualified 0-1,
    # the rest qualified
    su.cr.execute(
        """
        UPDATE party_points_assessment_line
        SET review_excellent = id %% 3, review_basic = id %% 2,
            review_qualified = %s - id %% 3 - id %% 2, review_unqualified = 0
        WHERE assessment_id = %s
        """,
        [VOTES_PER_MEMBER, assessment.id],
    )
    su.invalidate_all()


def _branches(cr, shape, size, company_id, uid):
    """One committee, general branches under it, branches under those;
    returns the ids of the branches (where the members are)."""
    generals = shape["general_branches"][: max(1, min(10, size.branches // 20))]
    leaves = max(1, size.branches - 1 - len(generals))
    units = shape["branch_units"]
    cr.execute(
        """
        INSERT INTO party_branch (name, code, org_type, company_id, active,
                                  create_uid, write_uid, create_date, write_date)
        VALUES (%s, 'JT', 'committee', %s, TRUE, %s, %s, now(), now())
        RETURNING id
        """,
        [shape["committee"], company_id, uid, uid],
    )
    root = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO party_branch (name, code, org_type, parent_id, company_id,
                                  active, create_uid, write_uid, create_date,
                                  write_date)
        SELECT name, 'Z' || lpad(ord::text, 2, '0'), 'general_branch', %s, %s,
               TRUE, %s, %s, now(), now()
        FROM unnest(%s::varchar[]) WITH ORDINALITY AS g(name, ord)
        ORDER BY ord
        RETURNING id
        """,
        [root, company_id, uid, uid, generals],
    )
    general_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO party_branch (name, code, org_type, parent_id, company_id,
                                  active, create_uid, write_uid, create_date,
                                  write_date)
        SELECT (%(units)s::varchar[])[1 + i %% cardinality(%(units)s::varchar[])]
                   || CASE WHEN i >= cardinality(%(units)s::varchar[])
                      THEN (1 + i / cardinality(%(units)s::varchar[]))::text
                      ELSE '' END || '党支部',
               'B' || lpad((i + 1)::text, 4, '0'), 'branch',
               (%(generals)s::int[])[1 + i %% cardinality(%(generals)s::int[])],
               %(company)s, TRUE, %(uid)s, %(uid)s, now(), now()
        FROM generate_series(0, %(leaves)s - 1) AS i
        ORDER BY i
        RETURNING id
        """,
        {
            "units": units,
            "generals": general_ids,
            "company": company_id,
            "uid": uid,
            "leaves": leaves,
        },
    )
    leaf_ids = [row[0] for row in cr.fetchall()]
    # the stored computes: parent_path and complete_name, top down
    cr.execute(
        """
        UPDATE party_branch b
        SET parent_path = coalesce(p.parent_path, '') || b.id || '/',
            complete_name = coalesce(p.complete_name || ' / ', '') || b.name
        FROM party_branch b2 LEFT JOIN party_branch p ON p.id = b2.parent_id
        WHERE b.id = b2.id AND b.id = %s
        """,
        [root],
    )
    for level in (general_ids, leaf_ids):
        cr.execute(
            """
            UPDATE party_branch b
            SET parent_path = p.parent_path || b.id || '/',
                complete_name = p.complete_name || ' / ' || b.name
            FROM party_branch p
            WHERE p.id = b.parent_id AND b.id = ANY(%s)
            """,
            [level],
        )
    return leaf_ids


def _stored(model, name):
    """Whether ``name`` is a column of ``model``'s table on this series."""
    field = model._fields.get(name)
    return bool(field and field.store and field.column_type)


def _insert_select(cr, model, uid, values, source):
    """``INSERT INTO`` ``model``'s table one row per row of ``source`` (an
    SQL ``FROM ...`` clause): ``values`` maps columns to SQL expressions or
    plain values, and the other required columns (they differ by series)
    take the values the ORM would give them."""
    required = [
        name
        for name, field in model._fields.items()
        if field.store
        and field.required
        and field.column_type
        and not field.compute
        and name not in values
    ]
    defaults = model.default_get(required)
    values = dict(
        values,
        **{name: defaults[name] for name in required if defaults.get(name) is not None},
    )
    values.update(
        create_uid=uid, write_uid=uid, create_date=SQL("now()"), write_date=SQL("now()")
    )
    cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s %s",
            SQL.identifier(model._table),
            SQL(", ").join(SQL.identifier(name) for name in values),
            SQL(", ").join(
                value if isinstance(value, SQL) else SQL("%s", value)
                for value in values.values()
            ),
            source,
        )
    )


def _employees(cr, shape, size, company, uid, leaves, year):
    """Employees (half again as many as members: suggestions also come from
    the non-members) and the members among them."""
    count = size.members + size.members // 2
    cr.execute(
        """
        INSERT INTO resource_resource (name, resource_type, tz, time_efficiency,
                                       company_id, calendar_id, active,
                                       create_uid, write_uid, create_date,
                                       write_date)
        SELECT (%(surnames)s::varchar[])[1 + floor(random()
                   * cardinality(%(surnames)s::varchar[]))::int]
               || (%(given)s::varchar[])[1 + floor(random()
                   * cardinality(%(given)s::varchar[]))::int]
               || CASE WHEN random() < 0.6 THEN (%(given)s::varchar[])[1
                   + floor(random() * cardinality(%(given)s::varchar[]))::int]
                  ELSE '' END,
               'user', 'Asia/Shanghai', 100, %(company)s, %(calendar)s, TRUE,
               %(uid)s, %(uid)s, now(), now()
        FROM generate_series(1, %(count)s) AS i
        ORDER BY i
        """,
        {
            "surnames": shape["surnames"],
            "given": shape["given_chars"],
            "company": company.id,
            "calendar": company.resource_calendar_id.id or None,
            "uid": uid,
            "count": count,
        },
    )
    # Since 19.0 the calendar and the type live on the employee's version
    # (hr.version), one per employee, which the employee points to.
    Employee = company.env["hr.employee"]
    values = {
        "resource_calendar_id": SQL("r.calendar_id"),
        "employee_type": "employee",
        "active": True,
        "barcode": SQL(
            "'JN' || lpad((row_number() OVER (ORDER BY r.id))::text, 6, '0')"
        ),
        "work_permit_scheduled_activity": False,
    }
    own = {name: value for name, value in values.items() if _stored(Employee, name)}
    own.update(
        resource_id=SQL("r.id"), name=SQL("r.name"), company_id=SQL("r.company_id")
    )
    _insert_select(
        cr,
        Employee,
        uid,
        own,
        SQL(
            "FROM resource_resource r WHERE r.company_id = %s ORDER BY r.id", company.id
        ),
    )
    if "hr.version" in company.env:
        Version = company.env["hr.version"]
        versions = {
            name: value for name, value in values.items() if _stored(Version, name)
        }
        versions.update(
            employee_id=SQL("e.id"),
            company_id=SQL("e.company_id"),
            date_version=SQL("%s::date", date(year - 30, 1, 1)),
            resource_calendar_id=SQL("r.calendar_id"),
        )
        _insert_select(
            cr,
            Version,
            uid,
            versions,
            SQL(
                """FROM hr_employee e JOIN resource_resource r ON r.id = e.resource_id
                WHERE e.company_id = %s ORDER BY e.id""",
                company.id,
            ),
        )
        cr.execute(
            """
            UPDATE hr_employee e SET current_version_id = v.id
            FROM hr_version v
            WHERE v.employee_id = e.id AND e.company_id = %s
            """,
            [company.id],
        )
    types = shape["member_types"]
    cr.execute(
        f"""
        INSERT INTO party_member (employee_id, name, branch_id, member_type,
                                  join_date, company_id, active, create_uid,
                                  write_uid, create_date, write_date)
        SELECT e.id, e.name,
               (%(leaves)s::int[])[1 + (e.rn - 1) %% cardinality(%(leaves)s::int[])],
               {_pick(cr, types, "e.r")},
               %(latest)s::date - (floor(e.r2 * 30 * 365))::int,
               %(company)s, TRUE, %(uid)s, %(uid)s, now(), now()
        FROM (
            SELECT id, name, row_number() OVER (ORDER BY id) AS rn,
                   random() AS r, random() AS r2
            FROM hr_employee WHERE company_id = %(company)s ORDER BY id
        ) e
        WHERE e.rn <= %(members)s
        ORDER BY e.rn
        """,
        {
            "leaves": leaves,
            "latest": date(year - 1, 6, 30),
            "company": company.id,
            "uid": uid,
            "members": size.members,
        },
    )


def _entries(cr, shape, size, company_id, uid, ruleset_id, periods, today):
    """The ledger: last year's decided entries (approved, some rejected, some
    reversed by a mirror entry, a few vetoes) and this year's queue of
    submitted entries."""
    year_period, open_period = periods
    submitted = int(size.entries * shape["submitted_share"])
    reversed_ = int(size.entries * shape["reversed_share"])
    vetoes = max(1, int(size.members * shape["veto_member_share"]))
    main = size.entries - submitted - reversed_ - vetoes
    per_member = -(-main // size.members)
    year_start = year_period.date_start
    days = (year_period.date_end - year_start).days + 1
    cr.execute(
        """
        CREATE TEMP TABLE bench_rule ON COMMIT DROP AS
        SELECT id, category_id, list_type, points, points_min, points_max,
               coalesce(is_range, FALSE) AS is_range,
               coalesce(is_veto, FALSE) AS is_veto,
               coalesce(evidence_required, FALSE) AS evidence_required,
               coalesce(member_claimable, FALSE) AS member_claimable,
               row_number() OVER (PARTITION BY list_type, coalesce(is_veto, FALSE)
                                  ORDER BY id) AS idx
        FROM party_points_rule
        WHERE ruleset_id = %s AND active
        """,
        [ruleset_id],
    )
    cr.execute(
        "SELECT list_type, count(*) FROM bench_rule WHERE NOT is_veto GROUP BY 1"
    )
    counts = dict(cr.fetchall())
    cr.execute(
        """
        CREATE TEMP TABLE bench_member ON COMMIT DROP AS
        SELECT id, branch_id, row_number() OVER (ORDER BY id) - 1 AS idx
        FROM party_member WHERE company_id = %s
        """,
        [company_id],
    )
    cr.execute("CREATE UNIQUE INDEX ON bench_member (idx)")
    common = """
        INSERT INTO party_points_entry (
            member_id, branch_id, rule_id, category_id, list_type, is_veto,
            date, period_id, quantity, unit_points, points, origin, state,
            reject_reason, approved_by_id, approved_date, description,
            company_id, create_uid, write_uid, create_date, write_date)
        SELECT m.id, m.branch_id, r.id, r.category_id, r.list_type, r.is_veto,
               s.day, %(period)s, s.quantity, u.unit, round((
                   CASE WHEN r.list_type = 'positive' THEN 1 ELSE -1 END
                   * u.unit * s.quantity)::numeric, 2),
               CASE WHEN r.member_claimable AND NOT r.evidence_required
                    THEN 'claim' ELSE 'manual' END,
               s.state,
               CASE WHEN s.state = 'rejected' THEN %(reject_reason)s END,
               CASE WHEN s.state = 'approved' THEN %(uid)s END,
               CASE WHEN s.state = 'approved' THEN s.day + 3 END,
               NULL, %(company)s, %(uid)s, %(uid)s, s.day, s.day
        FROM ({source}) s
        JOIN bench_member m ON m.idx = s.member_idx
        JOIN bench_rule r ON r.id = s.rule_id
        CROSS JOIN LATERAL (
            SELECT CASE WHEN r.is_range THEN r.points_min
                        + floor(random() * (r.points_max - r.points_min + 1))
                   ELSE r.points END AS unit
        ) u
        ORDER BY s.n
    """
    pick_rule = """(SELECT id FROM bench_rule
                    WHERE NOT is_veto AND list_type = x.list_type
                      AND idx = 1 + floor(x.r * x.nrules)::int)"""
    params = {
        "period": year_period.id,
        "reject_reason": shape["reject_reason"],
        "uid": uid,
        "company": company_id,
        "main": main,
        "members": size.members,
        "per": per_member,
        "days": days,
        "start": year_start,
        "neg": shape["negative_share"],
        "npos": counts.get("positive", 0),
        "nneg": counts.get("negative", 0),
        "rejected": shape["rejected_share"],
    }
    # last year's ledger: each member's k-th entry on its own day (a second
    # pass over the year, if any, with another quantity), so no two live
    # entries are duplicates
    source = f"""
        SELECT x.n, x.member_idx, x.day, x.quantity, x.state, {pick_rule} AS rule_id
        FROM (
            SELECT n, n %% %(members)s AS member_idx,
                   %(start)s::date + (CASE WHEN %(per)s <= %(days)s
                       THEN (n / %(members)s) * %(days)s / %(per)s
                       ELSE (n / %(members)s) %% %(days)s END)::int AS day,
                   CASE WHEN %(per)s <= %(days)s THEN 1
                        ELSE 1 + (n / %(members)s) / %(days)s END AS quantity,
                   CASE WHEN random() < %(rejected)s THEN 'rejected'
                        ELSE 'approved' END AS state,
                   CASE WHEN random() < %(neg)s THEN 'negative'
                        ELSE 'positive' END AS list_type,
                   random() AS r
            FROM generate_series(0, %(main)s - 1) AS n
        ) y CROSS JOIN LATERAL (
            SELECT y.*, CASE WHEN y.list_type = 'positive' THEN %(npos)s
                             ELSE %(nneg)s END AS nrules
        ) x
    """
    cr.execute(common.format(source=source), params)
    # a few vetoes, approved, on members spread over the branches
    cr.execute(
        common.format(
            source=f"""
            SELECT n, (n::bigint * 7919) %% %(members)s AS member_idx,
                   %(start)s::date + 200 + (n %% 100) AS day, 1.0 AS quantity,
                   'approved' AS state,
                   (SELECT id FROM bench_rule WHERE is_veto
                    ORDER BY id OFFSET n %% {max(1, _count_vetoes(cr))} LIMIT 1)
                       AS rule_id
            FROM generate_series(0, %(vetoes)s - 1) AS n
            """
        ),
        {**params, "vetoes": vetoes},
    )
    # reversals: approved mirrors of some approved entries, linked both ways
    cr.execute(
        """
        WITH picked AS (
            SELECT id FROM party_points_entry
            WHERE period_id = %(period)s AND state = 'approved' AND NOT is_veto
            ORDER BY md5(id::text || %(seed)s) LIMIT %(count)s
        ), mirrors AS (
            INSERT INTO party_points_entry (
                member_id, branch_id, rule_id, category_id, list_type, is_veto,
                date, period_id, quantity, unit_points, points, origin, state,
                approved_by_id, approved_date, description, reversal_of_id,
                company_id, create_uid, write_uid, create_date, write_date)
            SELECT e.member_id, e.branch_id, e.rule_id, e.category_id,
                   e.list_type, e.is_veto, e.date, e.period_id, e.quantity,
                   e.unit_points, -e.points, e.origin, 'approved', %(uid)s,
                   e.approved_date + interval '30 days', %(reason)s, e.id,
                   e.company_id, %(uid)s, %(uid)s, e.create_date, e.create_date
            FROM party_points_entry e JOIN picked USING (id)
            ORDER BY e.id
            RETURNING id, reversal_of_id
        )
        UPDATE party_points_entry e SET reversed_by_id = mirrors.id
        FROM mirrors WHERE e.id = mirrors.reversal_of_id
        """,
        {
            "period": year_period.id,
            "seed": str(size.seed),
            "count": reversed_,
            "uid": uid,
            "reason": shape["reversal_reason"],
        },
    )
    # this year's queue: submitted entries of the last 60 days
    last = today - timedelta(days=1)
    cr.execute(
        common.format(
            source="""
            SELECT x.n, x.member_idx, x.day, x.quantity, 'submitted' AS state,
                   {pick_rule} AS rule_id
            FROM (
                SELECT n, (n / %(run)s) %% %(members)s AS member_idx,
                       %(last)s::date - (n %% %(window)s)::int AS day,
                       1 + (n / %(members)s) / %(window)s AS quantity,
                       'positive' AS list_type, random() AS r,
                       %(npos)s AS nrules
                FROM generate_series(0, %(submitted)s - 1) AS n
            ) x
            """.replace("{pick_rule}", pick_rule)
        ),
        {
            **params,
            "period": open_period.id,
            "last": last,
            "window": min(60, max(1, (last - open_period.date_start).days + 1)),
            "submitted": submitted,
            "run": QUEUE_RUN,
        },
    )


def _count_vetoes(cr):
    cr.execute("SELECT count(*) FROM bench_rule WHERE is_veto")
    return cr.fetchone()[0]


def _suggestions(cr, shape, size, company, uid, year, today):
    """Suggestions received over last year and this one, most of them closed
    with the employee's feedback."""
    hours = company._party_response_hours()
    # the channels' answer clocks (0: none); the shorter clock applies. The
    # benchmark's companies keep the default wall clocks.
    channel_hours = {
        channel: company[f"party_channel_hours_{channel}"]
        for channel in shape["channels"]
    }
    days = company._party_completion_days()
    span = (today - date(year, 1, 1)).days
    cr.execute(
        f"""
        CREATE TEMP TABLE bench_suggestion ON COMMIT DROP AS
        SELECT n,
               %(start)s::timestamp + (floor(random() * %(span)s * 86400))
                   * interval '1 second' AS received,
               {_pick(cr, shape["channels"], "random()")} AS channel,
               {_pick(cr, shape["states"], "random()")} AS state,
               {_pick(cr, shape["urgencies"], "random()")} AS urgency,
               {_pick(cr, shape["satisfaction"], "random()")} AS satisfaction,
               CASE WHEN random() < %(impl)s THEN 'implementation'
                    ELSE 'explanation' END AS kind,
               random() < %(anonymous)s AS anonymous,
               random() < %(supervised)s AS supervised,
               random() < %(late_response)s AS late_response,
               random() < %(late_close)s AS late_close,
               random() AS r1, random() AS r2, random() AS r3, random() AS r4
        FROM generate_series(0, %(count)s - 1) AS n
        ORDER BY n
        """,
        {
            "start": date(year, 1, 1),
            "span": span,
            "impl": shape["implementation_share"],
            "anonymous": shape["anonymous_share"],
            "supervised": shape["supervised_share"],
            "late_response": shape["late_response_share"],
            "late_close": shape["late_close_share"],
            "count": size.suggestions,
        },
    )
    cr.execute(
        """
        CREATE TEMP TABLE bench_employee ON COMMIT DROP AS
        SELECT id, row_number() OVER (ORDER BY id) - 1 AS idx
        FROM hr_employee WHERE company_id = %s
        """,
        [company.id],
    )
    cr.execute("CREATE UNIQUE INDEX ON bench_employee (idx)")
    cr.execute("SELECT count(*) FROM bench_employee")
    employees = cr.fetchone()[0]
    cr.execute(
        "SELECT array_agg(id ORDER BY id) FROM party_branch "
        "WHERE company_id = %s AND org_type = 'branch'",
        [company.id],
    )
    branches = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO party_suggestion (
            name, title, description, employee_id, submitter_id, is_anonymous,
            channel, date_received, branch_id, kind, urgency, responsible_id,
            response_deadline, date_deadline, date_first_response, reply, state,
            close_type, date_closed, satisfaction, feedback_comment,
            date_feedback, reopen_count, is_supervised, responded_on_time,
            closed_on_time, is_overdue, company_id, create_uid, write_uid,
            create_date, write_date)
        SELECT
            'YJ' || extract(year FROM t.received)::int || '-' || lpad(
                (row_number() OVER (PARTITION BY extract(year FROM t.received)
                                    ORDER BY t.received, t.n))::text, 5, '0'),
            (%(titles)s::varchar[])[1 + floor(t.r1 * cardinality(
                %(titles)s::varchar[]))::int],
            NULL,
            CASE WHEN NOT t.anonymous THEN sub.id END, sub.id, t.anonymous,
            t.channel, t.received,
            (%(branches)s::int[])[1 + floor(t.r2 * cardinality(
                %(branches)s::int[]))::int],
            CASE WHEN t.state <> 'new' THEN t.kind END, t.urgency,
            CASE WHEN t.state <> 'new' THEN resp.id END,
            t.deadline, CASE WHEN t.state <> 'new' THEN t.received::date
                + t.days END,
            t.responded, CASE WHEN t.responded IS NOT NULL THEN %(reply)s END,
            t.state,
            CASE WHEN t.state = 'done' THEN CASE WHEN t.kind = 'implementation'
                THEN 'implemented' ELSE 'explained' END END,
            t.closed,
            CASE WHEN t.state = 'done' AND t.satisfaction <> 'none'
                 THEN t.satisfaction END,
            CASE WHEN t.state = 'done' AND t.satisfaction <> 'none'
                 THEN %(feedback)s END,
            CASE WHEN t.state = 'done' AND t.satisfaction <> 'none'
                 THEN t.closed + interval '2 days' END,
            0, t.supervised,
            t.responded IS NOT NULL AND t.responded <= t.deadline,
            t.closed IS NOT NULL AND t.closed::date <= t.received::date + t.days,
            t.state IN ('new', 'classified', 'in_progress', 'verifying')
                AND t.received::date + t.days < %(today)s::date,
            %(company)s, %(uid)s, %(uid)s, t.received, t.received
        FROM (
            SELECT b.*,
                   b.received + make_interval(hours => b.allowed) AS deadline,
                   CASE WHEN b.kind = 'explanation' THEN %(explanation)s
                        ELSE (%(days)s::jsonb ->> b.urgency)::int END AS days,
                   CASE WHEN b.state <> 'new' THEN b.received + make_interval(
                       hours => b.allowed)
                       * CASE WHEN b.late_response THEN 1.5 ELSE b.r3 END
                   END AS responded,
                   CASE WHEN b.state = 'done' THEN b.received + make_interval(
                       days => CASE WHEN b.kind = 'explanation'
                           THEN %(explanation)s
                           ELSE (%(days)s::jsonb ->> b.urgency)::int END)
                       * CASE WHEN b.late_close THEN 1.3 ELSE b.r4 END
                   END AS closed
            FROM (
                SELECT s.*, LEAST(
                    (%(hours)s::jsonb ->> s.urgency)::int,
                    COALESCE(NULLIF((%(channel_hours)s::jsonb ->> s.channel)::int, 0),
                             (%(hours)s::jsonb ->> s.urgency)::int)) AS allowed
                FROM bench_suggestion s
            ) b
        ) t
        JOIN bench_employee sub ON sub.idx = (t.n::bigint * 7919) %% %(employees)s
        JOIN bench_employee resp ON resp.idx = (t.n::bigint * 104729) %% %(employees)s
        ORDER BY t.n
        """,
        {
            "titles": shape["titles"],
            "branches": branches,
            "reply": shape["reply"],
            "feedback": shape["feedback"],
            "today": today,
            "company": company.id,
            "uid": uid,
            "hours": json.dumps(hours),
            "channel_hours": json.dumps(channel_hours),
            "days": json.dumps(days),
            "explanation": company.party_explanation_days,
            "employees": employees,
        },
    )


def _advance_sequence(env, company):
    """The suggestion numbers continue after the generated ones."""
    sequence = env.ref("party_ledger.seq_party_suggestion")
    env.cr.execute(
        """
        SELECT extract(year FROM date_received)::int, count(*)
        FROM party_suggestion WHERE company_id = %s GROUP BY 1
        """,
        [company.id],
    )
    for year, count in env.cr.fetchall():
        day = date(year, 1, 1)
        ranges = sequence.date_range_ids.filtered(
            lambda r, day=day: r.date_from <= day <= r.date_to
        )
        ranges = ranges or sequence._create_date_range_seq(day)
        ranges[:1].number_next_actual = max(ranges[:1].number_next_actual, count + 1)
