/* The report page, part 1 of 4: the data embedded in the page, DOM helpers, offsets, and groups.
 *
 * syndtrace/render/html.py joins the four parts, in order, inside one function in strict mode:
 * they share its scope. Every piece of data reaches the page as a text node or an attribute
 * value set through the DOM, never as markup. Offsets in the data are Python string indices
 * (code points); `at(doc)` turns them into the UTF-16 indices of JavaScript strings.
 */

const DATA = JSON.parse(document.getElementById("syndtrace-data").textContent);
const SCAN = DATA.syndtrace.command === "scan";
const PAGE = 100; // group summaries added to the list at a time
const KIND = {
  "credited-reprint": "credited reprint",
  version: "later version (write-thru)",
  copy: "uncredited copy",
  quoted: "quotes",
  undetermined: "shares text (direction undetermined)",
  "shared-quote": "shares only quotations",
};
const SOURCE_KIND = { credited: "credited as the original", quoted: "quoted", agency: "wire agency credited" };
// The evidence a reader needs first, as the tree orders it: what the credits say, whose text it is, then the rest.
const EVIDENCE_ORDER = ["credit", "release", "version", "carried", "via", "siblings", "framing", "insertion", "date", "agency", "portal", "fragment", "quote", "shared-quote", "conflict"];
const MARKUP = /<\/?[a-zA-Z][^<>\n]{0,200}>/g; // tags left in an evidence sentence, as the tree strips them

const docs = new Map(DATA.documents.map((d) => [d.id, d]));
const sources = new Map(DATA.sources.map((s) => [s.id, s]));
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
