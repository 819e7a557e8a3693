/* The report page, part 4 of 4: an article in context (the reader), links by the page's
 * address (#read=, #passage=, #family=), and the start. */

// ---- the article in context ------------------------------------------------------------------------

let sidesOf = null; // doc id -> [[start, end, passage id]], built on first use

function openReader(id, from, to, back) {
  const reader = document.getElementById("reader");
  const doc = docs.get(id);
  reader.replaceChildren();
  const close = el("button", "close", "Close");
  close.type = "button";
  close.addEventListener("click", () => {
    // Back to the passage the reader was opened from; else close where the page stands.
    if (back) {
      location.hash = new URLSearchParams({ passage: back }).toString();
      return;
    }
    reader.hidden = true;
    history.replaceState(null, "", location.href.split("#")[0]);
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
