"""The measures of ``make bench``: each is one function registered with
``@measure``, given a :class:`Bench` and returning its rows.

A row compares what the product does (``value``) with a floor: what
PostgreSQL itself needs for the same work, or the same operation at another
scale. ``ratio = value / floor`` is what the target bounds, so the figures
hold on a slow machine as on a fast one. Everything a measure changes is
rolled back (:meth:`Bench.rolled_back`), so runs repeat on the same data.

Adding a measure (the member page, the exports) is one function::

    @measure("member page", target=1.5, unit="ms")
    def member_page(bench):
        value = bench.timed(lambda: ...)
        return [row(...)]
"""

import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

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
    made (company, year_period, open_period)."""

    env: object
    data: dict
    runs: int = 5
    rows: list = field(default_factory=list)

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
        timings = [self.once(func) for _run in range(self.runs)]
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


# -- close ------------------------------------------------------------------


@measure("close", target=10, unit="ms")
def close(bench):
    period = bench.data["year_period"].with_env(bench.env)
    product = bench.timed(period.action_close)
    floor = bench.timed(
        bench.sql(
            """
            SELECT member_id, sum(points) FROM party_points_entry
            WHERE period_id = %s AND state = 'approved'
            GROUP BY member_id
            """,
            [period.id],
        )
    )
    return [
        row(
            "close",
            product.seconds * 1000,
            floor.seconds * 1000,
            10,
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

    product = bench.timed(report)
    floor = bench.timed(
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
        )
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
    """1,000 submitted entries approved in one call, against the same call on
    100: time and queries per entry must not grow with the batch."""
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
    big = bench.timed(Entry.browse(ids).action_approve)
    small = bench.timed(Entry.browse(ids[:100]).action_approve)
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
    return [
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
