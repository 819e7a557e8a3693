/* syndtrace's report page: draws the result embedded in the page (syndtrace/render/html.py).
 *
 * Every piece of data reaches the page as a text node or an attribute value set through the
 * DOM, never as markup. Families are drawn when first opened, pairs likewise, so a large
 * scan's page stays quick. Offsets in the data are Python string indices (code points);
 * `at(doc)` turns them into the UTF-16 indices of JavaScript strings.
 */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("syndtrace-data").textContent);
  const SCAN = DATA.syndtrace.command === "scan";
  const PAGE = 100; // group summaries added to the list at a time
  const KIND = {
    "credited-reprint": "credited reprint",
    copy: "uncredited copy",
    quoted: "quotes",
    undetermined: "shares text (direction undetermined)",
    "shared-quote": "shares only quotations",
  };
  const SOURCE_KIND = { credited: "credited as the original", quoted: "quoted", agency: "wire agency credited" };
  // The evidence a reader needs first, as the tree orders it: what the credits say, whose text it is, then the rest.
  const EVIDENCE_ORDER = ["credit", "via", "framing", "insertion", "date", "agency", "fragment", "quote", "shared-quote", "conflict"];
  const MARKUP = /<\/?[a-zA-Z][^<>\n]{0,200}>/g; // tags left in an evidence sentence, as the tree strips them

  const docs = new Map(DATA.documents.map((d) => [d.id, d]));
  const sources = new Map(DATA.sources.map((s) => [s.id, s]));
  const passages = new Map(DATA.passages.map((p) => [p.id, p]));
  const edges = new Map(); // "source\u0000copy" -> edge
  DATA.edges.forEach((e) => edges.set(e.source + "\u0000" + e.copy, e));

  // ---- small helpers -------------------------------------------------------------------------

  function el(tag, cls, ...kids) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    append(node, kids);
    return node;
  }

  function add(node, ...kids) {
    append(node, kids);
  }

  function append(node, kids) {
    for (const kid of kids) {
      if (kid === null || kid === undefined || kid === false) continue;
      if (Array.isArray(kid)) append(node, kid);
      else node.append(typeof kid === "object" ? kid : String(kid)); // a string becomes a text node
    }
  }

  function link(hash, ...kids) {
    const a = el("a", null, ...kids);
    a.href = "#" + new URLSearchParams(hash).toString();
    return a;
  }

  function outsideLink(url) {
    let parsed = null;
    try {
      parsed = new URL(url);
    } catch (err) {
      return el("span", "url", url);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return el("span", "url", url);
    const a = el("a", "url", url);
    a.href = parsed.href;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }

  const number = (n) => Number(n).toLocaleString("en-US");
  const plural = (n, word, many) => `${number(n)} ${n === 1 ? word : many || word + "s"}`;
  const pairKey = (a, b) => (a < b ? a + "\u0000" + b : b + "\u0000" + a);

  function label(id) {
    const doc = docs.get(id);
    if (doc) return doc.outlet || doc.title || doc.id;
    const src = sources.get(id);
    return src ? src.name : id;
  }

  function describe(value) {
    // A field whose shape this page does not know yet (a newer syndtrace's), said plainly.
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.map(describe).join(", ");
    if (typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}: ${describe(v)}`).join("; ");
    return String(value);
  }

  // ---- offsets: code points (Python) to UTF-16 units (JavaScript) ------------------------------

  function at(doc) {
    if (doc._at) return doc._at;
    const text = doc.text || "";
    const astral = []; // code point index of every character outside the BMP
    if (/[\uD800-\uDFFF]/.test(text)) {
      for (let i = 0, cp = 0; i < text.length; i++, cp++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d < 0xe000) {
            astral.push(cp);
            i++;
          }
        }
      }
    }
    doc._at = (cp) => {
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (astral[mid] < cp) lo = mid + 1;
        else hi = mid;
      }
      return cp + lo; // each astral character before cp takes two units
    };
    return doc._at;
  }

  const units = (doc, spans) => spans.map(([s, e]) => [at(doc)(s), at(doc)(e)]);

  /* Nodes for text[from, to) (UTF-16), cut where the layers' spans begin and end. A layer is
   * {cls, tag, spans, href?}: a piece inside one of its spans gets its class (and a link). */
  function segments(text, from, to, layers) {
    const cuts = new Set([from, to]);
    for (const layer of layers) {
      for (const [s, e] of layer.spans) {
        if (s > from && s < to) cuts.add(s);
        if (e > from && e < to) cuts.add(e);
      }
    }
    const points = [...cuts].sort((x, y) => x - y);
    const out = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const [s, e] = [points[k], points[k + 1]];
      const piece = text.slice(s, e);
      const on = [];
      let href = null;
      for (const layer of layers) {
        const span = layer.spans.find(([x, y]) => x <= s && s < y);
        if (!span) continue;
        on.push(layer);
        if (layer.href && !href) href = layer.href(span);
      }
      if (!on.length) {
        out.push(piece);
        continue;
      }
      const node = href ? link(href, piece) : el(on.some((l) => l.tag === "mark") ? "mark" : "span", null, piece);
      node.className = on.map((l) => l.cls).join(" ");
      out.push(node);
    }
    return out;
  }

  // ---- groups: families, the pairs outside them, or compare's one comparison -------------------

  const pairs = new Map(); // pair key -> {key, a, b, passages, edges, stats}
  for (const p of DATA.passages) {
    const key = pairKey(p.a.doc, p.b.doc);
    if (!pairs.has(key)) pairs.set(key, { key, a: p.a.doc, b: p.b.doc, passages: [], edges: [], stats: null });
    pairs.get(key).passages.push(p);
  }
  for (const e of DATA.edges) {
    const pair = pairs.get(pairKey(e.source, e.copy));
    if (!pair) continue;
    pair.edges.push(e);
    // The original on the left, where the pair has a direction.
    if (e.kind !== "undetermined" && e.kind !== "shared-quote" && e.source === pair.b) [pair.a, pair.b] = [pair.b, pair.a];
  }
  for (const s of DATA.pairs) {
    const pair = pairs.get(pairKey(s.a, s.b));
    if (pair) pair.stats = s;
  }

  const groups = [];
  const groupOfPassage = new Map();
  if (SCAN) {
    const familiesOf = new Map();
    for (const f of DATA.families) {
      for (const m of f.members) {
        if (!familiesOf.has(m)) familiesOf.set(m, []);
        familiesOf.get(m).push(f.id);
      }
      groups.push(makeGroup(f.id, f.root_name, f, [f.tree], f.members));
    }
    const byId = new Map(groups.map((g) => [g.id, g]));
    const outside = makeGroup("other", "Shared text outside the families", null, [], []);
    for (const pair of pairs.values()) {
      const theirs = (familiesOf.get(pair.a) || []).filter((f) => (familiesOf.get(pair.b) || []).includes(f));
      for (const f of theirs) byId.get(f).pairs.push(pair);
      if (!theirs.length) outside.pairs.push(pair);
    }
    if (outside.pairs.length) {
      outside.members = [...new Set(outside.pairs.flatMap((p) => [p.a, p.b]))];
      groups.push(outside);
    }
  } else {
    const all = makeGroup("compare", "Articles compared", null, DATA.tree, DATA.documents.map((d) => d.id));
    all.pairs = [...pairs.values()];
    groups.push(all);
  }
  for (const g of groups) for (const pair of g.pairs) for (const p of pair.passages) if (!groupOfPassage.has(p.id)) groupOfPassage.set(p.id, g);

  function makeGroup(id, title, family, tree, members) {
    return { id, title, family, tree, members, pairs: [], el: null, body: null, hay: null };
  }

  // ---- the header: totals, settings, skipped inputs -----------------------------------------------

  function header() {
    const t = DATA.totals;
    const box = el("section", "summary");
    const v = DATA.syndtrace;
    add(box, el("p", "version", `syndtrace ${v.version} · ${v.command} · schema ${v.schema_version}`));
    const line = SCAN
      ? `${number(t.inputs)} inputs found: ${number(t.articles)} articles loaded, ${number(t.skipped)} skipped · ` +
        `${plural(t.families, "family", "families")} (${number(t.in_families)} articles) · ` +
        `${number(t.articles - t.in_families)} singletons · ${plural(t.passages, "shared passage")} · ` +
        `${plural(t.shared_quote_pairs, "pair")} sharing only quotations`
      : `${plural(t.articles, "article")} · ${plural(t.passages, "shared passage")} · ${plural(t.edges, "edge")}`;
    add(box, el("p", "totals", line));
    if (t.articles > t.listed) {
      add(box, el("p", "left-out", `${plural(t.articles - t.listed, "article")} share no passage and belong to no family: ` +
        "they are counted here but not listed, and their texts are left out of this report."));
    }
    const settings = el("table", "settings");
    for (const [k, value] of Object.entries(DATA.settings)) {
      add(settings, el("tr", null, el("th", null, k), el("td", null, typeof value === "string" ? value : JSON.stringify(value))));
    }
    add(box, el("details", "settings", el("summary", null, "Settings"), settings));
    for (const [key, what] of [["problems", "Skipped inputs"], ["notes", "Notes on inputs"]]) {
      const items = DATA[key] || [];
      if (!items.length) continue;
      const list = el("ul", null, items.map((p) => el("li", null, `${p.path}${p.line == null ? "" : ":" + p.line}: ${p.reason}`)));
      add(box, el("details", key, el("summary", null, `${what} (${number(items.length)})`), list));
    }
    return box;
  }

  // ---- the filter ----------------------------------------------------------------------------------

  const filter = { outlet: "", text: "" };
  const view = { matching: groups, shown: 0 };

  function controls() {
    const counts = new Map();
    for (const d of DATA.documents) if (d.outlet) counts.set(d.outlet, (counts.get(d.outlet) || 0) + 1);
    const select = el("select", null, el("option", null, "All outlets"));
    select.id = "outlet-filter";
    select.firstChild.value = "";
    for (const name of [...counts.keys()].sort((x, y) => x.localeCompare(y))) {
      const option = el("option", null, `${name} (${number(counts.get(name))})`);
      option.value = name;
      add(select, option);
    }
    const input = el("input");
    input.type = "search";
    input.id = "text-filter";
    input.placeholder = "titles, outlets, ids, passages";
    let timer = null;
    select.addEventListener("change", () => {
      filter.outlet = select.value;
      refilter();
    });
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        filter.text = input.value.trim().toLowerCase();
        refilter();
      }, 150);
    });
    const count = el("span", "count");
    count.id = "filter-count";
    return el("section", "controls", el("label", null, "Outlet ", select), el("label", null, "Text ", input), count);
  }

  function docHay(id) {
    const d = docs.get(id);
    return d ? [d.id, d.outlet, d.title, d.author, d.url, d.path].filter(Boolean).join("\n").toLowerCase() : id.toLowerCase();
  }

  function pairHay(pair) {
    if (pair.hay === undefined) {
      const bits = [docHay(pair.a), docHay(pair.b)];
      for (const p of pair.passages) for (const side of [p.a, p.b]) bits.push(sideText(side));
      pair.hay = bits.join("\n").toLowerCase();
    }
    return pair.hay;
  }

  const hasOutlet = (id) => (docs.get(id) || {}).outlet === filter.outlet;

  function pairMatches(pair) {
    if (filter.outlet && !hasOutlet(pair.a) && !hasOutlet(pair.b)) return false;
    return !filter.text || pairHay(pair).includes(filter.text);
  }

  function groupMatches(g) {
    if (filter.outlet && !g.members.some(hasOutlet)) return false;
    if (!filter.text) return true;
    if (g.hay === null) g.hay = [g.id, g.title, ...g.members.map(docHay)].join("\n").toLowerCase();
    return g.hay.includes(filter.text) || g.pairs.some(pairMatches);
  }

  function refilter() {
    view.matching = groups.filter(groupMatches);
    view.shown = 0;
    const list = document.getElementById("groups");
    list.replaceChildren();
    more();
    for (const g of groups) if (g.body) applyFilterInside(g);
  }

  function more() {
    const list = document.getElementById("groups");
    const next = view.matching.slice(view.shown, view.shown + PAGE);
    for (const g of next) add(list, groupElement(g));
    view.shown += next.length;
    const what = SCAN ? "groups" : "comparisons";
    document.getElementById("filter-count").textContent = view.matching.length
      ? `showing ${number(view.shown)} of ${number(view.matching.length)} matching ${what} (${number(groups.length)} in all)`
      : `no ${what.slice(0, -1)} matches the filter`;
    const button = document.getElementById("more");
    button.hidden = view.shown >= view.matching.length;
    button.textContent = `Show ${number(Math.min(PAGE, view.matching.length - view.shown))} more`;
  }

  function applyFilterInside(g) {
    for (const pair of g.pairs) if (pair.el) pair.el.hidden = !pairMatches(pair);
    const hidden = g.pairs.filter((p) => p.el && p.el.hidden).length;
    g.body.querySelector(".hidden-note").textContent = hidden ? `${plural(hidden, "pair")} hidden by the filter` : "";
    for (const node of g.body.querySelectorAll(".node[data-doc]")) {
      const id = node.dataset.doc;
      const hit = (filter.outlet && hasOutlet(id)) || (filter.text && docHay(id).includes(filter.text));
      node.classList.toggle("match", Boolean(hit));
    }
  }

  // ---- a group: summary line, drawn when opened -------------------------------------------------------

  function groupElement(g) {
    if (g.el) return g.el;
    const summary = el("summary");
    if (g.family) {
      const f = g.family;
      const days = f.days.length ? (f.days[0] === f.days[1] ? `, ${f.days[0]}` : `, ${f.days[0]} to ${f.days[1]}`) : "";
      add(summary, el("span", "gid", f.id), " ", el("b", null, f.root_name), ` (${plural(f.members.length, "article")}${days})`);
      const outlets = [...new Set(f.members.map((m) => (docs.get(m) || {}).outlet).filter(Boolean))];
      add(summary, el("span", "outlets", outlets.slice(0, 6).join(", ") + (outlets.length > 6 ? ", …" : "")));
    } else {
      add(summary, el("b", null, g.title), ` (${plural(g.pairs.length, "pair")} of articles sharing text)`);
    }
    g.el = el("details", "group", summary);
    g.el.dataset.group = g.id;
    g.el.addEventListener("toggle", () => {
      if (g.el.open && !g.body) drawGroup(g);
    });
    if (!SCAN) {
      g.el.open = true;
      drawGroup(g);
    }
    return g.el;
  }

  function drawGroup(g) {
    g.body = el("div", "group-body");
    if (g.tree.length) {
      const tree = el("ul", "tree", g.tree.map((n) => treeNode(n, null)));
      add(g.body, el("h3", null, SCAN ? "Tree" : "Syndication tree"), tree);
    }
    const f = g.family;
    if (f && f.outside_tree && f.outside_tree.length) {
      add(g.body, el("h3", null, "Also in the family, outside its tree"));
      const gave = (e) => el("div", "edge", `also gave ${plural(e.words, "word")} to ${label(e.copy)} (${e.copy}; ${e.kind}), ` +
        "whose parent is shown above ", passageLinks(e.passages));
      add(g.body, el("ul", "outside", f.outside_tree.map((o) => el("li", null, docLine(o.id), o.gave.map(gave)))));
    }
    if (f && Array.isArray(f.links) && f.links.length) {
      add(g.body, el("h3", null, "Linked families"), el("ul", "links", f.links.map(familyLink)));
    }
    const quotes = DATA.edges.filter((e) => e.kind === "shared-quote" && g.pairs.some((p) => p.key === pairKey(e.source, e.copy)));
    if (!SCAN && quotes.length) {
      add(g.body, el("ul", "shared-quotes", quotes.map((e) => el("li", null,
        `${label(e.source)} and ${label(e.copy)} share only quotations: ${(e.evidence[0] || {}).detail || ""}`))));
    }
    if (g.pairs.length) {
      add(g.body, el("h3", null, `Shared passages, pair by pair (${plural(g.pairs.length, "pair")})`));
      add(g.body, el("p", "legend", "Highlighted: words that differ between the two versions. ",
        el("span", "quoted", "Underlined"), ": inside quotation marks. “in context” opens the whole article at the passage."));
      for (const pair of g.pairs) add(g.body, pairElement(pair, g.pairs.length <= 3));
    } else if (!SCAN) {
      add(g.body, el("p", "empty", `No shared passages between ${DATA.documents.map((d) => d.outlet || d.title || d.id).join(", ")}.`));
    }
    add(g.body, el("p", "hidden-note"));
    add(g.el, g.body);
    applyFilterInside(g);
  }

  function familyLink(l) {
    const other = l.family || l.other || l.to || l.id;
    const target = groups.find((g) => g.id === other);
    const rest = Object.fromEntries(Object.entries(l).filter(([k]) => !["family", "other", "to", "id"].includes(k)));
    const head = target ? link({ family: target.id }, `${target.id} ${target.title}`) : el("span", null, describe(other));
    return el("li", null, head, " · ", describe(rest));
  }

  function passageLinks(ids) {
    const out = [];
    ids.forEach((id, k) => out.push(k ? ", " : "(", link({ passage: id }, id)));
    if (ids.length) out.push(")");
    return el("span", "passage-links", out);
  }

  function docLine(id, inReader) {
    const doc = docs.get(id);
    if (!doc) return el("span", "name source", label(id));
    const details = [doc.author !== label(id) ? doc.author : null, doc.date].filter(Boolean).join(" · ");
    const where = doc.line == null ? doc.path || doc.id : `${doc.id} · ${doc.path}:${doc.line}`;
    return el("div", null,
      el("span", "name doc", label(id)), details ? el("span", "meta", " " + details) : null,
      doc.title && doc.title !== label(id) && !inReader ? el("div", "title", doc.title) : null,
      el("div", "where", where, doc.text !== null && !inReader ? [" · ", link({ read: id }, "read the article")] : null),
      doc.url ? el("div", "where", outsideLink(doc.url)) : null);
  }

  function treeNode(node, parent) {
    const box = el("div", "node");
    if (docs.has(node.id)) {
      box.dataset.doc = node.id;
      add(box, docLine(node.id));
    } else {
      const src = sources.get(node.id) || { name: node.name, kind: "" };
      const details = [src.author, src.date].filter(Boolean).join(" · ");
      add(box, el("span", "name source", src.name), details ? el("span", "meta", " " + details) : null,
        el("span", "why", ` (${SOURCE_KIND[src.kind] || src.kind}; not in the inputs)`), src.why ? el("div", "where", src.why) : null);
    }
    if (node.edge && parent) add(box, edgeLines(edgeBetween(parent, node.id, node.edge), node.edge));
    const li = el("li", null, box);
    if (node.children.length) add(li, el("ul", null, node.children.map((c) => treeNode(c, node.id))));
    return li;
  }

  function edgeBetween(parent, child, compact) {
    return edges.get(parent + "\u0000" + child) || edges.get(child + "\u0000" + parent) || compact;
  }

  function edgeLines(e) {
    let kind = KIND[e.kind] || e.kind;
    if (e.kind === "quoted") kind = `quotes ${label(e.source)} in ${plural(e.passages.length, "shared passage")}`;
    const line = el("div", "edge kind-" + e.kind, kind);
    if (e.kind !== "quoted" && e.kind !== "undetermined") add(line, `, confidence ${Number(e.confidence).toFixed(2)}`);
    if (e.words !== undefined && e.passages.length && e.kind !== "quoted") {
      const took = `${plural(e.passages.length, "passage")}, ${plural(e.words, "word")}`;
      add(line, e.kind === "undetermined" ? ` · ${took}` : ` · took ${took}`);
      if (docs.has(e.copy) && e.kind !== "undetermined") add(line, `, ${Math.round(e.share * 100)}% of its text`);
      add(line, " ", passageLinks(e.passages));
    } else if (e.kind === "credited-reprint" && !e.passages.length && e.words !== undefined) {
      add(line, ` · the whole article (${plural(e.words, "word")})`);
    }
    const rank = (ev) => (EVIDENCE_ORDER.includes(ev.kind) ? EVIDENCE_ORDER.indexOf(ev.kind) : EVIDENCE_ORDER.length);
    const sorted = (e.evidence || []).slice().sort((x, y) => rank(x) - rank(y) || y.weight - x.weight);
    const evidence = sorted.map((ev) => el("li", null, el("span", "ev-kind", ev.kind), " ", ev.detail.replace(MARKUP, "")));
    return [line, evidence.length ? el("ul", "evidence", evidence) : null];
  }

  // ---- pairs and passages ---------------------------------------------------------------------------

  function names(pair) {
    const [a, b] = [label(pair.a), label(pair.b)];
    return a === b ? [`${a} (${pair.a})`, `${b} (${pair.b})`] : [a, b];
  }

  function pairElement(pair, open) {
    if (pair.el) return pair.el;
    const [na, nb] = names(pair);
    const words = pair.passages.reduce((n, p) => n + p.words, 0);
    const summary = el("summary", null, el("b", null, na), " ↔ ", el("b", null, nb),
      ` · ${plural(pair.passages.length, "passage")}, ${plural(words, "aligned word")}`);
    const verdict = pair.stats && pair.stats.verdict;
    if (verdict !== undefined && verdict !== null) add(summary, " · ", el("span", "verdict", describe(verdict)));
    pair.el = el("details", "pair", summary);
    pair.el.dataset.pair = pair.key;
    pair.el.addEventListener("toggle", () => {
      if (pair.el.open && !pair.body) drawPair(pair);
    });
    if (open) {
      pair.el.open = true;
      drawPair(pair);
    }
    return pair.el;
  }

  function drawPair(pair) {
    pair.body = el("div", "pair-body");
    for (const e of pair.edges) {
      add(pair.body, el("div", "pair-edge", `${label(e.source)} → ${label(e.copy)}: `, edgeLines(e)));
    }
    const s = pair.stats;
    if (s && s.jaccard) {
      const pct = (x) => `${Math.round(x * 100)}%`;
      add(pair.body, el("p", "stats",
        `Shingles: Jaccard ${s.jaccard.exact} (MinHash estimate ${s.jaccard.estimate}) · ` +
        `${pct(s.containment.a_in_b.exact)} of ${label(s.a)}'s in ${label(s.b)} · ${pct(s.containment.b_in_a.exact)} of ${label(s.b)}'s in ${label(s.a)}`));
    }
    for (const p of pair.passages) add(pair.body, passageElement(p, pair));
    add(pair.el, pair.body);
  }

  function sideText(side) {
    const doc = docs.get(side.doc);
    const to = at(doc);
    return doc.text.slice(to(side.start), to(side.end));
  }

  function passageElement(p, pair) {
    const [first, second] = p.a.doc === pair.a ? [p.a, p.b] : [p.b, p.a];
    const [na, nb] = names(pair);
    const head = el("h4", null, el("span", "pid", p.id), ` ${plural(p.words, "word")} · similarity ${Number(p.similarity).toFixed(1)}`);
    const sideName = (side) => (side.doc === pair.a ? na : nb);
    if (p.quote === "statement") add(head, " · a statement widely quoted in the corpus");
    else if (p.quote !== "none") {
      const where = { both: "in both", a: `in ${sideName(p.a)}`, b: `in ${sideName(p.b)}` }[p.quote] || p.quote;
      add(head, ` · quoted ${where}`);
    }
    const attributions = [...new Set([p.a.attribution, p.b.attribution].filter(Boolean))].sort();
    if (attributions.length) add(head, ` · attributed to ${attributions.join(", ")}`);
    const sides = el("div", "sides", [first, second].map((side) => sideElement(side, sideName(side), p.id)));
    const box = el("article", "passage", head, sides);
    box.id = "passage-" + p.id;
    const inserted = (p.insertions || []).filter((i) => i.bracketed);
    if (inserted.length) add(box, el("ul", "insertions", inserted.map((i) => el("li", null, `inserted by ${label(i.doc)}: ${i.text}`))));
    return box;
  }

  function sideElement(side, name, pid) {
    const doc = docs.get(side.doc);
    const to = at(doc);
    const layers = [
      { cls: "diff", tag: "mark", spans: units(doc, side.diff) },
      { cls: "quoted", tag: "span", spans: units(doc, doc.quotes) },
    ];
    const head = el("div", "side-head", el("b", null, name), ` [${side.start}:${side.end})`,
      side.quoted ? ` · ${Math.round(side.quoted * 100)}% quoted` : null,
      " · ", link({ read: side.doc, from: side.start, to: side.end, p: pid }, "in context"));
    return el("div", "side", head, el("p", "side-text", segments(doc.text, to(side.start), to(side.end), layers)));
  }

  // ---- the article in context ------------------------------------------------------------------------

  let sidesOf = null; // doc id -> [[start, end, passage id]], built on first use

  function openReader(id, from, to, back) {
    const reader = document.getElementById("reader");
    const doc = docs.get(id);
    reader.replaceChildren();
    const close = el("button", "close", "Close");
    close.type = "button";
    close.addEventListener("click", () => {
      location.hash = back ? new URLSearchParams({ passage: back }).toString() : "top";
    });
    add(reader, close);
    if (!doc || doc.text === null) {
      add(reader, el("p", "empty", `The text of ${id} is not in this report.`));
      reader.hidden = false;
      return;
    }
    if (!sidesOf) {
      sidesOf = new Map();
      for (const p of DATA.passages) {
        for (const side of [p.a, p.b]) {
          if (!sidesOf.has(side.doc)) sidesOf.set(side.doc, []);
          sidesOf.get(side.doc).push([side.start, side.end, p.id]);
        }
      }
    }
    const mine = sidesOf.get(id) || [];
    const u = at(doc);
    const layers = [{ cls: "shared", tag: "mark", spans: mine.map(([s, e, pid]) => [u(s), u(e), pid]), href: (span) => ({ passage: span[2] }) }];
    if (Number.isFinite(from) && Number.isFinite(to)) layers.unshift({ cls: "current", tag: "mark", spans: [[u(from), u(to)]] });
    layers.push({ cls: "quoted", tag: "span", spans: units(doc, doc.quotes) });
    add(reader, el("h2", null, doc.title || doc.id), docLine(id, true));
    if (doc.credits && doc.credits.length) {
      add(reader, el("ul", "credits", doc.credits.map((c) => el("li", null, el("span", "ev-kind", c.kind), ` ${c.source}: “${c.text}”`))));
    }
    add(reader, el("p", "legend", "Marked: passages shared with another article (follow one to compare them). ",
      el("span", "quoted", "Underlined"), ": inside quotation marks."));
    const text = el("div", "reader-text", segments(doc.text, 0, doc.text.length, layers));
    add(reader, text);
    reader.hidden = false;
    const current = text.querySelector(".current");
    (current || reader).scrollIntoView({ block: "center" });
  }

  function showGroup(g) {
    if (!view.matching.includes(g)) {
      // The filter hides it: clear the filter rather than fail to follow the link.
      filter.outlet = filter.text = "";
      document.getElementById("outlet-filter").value = "";
      document.getElementById("text-filter").value = "";
      refilter();
    }
    while (!g.el || !g.el.isConnected) {
      if (view.shown >= view.matching.length) return false;
      more();
    }
    g.el.open = true;
    if (!g.body) drawGroup(g);
    return true;
  }

  function reveal(passageId) {
    const g = groupOfPassage.get(passageId);
    if (!g || !showGroup(g)) return;
    const pair = g.pairs.find((p) => p.passages.some((x) => x.id === passageId));
    pair.el.hidden = false;
    pair.el.open = true;
    if (!pair.body) drawPair(pair);
    const box = document.getElementById("passage-" + passageId);
    box.classList.add("target");
    box.scrollIntoView({ block: "center" });
  }

  function route() {
    const hash = new URLSearchParams(location.hash.slice(1));
    const reader = document.getElementById("reader");
    if (hash.has("read")) {
      openReader(hash.get("read"), parseInt(hash.get("from"), 10), parseInt(hash.get("to"), 10), hash.get("p"));
      return;
    }
    reader.hidden = true;
    for (const old of document.querySelectorAll(".passage.target")) old.classList.remove("target");
    if (hash.has("passage")) reveal(hash.get("passage"));
    else if (hash.has("family")) {
      const g = groups.find((x) => x.id === hash.get("family"));
      if (g && showGroup(g)) g.el.scrollIntoView();
    }
  }

  // ---- start ----------------------------------------------------------------------------------------

  const main = document.getElementById("report");
  const button = el("button", "more");
  button.id = "more";
  button.type = "button";
  button.addEventListener("click", more);
  const list = el("div", "groups");
  list.id = "groups";
  add(main, header(), controls(), list, button);
  more();
  window.addEventListener("hashchange", route);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !document.getElementById("reader").hidden) document.querySelector("#reader .close").click();
  });
  route();
})();
