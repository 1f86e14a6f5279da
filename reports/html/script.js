/* newslint HTML report: the page's only script (embedded at build time and
   allowed by the page's Content-Security-Policy through its hash).

   It reads the page data, the JSON in the script element #newslint-data
   (written by reports/html.cc, format described there), and builds the page
   with createElement / textContent only: scraped strings never go through
   innerHTML, and links from scraped data are made only for http(s) URLs.
   The filter state lives in the URL fragment (#rule=..&family=..&severity=..
   &site=..&q=..&article=..), so a filtered view can be shared or opened by
   a headless browser. Keep this file ASCII: non-ASCII characters are
   written as \u escapes. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('newslint-data').textContent);
  var summary = data.summary;
  var articles = data.articles;
  var SEVERITIES = ['error', 'warning', 'info'];
  var ICON = { error: '\u2716', warning: '\u25B2', info: '\u25CF' };
  var RANK = { error: 2, warning: 1, info: 0 };
  var KEYS = ['rule', 'family', 'severity', 'site', 'q', 'article', 'overview'];
  var state = { rule: '', family: '', severity: '', site: '', q: '', article: '', overview: '' };

  // --- DOM helpers: the only way this script makes elements -------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function svg(tag, attrs, children) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') { node.textContent = String(value); return; }
      if (name === 'cls') { node.setAttribute('class', value); return; }
      // Event handlers and inline styles are never set as attributes.
      if (/^on/i.test(name) || name === 'style') throw new Error('attribute not allowed: ' + name);
      node.setAttribute(name, value === true ? '' : String(value));
    });
  }
  function append(node, children) {
    if (children === null || children === undefined) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === 'string' || typeof c === 'number'
        ? document.createTextNode(String(c)) : c);
    });
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function plural(n, one, many) { return fmt(n) + ' ' + (n === 1 ? one : many); }
  function family(rule) { var i = rule.indexOf('/'); return i < 0 ? rule : rule.slice(0, i); }
  function siteLabel(site) { return site === '' ? '(no url)' : site; }
  function bidi(text) { return el('span', { cls: 'bidi', text: text }); }

  // A link target from scraped data: only absolute http(s) URLs.
  function webUrl(url) {
    if (!/^https?:\/\//i.test(url)) return null;
    try {
      var u = new URL(url);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch (e) {
      return null;
    }
  }
  function externalLink(url, text) {
    var href = webUrl(url);
    if (!href) return bidi(text);
    return el('a', { href: href, rel: 'noopener noreferrer nofollow', target: '_blank' }, bidi(text));
  }
  // The rule's doc page: docs_url + family/name.md. docs_url comes from the
  // command line (--docs-url): http(s) or a relative path, no other scheme.
  // The address is judged as the browser resolves it, not as written: the
  // URL parser drops leading blanks and tabs or newlines anywhere, so
  // " javascript:" or "java\tscript:" would pass a test of the text.
  function docsHref(rule) {
    var base = data.docs_url || '';
    if (!base) return null;
    try {
      var u = new URL(base + rule.split('/').map(encodeURIComponent).join('/') + '.md', document.baseURI);
      var ok = u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === location.protocol;
      return ok ? u.href : null;
    } catch (e) {
      return null;
    }
  }
  function ruleLink(rule) {
    var href = docsHref(rule);
    var code = el('code', { cls: 'rule', text: rule });
    return href ? el('a', { href: href, rel: 'noopener noreferrer', target: '_blank',
      title: 'Documentation of ' + rule }, code) : code;
  }
  function sevBadge(sev, count) {
    return el('span', { cls: 'sev ' + sev },
      [el('span', { 'aria-hidden': 'true', text: ICON[sev] }),
       count === undefined ? sev : fmt(count) + ' ' + sev]);
  }

  // --- Articles: derived facts, computed once ----------------------------

  articles.forEach(function (a, i) {
    a.index = i;
    a.sevCounts = { error: 0, warning: 0, info: 0 };
    a.findings.forEach(function (f) { a.sevCounts[f.severity] += 1; });
  });
  function haystack(a) {
    if (a.hay === undefined) {
      var parts = [a.name, a.id, a.url, a.title, a.site];
      a.segments.forEach(function (s) { if (s[0] !== null) parts.push(s[0]); });
      a.findings.forEach(function (f) { parts.push(f.rule, f.message); });
      a.hay = parts.join('\n').toLowerCase();
    }
    return a.hay;
  }
  function findingFilterActive() { return !!(state.rule || state.family || state.severity); }
  function findingMatches(f) {
    return (!state.rule || f.rule === state.rule) &&
      (!state.family || family(f.rule) === state.family) &&
      (!state.severity || f.severity === state.severity);
  }
  function articleMatches(a) {
    if (state.site && a.site !== state.site) return false;
    if (state.q && haystack(a).indexOf(state.q.toLowerCase()) < 0) return false;
    return a.findings.some(findingMatches);
  }

  // --- The URL fragment ----------------------------------------------------

  function readHash() {
    var next = { rule: '', family: '', severity: '', site: '', q: '', article: '', overview: '' };
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq <= 0) return;
      var key = part.slice(0, eq);
      if (KEYS.indexOf(key) < 0) return;
      try {
        next[key] = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      } catch (e) { /* a malformed escape: ignore the key */ }
    });
    if (SEVERITIES.indexOf(next.severity) < 0) next.severity = '';
    if (next.overview !== 'hide') next.overview = '';
    state = next;
  }
  function writeHash() {
    var parts = [];
    KEYS.forEach(function (key) {
      if (state[key]) parts.push(key + '=' + encodeURIComponent(state[key]).replace(/%2F/g, '/'));
    });
    var hash = parts.length ? '#' + parts.join('&') : '';
    if (hash === location.hash || (hash === '' && location.hash === '')) return;
    try {
      history.replaceState(null, '', hash || location.pathname + location.search);
    } catch (e) { /* some file:// setups refuse: the view still works */ }
  }

  // --- Charts (inline SVG) ------------------------------------------------

  // Charts are drawn at the width of their box, one SVG unit per CSS pixel,
  // so text keeps its size on a phone and on a wide screen; they are drawn
  // again when the box changes width.
  var charts = [];
  function chartBox(draw) {
    var box = el('div', { cls: 'plot' });
    charts.push({ box: box, draw: draw, width: -1 });
    return box;
  }
  function drawCharts() {
    charts.forEach(function (c) {
      var width = Math.max(240, Math.floor(c.box.clientWidth));
      if (width === c.width) return;
      c.width = width;
      clear(c.box);
      c.draw(c.box, width);
    });
  }
  function cut(text, chars) {
    return text.length > chars ? text.slice(0, Math.max(chars - 1, 1)) + '\u2026' : text;
  }

  // Horizontal bars, one row per item: the label and the value on one line,
  // the bar under them, so long rule ids and hosts stay readable on a phone.
  function barChart(rows, note, W) {
    var rowH = 34, max = 1;
    rows.forEach(function (r) { max = Math.max(max, r.value); });
    var h = Math.max(rows.length, 1) * rowH + 4;
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + h, width: W, height: h, role: 'group', 'aria-label': note });
    rows.forEach(function (r, i) {
      var y = i * rowH;
      var w = Math.max(r.value > 0 ? 2 : 0, Math.round((W - 4) * r.value / max));
      var g = svg('g', { cls: r.pick ? 'pick' : null, tabindex: r.pick ? '0' : null,
        role: r.pick ? 'button' : 'img', 'aria-label': r.label + ': ' + r.valueText });
      g.appendChild(svg('title', { text: r.label + ': ' + r.valueText }));
      if (r.pick) g.appendChild(svg('rect', { cls: 'hit', x: 0, y: y + 1, width: W, height: rowH - 2, rx: 3 }));
      var labelChars = Math.floor((W - 12 - 6.6 * r.valueText.length) / 7);
      g.appendChild(svg('text', { x: 2, y: y + 14, text: cut(r.label, labelChars) }));
      g.appendChild(svg('text', { cls: 'muted', x: W - 2, y: y + 14, 'text-anchor': 'end', text: r.valueText }));
      g.appendChild(svg('rect', { cls: 'bar ' + (r.cls || ''), x: 2, y: y + 19, width: w, height: 10, rx: 2 }));
      if (r.pick) {
        g.addEventListener('click', r.pick);
        g.addEventListener('keydown', function (ev) {
          if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); r.pick(); }
        });
      }
      chart.appendChild(g);
    });
    if (!rows.length) chart.appendChild(svg('text', { cls: 'muted', x: 2, y: 18, text: 'No findings.' }));
    return chart;
  }

  function histogram(buckets, W) {
    var H = 186, base = 140, max = 1;
    buckets.forEach(function (b) { max = Math.max(max, b[1]); });
    var slot = W / buckets.length;
    var label = buckets.map(function (b) { return b[0] + ': ' + fmt(b[1]); }).join(', ');
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img',
      'aria-label': 'Articles by number of findings: ' + label });
    buckets.forEach(function (b, i) {
      var h = b[1] > 0 ? Math.max(2, Math.round(110 * b[1] / max)) : 0;
      var w = Math.min(slot * 0.7, 64), x = i * slot + (slot - w) / 2;
      chart.appendChild(svg('rect', { cls: i === 0 ? 'bar2' : 'bar', x: x, y: base - h, width: w, height: h, rx: 2 },
        svg('title', { text: fmt(b[1]) + ' articles with ' + b[0] + ' findings' })));
      chart.appendChild(svg('text', { x: x + w / 2, y: base - h - 5, 'text-anchor': 'middle', text: fmt(b[1]) }));
      chart.appendChild(svg('text', { cls: 'muted', x: x + w / 2, y: base + 17, 'text-anchor': 'middle', text: b[0] }));
    });
    chart.appendChild(svg('text', { cls: 'muted', x: W / 2, y: H - 2, 'text-anchor': 'middle', text: 'findings per article' }));
    return chart;
  }

  function setFilter(key, value) {
    state[key] = value;
    syncControls();
    update(true);
    document.getElementById('articles').scrollIntoView();
  }

  var overviewToggle;
  function buildOverview() {
    var run = data.run;
    // The overview folds away for triage (#overview=hide), leaving the
    // filters, the list and the article at the top of the page.
    overviewToggle = el('button', { type: 'button', id: 'overview-toggle', 'aria-controls': 'overview' });
    overviewToggle.addEventListener('click', function () {
      state.overview = state.overview === 'hide' ? '' : 'hide';
      update(false);
    });
    var header = el('header', { cls: 'top' }, [
      el('h1', { text: 'newslint report' }),
      el('span', { cls: 'meta' }, [
        'newslint ' + data.tool.version + ' \u00B7 started ' + (run.started_at || 'unknown') +
        ' \u00B7 ' + plural(run.rules, 'rule', 'rules') + ' \u00B7 inputs: ',
        bidi(run.inputs.join(', ') || '-')]),
      overviewToggle]);

    var sev = summary.by_severity;
    var pct = summary.articles ? Math.round(1000 * summary.articles_with_findings / summary.articles) / 10 : 0;
    function stat(id, n, label, cls) {
      return el('div', { cls: 'stat ' + (cls || '') }, [
        el('span', { cls: 'n', id: id, 'data-value': n, text: fmt(n) }),
        el('span', { cls: 'l' }, label)]);
    }
    var stats = el('section', { cls: 'stats', 'aria-label': 'Overview' }, [
      stat('stat-articles', summary.articles, 'articles checked'),
      stat('stat-with-findings', summary.articles_with_findings, 'with findings (' + pct + '%)'),
      stat('stat-findings', summary.findings, 'findings'),
      stat('stat-error', sev.error, [el('span', { 'aria-hidden': 'true', text: ICON.error + ' ' }), 'errors'], 'error'),
      stat('stat-warning', sev.warning, [el('span', { 'aria-hidden': 'true', text: ICON.warning + ' ' }), 'warnings'], 'warning'),
      stat('stat-info', sev.info, [el('span', { 'aria-hidden': 'true', text: ICON.info + ' ' }), 'info'], 'info')]);

    // Findings per family, per rule, per site, and the histogram.
    var families = {};
    summary.by_rule.forEach(function (r) {
      var f = family(r[0]);
      families[f] = families[f] || { findings: 0 };
      families[f].findings += r[1];
    });
    var familyRows = Object.keys(families).map(function (f) {
      return { label: f, value: families[f].findings, valueText: fmt(families[f].findings),
        pick: function () { setFilter('family', f); } };
    }).sort(function (a, b) { return b.value - a.value || (a.label < b.label ? -1 : 1); });

    var ruleRows = summary.by_rule.map(function (r) {
      return { label: ICON[r[3]] + ' ' + r[0], value: r[1], cls: r[3],
        valueText: fmt(r[1]) + ' in ' + plural(r[2], 'article', 'articles'),
        pick: function () { setFilter('rule', r[0]); } };
    });
    var TOP = 12, allRules = false;
    var ruleChart = chartBox(function (box, width) {
      box.appendChild(barChart(allRules ? ruleRows : ruleRows.slice(0, TOP), 'Findings by rule', width));
    });
    var more = null;
    if (ruleRows.length > TOP) {
      more = el('button', { type: 'button', cls: 'more', 'aria-expanded': 'false',
        text: 'Show all ' + ruleRows.length + ' rules' });
      more.addEventListener('click', function () {
        allRules = !allRules;
        more.setAttribute('aria-expanded', allRules ? 'true' : 'false');
        more.textContent = allRules ? 'Show the top ' + TOP : 'Show all ' + ruleRows.length + ' rules';
        charts.forEach(function (c) { c.width = -1; });
        drawCharts();
      });
    }

    var siteRows = summary.by_site.slice(0, 10).map(function (s) {
      return { label: siteLabel(s[0]), value: s[3],
        valueText: fmt(s[3]) + ' \u00B7 ' + fmt(s[2]) + '/' + fmt(s[1]) + ' articles',
        pick: function () { setFilter('site', s[0]); } };
    });
    var siteNote = summary.sites > 10 ? 'The 10 sites with the most findings, of ' + fmt(summary.sites) + '.'
      : 'Findings; flagged / checked articles per site.';

    var section = el('section', { cls: 'charts', 'aria-label': 'Charts' }, [
      el('div', { cls: 'chart' }, [el('h2', { text: 'Findings by rule family' }),
        chartBox(function (box, width) { box.appendChild(barChart(familyRows, 'Findings by rule family', width)); }),
        el('p', { cls: 'note', text: 'Select a bar to filter the articles by it.' })]),
      el('div', { cls: 'chart' }, [el('h2', { text: 'Articles by number of findings' }),
        chartBox(function (box, width) { box.appendChild(histogram(summary.findings_per_article, width)); }),
        el('p', { cls: 'note', text: 'Every article checked; the clean ones in the first bar.' })]),
      el('div', { cls: 'chart' }, [el('h2', { text: 'Findings by rule' }), ruleChart, more,
        el('p', { cls: 'note', text: 'Findings in how many articles; ' + ICON.error + ' error, ' +
          ICON.warning + ' warning, ' + ICON.info + ' info.' })]),
      el('div', { cls: 'chart' }, [el('h2', { text: 'Findings by site' }),
        chartBox(function (box, width) { box.appendChild(barChart(siteRows, 'Findings by site', width)); }),
        el('p', { cls: 'note', text: siteNote + ' Value: findings \u00B7 articles with findings / articles.' })])]);
    return [header, el('div', { id: 'overview' }, [stats, section])];
  }

  // --- Filters ------------------------------------------------------------

  var controls = {};
  var statusEl, listEl, listTitle, viewEl, card;

  function option(value, text) { return el('option', { value: value, text: text }); }

  function ensureOption(select, value) {
    if (!value) return;
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return;
    select.appendChild(option(value, value));
  }
  function syncControls() {
    ['rule', 'family', 'severity', 'site'].forEach(function (k) { ensureOption(controls[k], state[k]); });
    KEYS.forEach(function (k) { if (controls[k]) controls[k].value = state[k]; });
  }

  function buildFilters() {
    var q = el('input', { type: 'search', id: 'f-q', placeholder: 'text, title, url, message', autocomplete: 'off' });
    var severity = el('select', { id: 'f-severity' }, [option('', 'all severities')].concat(
      SEVERITIES.map(function (s) { return option(s, ICON[s] + ' ' + s); })));
    var famNames = [];
    summary.by_rule.forEach(function (r) { var f = family(r[0]); if (famNames.indexOf(f) < 0) famNames.push(f); });
    famNames.sort();
    var fam = el('select', { id: 'f-family' }, [option('', 'all families')].concat(
      famNames.map(function (f) { return option(f, f); })));
    var ruleIds = summary.by_rule.map(function (r) { return r[0]; }).sort();
    var rule = el('select', { id: 'f-rule' }, [option('', 'all rules')].concat(
      ruleIds.map(function (r) { return option(r, r); })));
    var siteCounts = {};
    articles.forEach(function (a) { siteCounts[a.site] = (siteCounts[a.site] || 0) + 1; });
    var site = el('select', { id: 'f-site' }, [option('', 'all sites')].concat(
      Object.keys(siteCounts).sort().map(function (s) { return option(s, siteLabel(s) + ' (' + siteCounts[s] + ')'); })));
    var reset = el('button', { type: 'button', id: 'f-reset', text: 'Reset' });
    controls = { q: q, severity: severity, family: fam, rule: rule, site: site };
    var timer = null;
    q.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = q.value; update(true); }, 150);
    });
    ['severity', 'family', 'rule', 'site'].forEach(function (k) {
      controls[k].addEventListener('change', function () { state[k] = controls[k].value; update(true); });
    });
    reset.addEventListener('click', function () {
      KEYS.forEach(function (k) { if (k !== 'article' && k !== 'overview') state[k] = ''; });
      syncControls();
      update(true);
    });
    function field(label, control) { return el('label', null, [label, control]); }
    statusEl = el('p', { cls: 'status', id: 'status', role: 'status', 'aria-live': 'polite' });
    var form = el('form', { cls: 'filters', role: 'search', 'aria-label': 'Filter the articles' }, [
      field('Search', q), field('Severity', severity), field('Family', fam), field('Rule', rule),
      field('Site', site), reset, statusEl]);
    form.addEventListener('submit', function (ev) { ev.preventDefault(); });
    return form;
  }

  function sampleNote() {
    var s = data.sample, total = summary.articles_with_findings;
    var text = s.articles >= total
      ? 'Every article with findings is on this page (' + fmt(total) + ').'
      : 'This page embeds ' + fmt(s.articles) + ' of the ' + fmt(total) + ' articles with findings: the ' +
        fmt(s.worst) + ' with the most severe findings and the first ' + fmt(s.per_rule) +
        ' of each rule. Counts and charts cover every article.';
    return el('p', { cls: 'sampled', id: 'sample-note', text: text });
  }

  // --- The article list and the article view ------------------------------

  var items = [];  // one <li> per article, made once

  function buildList() {
    listTitle = el('h2', { id: 'list-title' });
    listEl = el('ol', { id: 'article-list' });
    items = articles.map(function (a) {
      var counts = el('span', { cls: 'counts' }, SEVERITIES.filter(function (s) { return a.sevCounts[s] > 0; })
        .map(function (s) { return sevBadge(s, a.sevCounts[s]); }));
      var heading = a.title || a.id || a.name;
      var button = el('button', { type: 'button', 'data-article': a.name }, [
        el('span', { cls: 't' }, bidi(heading)),
        heading === a.name ? null : el('span', { cls: 's' }, bidi(a.name)), counts]);
      button.addEventListener('click', function () {
        state.article = a.name;
        update(false);
        viewEl.scrollIntoView({ block: 'start' });
      });
      return el('li', { 'data-article': a.name }, button);
    });
    return el('nav', { cls: 'list', id: 'articles', 'aria-labelledby': 'list-title', tabindex: '-1' }, [listTitle, listEl]);
  }

  function mostSevere(idxs, a) {
    var best = 'info';
    idxs.forEach(function (i) { if (RANK[a.findings[i].severity] > RANK[best]) best = a.findings[i].severity; });
    return best;
  }

  function evidenceTable(evidence) {
    if (!evidence.length) return null;
    return el('table', { cls: 'evidence' }, el('tbody', null, evidence.map(function (kv) {
      var v = kv[1];
      var text = Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : JSON.stringify(v);
      return el('tr', null, [el('th', { scope: 'row' }, bidi(kv[0])), el('td', null, bidi(text))]);
    })));
  }

  function findingSummary(f) {
    return f.severity + ' ' + f.rule + ': ' + f.message;
  }

  function renderText(a) {
    var box = el('div', { cls: 'text', id: 'article-text', lang: '' });
    var started = {};
    var dim = findingFilterActive();
    a.segments.forEach(function (seg) {
      var text = seg[0], idxs = seg[1];
      if (!idxs.length) { box.appendChild(document.createTextNode(text)); return; }
      var sev = mostSevere(idxs, a);
      var fresh = idxs.filter(function (i) { return !started[i]; });
      fresh.forEach(function (i) { started[i] = true; });
      var matches = !dim || idxs.some(function (i) { return findingMatches(a.findings[i]); });
      var node;
      if (text === null) {
        node = el('span', { cls: 'pin ' + sev, text: ICON[sev] });
      } else {
        node = el('mark', { cls: sev + (idxs.length > 1 ? ' multi' : ''), text: text });
      }
      if (!matches) node.classList.add('dim');
      node.setAttribute('data-f', idxs.join(','));
      // One Tab stop per finding: on the piece of text where it starts.
      if (fresh.length) {
        node.setAttribute('tabindex', '0');
        node.setAttribute('aria-label', fresh.map(function (i) { return findingSummary(a.findings[i]); }).join('; '));
      }
      box.appendChild(node);
    });
    box.addEventListener('mouseover', function (ev) {
      var t = ev.target.closest('[data-f]');
      if (t) showCard(t, a);
    });
    box.addEventListener('mouseout', function (ev) {
      if (ev.target.closest('[data-f]')) hideCardSoon();
    });
    box.addEventListener('focusin', function (ev) {
      var t = ev.target.closest('[data-f]');
      if (t) showCard(t, a);
    });
    box.addEventListener('focusout', function () { hideCardSoon(); });
    return box;
  }

  function findingItem(a, f, i) {
    var loc = 'line ' + f.line + ', column ' + f.column;
    var show = f.shown ? el('button', { type: 'button', text: 'Show in text' }) : null;
    if (show) {
      show.addEventListener('click', function () {
        var marks = viewEl.querySelectorAll('[data-f]');
        for (var k = 0; k < marks.length; k++) {
          if (marks[k].getAttribute('data-f').split(',').indexOf(String(i)) >= 0) {
            marks[k].scrollIntoView({ block: 'center' });
            if (marks[k].hasAttribute('tabindex')) marks[k].focus();
            break;
          }
        }
      });
    }
    var li = el('li', { id: 'finding-' + i, 'data-rule': f.rule, 'data-severity': f.severity }, [
      el('div', { cls: 'fhead' }, [sevBadge(f.severity), ruleLink(f.rule), el('span', { cls: 'loc', text: loc }),
        f.shown ? null : el('span', { cls: 'loc', text: '(after the cut: not highlighted)' }), show]),
      el('p', { cls: 'msg' }, bidi(f.message)),
      f.excerpt ? el('p', { cls: 'excerpt' }, bidi(f.excerpt)) : null,
      evidenceTable(f.evidence)]);
    if (findingFilterActive() && !findingMatches(f)) li.classList.add('dim');
    return li;
  }

  function renderView(a) {
    clear(viewEl);
    if (!a) {
      viewEl.appendChild(el('p', { cls: 'empty', text: 'No article on this page matches these filters.' }));
      return;
    }
    var facts = el('dl', { cls: 'facts' });
    function fact(name, value) { if (value !== '' && value !== null) append(facts, [el('dt', { text: name }), el('dd', null, value)]); }
    fact('id', bidi(a.id));
    fact('url', a.url ? externalLink(a.url, a.url) : '');
    if (a.url && !webUrl(a.url)) fact('', el('span', { text: 'not an http(s) address: shown as text' }));
    fact('site', a.site ? bidi(a.site) : '');
    fact('source', bidi(a.source + (a.record > 1 ? ' record ' + a.record : '')));
    var counts = el('span', { cls: 'counts' }, SEVERITIES.filter(function (s) { return a.sevCounts[s] > 0; })
      .map(function (s) { return sevBadge(s, a.sevCounts[s]); }));
    var heading = a.title || a.id || a.name;
    append(viewEl, [
      el('h2', { id: 'article-title' }, bidi(heading)),
      heading === a.name ? null : el('div', { cls: 'where' }, bidi(a.name)),
      facts, counts,
      a.cut ? el('p', { cls: 'notice', text: 'The text is cut at ' + fmt(a.text_bytes) +
        ' bytes on this page; findings after the cut are listed but not highlighted.' }) : null,
      a.segments.length ? renderText(a) : el('p', { cls: 'empty', text: '(no text)' }),
      el('h3', { text: 'Findings (' + a.findings.length + ')' }),
      el('ol', { cls: 'findings', id: 'finding-list' }, a.findings.map(function (f, i) { return findingItem(a, f, i); }))]);
  }

  // --- The hover / focus card ----------------------------------------------

  var hideTimer = null;
  function showCard(target, a) {
    clearTimeout(hideTimer);
    clear(card);
    var idxs = target.getAttribute('data-f').split(',').map(Number);
    idxs.forEach(function (i) {
      var f = a.findings[i];
      append(card, el('div', { cls: 'one' }, [
        el('div', { cls: 'fhead' }, [sevBadge(f.severity), ruleLink(f.rule),
          el('span', { cls: 'loc', text: 'line ' + f.line + ', col ' + f.column })]),
        el('p', { cls: 'msg' }, bidi(f.message)), evidenceTable(f.evidence)]));
    });
    var current = viewEl.querySelectorAll('.current');
    for (var k = 0; k < current.length; k++) current[k].classList.remove('current');
    target.classList.add('current');
    idxs.forEach(function (i) { var li = document.getElementById('finding-' + i); if (li) li.classList.add('current'); });
    card.hidden = false;
    var r = target.getBoundingClientRect();
    var width = Math.min(card.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    card.style.left = left + 'px';
    card.style.top = (r.bottom + window.scrollY + 6) + 'px';
  }
  function hideCardSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { card.hidden = true; }, 250);
  }

  // --- Putting it together -------------------------------------------------

  function update(fromControls) {
    var shown = articles.filter(articleMatches);
    clear(listEl);
    var frag = document.createDocumentFragment();
    shown.forEach(function (a) { frag.appendChild(items[a.index]); });
    listEl.appendChild(frag);
    listTitle.textContent = 'Articles (' + fmt(shown.length) + ')';
    var current = null;
    shown.forEach(function (a) { if (a.name === state.article) current = a; });
    if (!current && shown.length) current = shown[0];
    if (current && fromControls && state.article && current.name !== state.article) state.article = '';
    items.forEach(function (li) {
      li.firstChild.setAttribute('aria-current', current && li.getAttribute('data-article') === current.name ? 'true' : 'false');
    });
    var text = 'Showing ' + plural(shown.length, 'article', 'articles') + ' of ' + fmt(articles.length) + ' on this page';
    if (state.rule) {
      summary.by_rule.forEach(function (r) {
        if (r[0] === state.rule) text += ' \u00B7 ' + state.rule + ' in the whole run: ' + plural(r[1], 'finding', 'findings') +
          ' in ' + plural(r[2], 'article', 'articles');
      });
    }
    statusEl.textContent = text + '.';
    statusEl.setAttribute('data-shown', shown.length);
    statusEl.setAttribute('data-total', articles.length);
    renderView(current);
    card.hidden = true;
    var folded = state.overview === 'hide';
    document.getElementById('overview').hidden = folded;
    overviewToggle.textContent = folded ? 'Show the overview' : 'Hide the overview';
    overviewToggle.setAttribute('aria-expanded', folded ? 'false' : 'true');
    if (!folded) drawCharts();
    writeHash();
  }

  var app = document.getElementById('app');
  var wrap = el('div', { cls: 'wrap' });
  var skip = el('button', { type: 'button', cls: 'skip', text: 'Skip to the articles' });
  skip.addEventListener('click', function () { document.getElementById('articles').focus(); });
  append(wrap, [skip].concat(buildOverview()));
  wrap.appendChild(buildFilters());
  wrap.appendChild(sampleNote());
  viewEl = el('section', { cls: 'view', id: 'view', 'aria-live': 'off', 'aria-labelledby': 'article-title' });
  wrap.appendChild(el('div', { cls: 'main' }, [buildList(), viewEl]));
  wrap.appendChild(el('footer', { cls: 'foot', text: 'Written by newslint ' + data.tool.version +
    '. Spans are byte offsets into each article\u2019s text; lines and columns count from 1, columns in ' +
    'Unicode code points. This page is one file: it loads nothing from the network.' }));
  app.appendChild(wrap);
  card = el('div', { id: 'card', role: 'tooltip', hidden: true });
  card.addEventListener('mouseenter', function () { clearTimeout(hideTimer); });
  card.addEventListener('mouseleave', hideCardSoon);
  document.body.appendChild(card);
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') card.hidden = true; });

  drawCharts();
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawCharts, 100);
  });

  readHash();
  syncControls();
  update(false);
  if (state.article && state.overview !== 'hide') viewEl.scrollIntoView({ block: 'start' });
  window.addEventListener('hashchange', function () { readHash(); syncControls(); update(false); });
}());
