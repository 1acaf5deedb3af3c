"""The set-up itself, on a fresh clone with Odoo hidden: where `make test` and
`make demo` look for Odoo, which series they pick among those found, what
they would fetch, and what they say about missing system libraries. No
network, no Odoo (only fake trees holding odoo/release.py), no apt-get run
for real.

The clone is of this repository, with this checkout's uncommitted tools/
laid over it, so that nothing of this checkout that git ignores (.venv, a
cache) can help; the finding runs through tools/find_odoo.sh, which shares
tools/common.sh with `make test` and `make demo`.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = "Odoo suite: SKIPPED (no Odoo found)"
DEBS = "libldap2-dev libsasl2-dev libpq-dev build-essential"

pytestmark = pytest.mark.skipif(
    not shutil.which("git") or not shutil.which("bash"), reason="needs git and bash"
)


def _git(*args, cwd):
    subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, timeout=120
    )


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    if subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse"], capture_output=True, check=False
    ).returncode:
        pytest.skip("not a git checkout")
    repo = tmp_path_factory.mktemp("clone") / "repo"
    _git("clone", "--quiet", str(ROOT), str(repo), cwd=ROOT)
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "tools"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for rel in listed:
        if (ROOT / rel).is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, repo / rel)
    return repo


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory):
    """A Python that cannot import odoo: a virtualenv of its own packages."""
    venv = tmp_path_factory.mktemp("bare") / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)],
        check=True,
        timeout=120,
    )
    python = venv / "bin" / "python"
    assert subprocess.run([python, "-c", "import odoo"], check=False).returncode
    return python


@pytest.fixture
def shims(tmp_path):
    """A folder first on PATH whose apt-get only writes down how it was called."""
    folder = tmp_path / "shims"
    folder.mkdir()
    apt = folder / "apt-get"
    apt.write_text(f'#!/bin/sh\necho "$*" >>"{folder}/apt-get.calls"\n')
    apt.chmod(0o755)
    return folder


@pytest.fixture
def env(tmp_path, bare_python, shims):
    home = tmp_path / "home"
    home.mkdir()
    return {
        "PATH": f"{shims}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(home),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHON": str(bare_python),
        "LANG": "C.UTF-8",
        # Whatever the test run has: never the real Odoo, never the network.
        "ODOO_GIT_URL": f"file://{tmp_path}/no-odoo-repository",
        "ODOO_ARCHIVE_URL": f"file://{tmp_path}/no-odoo-archive.tar.gz",
    }


def find_odoo(clone, env, *args):
    result = subprocess.run(
        ["bash", str(clone / "tools" / "find_odoo.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # (the messages are wrapped: one space for any run of blanks)
    return result.returncode, " ".join((result.stdout + result.stderr).split())


def fake_odoo_tree(path, serie):
    """An Odoo tree as far as finding it goes: just odoo/release.py."""
    (path / "odoo").mkdir(parents=True)
    (path / "odoo" / "release.py").write_text(f'serie = "{serie}"\n')
    return path


def fake_odoo_repository(path, serie, branch=None):
    """A git repository whose branch (the series by default) holds just
    odoo/release.py of that series."""
    fake_odoo_tree(path, serie)
    _git("init", "--quiet", f"--initial-branch={branch or serie}", cwd=path)
    _git("add", ".", cwd=path)
    _git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x", cwd=path)
    return f"file://{path}"


def test_reaches_the_fetch_step_and_says_what_it_would_fetch(clone, env):
    env = dict(env, ODOO_FETCH_DRY_RUN="1")
    del env["XDG_CACHE_HOME"], env["ODOO_GIT_URL"], env["ODOO_ARCHIVE_URL"]
    code, out = find_odoo(clone, env)
    cache = Path(env["HOME"]) / ".cache" / "party-work" / "odoo-19.0"
    assert code == 1, out
    assert (
        f"Would fetch: git clone --depth 1 --branch 19.0 "
        f"https://github.com/odoo/odoo {cache}" in out
    )
    assert "https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz" in out
    assert "dry run" in out
    assert out.endswith(SKIPPED)
    assert not cache.exists()


def test_the_series_asked_for_is_the_one_fetched(clone, env):
    env = dict(env, ODOO_FETCH_DRY_RUN="1", ODOO_SERIES="18.0")
    del env["ODOO_ARCHIVE_URL"]
    code, out = find_odoo(clone, env)
    cache = Path(env["XDG_CACHE_HOME"]) / "party-work" / "odoo-18.0"
    assert code == 1, out
    assert f"git clone --depth 1 --branch 18.0 {env['ODOO_GIT_URL']} {cache}" in out
    assert "odoo_18.0.latest.tar.gz" in out
    assert "19.0" not in out


def test_fetch_off_gives_the_skipped_line(clone, env):
    code, out = find_odoo(clone, dict(env, ODOO_FETCH="0"))
    assert code == 1, out
    assert "turned off by ODOO_FETCH=0" in out
    assert "Fetching" not in out
    assert "ODOO_SRC=/path/to/odoo-19.0" in out  # how to point it at an Odoo
    assert out.endswith(SKIPPED)


def test_nothing_to_fetch_fails_fast_and_says_what_it_tried(clone, env):
    code, out = find_odoo(clone, env)
    assert code == 1, out
    assert "git clone --depth 1 --branch 19.0" in out
    assert "then the source archive" in out
    assert out.endswith(SKIPPED)


def test_fetched_into_the_cache_then_reused(clone, env, tmp_path):
    env = dict(env, ODOO_GIT_URL=fake_odoo_repository(tmp_path / "odoo", "19.0"))
    cache = Path(env["XDG_CACHE_HOME"]) / "party-work" / "odoo-19.0"
    code, out = find_odoo(clone, env)
    assert code == 0, out
    assert f"Odoo 19.0: {cache} (fetched)" in out
    assert (cache / "odoo" / "release.py").is_file()
    code, out = find_odoo(clone, env)
    assert code == 0, out
    assert f"Odoo 19.0: {cache} (cached checkout)" in out
    assert "Fetching" not in out


def test_a_fetched_odoo_of_another_series_is_refused(clone, env, tmp_path):
    repository = fake_odoo_repository(tmp_path / "odoo", "16.0", branch="19.0")
    code, out = find_odoo(clone, dict(env, ODOO_GIT_URL=repository))
    assert code == 1, out
    assert "what came is Odoo '16.0', not 19.0" in out
    assert not list((Path(env["XDG_CACHE_HOME"]) / "party-work").iterdir())


def test_an_unsupported_series_is_refused(clone, env):
    code, out = find_odoo(clone, dict(env, ODOO_SERIES="16.0"))
    assert code == 2, out
    assert "ODOO_SERIES=16.0: these addons run on Odoo 17.0, 18.0 or 19.0 only" in out
    assert "Fetching" not in out


def test_the_newest_found_wins(clone, env):
    cache = Path(env["XDG_CACHE_HOME"]) / "party-work"
    for serie in ("17.0", "18.0"):
        fake_odoo_tree(cache / f"odoo-{serie}", serie)
    code, out = find_odoo(clone, env)
    assert code == 0, out
    assert out == f"Odoo 18.0: {cache / 'odoo-18.0'} (cached checkout)"
    code, out = find_odoo(clone, env, "--list")
    assert code == 0, out
    assert "Odoo series found: 17.0 18.0" in out
    # ODOO_SERIES picks another; a tree of the wrong series counts for none
    code, out = find_odoo(clone, dict(env, ODOO_SERIES="17.0"))
    assert out == f"Odoo 17.0: {cache / 'odoo-17.0'} (cached checkout)"
    fake_odoo_tree(cache / "odoo-19.0", "16.0")
    code, out = find_odoo(clone, env, "--list")
    assert "Odoo series found: 17.0 18.0 " in out


def test_odoo_src_comes_first(clone, env, tmp_path):
    fake_odoo_tree(Path(env["XDG_CACHE_HOME"]) / "party-work" / "odoo-19.0", "19.0")
    src = fake_odoo_tree(tmp_path / "odoo-src", "17.0")
    code, out = find_odoo(clone, dict(env, ODOO_SRC=str(src)))
    assert code == 0, out
    assert f"Odoo 17.0: {src} (ODOO_SRC)" in out
    code, out = find_odoo(clone, dict(env, ODOO_SRC=str(src), ODOO_SERIES="18.0"))
    assert code == 1, out
    assert f"ODOO_SRC={src} is Odoo 17.0, not 18.0" in out


def test_odoo_src_of_an_unsupported_series_is_refused(clone, env, tmp_path):
    src = fake_odoo_tree(tmp_path / "odoo-src", "16.0")
    code, out = find_odoo(clone, dict(env, ODOO_SRC=str(src)))
    assert code == 1, out
    assert f"ODOO_SRC={src} is Odoo 16.0: these addons run on Odoo 17.0" in out
    assert out.endswith(SKIPPED)


@pytest.fixture
def no_build_libraries(env, tmp_path):
    """No OpenLDAP, SASL or libpq headers, no pg_config, no C compiler."""
    (tmp_path / "include").mkdir()
    return dict(
        env,
        BUILD_INCLUDE_PATH=str(tmp_path / "include"),
        CC=str(tmp_path / "no-cc"),
        PG_CONFIG=str(tmp_path / "no-pg_config"),
    )


def test_missing_libraries_named_with_the_apt_line(clone, no_build_libraries, shims):
    code, out = find_odoo(
        clone, dict(no_build_libraries, APT_INSTALL="0"), "--check-deps"
    )
    assert code == 2, out
    assert f"apt-get install -y {DEBS}" in out
    assert "Stopped before pip compiles" in out
    assert not (shims / "apt-get.calls").exists(), "apt-get must not run"


@pytest.mark.skipif(os.geteuid() != 0, reason="apt-get is only tried as root")
def test_as_root_apt_get_is_asked_for_them(clone, no_build_libraries, shims):
    code, out = find_odoo(clone, no_build_libraries, "--check-deps")
    calls = (shims / "apt-get.calls").read_text().splitlines()
    assert calls == ["update -qq", f"install -y -qq {DEBS}"]
    # the shim installed nothing: still missing, so it still stops
    assert code == 2, out
    assert "still missing" in out


def test_present_libraries_pass(clone, env, tmp_path, shims):
    include = tmp_path / "include"
    (include / "sasl").mkdir(parents=True)
    for header in ("lber.h", "ldap.h", "sasl/sasl.h"):
        (include / header).write_text("")
    for tool in ("cc", "pg_config"):
        (shims / tool).write_text("#!/bin/sh\n")
        (shims / tool).chmod(0o755)
    env = dict(env, BUILD_INCLUDE_PATH=str(include), CC="cc", PG_CONFIG="pg_config")
    code, out = find_odoo(clone, env, "--check-deps")
    for deb in DEBS.split():
        assert deb not in out
    if Path(sysconfig.get_paths()["include"], "Python.h").is_file():
        assert code == 0, out
        assert "all present" in out
