/* The report page, part 2 of 4: the header (totals, settings, skipped inputs), the filter by
 * outlet and by text, and the list of groups, added a page at a time. */

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
