"""Run the benchmark inside Odoo: generate the data once, then measure.

    python tools/bench/run.py -d DB --addons-path=... [--members N ...]

Called by ``make bench`` (tools/bench.sh), which creates DB and installs the
addons first. Prints a table and writes bench-results.json at the root.
"""

import argparse
import json
import os
import platform
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psycopg2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate

import odoo
from odoo import SUPERUSER_ID, Command, api

ROOT = Path(__file__).resolve().parents[2]


def parse(argv):
    sizes = generate.Size()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--data-dir")
    for name in ("branches", "members", "entries", "suggestions", "seed"):
        parser.add_argument(f"--{name}", type=int, default=getattr(sizes, name))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--small-database",
        help="a database for the member page's floor, generated 100 times "
        "smaller; default: the member page is compared with itself",
    )
    parser.add_argument(
        "--measure",
        action="append",
        help="only this measure (repeatable); default: all",
    )
    parser.add_argument("--output", default=str(ROOT / "bench-results.json"))
    return parser, parser.parse_args(argv)


def prepare(env, size):
    """Generate ``size`` unless the database holds it already (committed;
    the assessed year added to data generated before it was part of it),
    then vacuum it."""
    found = generate.existing(env.cr)
    if found == size:
        print(f"Reusing the generated data ({size}).")
        data = generate.locate(env)
        if not data["assessment"]:
            print("Assessing the year before the ledger's ...", flush=True)
            generate.assessed_year(env, data)
            env.cr.commit()
            data = generate.locate(env)
    elif found is not None:
        sys.exit(
            f"The database holds other data ({found}); RESET=1 make bench "
            "starts afresh."
        )
    else:
        print(f"Generating {size} ...", flush=True)
        start = time.perf_counter()
        data = generate.generate(env, size)
        env.cr.commit()
        print(f"Generated in {time.perf_counter() - start:.1f} s.")
    vacuum(env.cr.dbname)
    return data


def vacuum(database):
    """VACUUM ANALYZE ``database`` (outside a transaction, so on a
    connection of its own), as autovacuum leaves a database that has
    settled: statistics for the planner, and the visibility map that lets
    index-only scans skip the table. Every measure is rolled back, but the
    row versions it wrote stay behind until vacuumed, scattered over the
    table: without this, a run would measure the debris of the last one."""
    print(f"Vacuuming {database} ...", flush=True)
    connection = psycopg2.connect(**odoo.sql_db.connection_info_for(database)[1])
    try:
        connection.autocommit = True
        with connection.cursor() as cr:
            cr.execute("VACUUM ANALYZE")
            # the pages vacuum dirtied are written now, not by a checkpoint
            # in the middle of the first measure (a superuser's right)
            try:
                cr.execute("CHECKPOINT")
            except psycopg2.errors.InsufficientPrivilege:
                print("No CHECKPOINT (not a superuser): the first measure may pay it.")
    finally:
        connection.close()


def small_size(size):
    """``size`` 100 times smaller, with as many entries per member."""
    return generate.Size(
        branches=max(8, size.branches // 10),
        members=size.members // 100,
        entries=size.entries // 100,
        suggestions=size.suggestions // 100,
        seed=size.seed,
    )


@contextmanager
def bench_on(measures, database, size, runs):
    """A :class:`measures.Bench` on ``database`` generated at ``size``, as
    the admin working its company; rolled back at the end."""
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if "party.suggestion" not in env:
            sys.exit(f"{database} lacks the addons; RESET=1 make bench starts afresh.")
        data = prepare(env, size)
        admin = env.ref("base.user_admin")
        admin.company_ids = [Command.link(data["company"].id)]
        user_env = api.Environment(
            cr,
            admin.id,
            {"allowed_company_ids": [data["company"].id], "tracking_disable": False},
        )
        yield measures.Bench(
            user_env, {k: v.with_env(user_env) for k, v in data.items()}, runs
        )
        cr.rollback()


def table(rows):
    head = ("measure", "value", "floor", "ratio", "target", "unit", "met")
    lines = [head]
    for r in rows:
        lines.append(
            (
                r["name"],
                f"{r['value']:.3f}",
                f"{r['floor']:.3f}",
                f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-",
                f"<= {r['target']}x",
                r["unit"],
                "yes" if r["met"] else "NO",
            )
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
    return "\n".join(
        "  ".join(
            str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)
        )
        for line in lines
    )


def main(argv):
    parser, args = parse(argv)
    databases = ",".join(filter(None, [args.database, args.small_database]))
    # both databases are served to the member page's requests
    config = ["-d", databases, f"--addons-path={args.addons_path}"]
    if args.data_dir:
        config.append(f"--data-dir={args.data_dir}")
    odoo.tools.config.parse_config(config + ["--log-level=warn", "--no-http"])
    # the measures use the addons, which odoo.addons holds once the
    # configuration names their path
    import measures

    size = generate.Size(
        branches=args.branches,
        members=args.members,
        entries=args.entries,
        suggestions=args.suggestions,
        seed=args.seed,
    )
    wanted = args.measure or list(measures.MEASURES)
    unknown = set(wanted) - set(measures.MEASURES)
    if unknown:
        parser.error(
            f"unknown measure {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(sorted(measures.MEASURES))}"
        )
    with ExitStack() as stack:
        bench = stack.enter_context(bench_on(measures, args.database, size, args.runs))
        if args.small_database and {"member page", "assessment page"} & set(wanted):
            bench.small = stack.enter_context(
                bench_on(measures, args.small_database, small_size(size), args.runs)
            )
        rows = []
        for name in wanted:
            print(f"Measuring {name} ...", flush=True)
            rows += measures.MEASURES[name]["func"](bench)
    print()
    print(table(rows))
    result = {
        "size": size.__dict__,
        "database": args.database,
        "small_database": args.small_database,
        "runs": args.runs,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "measures": {r["name"]: r for r in rows},
    }
    Path(args.output).write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"\nWritten to {args.output}")


if __name__ == "__main__":
    main(sys.argv[1:])
