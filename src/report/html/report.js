// SPDX-License-Identifier: Apache-2.0
// Draws the HTML report from the JSON in script#mof-data (written by
// src/report/html_report.cpp): one model's detail, or a leaderboard of many
// (counts per class, a sortable and filterable table, a components x models
// matrix) whose rows open each model's detail. Every text from the data is
// set with textContent, never parsed as HTML. State lives in the URL
// fragment (#q=..&class=..&sort=..&desc=1&model=N&rows=N), so a view can be
// linked to, and reloads and the back button keep it.
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("mof-data").textContent);
  const S = D.S, fw = D.fw, models = D.m, errors = D.e;
  const app = document.getElementById("app");
  const str = (i) => (i >= 0 ? S[i] : "");
  // A symbol per status letter of the data, always shown beside the status's
  // name (D.st), so colour never carries meaning alone.
  const SYMBOL = { m: "✓", w: "⚠", u: "∅", n: "✗", x: "–" };
  const SEVERITY = { error: "✗", warning: "⚠", note: "ℹ" };
  const PAGE = 200;
  const single = models.length === 1 && errors.length === 0;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function add(parent, tag, cls, text) {
    return parent.appendChild(el(tag, cls, text));
  }
  function pct(p) {
    return (Math.round(p * 10) / 10) + "%";
  }
  function classLabel(level) {
    for (const c of fw.classes) if (c.level === level) return c.label;
    return fw.none;
  }
  function statusCell(td, letter) {
    td.classList.add("st", "s-" + letter);
    td.textContent = SYMBOL[letter] + " " + D.st[letter];
  }
  function metCount(m) {
    let n = 0;
    for (const ch of m.s) if (ch === "m" || ch === "w") n++;
    return n;
  }
  function title(m) {
    return str(m.n) + (m.v >= 0 && str(m.v) ? " " + str(m.v) : "");
  }
  function scroller(parent) {
    return add(parent, "div", "scroll");
  }

  // ---- URL fragment state ----
  function readState() {
    const p = new URLSearchParams(location.hash.slice(1));
    const st = {
      q: p.get("q") || "", cls: p.get("class") || "", sort: p.get("sort") || "class",
      desc: p.get("desc") === "1", model: p.has("model") ? Number(p.get("model")) : -1,
      rows: Math.max(PAGE, Number(p.get("rows")) || PAGE),
    };
    return st;
  }
  function fragment(st, withModel) {
    const p = new URLSearchParams();
    if (st.q) p.set("q", st.q);
    if (st.cls) p.set("class", st.cls);
    if (st.sort !== "class") p.set("sort", st.sort);
    if (st.desc) p.set("desc", "1");
    if (st.rows > PAGE) p.set("rows", String(st.rows));
    if (withModel >= 0) p.set("model", String(withModel));
    const s = p.toString();
    return s ? "#" + s : "#";
  }

  // ---- one model ----
  function sourceText(m, ci, comp) {
    const type = fw.c[ci].t;
    switch (D.src[comp[1]]) {
      case "component": return "its own entry";
      case "type": return "the release's " + type + " license";
      case "distribution": return "the release's distribution license";
      case "included-in": return "inside " + str(comp[2]);
      default: return "";
    }
  }
  function drawModel(root, index, backHref) {
    const m = models[index];
    const sec = add(root, "section", "model");
    sec.id = "detail";
    if (backHref) {
      const a = add(sec, "a", "back", "← All models");
      a.href = backHref;
    }
    add(sec, "h1", "name", title(m));
    const meta = [];
    if (str(m.p)) meta.push("by " + str(m.p));
    meta.push(str(m.o));
    add(sec, "p", "meta", meta.join(" · "));
    const verdict = add(sec, "p", "verdict");
    add(verdict, "span", "badge c" + m.c, (m.c > 0 ? "★ " : "○ ") + classLabel(m.c)).id = "verdict";
    add(verdict, "span", "gate " + (m.ok ? "pass" : "fail"),
      m.ok ? "✓ gate passed" : "✗ gate failed");
    if (m.f.length) {
      const ul = add(sec, "ul", "failures");
      for (const f of m.f) add(ul, "li", "sev-error", "✗ " + str(f));
    }

    const prog = add(sec, "div", "progress");
    prog.setAttribute("aria-label", "progress per class");
    fw.classes.forEach((c, k) => {
      add(prog, "span", "", "Class " + c.roman);
      const bar = add(prog, "div", "bar");
      bar.setAttribute("role", "progressbar");
      bar.setAttribute("aria-valuemin", "0");
      bar.setAttribute("aria-valuemax", "100");
      bar.setAttribute("aria-valuenow", String(m.g[k]));
      bar.setAttribute("aria-label", c.label);
      add(bar, "div", "fill").style.width = m.g[k] + "%";
      add(prog, "span", "pct", pct(m.g[k])).dataset.cls = c.roman;
    });

    add(sec, "h2", "", "Components");
    for (const c of fw.classes) {
      add(sec, "h3", "", c.label);
      const t = add(scroller(sec), "table", "components");
      const hr = add(add(t, "thead"), "tr");
      for (const h of ["Component", "Status", "License", "License from"]) add(hr, "th", "", h);
      const tb = add(t, "tbody");
      fw.c.forEach((def, ci) => {
        if (def.k !== c.level) return;
        const comp = m.l[ci] || [-1, 0, -1, -1, -1];
        const tr = add(tb, "tr");
        tr.dataset.component = def.n;
        add(tr, "td", "", def.n + (def.r ? "" : " (optional)"));
        statusCell(add(tr, "td"), m.s[ci]);
        const lic = add(tr, "td", "lic");
        if (comp[0] >= 0) lic.textContent = str(comp[0]);
        else if (m.s[ci] === "u") lic.textContent = "no license";
        if (comp[4] >= 0) add(lic, "div", "muted", str(comp[4]));
        if (comp[3] >= 0) add(lic, "div", "muted", "counted through " + str(comp[3]));
        add(tr, "td", "", sourceText(m, ci, comp));
      });
    }

    if (m.d.length) {
      add(sec, "h2", "", "Diagnostics (" + m.d.length + ")");
      const t = add(scroller(sec), "table", "diagnostics");
      const hr = add(add(t, "thead"), "tr");
      for (const h of ["Severity", "Where", "Message", "Code"]) add(hr, "th", "", h);
      const tb = add(t, "tbody");
      for (const d of m.d) {
        const sev = D.sev[d[0]];
        const tr = add(tb, "tr");
        let label = SEVERITY[sev] + " " + sev;
        if (d[4] === 1) label += " (fails --strict)";
        add(tr, "td", "st sev-" + sev, label);
        add(tr, "td", "where", str(d[1]));
        const msg = add(tr, "td", "", str(d[2]));
        if (d[4] === 2) add(msg, "div", "muted", "waived: " + str(d[5]));
        add(tr, "td", "", str(d[3]));
      }
    }

    add(sec, "h2", "", "Next steps");
    if (!m.x.length) add(sec, "p", "", "Nothing: the model reached " + classLabel(m.c) + ".");
    m.x.forEach((step, k) => {
      add(sec, "h3", "", "To reach " + classLabel(step[0]) + (k === 0 ? "" : ", in addition"));
      const ul = add(sec, "ul", "steps");
      if (!step[1].length) add(ul, "li", "", "nothing more");
      for (const [ci, action] of step[1]) {
        const li = add(ul, "li");
        add(li, "b", "", fw.c[ci].n + ": ");
        li.appendChild(document.createTextNode(str(action)));
      }
    });
  }

  // ---- many models ----
  const rank = (level) => (level > 0 ? level : 1e6);  // the most complete class first
  const keys = {
    name: (a, b) => collator.compare(title(models[a]), title(models[b])),
    producer: (a, b) => collator.compare(str(models[a].p), str(models[b].p)),
    class: (a, b) => rank(models[a].c) - rank(models[b].c),
    met: (a, b) => metCount(models[b]) - metCount(models[a]),
    input: (a, b) => a - b,
  };
  fw.classes.forEach((c, k) => {
    keys["p" + c.roman] = (a, b) => models[b].g[k] - models[a].g[k];
  });
  let haystack = null;  // lower-case search text per model, made on first filter
  function visible(st) {
    let idx = models.map((_, i) => i);
    if (st.cls) {
      const level = st.cls === "none" ? 0 : (fw.classes.find((c) => c.roman === st.cls) || {}).level;
      idx = idx.filter((i) => models[i].c === level);
    }
    if (st.q) {
      if (!haystack) {
        haystack = models.map((m) => (title(m) + "\n" + str(m.p) + "\n" + str(m.o)).toLowerCase());
      }
      const q = st.q.toLowerCase();
      idx = idx.filter((i) => haystack[i].includes(q));
    }
    const cmp = keys[st.sort] || keys.class;
    idx.sort((a, b) => {
      const r = cmp(a, b) || keys.name(a, b) || a - b;
      return st.desc ? -r : r;
    });
    return idx;
  }

  function drawBoard(root, st) {
    add(root, "h1", "", models.length + (models.length === 1 ? " model" : " models") +
      (errors.length ? ", " + errors.length + (errors.length === 1 ? " invalid input" : " invalid inputs") : ""));
    const cards = add(root, "ul", "cards");
    cards.id = "counts";
    const levels = fw.classes.map((c) => c.level).reverse().concat([0]);
    for (const level of levels) {
      const li = add(cards, "li", "");
      li.dataset.level = String(level);
      add(li, "b", "", String(models.filter((m) => m.c === level).length));
      li.appendChild(document.createTextNode(classLabel(level)));
    }

    const controls = add(root, "div", "controls");
    const q = add(controls, "input");
    q.type = "search";
    q.id = "filter";
    q.placeholder = "Filter by name, producer or file";
    q.setAttribute("aria-label", "Filter models");
    q.value = st.q;
    const sel = add(controls, "select");
    sel.id = "class-filter";
    sel.setAttribute("aria-label", "Only this class");
    add(sel, "option", "", "every class").value = "";
    for (const c of fw.classes.slice().reverse()) add(sel, "option", "", c.label).value = c.roman;
    add(sel, "option", "", fw.none).value = "none";
    sel.value = st.cls;
    const idx = visible(st);
    const shown = Math.min(idx.length, st.rows);
    add(controls, "span", "muted", "showing " + shown + " of " + idx.length).id = "shown";
    let timer = 0;
    const update = (patch) => {
      Object.assign(st, patch, { rows: PAGE });
      history.replaceState(null, "", fragment(st, -1));
      render();
    };
    q.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => update({ q: q.value }), 150);
    });
    sel.addEventListener("change", () => update({ cls: sel.value }));

    // The table of models.
    add(root, "h2", "", "Models");
    const t = add(scroller(root), "table");
    t.id = "models";
    const hr = add(add(t, "thead"), "tr");
    const cols = [["name", "Model"], ["producer", "Producer"], ["class", "Class"]]
      .concat(fw.classes.map((c) => ["p" + c.roman, "Class " + c.roman + " %"]))
      .concat([["met", "Met"]]);
    for (const [key, label] of cols) {
      const th = add(hr, "th", key === "name" || key === "producer" || key === "class" ? "" : "num");
      th.setAttribute("aria-sort", st.sort === key ? (st.desc ? "descending" : "ascending") : "none");
      const b = add(th, "button", "", label);
      b.type = "button";
      b.dataset.sort = key;
      b.addEventListener("click", () => {
        const desc = st.sort === key ? !st.desc : false;
        Object.assign(st, { sort: key, desc: desc });
        history.replaceState(null, "", fragment(st, -1));
        render();
      });
    }
    const tb = add(t, "tbody");
    const mt = document.createElement("table");
    for (let r = 0; r < shown; r++) {
      const i = idx[r], m = models[i];
      const tr = add(tb, "tr");
      tr.dataset.model = String(i);
      const a = add(add(tr, "td"), "a", "", title(m));
      a.href = fragment(st, i);
      add(tr, "td", "", str(m.p));
      add(tr, "td", "", (m.c > 0 ? fw.classes.find((c) => c.level === m.c).roman : "none"));
      m.g.forEach((p) => add(tr, "td", "num", pct(p)));
      add(tr, "td", "num", metCount(m) + "/" + fw.c.length);
      tr.addEventListener("click", (e) => {
        if (e.target.tagName !== "A") location.hash = fragment(st, i);
      });
    }

    // Components x models: one row per model, in the table's order.
    add(root, "h2", "", "Components × models");
    const legend = add(root, "ul", "legend");
    for (const k of Object.keys(SYMBOL)) statusCell(add(legend, "li"), k);
    scroller(root).appendChild(mt);
    mt.id = "matrix";
    const mh = add(add(mt, "thead"), "tr");
    add(mh, "th", "", "Model");
    for (const def of fw.c) {
      const th = add(mh, "th", "comp", def.n);
      th.title = def.n;
    }
    const mb = add(mt, "tbody");
    for (let r = 0; r < shown; r++) {
      const i = idx[r], m = models[i];
      const tr = add(mb, "tr");
      tr.dataset.model = String(i);
      const a = add(add(tr, "th"), "a", "", title(m));
      a.href = fragment(st, i);
      for (let ci = 0; ci < fw.c.length; ci++) {
        const letter = m.s[ci];
        const td = add(tr, "td", "cell s-" + letter, SYMBOL[letter]);
        td.title = fw.c[ci].n + ": " + D.st[letter];
        td.setAttribute("aria-label", td.title);
      }
    }
    if (shown < idx.length) {
      const more = add(root, "button", "more", "Show " + Math.min(PAGE, idx.length - shown) + " more");
      more.type = "button";
      more.addEventListener("click", () => {
        st.rows += PAGE;
        history.replaceState(null, "", fragment(st, -1));
        render();
      });
    }

    if (errors.length) {
      add(root, "h2", "", "Inputs that could not be read (" + errors.length + ")");
      const ul = add(root, "ul", "errors");
      for (const e of errors) add(ul, "li", "sev-error", "✗ " + str(e));
    }
  }

  function render() {
    const st = readState();
    const active = document.activeElement && document.activeElement.id;
    app.textContent = "";
    if (single) {
      drawModel(app, 0, "");
    } else if (st.model >= 0 && st.model < models.length) {
      drawModel(app, st.model, fragment(st, -1));
      window.scrollTo(0, 0);
    } else {
      drawBoard(app, st);
      if (active === "filter") {
        const f = document.getElementById("filter");
        f.focus();
        f.setSelectionRange(f.value.length, f.value.length);
      }
    }
    document.title = (single || st.model >= 0) && models[single ? 0 : st.model]
      ? title(models[single ? 0 : st.model]) + " — " + D.title
      : D.title;
  }
  window.addEventListener("hashchange", render);
  render();
  document.body.dataset.ready = "1";
})();
