"""Screenshot of the portal home (/my) as the demo's portal member sees it
on a phone (390 x 844 CSS pixels), for docs/screenshots/portal_my.png.

    tools/screenshot_portal.sh [DB] [PORT]           # the usual way
    .venv/bin/python tools/screenshot_portal.py --db party_demo --port 8069 \
        [--serve "python3 /opt/odoo17/odoo-bin --addons-path=..."] [--out FILE]

The database is a demo database (``make demo`` makes ``party_demo``). When
nothing answers on the port and ``--serve`` gives the command that starts
Odoo, the script starts Odoo on that port for the database, takes the
screenshot and stops it again. Chromium (headless) draws the page; Chinese
needs a CJK font (Debian: fonts-wqy-microhei or fonts-noto-cjk)."""

import argparse
import base64
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 390, 844


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=30).status_code < 500:
                return True
        except requests.RequestException:
            pass
        time.sleep(1)
    return False


def login(base, db, user, password):
    """An Odoo session cookie for ``user``."""
    session = requests.Session()
    response = session.post(
        f"{base}/web/session/authenticate",
        json={"params": {"db": db, "login": user, "password": password}},
        timeout=60,
    )
    response.raise_for_status()
    if response.json().get("error") or not response.json().get("result"):
        sys.exit(f"Cannot log in as {user} on {db}: {response.text[:300]}")
    return session.cookies["session_id"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("No Chromium on PATH (Debian: apt-get install chromium).")


class Page:
    """The one tab of a headless Chromium, driven over the DevTools protocol."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_event(self, name, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("method") == name:
                return message
        raise TimeoutError(name)


def screenshot(base, cookie, url, out, tz):
    port = free_port()
    profile = tempfile.mkdtemp(prefix="party-shot-")
    browser = subprocess.Popen(
        [
            chromium(),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--remote-debugging-port={port}",
            f"--user-data-dir={profile}",
            "--lang=zh-CN",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, TZ=tz),
    )
    try:
        if not wait_for(f"http://127.0.0.1:{port}/json/version", 30):
            sys.exit("Chromium did not start.")
        tabs = requests.get(f"http://127.0.0.1:{port}/json", timeout=10).json()
        page = Page(
            next(t for t in tabs if t["type"] == "page")["webSocketDebuggerUrl"]
        )
        page.call("Page.enable")
        page.call("Network.enable")
        page.call(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=2,
            mobile=True,
        )
        page.call("Emulation.setTimezoneOverride", timezoneId=tz)
        page.call(
            "Network.setCookie",
            name="session_id",
            value=cookie,
            url=base,
            path="/",
            httpOnly=True,
        )
        page.call("Page.navigate", url=base + url)
        page.wait_event("Page.loadEventFired")
        # the counters of the cards come by a second request
        settled = "!document.querySelector('.o_portal_doc_spinner')"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            done = page.call("Runtime.evaluate", expression=settled, returnByValue=True)
            if done["result"].get("value"):
                break
            time.sleep(0.5)
        time.sleep(1)
        shot = page.call("Page.captureScreenshot", format="png")
        Path(out).write_bytes(base64.b64decode(shot["data"]))
    finally:
        browser.terminate()
        browser.wait(10)
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("DEMO_DB", "party_demo"))
    parser.add_argument("--port", type=int, default=8069)
    parser.add_argument("--login", default="jiangtao", help="the portal member")
    parser.add_argument("--password", default="jiangtao")
    parser.add_argument("--url", default="/my")
    parser.add_argument("--tz", default="Asia/Shanghai")
    parser.add_argument(
        "--out", default=str(ROOT / "docs" / "screenshots" / "portal_my.png")
    )
    parser.add_argument(
        "--serve",
        help="command starting Odoo (without -d/--http-port), used when "
        "nothing answers on the port",
    )
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    server = None
    try:
        if not wait_for(f"{base}/web/login", 1):
            if not args.serve:
                sys.exit(f"No Odoo answers on {base}: start one, or pass --serve.")
            server = subprocess.Popen(
                [
                    *shlex.split(args.serve),
                    "-d",
                    args.db,
                    f"--db-filter=^{args.db}$",
                    "--http-interface=127.0.0.1",
                    f"--http-port={args.port}",
                    "--log-level=warn",
                ]
            )
            if not wait_for(f"{base}/web/login", 180):
                sys.exit("Odoo did not start.")
        cookie = login(base, args.db, args.login, args.password)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        screenshot(base, cookie, args.url, args.out, args.tz)
        print(f"Wrote {args.out}")
    finally:
        if server:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
