"""Screenshot a page of a running Odoo as a given user, with headless
Chromium driven over the DevTools protocol (used by tools/screenshots.sh).

    python tools/screenshot.py BASE_URL LOGIN PASSWORD URL_PATH OUTPUT.png \
        [--size 1440x900] [--wait CSS_SELECTOR]

Logs in through /web/session/authenticate, hands the session cookie to
Chromium, opens the page, waits for the selector and for the network to be
quiet, and writes the PNG.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import requests
import websocket


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def login(base_url, user, password, db):
    response = requests.post(
        f"{base_url}/web/session/authenticate",
        json={"params": {"db": db, "login": user, "password": password}},
        timeout=60,
    )
    response.raise_for_status()
    if response.json().get("error") or "session_id" not in response.cookies:
        sys.exit(f"Could not log in as {user}: {response.text[:300]}")
    return response.cookies["session_id"]


class Chrome:
    def __init__(self, width, height):
        binary = next(
            filter(
                None,
                map(shutil.which, ("chromium", "chromium-browser", "google-chrome")),
            ),
            None,
        )
        if not binary:
            sys.exit("Chromium is not installed.")
        self.port = free_port()
        self.profile = tempfile.mkdtemp(prefix="party-shot-")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size={width},{height}",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # the web client shows times in the browser's zone: the demo's
            # users work in Beijing
            env={**os.environ, "TZ": "Asia/Shanghai"},
        )
        self.ws = self._connect()
        self.next_id = 0

    def _connect(self):
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/json", timeout=2
                ) as answer:
                    pages = [t for t in json.load(answer) if t["type"] == "page"]
                if pages:
                    return websocket.create_connection(
                        pages[0]["webSocketDebuggerUrl"], timeout=60
                    )
            except OSError:
                pass
            time.sleep(0.3)
        sys.exit("Chromium did not start.")

    def send(self, method, **params):
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

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def close(self):
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("db")
    parser.add_argument("login")
    parser.add_argument("password")
    parser.add_argument("path")
    parser.add_argument("output")
    parser.add_argument("--size", default="1440x900")
    parser.add_argument("--wait", default="body")
    args = parser.parse_args()
    width, height = (int(value) for value in args.size.split("x"))
    session = login(args.base_url, args.login, args.password, args.db)
    chrome = Chrome(width, height)
    try:
        host = args.base_url.split("//", 1)[1].split(":")[0]
        chrome.send("Network.enable")
        chrome.send(
            "Network.setCookie", name="session_id", value=session, domain=host, path="/"
        )
        chrome.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        chrome.send("Page.enable")
        chrome.send("Page.navigate", url=args.base_url + args.path)
        selector = json.dumps(args.wait)
        deadline = time.time() + 90
        while not chrome.evaluate(f"!!document.querySelector({selector})"):
            if time.time() > deadline:
                sys.exit(f"{args.wait} never appeared on {args.path}")
            time.sleep(0.5)
        time.sleep(2)  # fonts, images and the last renders
        shot = chrome.send("Page.captureScreenshot", format="png")
        with open(args.output, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        print(f"wrote {args.output}")
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
