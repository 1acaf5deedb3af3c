"""The measures of ``make bench``: each is one function registered with
``@measure``, given a :class:`Bench` and returning its rows.

A row compares what the product does (``value``) with a floor: what
PostgreSQL itself needs for the same work, or the same operation at another
scale. ``ratio = value / floor`` is what the target bounds, so the figures
hold on a slow machine as on a fast one. Everything a measure changes is
rolled back (:meth:`Bench.rolled_back`), so runs repeat on the same data.

Adding a measure is one function::

    @measure("close", target=5, unit="ms")
    def close(bench):
        value = bench.timed(lambda: ...)
        return [row(...)]
"""

import io
import statistics
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock

import xlsxwriter
from werkzeug.test import Client

import odoo
from odoo import Command
from odoo.service import security

from odoo.addons.party_points import compat

MEASURES = {}


def measure(name, *, target, unit):
    """Register ``func(bench) -> [row, ...]`` as the measure ``name``."""

    def register(func):
        MEASURES[name] = {"func": func, "target": target, "unit": unit}
        return func

    return register


def row(name, value, floor, target, unit, **extra):
    ratio = value / floor if floor else None
    return {
        "name": name,
        "value": round(value, 3),
        "floor": round(floor, 3),
        "ratio": round(ratio, 2) if ratio is not None else None,
        "target": target,
        "unit": unit,
        "met": ratio is not None and ratio <= target,
        **extra,
    }


@dataclass
class Timing:
    seconds: float
    queries: int


@dataclass
class Bench:
    """The environment the measures run in: ``env`` is the committee user
    (admin) working the generated company; ``data`` what the generator
    made (company, year_period, open_period, assessment, quarters).
    ``small`` is the same kind of Bench on a database 100 times smaller
    (the member page's floor)."""

    env: object
    data: dict
    runs: int = 5
    rows: list = field(default_factory=list)
    small: object = None

    @contextmanager
    def rolled_back(self):
        """Whatever happens inside is undone, database and caches."""
        env = self.env
        env.flush_all()
        env.cr.execute("SAVEPOINT bench_measure")
        try:
            yield
        finally:
            env.clear()
            env.cr.execute("ROLLBACK TO SAVEPOINT bench_measure")
            env.cr.execute("RELEASE SAVEPOINT bench_measure")

    def once(self, func):
        """Time one run of ``func`` (rolled back), flush included, with its
        query count; starts from an empty ORM cache."""
        with self.rolled_back():
            self.env.invalidate_all()
            cr = self.env.cr
            queries = cr.sql_log_count
            start = time.perf_counter()
            func()
            self.env.flush_all()
            seconds = time.perf_counter() - start
            return Timing(seconds, cr.sql_log_count - queries)

    def timed(self, func):
        """Median of ``runs`` runs after a warm-up."""
        self.once(func)
        return self._median([self.once(func) for _run in range(self.runs)])

    def compared(self, product, floor):
        """``(product, floor)`` timings, each the median of ``runs`` runs
        after a warm-up, the two run in turn: on a shared machine whose
        speed drifts over a minute, both see the same drift, so their ratio
        holds where two series run one after the other would not."""
        self.once(product)
        self.once(floor)
        pairs = [(self.once(product), self.once(floor)) for _run in range(self.runs)]
        return (
            self._median([first for first, _second in pairs]),
            self._median([second for _first, second in pairs]),
        )

    @staticmethod
    def _median(timings):
        return Timing(
            statistics.median(t.seconds for t in timings),
            int(statistics.median(t.queries for t in timings)),
        )

    def sql(self, query, params=None):
        """A callable running bare SQL and fetching every row (the floors)."""

        def run():
            self.env.cr.execute(query, params)
            if self.env.cr.description:
                self.env.cr.fetchall()

        return run

    def peak_memory(self, func):
        """Peak growth of Python's allocations (tracemalloc, in MB) while
        ``func`` runs once (rolled back) from an empty ORM cache."""
        with self.rolled_back():
            self.env.invalidate_all()
            tracemalloc.start()
            try:
                base = tracemalloc.get_traced_memory()[0]
                func()
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
        return (peak - base) / 2**20

    @contextmanager
    def http(self, user):
        """``get(url)``: a GET through Odoo's WSGI application (werkzeug's
        test client), logged in as ``user``. The registry is in test mode on
        this Bench's cursor (as in ``HttpCase``): requests run in-process, in
        this transaction, and their queries count on ``env.cr``."""
        env = self.env
        registry = env.registry
        env.flush_all()
        session = odoo.http.root.session_store.new()
        try:
            with compat.registry_test_mode(registry, env.cr):
                session.update(odoo.http.get_default_session(), db=env.cr.dbname)
                session.uid = user.id
                session.login = user.login
                session.session_token = security.compute_session_token(session, env)
                session.context = dict(user.context_get())
                odoo.http.root.session_store.save(session)
                client = Client(odoo.http.root, use_cookies=False)
                cookie = {"Cookie": f"session_id={session.sid}"}
                yield lambda url: client.get(url, headers=cookie)
        finally:
            odoo.http.root.session_store.delete(session)
            env.invalidate_all()


# -- close ------------------------------------------------------------------


@measure("close", target=5, unit="ms")
def close(bench):
    period = bench.data["year_period"].with_env(bench.env)
    product, floor = bench.compared(
        period.action_close,
        bench.sql(
            """
            SELECT member_id, sum(points) FROM party_points_entry
            WHERE period_id = %s AND state = 'approved'
            GROUP BY member_id
            """,
            [period.id],
        ),
    )
    return [
        row(
            "close",
            product.seconds * 1000,
            floor.seconds * 1000,
            5,
            "ms",
            queries=product.queries,
            members=bench.env["party.member"].search_count(
                [("company_id", "=", period.company_id.id)]
            ),
            entries=period.entry_count,
        )
    ]


# -- rates --------------------------------------------------------------------

RATES = ["response_rate", "closure_rate", "on_time_rate", "satisfaction_rate"]


@measure("rates", target=3, unit="ms")
def rates(bench):
    company = bench.data["company"]
    Report = bench.env["party.suggestion.report"]

    def report():
        return Report._read_group(
            [("company_id", "=", company.id)],
            ["branch_id"],
            [f"{rate}:avg" for rate in RATES],
        )

    product, floor = bench.compared(
        report,
        bench.sql(
            """
            SELECT branch_id,
                   avg(CASE WHEN responded_on_time THEN 100.0 ELSE 0.0 END),
                   avg(CASE WHEN state = 'done' THEN 100.0 ELSE 0.0 END),
                   avg(CASE WHEN state <> 'done' THEN NULL
                            WHEN closed_on_time THEN 100.0 ELSE 0.0 END),
                   avg(CASE WHEN satisfaction IS NULL THEN NULL
                            WHEN satisfaction IN ('very_satisfied', 'satisfied')
                            THEN 100.0 ELSE 0.0 END)
            FROM party_suggestion
            WHERE state <> 'cancelled' AND company_id = %s
            GROUP BY branch_id
            """,
            [company.id],
        ),
    )
    return [
        row(
            "rates",
            product.seconds * 1000,
            floor.seconds * 1000,
            3,
            "ms",
            queries=product.queries,
            suggestions=bench.env["party.suggestion"].search_count(
                [("company_id", "=", company.id)]
            ),
        )
    ]


# -- approve ------------------------------------------------------------------


@measure("approve", target=1.2, unit="ms/entry")
def approve(bench):
    """1,000 submitted entries of 200 members (five each, as the generator
    queues them) approved in one call: against the bare SQL UPDATE of the
    same rows (issue 18: at most 10x), and against the same call on 100
    entries of 20 members (time and queries per entry must not grow with the
    batch). Members get one digest each per batch, the entries no message."""
    env = bench.env
    env.cr.execute(
        """
        SELECT id FROM party_points_entry
        WHERE period_id = %s AND state = 'submitted'
        ORDER BY id LIMIT 1000
        """,
        [bench.data["open_period"].id],
    )
    ids = [row_[0] for row_ in env.cr.fetchall()]
    Entry = env["party.points.entry"]
    big, small = bench.compared(
        Entry.browse(ids).action_approve, Entry.browse(ids[:100]).action_approve
    )
    bare = bench.timed(
        bench.sql(
            """
            UPDATE party_points_entry
            SET state = 'approved', approved_by_id = %s, approved_date = now()
            WHERE id = ANY(%s)
            """,
            [env.uid, ids],
        )
    )
    per = len(ids)
    env.cr.execute(
        "SELECT count(DISTINCT member_id) FROM party_points_entry WHERE id = ANY(%s)",
        [ids],
    )
    members = env.cr.fetchone()[0]
    return [
        row(
            "approve vs SQL",
            big.seconds * 1000 / per,
            bare.seconds * 1000 / per,
            10,
            "ms/entry",
            batch=per,
            members=members,
            queries=big.queries,
            floor_is="the bare SQL UPDATE of state, approver and date",
            notifications="one digest per member on the member's record",
        ),
        row(
            "approve",
            big.seconds * 1000 / per,
            small.seconds * 1000 / 100,
            1.2,
            "ms/entry",
            batch=per,
            floor_is="the same call on 100 entries",
            sql_update_ms_per_entry=round(bare.seconds * 1000 / per, 4),
        ),
        row(
            "approve queries",
            big.queries / per,
            small.queries / 100,
            1.0,
            "queries/entry",
            batch=per,
            floor_is="the same call on 100 entries",
        ),
    ]


def _batch_rows(bench, name, big, small, bare, per, floor_is):
    """The rows of a batched decision (reject, reverse): per entry against
    the same call on a tenth of the batch (must not grow with it), its
    queries likewise, and the bare SQL of the same rows for the record."""
    return [
        row(
            name,
            big.seconds * 1000 / per,
            small.seconds * 1000 / (per // 10),
            1.2,
            "ms/entry",
            batch=per,
            floor_is=f"the same call on {per // 10} entries",
            sql_ms_per_entry=round(bare.seconds * 1000 / per, 4),
            sql_floor_is=floor_is,
        ),
        row(
            f"{name} queries",
            big.queries / per,
            small.queries / (per // 10),
            1.0,
            "queries/entry",
            batch=per,
            floor_is=f"the same call on {per // 10} entries",
        ),
    ]


@measure("reject", target=1.2, unit="ms/entry")
def reject(bench):
    """1,000 submitted entries of 200 members rejected in one call, one
    UPDATE; each entry keeps its own message (it carries the reason)."""
    env = bench.env
    env.cr.execute(
        """
        SELECT id FROM party_points_entry
        WHERE period_id = %s AND state = 'submitted'
        ORDER BY id LIMIT 1000
        """,
        [bench.data["open_period"].id],
    )
    ids = [row_[0] for row_ in env.cr.fetchall()]
    Entry = env["party.points.entry"]
    reason = "Evidence missing"
    big, small = bench.compared(
        lambda: Entry.browse(ids).action_reject(reason),
        lambda: Entry.browse(ids[:100]).action_reject(reason),
    )
    bare = bench.timed(
        bench.sql(
            """
            UPDATE party_points_entry SET state = 'rejected', reject_reason = %s
            WHERE id = ANY(%s)
            """,
            [reason, ids],
        )
    )
    return _batch_rows(
        bench, "reject", big, small, bare, len(ids), "the bare SQL UPDATE"
    )


@measure("reverse", target=1.2, unit="ms/entry")
def reverse(bench):
    """1,000 approved entries of last year reversed in one call: one INSERT
    of the mirror entries, one UPDATE linking them, one digest per member."""
    env = bench.env
    env.cr.execute(
        """
        SELECT id FROM party_points_entry
        WHERE period_id = %s AND state = 'approved'
            AND reversed_by_id IS NULL AND reversal_of_id IS NULL
        ORDER BY member_id, id LIMIT 1000
        """,
        [bench.data["year_period"].id],
    )
    ids = [row_[0] for row_ in env.cr.fetchall()]
    Entry = env["party.points.entry"]
    reason = "Recorded twice"
    big, small = bench.compared(
        lambda: Entry.browse(ids).action_reverse(reason),
        lambda: Entry.browse(ids[:100]).action_reverse(reason),
    )
    bare = bench.timed(
        bench.sql(
            """
            WITH mirror AS (
                INSERT INTO party_points_entry (
                    member_id, branch_id, rule_id, category_id, list_type,
                    is_veto, date, period_id, quantity, unit_points, points,
                    approved_points, origin, state, description,
                    approved_by_id, approved_date, reversal_of_id, company_id)
                SELECT member_id, branch_id, rule_id, category_id, list_type,
                    is_veto, date, period_id, quantity, unit_points, -points,
                    -points, origin, 'approved', %s, %s, now(), id, company_id
                FROM party_points_entry WHERE id = ANY(%s)
                RETURNING id, reversal_of_id
            )
            UPDATE party_points_entry e SET reversed_by_id = mirror.id
            FROM mirror WHERE e.id = mirror.reversal_of_id
            """,
            [reason, env.uid, ids],
        )
    )
    return _batch_rows(
        bench,
        "reverse",
        big,
        small,
        bare,
        len(ids),
        "the bare SQL INSERT of the mirrors and UPDATE linking them",
    )


def _plant_meeting(bench, every=1):
    """A plant-wide 支部党员大会 held yesterday at the committee, attended by
    every ``every``-th member of the generated company (one in 25 absent,
    one in 50 excused), its attendance written in bulk (created in the
    caller's transaction)."""
    env = bench.env
    company = bench.data["company"]
    committee = env["party.branch"].search(
        [("company_id", "=", company.id), ("parent_id", "=", False)], limit=1
    )
    day = min(
        datetime.combine(date.today() - timedelta(days=1), clock(9)),
        datetime.combine(bench.data["open_period"].date_end, clock(9)),
    )
    meeting = env["party.meeting"].create(
        {
            "name": "全厂党员大会",
            "type_id": env.ref("party_points.meeting_type_assembly").id,
            "branch_id": committee.id,
            "date_start": day,
            "date_end": day + timedelta(hours=2),
        }
    )
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO party_meeting_attendance (meeting_id, member_id, branch_id,
            company_id, status, excuse_reason, create_uid, write_uid,
            create_date, write_date)
        SELECT %(meeting)s, m.id, %(branch)s, m.company_id,
               CASE WHEN n %% 25 = 0 THEN 'absent'
                    WHEN n %% 50 = 1 THEN 'excused' ELSE 'present' END,
               CASE WHEN n %% 50 = 1 THEN '夜班' END,
               %(uid)s, %(uid)s, now(), now()
        FROM (SELECT id, company_id, row_number() OVER (ORDER BY id) AS n
              FROM party_member WHERE company_id = %(company)s) m
        WHERE m.n %% %(every)s = 0
        ON CONFLICT DO NOTHING
        """,
        {
            "meeting": meeting.id,
            "branch": committee.id,
            "company": company.id,
            "uid": env.uid,
            "every": every,
        },
    )
    meeting.invalidate_recordset()
    return meeting


@measure("confirm", target=5, unit="ms")
def confirm(bench):
    """Confirming a plant-wide meeting of 10,000 attendees (issue 14): one
    approved entry per attendee who earns a rule, against the bare INSERT of
    the same entries; its queries against a meeting of a tenth of them."""
    env = bench.env
    with bench.rolled_back():
        meeting = _plant_meeting(bench)
        small = _plant_meeting(bench, every=10)
        kind = meeting.type_id
        bare = bench.sql(
            """
            INSERT INTO party_points_entry (member_id, branch_id, rule_id,
                category_id, list_type, is_veto, date, period_id, quantity,
                unit_points, points, approved_points, origin, state,
                description, approved_by_id, approved_date, meeting_id,
                company_id, create_uid, write_uid, create_date, write_date)
            SELECT a.member_id, m.branch_id, r.id, r.category_id, r.list_type,
                   r.is_veto, %(day)s, %(period)s, 1, r.points,
                   CASE WHEN r.list_type = 'positive' THEN r.points
                        ELSE -r.points END,
                   CASE WHEN r.list_type = 'positive' THEN r.points
                        ELSE -r.points END,
                   'meeting', 'approved', %(name)s, %(uid)s, now(),
                   a.meeting_id, m.company_id, %(uid)s, %(uid)s, now(), now()
            FROM party_meeting_attendance a
            JOIN party_member m ON m.id = a.member_id
            JOIN party_points_rule r ON r.id = CASE
                WHEN a.status IN ('present', 'late') THEN %(present)s
                WHEN a.status = 'absent' THEN %(absent)s END
            WHERE a.meeting_id = %(meeting)s
            """,
            {
                "day": meeting.date_start.date(),
                "period": bench.data["open_period"].id,
                "name": meeting.name,
                "uid": env.uid,
                "present": kind.attendance_rule_id.id,
                "absent": kind.absence_rule_id.id,
                "meeting": meeting.id,
            },
        )
        product, floor = bench.compared(meeting.action_confirm, bare)
        tenth = bench.timed(small.action_confirm)
        attendees = len(meeting.attendance_ids)
    return [
        row(
            "confirm",
            product.seconds * 1000,
            floor.seconds * 1000,
            5,
            "ms",
            attendees=attendees,
            queries=product.queries,
            floor_is="the bare SQL INSERT of the same entries",
        ),
        row(
            "confirm queries",
            product.queries,
            tenth.queries,
            1.0,
            "queries",
            floor_is="the same call for a tenth of the attendees",
        ),
    ]


# -- member page ----------------------------------------------------------------


def _page_member(bench, entries=100):
    """A portal user for the member whose ledger is nearest ``entries``
    entries (created in the caller's transaction) and their entry count."""
    env = bench.env
    env.cr.execute(
        """
        SELECT member_id, count(*) FROM party_points_entry
        WHERE company_id = %s GROUP BY member_id
        ORDER BY abs(count(*) - %s), member_id LIMIT 1
        """,
        [bench.data["company"].id, entries],
    )
    member_id, count = env.cr.fetchone()
    member = env["party.member"].browse(member_id)
    company = bench.data["company"]
    user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": member.name,
                "login": f"bench.member.{member_id}",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                compat.USER_GROUPS: [Command.set(env.ref("base.group_portal").ids)],
            }
        )
    )
    member.employee_id.user_id = user
    return user, count


def page_timing(bench, url="/my/points"):
    """Server time and queries of GET ``url`` for a member with 100 entries,
    rendered in-process through Odoo's WSGI application."""
    with bench.rolled_back():
        user, count = _page_member(bench)
        with bench.http(user) as http_get:

            def get():
                response = http_get(url)
                if response.status_code != 200:
                    raise RuntimeError(
                        f"GET {url}: {response.status} {response.location}"
                    )

            return bench.timed(get), count


@measure("member page", target=1.5, unit="ms")
def member_page(bench):
    big, big_count = page_timing(bench)
    small, small_count = page_timing(bench.small or bench)
    extra = {
        "entries": big_count,
        "floor_is": "the same page in a database 100 times smaller",
        "floor_entries": small_count,
    }
    return [
        row(
            "member page", big.seconds * 1000, small.seconds * 1000, 1.5, "ms", **extra
        ),
        row("member page queries", big.queries, small.queries, 1.0, "queries", **extra),
    ]


# -- exports --------------------------------------------------------------------

MEMORY_BUDGET_MB = 100


@contextmanager
def recorded_cells():
    """The cells the product writes into its workbooks while inside, as
    ``[(sheet, [values, ...]), ...]``: each sheet's title, subtitle and
    header rows, then its rows (formulas as their values)."""
    # imported here: the addons path is known once Odoo is configured
    from odoo.addons.party_points.lib.xlsx_layout import Formula
    from odoo.addons.party_points.report import party_xlsx

    sheets = {}
    init = party_xlsx.LedgerSheet.__init__
    write_row = party_xlsx.LedgerSheet.write_row

    def recording_init(sheet, workbook, xlsx_sheet, title, subtitle, columns):
        init(sheet, workbook, xlsx_sheet, title, subtitle, columns)
        sheets[sheet] = [[title], [subtitle], [header for header, *_rest in columns]]

    def recording(sheet, values, total=False):
        sheets[sheet].append(
            [value.value if isinstance(value, Formula) else value for value in values]
        )
        return write_row(sheet, values, total)

    party_xlsx.LedgerSheet.__init__ = recording_init
    party_xlsx.LedgerSheet.write_row = recording
    recorded = []
    try:
        yield recorded
    finally:
        party_xlsx.LedgerSheet.__init__ = init
        party_xlsx.LedgerSheet.write_row = write_row
        recorded.extend(sheets.items())


def bare_xlsx(sheets):
    """The floor: bare xlsxwriter writing the same cells from Python lists,
    in the same constant-memory mode, each cell with a format (as the
    product's, whose empty cells carry borders)."""
    rows = [sheet_rows for _sheet, sheet_rows in sheets]

    def write():
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"constant_memory": True})
        # one bordered format for every cell: empty cells are written too
        cell_format = book.add_format({"border": 1})
        for index, sheet_rows in enumerate(rows):
            sheet = book.add_worksheet(f"S{index}")
            for number, cells in enumerate(sheet_rows):
                sheet.write_row(number, 0, cells, cell_format)
        book.close()
        return buffer.getvalue()

    return write


def export_rows(bench, name, export, **extra):
    """Time ``export`` against bare xlsxwriter writing its cells, and its
    peak memory growth against the budget."""
    with recorded_cells() as sheets:
        bench.once(export)
    sheets = [(None, rows) for _sheet, rows in sheets]
    product, floor = bench.compared(export, bare_xlsx(sheets))
    memory = bench.peak_memory(export)
    extra.update(
        sheets=len(sheets),
        cells=sum(len(cells) for _sheet, rows in sheets for cells in rows),
        queries=product.queries,
    )
    return [
        row(
            name,
            product.seconds * 1000,
            floor.seconds * 1000,
            1.5,
            "ms",
            floor_is="bare xlsxwriter writing the same cells from lists",
            **extra,
        ),
        row(
            f"{name} memory",
            memory,
            MEMORY_BUDGET_MB,
            1.0,
            "MB",
            floor_is=f"the budget: {MEMORY_BUDGET_MB} MB (tracemalloc peak growth)",
        ),
    ]


@measure("points ledger export", target=1.5, unit="ms")
def points_ledger_export(bench):
    """The ledger of results of the closed year for every branch."""
    env = bench.env
    company = bench.data["company"]
    period = bench.data["year_period"]
    branches = env["party.branch"].search([("company_id", "=", company.id)])
    Export = env["party.points.export"]
    with bench.rolled_back():
        period.action_close()
        env.flush_all()
        return export_rows(
            bench,
            "points ledger export",
            lambda: Export._export_file(
                "ledger", period, branches, env["party.member"]
            ),
            branches=len(branches),
        )


@measure("member ledger export", target=1.5, unit="ms")
def member_ledger_export(bench, entries=100_000):
    """The ledger of entries of the year for the first branches (without
    branches below them) holding ``entries`` entries together (all of them
    at small sizes)."""
    env = bench.env
    period = bench.data["year_period"]
    env.cr.execute(
        """
        SELECT branch_id, count(*) FROM party_points_entry e
        WHERE period_id = %s AND NOT EXISTS (
            SELECT FROM party_branch b WHERE b.parent_id = e.branch_id
        )
        GROUP BY branch_id ORDER BY branch_id
        """,
        [period.id],
    )
    ids, total = [], 0
    for branch_id, count in env.cr.fetchall():
        if total >= entries:
            break
        ids.append(branch_id)
        total += count
    branches = env["party.branch"].browse(ids)
    Export = env["party.points.export"]
    return export_rows(
        bench,
        "member ledger export",
        lambda: Export._export_file("member", period, branches, env["party.member"]),
        entries=total,
        branches=len(ids),
    )


# -- organisational life: the compliance report ---------------------------------


def _meeting_year(bench):
    """A year of meetings (the generated ledger's year) in every branch of
    the generated company, inserted in bulk in the caller's transaction: one
    meeting per span of each type of a required frequency for the branch or
    its committee, on the 15th; one in 20 held but not confirmed, the
    others confirmed; attendance of the branch's members (one in ten for a
    committee meeting), one in 25 absent. Returns ``(year, meetings,
    attendance lines)``."""
    env = bench.env
    year = bench.data["year_period"].date_start.year
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO party_meeting (name, type_id, branch_id, company_id,
            date_start, date_end, state, attendees_only, create_uid,
            write_uid, create_date, write_date)
        SELECT t.name->>'en_US', t.id, b.id, b.company_id,
               make_date(%(year)s, mo, 15) + time '06:30',
               make_date(%(year)s, mo, 15) + time '08:30',
               CASE WHEN (b.id + t.id + mo) %% 20 = 0 THEN 'held'
                    ELSE 'confirmed' END,
               COALESCE(t.attendees_only, false), %(uid)s, %(uid)s, now(), now()
        FROM party_branch b
        CROSS JOIN party_meeting_type t
        JOIN (VALUES ('monthly', 1), ('quarterly', 3), ('yearly', 12))
            AS s (frequency, months) ON s.frequency = t.frequency
        CROSS JOIN generate_series(1, 12) AS mo
        WHERE b.company_id = %(company)s AND b.active
            AND b.org_type != 'committee' AND t.active
            AND t.audience IN ('branch', 'committee') AND mo %% s.months = 0
        """,
        {"year": year, "company": bench.data["company"].id, "uid": env.uid},
    )
    meetings = env.cr.rowcount
    env.cr.execute(
        """
        INSERT INTO party_meeting_attendance (meeting_id, member_id, branch_id,
            company_id, status, create_uid, write_uid, create_date, write_date)
        SELECT m.id, pm.id, m.branch_id, m.company_id,
               CASE WHEN (pm.id + m.id) %% 25 = 0 THEN 'absent'
                    ELSE 'present' END,
               %(uid)s, %(uid)s, now(), now()
        FROM party_meeting m
        JOIN party_meeting_type t ON t.id = m.type_id
        JOIN party_member pm ON pm.branch_id = m.branch_id AND pm.active
        WHERE m.company_id = %(company)s
            AND (t.audience != 'committee' OR pm.id %% 10 = 0)
        ON CONFLICT DO NOTHING
        """,
        {"company": bench.data["company"].id, "uid": env.uid},
    )
    return year, meetings, env.cr.rowcount


# What both meeting floors say in SQL of their own: the spans of the types'
# frequencies, and the meetings a branch owes a type per span (one per
# active Party group, one for its committee, one for its members).
SPAN_CTE = """span AS (
    SELECT * FROM (VALUES ('monthly', 1), ('quarterly', 3), ('yearly', 12))
        AS s (frequency, months)
)"""
PER_SPAN_SQL = """CASE t.audience
        WHEN 'group' THEN (SELECT count(*) FROM party_group g
                           WHERE g.branch_id = b.id AND g.active)
        WHEN 'committee' THEN CASE WHEN b.secretary_id IS NOT NULL OR EXISTS (
            SELECT 1 FROM party_branch_committee_rel r WHERE r.branch_id = b.id)
            THEN 1 ELSE 0 END
        ELSE CASE WHEN EXISTS (SELECT 1 FROM party_member pm
                               WHERE pm.branch_id = b.id AND pm.active)
            THEN 1 ELSE 0 END
        END"""

# The same year figures by branch as the report, by hand: the types'
# requirements over twelve months, the meetings held and confirmed, the
# attendance of the confirmed ones.
COMPLIANCE_SQL = f"""
WITH {SPAN_CTE},
required AS (
    SELECT b.id AS branch_id, SUM(12 / s.months * {PER_SPAN_SQL}) AS required
    FROM party_branch b
    CROSS JOIN party_meeting_type t
    JOIN span s ON s.frequency = t.frequency
    WHERE b.company_id = %(company)s AND b.active AND b.org_type != 'committee'
        AND t.active AND t.audience != 'one_to_one'
    GROUP BY b.id
),
held AS (
    SELECT branch_id,
        count(*) FILTER (WHERE state IN ('held', 'confirmed')) AS held,
        count(*) FILTER (WHERE state = 'confirmed') AS confirmed
    FROM party_meeting
    WHERE company_id = %(company)s AND state != 'cancelled'
        AND date_start >= %(start)s AND date_start < %(end)s
    GROUP BY branch_id
),
attendance AS (
    SELECT m.branch_id, count(*) AS expected,
        count(*) FILTER (WHERE a.status IN ('present', 'late')) AS attended
    FROM party_meeting_attendance a
    JOIN party_meeting m ON m.id = a.meeting_id
    WHERE m.company_id = %(company)s AND m.state = 'confirmed'
        AND m.date_start >= %(start)s AND m.date_start < %(end)s
    GROUP BY m.branch_id
)
SELECT r.branch_id, r.required, COALESCE(h.held, 0), COALESCE(h.confirmed, 0),
    COALESCE(a.expected, 0), COALESCE(a.attended, 0),
    100.0 * a.attended / NULLIF(a.expected, 0)
FROM required r
LEFT JOIN held h ON h.branch_id = r.branch_id
LEFT JOIN attendance a ON a.branch_id = r.branch_id
"""


@measure("compliance", target=3, unit="ms")
def compliance(bench):
    """The compliance report over a year of meetings in every branch (issue
    14): the year's figures by branch through
    ``party.meeting.compliance.report`` (what its pivot reads), against the
    same figures by hand-written SQL over the meetings and attendance."""
    env = bench.env
    company = bench.data["company"]
    Report = env["party.meeting.compliance.report"]
    figures = [
        "required_count:sum",
        "held_count:sum",
        "confirmed_count:sum",
        "expected_count:sum",
        "attended_count:sum",
        "attendance_rate:avg",
    ]
    with bench.rolled_back():
        year, meetings, lines = _meeting_year(bench)
        env.flush_all()
        env.cr.execute("ANALYZE party_meeting")
        env.cr.execute("ANALYZE party_meeting_attendance")
        domain = [
            ("company_id", "=", company.id),
            ("month", ">=", date(year, 1, 1)),
            ("month", "<=", date(year, 12, 1)),
        ]

        def report():
            return Report._read_group(domain, ["branch_id"], figures)

        params = {
            "company": company.id,
            "start": datetime(year, 1, 1),
            "end": datetime(year + 1, 1, 1),
        }
        product, floor = bench.compared(report, bench.sql(COMPLIANCE_SQL, params))
        # the floor gives the report's figures (its check)
        by_report = {branch.id: tuple(values[:5]) for branch, *values in report()}
        env.cr.execute(COMPLIANCE_SQL, params)
        by_hand = {
            branch_id: tuple(values[:5])
            for branch_id, *values in env.cr.fetchall()
            if branch_id in by_report
        }
    return [
        row(
            "compliance",
            product.seconds * 1000,
            floor.seconds * 1000,
            3,
            "ms",
            queries=product.queries,
            branches=len(by_report),
            meetings=meetings,
            attendance=lines,
            same_figures=by_report == by_hand,
            floor_is="the same year figures by branch by hand-written SQL",
        )
    ]


# -- the annual assessment ------------------------------------------------------


# The inputs of the assessment, by member: each quarter's score, the
# member's branch, type and category, the votes on their line; and the
# approved, standing vetoes of those members up to the year's end.
ASSESS_SQL = """
SELECT r.member_id, m.branch_id, m.member_type, m.special_category, {scores},
    max(l.review_excellent), max(l.review_qualified), max(l.review_basic),
    max(l.review_unqualified)
FROM party_points_result r
JOIN party_member m ON m.id = r.member_id
LEFT JOIN party_points_assessment_line l
    ON l.member_id = r.member_id AND l.assessment_id = %(assessment)s
WHERE r.period_id = ANY(%(periods)s)
GROUP BY r.member_id, m.id
"""
# one column a quarter: faster to fetch than arrays of them
ASSESS_SCORE_SQL = "max(r.score) FILTER (WHERE r.period_id = {period:d})"
ASSESS_VETO_SQL = """
SELECT e.id, e.member_id, e.date, u.veto_effect, u.veto_effect_months
FROM party_points_entry e
JOIN party_points_rule u ON u.id = e.rule_id
WHERE e.state = 'approved' AND e.is_veto AND e.reversed_by_id IS NULL
    AND e.reversal_of_id IS NULL AND e.company_id = %(company)s
    AND e.date <= %(end)s
    AND e.member_id IN (
        SELECT member_id FROM party_points_result WHERE period_id = ANY(%(periods)s)
    )
"""


@measure("assess", target=10, unit="ms")
def assess(bench):
    """Assessing a year over four closed quarters with the 民主评议 votes
    (issue 15): ``action_compute()`` again (the votes cast stay with the
    members), in a later transaction than the one that computed the
    assessment and counted the votes (committed by the generator), as in
    use; against the bare SQL aggregation of the same inputs by member
    (the quarters' scores, the member's branch, type and category, the vote
    counts) and the members' standing vetoes."""
    assessment, quarters = bench.data["assessment"], bench.data["quarters"]
    params = {
        "assessment": assessment.id,
        "periods": quarters.ids,
        "company": assessment.company_id.id,
        "end": assessment.date_end,
    }

    inputs = ASSESS_SQL.format(
        scores=", ".join(
            ASSESS_SCORE_SQL.format(period=period) for period in quarters.ids
        )
    )

    def floor():
        bench.sql(inputs, params)()
        bench.sql(ASSESS_VETO_SQL, params)()

    product, floor = bench.compared(assessment.action_compute, floor)
    lines = assessment.line_ids
    votes = sum(
        line.review_excellent
        + line.review_qualified
        + line.review_basic
        + line.review_unqualified
        for line in lines
    )
    members = len(lines)
    return [
        row(
            "assess",
            product.seconds * 1000,
            floor.seconds * 1000,
            10,
            "ms",
            queries=product.queries,
            members=members,
            votes=votes,
            periods=len(quarters),
            floor_is="the bare SQL aggregation of the same inputs by member: "
            "the quarters' scores, the member's branch, type and category, the "
            "vote counts, and the standing vetoes",
        )
    ]


def _assessment_pages(bench):
    """Server time and queries of /my/assessment and of its branch notice
    for a member with 100 entries, the generated assessment
    (``generate.assessed_year``) published: ``({url: Timing}, lines,
    entries)``."""
    with bench.rolled_back():
        assessment = bench.data["assessment"]
        assessment.action_publish()
        user, count = _page_member(bench)
        timings = {}
        with bench.http(user) as http_get:
            for url in ASSESSMENT_PAGES:

                def get(url=url):
                    response = http_get(url)
                    if response.status_code != 200:
                        raise RuntimeError(
                            f"GET {url}: {response.status} {response.location}"
                        )

                timings[url] = bench.timed(get)
        return timings, len(assessment.line_ids), count


ASSESSMENT_PAGES = ("/my/assessment", "/my/assessment/notice")


@measure("assessment page", target=1.5, unit="ms")
def assessment_page(bench):
    """/my/assessment and its branch notice against the same pages in a
    database 100 times smaller (issue 15): flat in the data's size, the
    same queries."""
    big, big_lines, big_count = _assessment_pages(bench)
    small, small_lines, small_count = _assessment_pages(bench.small or bench)
    extra = {
        "lines": big_lines,
        "entries": big_count,
        "floor_is": "the same page in a database 100 times smaller",
        "floor_lines": small_lines,
        "floor_entries": small_count,
    }
    page, notice = ASSESSMENT_PAGES
    rows = [
        row(
            "assessment page",
            big[page].seconds * 1000,
            small[page].seconds * 1000,
            1.5,
            "ms",
            **extra,
        ),
        row(
            "assessment page queries",
            big[page].queries,
            small[page].queries,
            1.0,
            "queries",
            **extra,
        ),
        # The notice lists the whole branch, whose size differs between the
        # two databases (50 members against 5 at the default sizes): its
        # time grows with the branch, not with the database; its queries
        # must not grow at all.
        row(
            "branch notice page queries",
            big[notice].queries,
            small[notice].queries,
            1.0,
            "queries",
            ms=round(big[notice].seconds * 1000, 1),
            floor_ms=round(small[notice].seconds * 1000, 1),
            **extra,
        ),
    ]
    return rows


# -- the star rating of branches -------------------------------------------------

# The figures the automatic checks read, by hand-written SQL over the
# tables, one query per family of checks: by branch and meeting type, the
# times the types required a meeting, those met (the span's meetings held
# as many as it requires) and the attendance of the confirmed meetings; the
# members; those on a final assessment of the year, and by grade (exempt
# members left out); the claims approved in the year and their days to
# approval; the staff's ratings of the closed rounds by round; and (with the
# ledger) the four rates of the items received in the year, the practical
# matters done to the staff's satisfaction and the key projects due.
RATING_MEETINGS_SQL = f"""
WITH {SPAN_CTE},
rated AS (
    SELECT id, secretary_id FROM party_branch
    WHERE company_id = %(company)s AND active AND org_type != 'committee'
),
applicable AS (
    SELECT b.id AS branch_id, t.id AS type_id, s.months, {PER_SPAN_SQL} AS per_span
    FROM rated b
    CROSS JOIN party_meeting_type t
    JOIN span s ON s.frequency = t.frequency
    WHERE t.active AND t.audience != 'one_to_one'
),
meetings AS (
    SELECT m.id, m.branch_id, m.type_id, m.state,
        extract(month FROM m.date_start)::int - 1 AS month
    FROM party_meeting m
    JOIN rated b ON b.id = m.branch_id
    WHERE m.state != 'cancelled'
        AND m.date_start >= %(start)s AND m.date_start < %(end)s
),
held AS (
    SELECT m.branch_id, m.type_id, m.month / a.months AS span, count(*) AS held
    FROM meetings m
    JOIN applicable a ON a.branch_id = m.branch_id AND a.type_id = m.type_id
    WHERE m.state IN ('held', 'confirmed')
    GROUP BY m.branch_id, m.type_id, m.month / a.months
),
required AS (
    SELECT a.branch_id, a.type_id, sum(a.per_span) AS required,
        sum(a.per_span) FILTER (WHERE h.held >= a.per_span) AS met
    FROM applicable a
    CROSS JOIN LATERAL generate_series(0, 12 / a.months - 1) AS i (span)
    LEFT JOIN held h ON h.branch_id = a.branch_id AND h.type_id = a.type_id
        AND h.span = i.span
    WHERE a.per_span > 0
    GROUP BY a.branch_id, a.type_id
),
attendance AS (
    SELECT m.branch_id, m.type_id, count(*) AS expected,
        count(*) FILTER (WHERE a.status IN ('present', 'late')) AS attended
    FROM party_meeting_attendance a
    JOIN party_meeting m ON m.id = a.meeting_id
    JOIN rated b ON b.id = m.branch_id
    WHERE m.state = 'confirmed'
        AND m.date_start >= %(start)s AND m.date_start < %(end)s
    GROUP BY m.branch_id, m.type_id
),
pairs AS (
    SELECT branch_id, type_id FROM required
    UNION
    SELECT branch_id, type_id FROM meetings
)
SELECT p.branch_id, p.type_id, COALESCE(r.required, 0), COALESCE(r.met, 0),
    COALESCE(a.expected, 0), COALESCE(a.attended, 0)
FROM pairs p
LEFT JOIN required r ON r.branch_id = p.branch_id AND r.type_id = p.type_id
LEFT JOIN attendance a ON a.branch_id = p.branch_id AND a.type_id = p.type_id
"""
RATING_SQL = [
    RATING_MEETINGS_SQL,
    """
SELECT pm.branch_id, count(*)
FROM party_member pm
JOIN party_branch b ON b.id = pm.branch_id
WHERE b.company_id = %(company)s AND pm.active
GROUP BY pm.branch_id
""",
    """
SELECT l.branch_id, l.final_grade, count(DISTINCT l.member_id),
    count(DISTINCT l.member_id)
        FILTER (WHERE l.category IS DISTINCT FROM 'exempt')
FROM party_points_assessment_line l
JOIN party_points_assessment a ON a.id = l.assessment_id
WHERE a.company_id = %(company)s AND a.state = 'final'
    AND a.date_start < %(end)s AND a.date_end >= %(start)s
GROUP BY GROUPING SETS ((l.branch_id), (l.branch_id, l.final_grade))
""",
    """
SELECT branch_id, count(*), avg(extract(epoch FROM greatest(
    approved_date - create_date, interval '0'))) / 86400
FROM party_points_entry
WHERE company_id = %(company)s AND state = 'approved' AND origin = 'claim'
    AND approved_date >= %(start)s AND approved_date < %(end)s
GROUP BY branch_id
""",
    """
SELECT s.branch_id, count(*),
    sum(s.score_service + s.score_response + s.score_practical)
FROM party_staff_rating_response s
JOIN party_staff_rating_round r ON r.id = s.round_id
WHERE r.company_id = %(company)s AND r.state = 'closed'
    AND r.date_from < %(end)s AND r.date_to >= %(start)s
GROUP BY s.round_id, s.branch_id
""",
]
RATING_LEDGER_SQL = [
    """
SELECT s.branch_id, count(*),
    avg(CASE WHEN s.responded_on_time THEN 100.0 ELSE 0.0 END),
    avg(CASE WHEN s.state = 'done' THEN 100.0 ELSE 0.0 END),
    avg(CASE WHEN s.state != 'done' THEN NULL
             WHEN s.closed_on_time THEN 100.0 ELSE 0.0 END),
    avg(CASE WHEN s.satisfaction IS NULL THEN NULL
             WHEN s.satisfaction IN ('very_satisfied', 'satisfied')
                 OR (s.satisfaction = 'basic'
                     AND c.party_basic_counts_satisfied)
             THEN 100.0 ELSE 0.0 END)
FROM party_suggestion s
JOIN res_company c ON c.id = s.company_id
WHERE s.company_id = %(company)s AND s.state != 'cancelled'
    AND s.date_received >= %(start)s AND s.date_received < %(end)s
GROUP BY s.branch_id
""",
    """
SELECT branch_id, count(*)
FROM party_suggestion
WHERE company_id = %(company)s AND kind = 'implementation' AND state = 'done'
    AND satisfaction IN ('very_satisfied', 'satisfied')
    AND date_closed >= %(start)s AND date_closed < %(end)s
GROUP BY branch_id
""",
    """
SELECT branch_id, count(*), count(*) FILTER (WHERE state = 'done'
    AND date_verified::date <= date_deadline)
FROM party_practical_project
WHERE company_id = %(company)s AND state != 'cancelled'
    AND date_deadline >= %(start)s AND date_deadline < %(end)s
GROUP BY branch_id
""",
]


@measure("star rating", target=10, unit="ms")
def star_rating(bench):
    """Rating every branch for a year of meetings and of the generated
    ledger (issue 16): ``party.branch.rating._rate()`` creating and
    evaluating every branch's criteria, against the bare SQL of the same
    figures by branch; and at most 10 s."""
    env = bench.env
    company = bench.data["company"]
    with bench.rolled_back():
        year, meetings, lines = _meeting_year(bench)
        env.flush_all()
        env.cr.execute("ANALYZE party_meeting")
        env.cr.execute("ANALYZE party_meeting_attendance")
        branches = env["party.branch"].search(
            [("company_id", "=", company.id), ("org_type", "!=", "committee")]
        )
        params = {
            "company": company.id,
            "start": datetime(year, 1, 1),
            "end": datetime(year + 1, 1, 1),
        }
        queries = list(RATING_SQL)
        if "party.suggestion" in env:
            queries += RATING_LEDGER_SQL

        def floor():
            for query in queries:
                bench.sql(query, params)()

        def product():
            env["party.branch.rating"]._rate(branches, year)

        product_time, floor_time = bench.compared(product, floor)
        criteria = env["party.rating.criterion"].search_count([])
    return [
        row(
            "star rating",
            product_time.seconds * 1000,
            floor_time.seconds * 1000,
            10,
            "ms",
            queries=product_time.queries,
            branches=len(branches),
            criteria=criteria,
            meetings=meetings,
            attendance=lines,
            within_10_s=product_time.seconds <= 10,
            floor_is="the bare SQL of the checks' figures by branch",
        )
    ]
