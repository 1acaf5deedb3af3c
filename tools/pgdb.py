"""Small PostgreSQL helper for the make targets.

Connection settings come from the standard PG* variables. Databases created
here carry a comment naming this project; ``drop`` refuses any database that
does not carry it, so the commands never drop a database they did not create.

    python tools/pgdb.py ping
    python tools/pgdb.py exists NAME      exit 0 if NAME exists, 1 if not
    python tools/pgdb.py create NAME      create NAME and mark it as ours
    python tools/pgdb.py create NAME OURS create NAME as a copy of OURS
    python tools/pgdb.py drop NAME        drop NAME if it is ours
"""

import os
import sys

import psycopg2
from psycopg2 import sql

MARK = "created by party_points/party_ledger make targets"


def _connect(dbname="postgres"):
    conn = psycopg2.connect(dbname=dbname)
    conn.autocommit = True
    return conn


def ping():
    try:
        _connect().close()
    except psycopg2.OperationalError as exc:
        where = "{}:{} as user {}".format(
            os.environ.get("PGHOST", "(socket)"),
            os.environ.get("PGPORT", "5432"),
            os.environ.get("PGUSER", "(current user)"),
        )
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc
        print(
            f"PostgreSQL does not answer at {where} ({first}). Start it "
            "(Debian: pg_ctlcluster 15 main start) or point PGHOST, PGPORT, "
            "PGUSER and PGPASSWORD at a running server where this user may "
            "create databases.",
            file=sys.stderr,
        )
        return 2
    return 0


def _comment(cur, name):
    cur.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
        "WHERE datname = %s",
        [name],
    )
    row = cur.fetchone()
    return None if row is None else (row[0] or "")


def exists(name):
    with _connect() as conn, conn.cursor() as cur:
        return 0 if _comment(cur, name) is not None else 1


def create(name, template=None):
    """Create ``name``, empty or as a copy of ``template`` (a database these
    commands created, that nobody is connected to)."""
    conn = _connect()
    with conn.cursor() as cur:
        if _comment(cur, name) is not None:
            print(f"Database {name} exists already.", file=sys.stderr)
            return 1
        if template is not None and _comment(cur, template) != MARK:
            print(
                f"Database {template} was not created by these commands.",
                file=sys.stderr,
            )
            return 1
        cur.execute(
            sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template or "template0")
            )
        )
        cur.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(MARK)
            )
        )
    conn.close()
    return 0


def drop(name):
    conn = _connect()
    with conn.cursor() as cur:
        comment = _comment(cur, name)
        if comment is None:
            return 0
        if comment != MARK:
            print(
                f"Database {name} was not created by these commands: "
                "not dropping it. Drop it yourself or choose another name.",
                file=sys.stderr,
            )
            return 1
        cur.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        cur.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
    conn.close()
    return 0


def main(argv):
    commands = {"ping": ping, "exists": exists, "create": create, "drop": drop}
    if not argv or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[argv[0]](*argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
