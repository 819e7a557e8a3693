/* The report page, part 3 of 4: a group drawn when first opened (its tree, with each edge's
 * kind, confidence and evidence), and its pairs' passages side by side, each drawn when opened. */

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
  // families[].links: another story this one shares text with (a background paragraph, an excerpt).
  const target = groups.find((g) => g.id === l.family);
  const head = target ? link({ family: target.id }, `${target.id} ${target.title}`) : el("span", null, String(l.family));
  const pairs = l.pairs === 1 ? "one pair of members" : `${l.pairs} pairs of members`;
  return el("li", null, head, ` · up to ${plural(l.words, "word")} shared, ${pairs}: another story, not a copy of this one`);
}

function verdictText(s) {
  // pairs[].verdict with its counts: reuse, shared-quote, boilerplate or unrelated.
  let text = `${s.verdict}: ${plural(s.words || 0, "word")} shared, ${s.authored_words || 0} outside quotation marks`;
  if (s.first_appearance) text += `; the quotations first appeared in ${label(s.first_appearance)}`;
  return text;
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
  // An undetermined edge has no direction: no confidence in one, and neither side "took" anything;
  // a shared quotation is not copying at all.
  const directed = !["undetermined", "shared-quote"].includes(e.kind);
  let kind = KIND[e.kind] || e.kind;
  if (e.kind === "quoted") kind = `quotes ${label(e.source)} in ${plural(e.passages.length, "shared passage")}`;
  const line = el("div", "edge kind-" + e.kind, kind);
  if (directed && e.kind !== "quoted") add(line, `, confidence ${Number(e.confidence).toFixed(2)}`);
  if (e.kind === "shared-quote") add(line, ` · ${plural(e.passages.length, "passage")} `, passageLinks(e.passages));
  else if (e.words !== undefined && e.passages.length && e.kind !== "quoted") {
    const took = `${plural(e.passages.length, "passage")}, ${plural(e.words, "word")}`;
    add(line, directed ? ` · took ${took}` : ` · ${took}`);
    if (docs.has(e.copy) && directed) add(line, `, ${Math.round(e.share * 100)}% of its text`);
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
  const kinds = [...new Set(pair.edges.map((e) => KIND[e.kind] || e.kind))];
  if (kinds.length) add(summary, ` · ${kinds.join(", ")}`);
  if (pair.stats && typeof pair.stats.verdict === "string") add(summary, " · ", el("span", "verdict", verdictText(pair.stats)));
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
    const who = ["undetermined", "shared-quote"].includes(e.kind) ? `${label(e.source)} and ${label(e.copy)}` : `${label(e.source)} → ${label(e.copy)}`;
    add(pair.body, el("div", "pair-edge", `${who}: `, edgeLines(e)));
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
