#!/usr/bin/python3
"""Hostile payloads through every field that reaches the HTML report (issue 10).

    html_payloads_test.py NEWSLINT_BINARY SOURCE_DIR

Scraped content is attacker-controlled. This test writes inputs that carry
each payload of PAYLOADS in every field that reaches the page, writes the
page with `newslint check` and again with `newslint merge` (which builds the
page from JSON parts), opens each page in headless Chromium through the
DevTools protocol (--remote-debugging-pipe) and checks:
  * no payload ran: window.__pwned is undefined, no dialog opened, no
    request left the page (every payload that loads something points at a
    URL of its own), no console error and no CSP report;
  * no element came from a payload: only the elements the page's script
    makes, no on* attribute, no style attribute but the hover card's, no
    javascript:/data:/vbscript: address, every link http(s) or file;
  * each payload is shown as text where its field is shown (the rendered
    textContent of that place equals or contains the payload, invalid UTF-8
    read as U+FFFD);
  * the CSP meta is present once and identical to the policy of a report of
    a clean input (data cannot change it), and its hashes name the page's
    own script and style.
Each page is opened twice: as written, and with the CSP bypassed
(Page.setBypassCSP), so the escaping and the textContent-only DOM are tested
on their own, not only behind the policy.

The fields that reach the page (reports/html.cc writes them into the page
data, reports/html/script.js shows them):
  record fields (JSONL; HTML and text files fill some of them)
    id                 article facts "id", the heading when there is no title
    url                facts "url" (a link only for http(s), else text)
    site               derived from the url's host: facts "site", the site
                       filter, the by-site chart (summary.by_site)
    title              the heading, the article list (HTML: <title>)
    text               the article text with highlights (HTML: visible text)
    byline             only through metadata/byline-not-a-person's message
                       and evidence
    published          only through metadata/implausible-date's evidence
    links (href, text) only through links/* messages and evidence
    html               its <title> and visible text (class/id tokens reach
                       the page only as fixed signal names such as dom:share)
    other fields       not kept by the reader (language is configuration)
  the input itself
    file path          run.inputs (the header), each article's source and
                       name (list, facts, data-article attributes)
  findings
    rule id            finding list, hover card, rule/family filters, the
                       charts by rule and family, the status line; from
                       `newslint check` only built-in and pack ids (kebab-case,
                       checked when the pack loads), from `newslint merge`
                       whatever the parts say: a crafted part carries them
    message, excerpt, evidence   finding list and hover card
    input/* messages   quote configuration (--field names) but never record
                       bytes
  configuration
    rule packs         message (and {match}), phrases (evidence); the pack
                       name and rule ids are kebab-case; summary and doc text
                       are not on the page
    --field NAME       input/missing-text's message
    --docs-url         the href of every rule link
    budgets, language  not on the page (the page data has no budgets)
  merge parts (crafted)  tool.version (header, footer, generator meta),
                       run.started_at (header), rule ids
  the URL fragment     #rule= #family= #site= #q= #article= (filters,
                       options added for unknown values, the search box,
                       the status line)
Published dates over 64 characters are not parsed (no finding), so the long
CSS payload is not put in that field.
Exits 77 (ctest: skipped) with a message when Chromium is not installed.
"""

import base64
import hashlib
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

SKIP = 77
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL: " + what, flush=True)
    return ok


# --- The payloads -------------------------------------------------------------------
# Each sets window.__pwned (or opens a dialog) if it ever runs. Bytes, since
# one is not UTF-8; shown(p) is what the page must show for it.

BROKEN = b"<scr\xc3\x28ipt>window.__pwned=1</scr\xc3\x28ipt>"
PAYLOADS = [
    b"<script>window.__pwned=1</script>",
    b'"><img src=x onerror="window.__pwned=1">',
    b"javascript:window.__pwned=1",
    b"</script><script>window.__pwned=1</script>",
    b"<style>*{background:url(javascript:window.__pwned=1)}</style>",
    b"x:expression(window.__pwned=1)",
    b'<svg onload="window.__pwned=1;alert(1)">',
    BROKEN,
    b"<!--<script>window.__pwned=1</script>",
    b"]]><script>window.__pwned=1</script>",
    "\u2028</script>\u2029<script>window.__pwned=1</script>".encode(),
    b"\x00<script>window.__pwned=1</script>",
]


def shown(b):
    return b.decode("utf-8", "replace")


def json_line(record):
    """One JSONL line; values may be bytes (kept as raw bytes, even invalid UTF-8)."""
    raw = {}

    def encode(v):
        if isinstance(v, bytes):
            key = "\ue000%d\ue000" % len(raw)
            raw[key.encode()] = v
            return key
        if isinstance(v, list):
            return [encode(x) for x in v]
        if isinstance(v, dict):
            return {k: encode(x) for k, x in v.items()}
        return v

    # ensure_ascii=False: U+2028/9 stay raw bytes; NUL is escaped (JSON needs it).
    line = json.dumps(encode(record), ensure_ascii=False).encode()
    for key, value in raw.items():
        escaped = json.dumps(value.decode("utf-8", "surrogateescape"), ensure_ascii=False)[1:-1]
        line = line.replace(key, escaped.encode("utf-8", "surrogateescape"))
    return line + b"\n"


def site_of(host):
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


# --- Chromium through the DevTools protocol on a pipe ---------------------------------

def find_chromium():
    for name in (os.environ.get("NEWSLINT_CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    """Headless Chromium driven over --remote-debugging-pipe (fds 3 and 4,
    NUL-separated JSON messages): no port, no extra package."""

    def __init__(self, chromium, profile):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def child_fds():
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--remote-debugging-pipe",
             "--user-data-dir=" + profile, "about:blank"],
            preexec_fn=child_fds, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._id = 0
        self.events = []  # (sessionId, method, params)

    def _read(self, deadline):
        while b"\0" not in self._buf:
            left = deadline - time.time()
            ready, _, _ = select.select([self._from_chrome], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def _event(self, msg):
        session = msg.get("sessionId")
        self.events.append((session, msg["method"], msg.get("params", {})))
        if msg["method"] == "Page.javascriptDialogOpening":
            # Answer the dialog, or the page would hang; it is a failure anyway.
            self._send("Page.handleJavaScriptDialog", {"accept": True}, session)

    def _send(self, method, params, session):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        return self._id

    def call(self, method, params=None, session=None, timeout=60):
        want = self._send(method, params, session)
        deadline = time.time() + timeout
        while True:
            msg = self._read(deadline)
            if "method" in msg:
                self._event(msg)
            elif msg.get("id") == want:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})

    def wait_event(self, method, session, timeout=60):
        deadline = time.time() + timeout
        while not any(s == session and m == method for s, m, _ in self.events):
            msg = self._read(deadline)
            if "method" in msg:
                self._event(msg)

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except Exception:  # pylint: disable=broad-except
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


# Runs in the page (Runtime.evaluate is not bound by the page's CSP). Opens
# every listed article through #article=, focuses each highlight (the hover
# card), and returns what each place shows plus a scan for hostile markup.
COLLECT_JS = r"""
(async () => {
  const ALLOWED = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'noscript', 'div',
    'script', 'button', 'header', 'h1', 'h2', 'h3', 'span', 'section', 'p', 'svg', 'g', 'rect',
    'text', 'select', 'option', 'input', 'label', 'form', 'nav', 'ol', 'li', 'dl', 'dt', 'dd',
    'a', 'code', 'table', 'tbody', 'tr', 'th', 'td', 'mark', 'footer']);
  const bad = [];
  function scan(where) {
    for (const e of document.querySelectorAll('*')) {
      const tag = e.localName;
      if (!ALLOWED.has(tag)) bad.push(where + ': element <' + tag + '>');
      for (const a of e.attributes) {
        const n = a.name.toLowerCase();
        if (n.startsWith('on')) bad.push(where + ': attribute ' + n + ' on <' + tag + '>');
        if (n === 'style' && e.id !== 'card') bad.push(where + ': style attribute on <' + tag + '>');
        if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'data'].includes(n)) {
          const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(javascript|vbscript|data):/.test(v)) bad.push(where + ': ' + n + '=' + a.value);
        }
      }
    }
    for (const a of document.querySelectorAll('a')) {
      if (!['http:', 'https:', 'file:'].includes(a.protocol)) bad.push(where + ': a link to ' + a.protocol + ' ' + a.getAttribute('href'));
    }
    if (document.scripts.length !== 2) bad.push(where + ': ' + document.scripts.length + ' script elements');
    if (document.querySelectorAll('style').length !== 1) bad.push(where + ': more than one style element');
    if (document.querySelectorAll('svg').length !== document.querySelectorAll('.plot > svg').length) bad.push(where + ': an svg outside the charts');
  }
  const text = (sel, root) => { const n = (root || document).querySelector(sel); return n ? n.textContent : null; };
  function view() {
    const facts = {};
    for (const dt of document.querySelectorAll('#view dl.facts dt')) {
      const dd = dt.nextElementSibling, a = dd.querySelector('a');
      facts[dt.textContent] = { text: dd.textContent, href: a ? a.getAttribute('href') : null };
    }
    let body = null;
    const box = document.getElementById('article-text');
    if (box) {
      body = '';
      for (const n of box.childNodes) if (!(n.classList && n.classList.contains('pin'))) body += n.textContent;
    }
    const findings = [...document.querySelectorAll('#finding-list > li')].map(li => {
      const link = li.querySelector('.fhead a');
      return {
        rule: li.getAttribute('data-rule'), code: text('code.rule', li), msg: text('.msg', li),
        excerpt: text('.excerpt', li), docs: link ? link.getAttribute('href') : null,
        evidence: [...li.querySelectorAll('table.evidence tr')].map(tr => [tr.cells[0].textContent, tr.cells[1].textContent]) };
    });
    const cards = [];
    if (box) {
      for (const m of box.querySelectorAll('[tabindex]')) {
        m.focus();
        cards.push({ label: m.getAttribute('aria-label'), card: document.getElementById('card').textContent });
      }
    }
    const current = document.querySelector('#article-list button[aria-current="true"]');
    return { selected: current ? current.getAttribute('data-article') : null,
      heading: text('#article-title'), where: text('#view .where'), facts: facts, body: body,
      findings: findings, cards: cards };
  }
  const out = { title: document.title, hash: location.hash };
  const meta = document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
  out.csp = [...meta].map(m => m.getAttribute('content'));
  const generator = document.querySelector('meta[name="generator"]');
  out.generator = generator ? generator.getAttribute('content') : null;
  out.header = text('header.top .meta');
  out.footer = text('footer.foot');
  out.status = text('#status');
  const search = document.getElementById('f-q');  // absent: the page did not draw itself
  out.search = search ? search.value : null;
  out.options = {};
  for (const k of ['rule', 'family', 'severity', 'site']) {
    const select = document.getElementById('f-' + k);
    out.options[k] = select ? [...select.options].map(o => [o.value, o.textContent]) : [];
  }
  // Every rule in the by-rule chart, not only the top ones.
  const more = document.querySelector('button.more');
  if (more) { more.click(); await new Promise(r => setTimeout(r, 0)); }
  out.charts = [...document.querySelectorAll('.plot svg g')].map(g =>
    [text('title', g), g.getAttribute('aria-label'), [...g.querySelectorAll('text')].map(t => t.textContent)]);
  out.list = [...document.querySelectorAll('#article-list > li')].map(li =>
    [li.getAttribute('data-article'), li.querySelector('button').getAttribute('data-article'), text('.t', li), text('.s', li)]);
  out.first = view();
  scan('as loaded');
  out.views = {};
  if (WALK) {
    for (const [name] of out.list) {
      const changed = new Promise(r => { window.addEventListener('hashchange', r, { once: true }); setTimeout(r, 1000); });
      location.hash = '#article=' + encodeURIComponent(name);
      await changed;
      await new Promise(r => setTimeout(r, 0));
      out.views[name] = view();
    }
    scan('after opening every article');
  }
  // A payload that ran after load (an onerror, an animation) has had time.
  await new Promise(r => setTimeout(r, 300));
  out.pwned = typeof window.__pwned === 'undefined' ? null : String(window.__pwned);
  out.bad = bad;
  return out;
})()
"""


def open_page(browser, path, fragment="", bypass_csp=False, walk=True):
    """Loads file://path#fragment in a fresh tab; returns (collected, problems)."""
    url = "file://" + quote(path) + fragment
    target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for method in ("Page.enable", "Runtime.enable", "Network.enable", "Log.enable"):
        browser.call(method, session=session)
    browser.call("Page.setBypassCSP", {"enabled": bypass_csp}, session)
    start = len(browser.events)
    browser.call("Page.navigate", {"url": url}, session)
    browser.wait_event("Page.loadEventFired", session)
    result = browser.call("Runtime.evaluate", {
        "expression": COLLECT_JS.replace("WALK", "true" if walk else "false"),
        "awaitPromise": True, "returnByValue": True}, session, timeout=120)
    browser.call("Target.closeTarget", {"targetId": target})
    if "exceptionDetails" in result:
        raise RuntimeError("the collecting script failed: %s" % json.dumps(result["exceptionDetails"])[:2000])
    problems = []
    page = url.split("#")[0]
    for s, method, params in browser.events[start:]:
        if s != session:
            continue
        if method == "Page.javascriptDialogOpening":
            problems.append("a dialog opened: %r" % params.get("message"))
        elif method == "Network.requestWillBeSent":
            req = params["request"]["url"]
            if req.split("#")[0] != page:
                problems.append("a request left the page: %s" % req[:300])
        elif method == "Runtime.exceptionThrown":
            problems.append("exception: %s" % json.dumps(params["exceptionDetails"])[:500])
        elif method == "Runtime.consoleAPICalled":
            problems.append("console.%s: %s" % (params["type"], json.dumps(params["args"])[:300]))
        elif method == "Log.entryAdded":
            entry = params["entry"]
            if entry["level"] in ("error", "warning") or entry.get("source") == "security":
                problems.append("log (%s): %s" % (entry.get("source"), entry.get("text", "")[:300]))
    return result["result"]["value"], problems


def open_checked(browser, path, fragment, bypass_csp, walk):
    """open_page; a page whose collecting script fails is a failure with nothing shown."""
    try:
        return open_page(browser, path, fragment, bypass_csp, walk)
    except (RuntimeError, TimeoutError) as e:
        check(False, "%s%s: %s" % (os.path.basename(path), fragment[:40], e))
        nothing = {"title": None, "csp": [], "generator": None, "header": "", "footer": "", "status": "",
                   "search": None, "options": {k: [] for k in ("rule", "family", "severity", "site")},
                   "charts": [], "list": [], "views": {}, "pwned": None, "bad": []}
        return nothing, []


# --- The inputs -----------------------------------------------------------------------

def write_inputs(work):
    """Writes the hostile inputs under `work`; returns what the checks expect."""
    records = []  # (name, expectations)
    # The JSONL file's own name is a payload: the folder "<script>...<" holds "script>.jsonl".
    jsonl_rel = b"<script>window.__pwned=1</script>.jsonl"
    os.makedirs(os.path.join(work.encode(), os.path.dirname(jsonl_rel)), exist_ok=True)
    lines = []
    for k, p in enumerate(PAYLOADS, 1):
        # Hosts without / ? # : @ become the site as they are.
        host = p if k in (2, 7) else b"news%d.example" % k
        url = b"https://" + host + b"/story/" + p
        rec = {"id": p, "url": url, "title": p,
               "text": b"The council met on Monday. " + p + b"\nThe vote passed after a long debate.",
               "byline": b"Sponsored content " + p,
               "links": [{"href": b"http://203.0.113.7/" + p, "text": p}],
               "language": p, "section": p}
        # A host the URL parser rejects ('"', '<', ' ') is no link: shown as text.
        expect = {"id": shown(p), "url": shown(url), "nolink": k in (2, 7),
                  "site": site_of(shown(host)), "title": shown(p),
                  "text": shown(p), "byline": shown(b"Sponsored content " + p),
                  "href": shown(b"http://203.0.113.7/" + p), "anchor": shown(p), "pack": shown(p)}
        if len(p) <= 53:  # a published date is read up to 64 characters
            rec["date_publish"] = b"1970-01-01 " + p
            expect["published"] = shown(rec["date_publish"])
        lines.append(json_line(rec))
        records.append((len(lines), expect))
    # URLs that must never become links.
    for i, url in enumerate([b"javascript:window.__pwned=1", b" javascript:window.__pwned=1",
                             b"JaVaScRiPt:window.__pwned=1", b"java\tscript:window.__pwned=1",
                             b"data:text/html,<script>window.__pwned=1</script>",
                             b"vbscript:window.__pwned=1", b"//evil.example/<script>window.__pwned=1</script>"], 1):
        rec = {"id": b"url-%d" % i, "url": url, "title": b"url %d" % i,
               "text": b"The council met on Monday. <b>bold</b>\nThe vote passed after a long debate."}
        lines.append(json_line(rec))
        records.append((len(lines), {"id": "url-%d" % i, "url": shown(url), "nolink": True}))
    # A record with only an html field: its <title> and visible text.
    page = (b"<html><head><title>&lt;script&gt;window.__pwned=1&lt;/script&gt;</title></head><body>"
            b"<p>The council met on Monday. &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</p>"
            b"<p>The vote passed after a long debate.</p></body></html>")
    lines.append(json_line({"id": "html-field", "url": "https://news.example/html", "html": page}))
    records.append((len(lines), {"id": "html-field", "title": "<script>window.__pwned=1</script>",
                                 "text": '<img src=x onerror="window.__pwned=1">'}))
    with open(os.path.join(work.encode(), jsonl_rel), "wb") as f:
        f.write(b"".join(lines))

    # HTML and text files whose names are payloads.
    html_rel = b'"><img src=x onerror="window.__pwned=1">.html'
    with open(os.path.join(work.encode(), html_rel), "wb") as f:
        f.write(b"<!DOCTYPE html><html><head><title>&lt;svg onload=&quot;window.__pwned=1;alert(1)&quot;&gt;"
                b"</title></head><body><article><p>The council met on Monday. "
                b"&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;</p>"
                b"<p>The vote passed after a long debate in the hall.</p></article></body></html>")
    text_rels = [b'<svg onload="window.__pwned=1;alert(1)">.txt',
                 b"<scr\xc3\x28ipt>window.__pwned=1<!--]]>\xe2\x80\xa8.txt"]
    for rel in text_rels:
        with open(os.path.join(work.encode(), rel), "wb") as f:
            f.write(b"The council met on Monday. " + BROKEN + b"\nThe vote passed after a long debate.\n")

    pack = ['[pack]\nname = "payloads"\n']
    for k, p in enumerate(PAYLOADS, 1):
        # TOML basic strings: json.dumps escapes what they need (no raw bytes: a
        # pack must be UTF-8, so the broken payload is shown by its escape).
        text = shown(p).replace("\ufffd", "")
        pack.append('[[rule]]\nid = "house/payload-%d"\nsummary = "x"\nmessage = %s\n'
                    'kind = "phrase"\nphrases = ["council met"]\n'
                    % (k, json.dumps("pack message " + text + " {match}")))
    with open(os.path.join(work, "pack.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(pack))
    return {"jsonl": jsonl_rel, "html": html_rel, "texts": text_rels, "records": records}


# --- The checks -------------------------------------------------------------------------

def check_page(name, got, problems, expected_csp):
    check(not problems, "%s: %s" % (name, "; ".join(problems[:10])))
    check(got["pwned"] is None, "%s: window.__pwned is %r: a payload ran" % (name, got["pwned"]))
    check(not got["bad"], "%s: markup from data: %s" % (name, "; ".join(got["bad"][:10])))
    check(got["title"] == "newslint report", "%s: the title is %r" % (name, got["title"]))
    check(got["csp"] == [expected_csp], "%s: the CSP meta is %r, expected the clean page's %r"
          % (name, got["csp"], expected_csp))


def has_finding(view, pred):
    return any(pred(f) for f in view["findings"])


def check_record(page, view, exp):
    what = "%s, %r" % (page, exp.get("id"))
    if not check(view is not None, what + ": the article is listed"):
        return
    facts = view["facts"]
    check(facts.get("id", {}).get("text") == exp["id"], what + ": facts id shows %r" % facts.get("id"))
    if "title" in exp:
        check(view["heading"] == exp["title"], what + ": the heading shows %r" % view["heading"])
    if "url" in exp:
        url = facts.get("url", {})
        check(url.get("text") == exp["url"], what + ": facts url shows %r" % url)
        if exp.get("nolink"):
            check(url.get("href") is None, what + ": a non-http(s) url became a link: %r" % url)
        else:
            check(url.get("href", "").startswith("https://") and "<" not in url["href"],
                  what + ": the https url is an escaped link: %r" % url)
    if "site" in exp:
        check(facts.get("site", {}).get("text") == exp["site"], what + ": facts site shows %r" % facts.get("site"))
    if "text" in exp:
        check(exp["text"] in (view["body"] or ""), what + ": the text shows the payload")
    if "byline" in exp:
        check(has_finding(view, lambda f: f["rule"] == "metadata/byline-not-a-person" and
                          exp["byline"] in f["msg"] and ["byline", exp["byline"]] in f["evidence"]),
              what + ": the byline shows in byline-not-a-person's message and evidence")
    if "published" in exp:
        check(has_finding(view, lambda f: f["rule"] == "metadata/implausible-date" and
                          ["published", exp["published"]] in f["evidence"]),
              what + ": the published date shows in implausible-date's evidence")
    if "href" in exp:
        check(has_finding(view, lambda f: f["rule"] == "links/suspicious-url" and
                          ["url", exp["href"]] in f["evidence"] and ["anchor", exp["anchor"]] in f["evidence"]),
              what + ": the link's href and text show in suspicious-url's evidence")
    if "pack" in exp:
        message = "pack message " + exp["pack"].replace("\ufffd", "")
        check(any(f["rule"].startswith("house/payload-") and f["msg"].startswith(message) and
                  f["code"] == f["rule"] for f in view["findings"]),
              what + ": the pack's message shows in the finding list")
        check(any(message in c["card"] for c in view["cards"]), what + ": the pack's message shows in the hover card")
    check(all(f["code"] == f["rule"] for f in view["findings"]), what + ": rule ids shown as text")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    newslint, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    chromium = find_chromium()
    if not chromium:
        print("SKIPPED: chromium is not installed (apt-get install chromium; `make test` installs it): "
              "the HTML report's payload checks did not run")
        return SKIP
    started = time.time()
    work = tempfile.mkdtemp(prefix="newslint-payloads-")
    browser = None
    try:
        inputs = write_inputs(work)
        out = os.path.join(work, "out")
        os.makedirs(out)
        check_html, part_a = os.path.join(out, "check.html"), os.path.join(out, "part-a.json")
        select_rules = ("metadata/byline-not-a-person,metadata/implausible-date,links/suspicious-url,"
                        "garbled/html-residue,house,input")
        args = [newslint, "check", inputs["jsonl"], inputs["html"]] + inputs["texts"] + [
            "--pack", "pack.toml", "--select", select_rules, "--fail-on", "never", "--no-progress",
            # Leading blanks make a javascript: URL a browser still runs.
            "--docs-url", " javascript:window.__pwned=1//",
            "--report", check_html, "-o", part_a]
        r = subprocess.run(args, cwd=work, capture_output=True)
        check(r.returncode == 0, "newslint check: exit %d: %s" % (r.returncode, r.stderr[-800:]))

        # Part B: --field text=PAYLOAD makes every record an input/missing-text
        # whose message quotes the name; then its JSON is crafted the way a
        # tampered part could be (tool version, start time, a rule id).
        with open(os.path.join(work, "plain.jsonl"), "w") as f:
            f.write('{"id": "b1", "text": "The council met on Monday."}\n')
        field = shown(PAYLOADS[3])
        part_b = os.path.join(out, "part-b.json")
        r = subprocess.run([newslint, "check", "plain.jsonl", "--field", "text=" + field, "--fail-on", "never",
                            "--no-progress", "-o", part_b], cwd=work, capture_output=True)
        check(r.returncode == 0, "newslint check --field: exit %d: %s" % (r.returncode, r.stderr[-800:]))
        crafted_rule = shown(PAYLOADS[1]) + "/" + shown(PAYLOADS[6])
        crafted_version = "0.1.0" + shown(PAYLOADS[0])
        crafted_start = "1970-01-01T00:00:00Z" + shown(PAYLOADS[9])
        with open(part_b, encoding="utf-8") as f:
            part = f.read()
        check('"input/missing-text"' in part, "part B has an input/missing-text finding")
        part = part.replace('"input/missing-text"', json.dumps(crafted_rule))
        part, n = re.subn(r'"version":\s*"[^"]*"', lambda m: '"version": ' + json.dumps(crafted_version),
                          part, count=1)
        check(n == 1, "part B has a tool version")
        part, n = re.subn(r'"started_at":\s*"[^"]*"', lambda m: '"started_at": ' + json.dumps(crafted_start),
                          part, count=1)
        check(n == 1, "part B has a start time")
        with open(part_b, "w", encoding="utf-8") as f:
            f.write(part)
        merged_html = os.path.join(out, "merged.html")
        docs_rel = shown(PAYLOADS[1]) + "/"
        r = subprocess.run([newslint, "merge", part_b, part_a, "-o", os.path.join(out, "merged.json"),
                            "--report", merged_html, "--docs-url", docs_rel], cwd=work, capture_output=True)
        check(r.returncode == 0, "newslint merge: exit %d: %s" % (r.returncode, r.stderr[-800:]))

        # The policy of a clean page, for "unchanged".
        clean_html = os.path.join(out, "clean.html")
        r = subprocess.run([newslint, "check", os.path.join(source, "fixtures", "clean", "courts.txt"),
                            "--fail-on", "never", "--no-progress", "--report", clean_html],
                           capture_output=True)
        check(r.returncode == 0, "newslint check (clean): exit %d" % r.returncode)
        with open(clean_html, encoding="utf-8") as f:
            clean = f.read()
        expected_csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', clean).group(1)
        for path in (check_html, merged_html):
            with open(path, encoding="utf-8") as f:
                page = f.read()
            # The policy names the bytes served: the page's own script and style.
            for tag, directive in (("script", "script-src"), ("style", "style-src")):
                start = page.index("<%s>" % tag) + len(tag) + 2
                body = page[start:page.index("</%s>" % tag, start)]
                digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
                check(("%s 'sha256-%s'" % (directive, digest)) in expected_csp,
                      "%s: the CSP names its %s by hash" % (os.path.basename(path), tag))
            data = re.search(r'<script type="application/json" id="newslint-data">(.*?)</script>', page, re.S)
            check(data is not None and "<" not in data.group(1) and "\u2028" not in data.group(1),
                  "%s: the data script holds no '<' and no raw U+2028" % os.path.basename(path))

        jsonl_name = shown(inputs["jsonl"])
        fragment_check = "#" + "&".join("%s=%s" % (k, quote(shown(PAYLOADS[i]), safe="")) for k, i in
                                        (("rule", 0), ("family", 3), ("q", 1), ("site", 6)))
        fragment_merged = "#rule=" + quote(crafted_rule, safe="")
        browser = Browser(chromium, os.path.join(work, "profile"))
        pages = {}
        for bypass in (False, True):
            mode = "CSP bypassed" if bypass else "with its CSP"
            pages[("check", bypass)] = open_checked(browser, check_html, "", bypass, True)
            pages[("merged", bypass)] = open_checked(browser, merged_html, "", bypass, True)
            pages[("check#", bypass)] = open_checked(browser, check_html, fragment_check, bypass, False)
            pages[("merged#", bypass)] = open_checked(browser, merged_html, fragment_merged, bypass, False)
            for key in ("check", "merged", "check#", "merged#"):
                check_page("%s.html%s (%s)" % (key.rstrip("#"), " + fragment" if key.endswith("#") else "", mode),
                           *pages[(key, bypass)], expected_csp)

        for bypass in (False, True):
            mode = " (CSP bypassed)" if bypass else ""
            for key in ("check", "merged"):
                got = pages[(key, bypass)][0]
                page = key + ".html" + mode
                listed = [row[0] for row in got["list"]]
                rows = {row[0]: row for row in got["list"]}
                for line, exp in inputs["records"]:
                    name = "%s#%d" % (jsonl_name, line)
                    view = got["views"].get(name)
                    check_record(page, view, exp)
                    row = rows.get(name)
                    if row and "title" in exp:
                        check(row[1] == name and row[2] == exp["title"] and row[3] == name,
                              "%s: the list shows %r as %r" % (page, name, row[1:]))
                    if view:
                        check(view["selected"] == name and view["where"] == name,
                              "%s: #article= opens %r and shows its name" % (page, name))
                        check(view["facts"].get("source", {}).get("text", "").startswith(jsonl_name),
                              "%s: the source shows the file's name" % page)
                for rel in [inputs["html"]] + inputs["texts"]:
                    name = shown(rel)
                    check(name in listed, "%s: the file %r is listed" % (page, name))
                    view = got["views"].get(name)
                    if view:
                        check(view["facts"].get("source", {}).get("text") == name,
                              "%s: the source of %r shows its name" % (page, name))
                html_view = got["views"].get(shown(inputs["html"]), {})
                check(html_view.get("heading") == '<svg onload="window.__pwned=1;alert(1)">',
                      "%s: the HTML file's <title> shows as text" % page)
                check("</script><script>window.__pwned=1</script>" in (html_view.get("body") or ""),
                      "%s: the HTML file's text shows as text" % page)
                for rel in inputs["texts"]:
                    view = got["views"].get(shown(rel), {})
                    check(shown(BROKEN) in (view.get("body") or ""),
                          "%s: the text file %r shows its broken-UTF-8 payload" % (page, shown(rel)))
                # run.inputs in the header.
                for rel in [inputs["jsonl"], inputs["html"]] + inputs["texts"]:
                    check(shown(rel) in (got["header"] or ""), "%s: the header lists the input %r" % (page, shown(rel)))
                # Sites as text in the filter and in the by-site chart.
                for k in (2, 7):
                    site = shown(PAYLOADS[k - 1])
                    check(any(v == site for v, _ in got["options"]["site"]), "%s: the site filter offers %r" % (page, site))
                    check(any(title.startswith(site + ": ") for title, _, _ in got["charts"]),
                          "%s: the by-site chart names %r" % (page, site))

            got = pages[("check", bypass)][0]
            links = [f["docs"] for v in got["views"].values() for f in v["findings"]]
            check(links and all(link is None for link in links),
                  "check.html%s: a ' javascript:' --docs-url makes no rule link: %r" % (mode, links[:3]))
            got = pages[("merged", bypass)][0]
            page = "merged.html" + mode
            links = [f["docs"] for v in got["views"].values() for f in v["findings"] if f["docs"]]
            check(links and all(link.startswith("file://") and "<" not in link for link in links),
                  "%s: a relative --docs-url makes file links, escaped: %r" % (page, links[:3]))
            view = got["views"].get("plain.jsonl#1")
            check(view is not None and any(f["rule"] == crafted_rule and f["code"] == crafted_rule and
                                           ("tried " + field) in f["msg"] for f in view["findings"]),
                  "%s: the crafted rule id and the --field name show as text in the finding" % page)
            check(any(v == crafted_rule for v, _ in got["options"]["rule"]), page + ": the rule filter offers the crafted id")
            check(any(v == shown(PAYLOADS[1]) for v, _ in got["options"]["family"]),
                  page + ": the family filter offers the crafted family")
            check(any(crafted_rule in title for title, _, _ in got["charts"]), page + ": the by-rule chart names the crafted id")
            check(got["generator"] == "newslint " + crafted_version, page + ": the generator meta holds the crafted version")
            check(("newslint " + crafted_version) in got["header"] and crafted_start in got["header"],
                  page + ": the header shows the crafted version and start time as text")
            check(("newslint " + crafted_version) in got["footer"], page + ": the footer shows the crafted version")

            # The fragment: unknown values become options, as text.
            got = pages[("check#", bypass)][0]
            page = "check.html + fragment" + mode
            for key, i in (("rule", 0), ("family", 3), ("site", 6)):
                check(any(v == shown(PAYLOADS[i]) for v, _ in got["options"][key]),
                      "%s: #%s= selects %r as text" % (page, key, shown(PAYLOADS[i])))
            check(got["search"] == shown(PAYLOADS[1]), "%s: #q= is the search box's text: %r" % (page, got["search"]))
            got = pages[("merged#", bypass)][0]
            check(crafted_rule + " in the whole run" in (got["status"] or ""),
                  "merged.html + fragment%s: the status line names the crafted rule as text: %r" % (mode, got["status"]))
    finally:
        if browser:
            browser.close()
        shutil.rmtree(work, ignore_errors=True)
    print("payload checks took %.1f s" % (time.time() - started))
    if failures:
        print("%d payload checks failed" % len(failures))
        return 1
    print("all payload checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
