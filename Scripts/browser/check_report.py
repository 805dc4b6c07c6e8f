"""Opens a StakeNet report in headless Chromium (through the DevTools protocol) and reports, as JSON on
standard output, what a reader would meet: console errors and uncaught exceptions, dialogs opened (an
injected alert() would open one), the sections with their headings and opening sentences, the maps and
charts, whether clicking a column heading sorts the table, and a screenshot.

Usage: check_report.py REPORT.html SCREENSHOT.png [--sort-column NAME]
Needs chromium (apt-get install chromium) and websocket-client (Scripts/reference/requirements.txt).
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium is not installed (Scripts/test installs it)")


class Page:
    def __init__(self, url):
        self.profile = tempfile.mkdtemp(prefix="stakenet-chromium-")
        self.process = subprocess.Popen(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "--window-size=1280,2000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        deadline = time.time() + 30
        while time.time() < deadline and port is None:
            line = self.process.stderr.readline()
            match = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if match:
                port = int(match.group(1))
        if port is None:
            self.close()
            sys.exit("chromium did not start its DevTools server")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=180)
        self.next_id = 0
        self.events = []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)
            if message.get("method") == "Page.javascriptDialogOpening":
                self.send_dismiss()

    def send_dismiss(self):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": "Page.handleJavaScriptDialog", "params": {"accept": False}}))

    def wait_for(self, method, timeout=180):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for event in self.events:
                if event.get("method") == method:
                    return event
            message = json.loads(self.socket.recv())
            self.events.append(message)
            if message.get("method") == "Page.javascriptDialogOpening":
                self.send_dismiss()
        raise TimeoutError(method)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self):
        try:
            self.process.kill()
            self.process.wait(timeout=10)
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


SECTIONS_JS = """
Array.from(document.querySelectorAll('main section')).map(function (s) {
  var h = s.querySelector('h2'), p = s.querySelector('p.what');
  return {id: h ? h.id : '', heading: h ? h.textContent : '', sentence: p ? p.textContent.trim() : ''};
})
"""

COLUMN_JS = """
(function (name) {
  var table = document.getElementById('stakeholders-table');
  var headers = Array.from(table.tHead.rows[0].cells).map(function (c) { return c.textContent.trim(); });
  var column = headers.indexOf(name);
  return {column: column, values: Array.from(table.tBodies[0].rows).map(function (r) { return r.cells[column].getAttribute('data-value'); })};
})
"""


def main():
    report, screenshot = sys.argv[1], sys.argv[2]
    sort_column = sys.argv[sys.argv.index("--sort-column") + 1] if "--sort-column" in sys.argv else "degree"
    page = Page("file://" + os.path.abspath(report))
    try:
        time.sleep(0.5)
        result = {"sections": page.evaluate(SECTIONS_JS)}
        result["maps"] = page.evaluate("document.querySelectorAll('svg.map').length")
        result["charts"] = page.evaluate("document.querySelectorAll('svg.chart').length")
        # Executable scripts only: each map's model is a script element holding JSON (type application/json).
        result["scripts"] = page.evaluate("document.querySelectorAll('script:not([type=\"application/json\"])').length")
        result["injected_images"] = page.evaluate("document.querySelectorAll('img').length")
        result["event_handlers"] = page.evaluate(
            "Array.from(document.querySelectorAll('*')).filter(function (e) {"
            " return Array.from(e.attributes).some(function (a) { return a.name.indexOf('on') === 0; }); }).length")
        result["text"] = page.evaluate("document.body.textContent")
        result["external_resources"] = page.evaluate(
            "performance.getEntriesByType('resource').map(function (r) { return r.name; })")
        before = page.evaluate(COLUMN_JS + f"({json.dumps(sort_column)})")
        page.evaluate("document.getElementById('stakeholders-table').tHead.rows[0].cells["
                      f"{before['column']}].querySelector('button').click()")
        ascending = page.evaluate(COLUMN_JS + f"({json.dumps(sort_column)})")
        page.evaluate("document.getElementById('stakeholders-table').tHead.rows[0].cells["
                      f"{before['column']}].querySelector('button').click()")
        descending = page.evaluate(COLUMN_JS + f"({json.dumps(sort_column)})")
        result["sort"] = {"column": sort_column, "before": before["values"], "ascending": ascending["values"],
                          "descending": descending["values"],
                          "aria": page.evaluate("document.getElementById('stakeholders-table').tHead.rows[0].cells["
                                                f"{before['column']}].getAttribute('aria-sort')")}
        shot = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        with open(screenshot, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        time.sleep(0.2)
        errors = []
        dialogs = []
        for event in page.events:
            method = event.get("method")
            params = event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", "")) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(params["entry"].get("text", "error"))
            elif method == "Page.javascriptDialogOpening":
                dialogs.append(params.get("message", ""))
        result["console_errors"] = errors
        result["dialogs"] = dialogs
        print(json.dumps(result))
    finally:
        page.close()


if __name__ == "__main__":
    main()
