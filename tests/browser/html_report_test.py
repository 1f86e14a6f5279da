#!/usr/bin/python3
"""The HTML report in a real browser (headless Chromium), run by ctest.

    html_report_test.py NEWSLINT_BINARY SOURCE_DIR

Writes the report of fixtures/ (which holds fixtures/report/hostile.jsonl,
scraped payloads in ids, urls, titles and text), and a report of the hostile
records alone, then:
  * checks the page's markup statically (the CSP checker): one policy with
    default-src 'none'; every executable <script> and every <style> named by
    its SHA-256 in the policy; the data script free of '<'; no src/href to
    anything outside the page, no event-handler attribute;
  * opens the pages with `chromium --headless --dump-dom` and checks that the
    page drew itself (overview counts equal the JSON report's summary, the
    article list holds the JSON report's sample), that <title> is unchanged,
    that the payloads are text and never elements or links, and that filters
    set in the URL fragment (#rule=, #severity=, #q=, #article=) change what
    is shown, against counts taken from the JSON report.
Exits 77 (ctest: skipped) with a message when Chromium is not installed.
"""

import hashlib
import base64
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

SKIP = 77
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL: " + what, flush=True)


def find_chromium():
    for name in (os.environ.get("NEWSLINT_CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def dump_dom(chromium, path, fragment=""):
    url = "file://" + path + fragment
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--enable-logging=stderr", "--v=0", "--dump-dom", url]
    p = subprocess.run(cmd, capture_output=True, timeout=60)
    dom = p.stdout.decode("utf-8", "replace")
    log = p.stderr.decode("utf-8", "replace")
    # Script errors and CSP refusals show in the console log.
    for line in log.splitlines():
        if "CONSOLE" in line and ("Uncaught" in line or "Refused" in line or "Error" in line):
            check(False, "console of %s%s: %s" % (os.path.basename(path), fragment, line.strip()))
    check(p.returncode == 0, "chromium exited %d for %s" % (p.returncode, url))
    return dom


# --- The CSP checker ------------------------------------------------------------

class Markup(HTMLParser):
    """Every start tag of the page, with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def raw_block(page, open_tag):
    start = page.index(open_tag) + len(open_tag)
    end = page.index("</", start)
    return page[start:end]


def check_csp(page, name):
    m = Markup()
    m.feed(page)
    metas = [a for t, a in m.tags if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"]
    check(len(metas) == 1, name + ": exactly one CSP meta tag")
    if not metas:
        return
    policy = metas[0].get("content", "")
    check("default-src 'none'" in policy, name + ": CSP has default-src 'none'")
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in policy.split(";") if d.strip())
    scripts = [t for t in m.tags if t[0] == "script"]
    styles = [t for t in m.tags if t[0] == "style"]
    check(len(scripts) == 2 and len(styles) == 1, name + ": one data script, one page script, one style")
    # Raw contents (the parser would decode nothing inside script/style, but
    # read them straight from the text to hash exactly the bytes served).
    for tag, attrs in scripts:
        if attrs.get("type") == "application/json":
            data = raw_block(page, '<script type="application/json" id="newslint-data">')
            check("<" not in data, name + ": the data script holds no '<'")
            json.loads(data)  # and it is JSON
        else:
            check(not attrs, name + ": the page script has no attributes (no src)")
            body = raw_block(page, "<script>")
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            check("'sha256-%s'" % digest in directives.get("script-src", ""),
                  name + ": the page script's hash is in script-src")
    body = raw_block(page, "<style>")
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    check("'sha256-%s'" % digest in directives.get("style-src", ""), name + ": the style's hash is in style-src")
    for tag, attrs in m.tags:
        for key, value in attrs.items():
            if key in ("src", "href", "action", "formaction", "poster", "srcset"):
                check(False, "%s: <%s %s=%r> in the page's own markup" % (name, tag, key, value))
            check(not key.startswith("on"), "%s: event handler attribute %s on <%s>" % (name, key, tag))
    check("url(" not in body and "@import" not in body, name + ": the style loads nothing")


# --- Reading the dumped DOM ----------------------------------------------------------

def title_of(dom):
    m = re.search(r"<title>(.*?)</title>", dom, re.S)
    return m.group(1) if m else None


def element_attr(dom, element_id, attr):
    m = re.search(r'<[a-z]+ [^>]*id="%s"[^>]*>' % re.escape(element_id), dom)
    if not m:
        return None
    a = re.search(r'\s%s="([^"]*)"' % re.escape(attr), m.group(0))
    return html.unescape(a.group(1)) if a else None


def listed_articles(dom):
    m = re.search(r'<ol id="article-list">(.*?)</ol>', dom, re.S)
    if not m:
        return None
    return [html.unescape(x) for x in re.findall(r'<li data-article="([^"]*)"', m.group(1))]


def sample_text(a):
    t = a.get("text", "")
    if isinstance(t, dict):
        t = base64.b64decode(t["bytes"]).decode("utf-8", "replace")
    return t


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    newslint, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    chromium = find_chromium()
    if not chromium:
        print("SKIPPED: chromium is not installed (apt-get install chromium; `make test` installs it): "
              "the HTML report was not checked in a browser")
        return SKIP
    started = time.time()
    work = tempfile.mkdtemp(prefix="newslint-browser-")
    try:
        full_html = os.path.join(work, "full.html")
        full_json = os.path.join(work, "full.json")
        hostile_html = os.path.join(work, "hostile.html")
        r = subprocess.run([newslint, "check", os.path.join(source, "fixtures"), "--fail-on", "never",
                            "--report", full_html, "-o", full_json], cwd=source, capture_output=True)
        check(r.returncode == 0, "newslint check fixtures: exit %d: %s" % (r.returncode, r.stderr[-500:]))
        # Only the rules the fixture names (hostile.jsonl's "expect"), so the
        # checks below know every finding.
        r = subprocess.run([newslint, "check", "hostile.jsonl", "--select", "garbled/mojibake,garbled/html-residue,input",
                            "--fail-on", "never", "-o", hostile_html],
                           cwd=os.path.join(source, "fixtures", "report"), capture_output=True)
        check(r.returncode == 0, "newslint check hostile.jsonl: exit %d" % r.returncode)
        with open(full_json, encoding="utf-8") as f:
            report = json.load(f)
        summary, sample = report["summary"], report["sample"]["articles"]

        # Static checks of the markup.
        for path in (full_html, hostile_html):
            with open(path, encoding="utf-8") as f:
                check_csp(f.read(), os.path.basename(path))

        # Every page the checks read, opened side by side (a headless start
        # mostly waits, so this keeps the test short).
        def names_where(pred):
            return [a["name"] for a in sample if pred(a)]

        cases = [
            ("#rule=garbled/mojibake", names_where(lambda a: any(f["rule"] == "garbled/mojibake" for f in a["findings"]))),
            ("#severity=error", names_where(lambda a: any(f["severity"] == "error" for f in a["findings"]))),
            ("#family=boilerplate&severity=warning", names_where(lambda a: any(
                f["rule"].startswith("boilerplate/") and f["severity"] == "warning" for f in a["findings"]))),
            ("#q=Cookies", names_where(lambda a: "cookies" in "\n".join(
                [a["name"], a["id"], a["url"], a["title"], a["site"], sample_text(a)] +
                [f["rule"] + "\n" + f["message"] for f in a["findings"]]).lower())),
            ("#rule=no/such-rule", []),
        ]
        target = sample[-1]
        pages = [(full_html, ""), (full_html, "#article=" + target["name"]), (hostile_html, ""),
                 (hostile_html, "#article=hostile.jsonl%232"), (hostile_html, "#article=hostile.jsonl%234")]
        pages += [(full_html, fragment) for fragment, _ in cases]
        with ThreadPoolExecutor(max_workers=4) as pool:
            doms = dict(zip(pages, pool.map(lambda page: dump_dom(chromium, *page), pages)))

        # The page draws itself: counts and list from the JSON report.
        dom = doms[(full_html, "")]
        check(title_of(dom) == "newslint report", "title is %r" % title_of(dom))
        for element_id, expected in (("stat-articles", summary["articles"]),
                                     ("stat-with-findings", summary["articles_with_findings"]),
                                     ("stat-findings", summary["findings"]),
                                     ("stat-error", summary["by_severity"]["error"]),
                                     ("stat-warning", summary["by_severity"]["warning"]),
                                     ("stat-info", summary["by_severity"]["info"])):
            got = element_attr(dom, element_id, "data-value")
            check(got == str(expected), "%s shows %r, the JSON summary says %d" % (element_id, got, expected))
        listed = listed_articles(dom)
        check(listed == [a["name"] for a in sample],
              "the article list is the JSON report's sample, in its order (%s of %d)"
              % (None if listed is None else len(listed), len(sample)))
        check(dom.count("<svg") >= 4, "four charts drawn")
        check(element_attr(dom, "status", "data-shown") == str(len(sample)), "status counts every article")

        # Filters from the fragment, against the JSON sample.
        empty_dom = None
        for fragment, expected in cases:
            check(0 < len(expected) < len(sample) or fragment == "#rule=no/such-rule",
                  "the case %s filters something (%d of %d)" % (fragment, len(expected), len(sample)))
            d = doms[(full_html, fragment)]
            got = listed_articles(d)
            check(got == expected, "%s lists %s articles, expected %d" % (
                fragment, None if got is None else len(got), len(expected)))
            check(element_attr(d, "status", "data-shown") == str(len(expected)), fragment + ": status count")
            if not expected:
                empty_dom = d
        check("No article on this page matches these filters." in (empty_dom or ""), "an empty filter says so")

        # #article= opens that article (not the first one).
        d = doms[(full_html, "#article=" + target["name"])]
        m = re.search(r'<button type="button" data-article="([^"]*)" aria-current="true"', d)
        check(m is not None and html.unescape(m.group(1)) == target["name"],
              "#article= selects %s" % target["name"])

        # The hostile records: payloads are text, never markup.
        d = doms[(hostile_html, "")]
        check(title_of(d) == "newslint report", "hostile page: title is %r" % title_of(d))
        check("pwned" not in (title_of(d) or ""), "hostile page: a payload set the title")
        check(listed_articles(d) is not None and len(listed_articles(d)) == 4, "hostile page lists its 4 records")
        body = d[d.index('<div id="app">'):]
        body = re.sub(r'<script type="application/json" id="newslint-data">.*?</script>', "", body, flags=re.S)
        body = re.sub(r"<script>.*?</script>", "", body, flags=re.S)
        for tag in ("<img", "<svg onload", "<textarea", "<iframe", "<div style"):
            check(tag not in body, "hostile page: a %s element was made from data" % tag)
        check(re.search(r"<[a-z][^>]*\son[a-z]+=", body) is None, "hostile page: an element has an on* handler")
        check('href="javascript:' not in body.lower(), "hostile page: a javascript: link")
        # Shown as text (the dump escapes text: &lt; ...): in the id, the title, the highlighted text.
        for payload in ("<script>document.title='pwned'</script>",
                        "<img src=x onerror=\"document.title='pwned'\">",
                        "javascript:document.title='pwned'"):
            escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            check(escaped in body, "hostile page: %r is shown as text" % payload)
        check(re.search(r'<mark [^>]*>&lt;script&gt;</mark>document.title=\'pwned\'<mark [^>]*>&lt;/script&gt;</mark>',
                        body) is not None,
              "hostile page: the <script> payload's tags are highlighted in the text, as text")
        d = doms[(hostile_html, "#article=hostile.jsonl%232")]
        links = re.findall(r'<a href="([^"]*)" rel="([^"]*)"', d)
        web = [(h, r) for h, r in links if h.startswith("https://evil.example/")]
        check(len(web) == 1 and web[0][1] == "noopener noreferrer nofollow" and "<" not in web[0][0],
              "hostile page: the https url is a nofollow link, escaped: %r" % web)
        d = doms[(hostile_html, "#article=hostile.jsonl%234")]
        check("broken \ufffd&lt;b\ufffd&gt;" in d, "hostile page: broken UTF-8 shown as U+FFFD")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.time() - started
    print("browser checks took %.1f s" % elapsed)
    if failures:
        print("%d browser checks failed" % len(failures))
        return 1
    print("all browser checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
