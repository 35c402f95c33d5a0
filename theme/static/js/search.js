// Porto's search page. Pagefind (pagefind/pagefind.js, written by the
// porto_search plugin) is imported on the first search only; results are
// rendered here as plain links, and the count is announced in a live region.

const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
// Both attributes hold SITEURL-based paths: absolute, or relative to this page.
const root = new URL(form.dataset.root, document.baseURI);
const bundle = new URL(form.dataset.bundle, document.baseURI);
const pageLang = (document.documentElement.lang || "en").toLowerCase();
const SHOWN = 20;
// Messages come translated from the page (see search.html); counts pick their
// plural form by the sample number of the same CLDR category.
const text = form.dataset;
let rules;
try {
  rules = new Intl.PluralRules(pageLang);
} catch {
  rules = new Intl.PluralRules("en");
}
function counted(name, count) {
  const forms = JSON.parse(text[name]);
  const chosen = forms.find(([n]) => rules.select(n) === rules.select(count)) || forms.at(-1);
  return chosen[1].replace("{count}", String(count));
}
let loading = null;
let latest = 0;
let timer = 0;

// Pagefind keeps one index per language (the lang of each page) and searches
// the one of this page; the others are merged so every post can be found.
function ownIndex(languages) {
  if (languages[pageLang]) return pageLang;
  const base = pageLang.split("-")[0];
  if (languages[base]) return base;
  const codes = Object.keys(languages);
  codes.sort((a, b) => languages[b].page_count - languages[a].page_count);
  return codes[0];
}

async function loadPagefind() {
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
  await pagefind.init();
  const response = await fetch(new URL("pagefind-entry.json", bundle));
  const languages = (await response.json()).languages || {};
  const own = ownIndex(languages);
  for (const code of Object.keys(languages)) {
    if (code !== own) {
      await pagefind.mergeIndex(bundle.href, { language: code, baseUrl: root.pathname });
    }
  }
  return pagefind;
}

// An excerpt is text with <mark> around the words found: keep exactly that.
function excerpt(html) {
  const out = document.createElement("p");
  out.className = "search-excerpt";
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(node.textContent);
    }
  }
  return out;
}

function item(data) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const title = document.createElement("h2");
  title.append(link);
  li.append(title);
  const facts = [];
  if (data.meta.date) {
    const time = document.createElement("time");
    time.dateTime = data.meta.date;
    time.dir = "auto"; // an English date keeps its order in an Arabic page
    time.textContent = data.meta.date_text || data.meta.date;
    facts.push(time);
  }
  if (data.meta.tags) facts.push(data.meta.tags);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "post-meta";
    facts.forEach((fact, i) => meta.append(...(i ? [" · ", fact] : [fact])));
    li.append(meta);
  }
  if (data.excerpt) li.append(excerpt(data.excerpt));
  return li;
}

function say(text) {
  status.textContent = text;
}

async function search(query, id) {
  let pagefind;
  try {
    loading = loading || loadPagefind();
    pagefind = await loading;
  } catch (error) {
    loading = null;
    if (id === latest) say(text.error);
    return;
  }
  const found = await pagefind.search(query);
  if (id !== latest) return;
  const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
  if (id !== latest) return;
  list.replaceChildren(...data.map(item));
  const count = found.results.length;
  let message;
  if (!count) message = text.none;
  else if (count > SHOWN) message = counted("more", count).replace("{shown}", String(SHOWN));
  else message = counted("found", count);
  say(message.replace("{query}", query));
}

function start(delay) {
  const id = ++latest;
  const query = input.value.trim();
  clearTimeout(timer);
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query) {
    list.replaceChildren();
    say("");
    return;
  }
  timer = setTimeout(() => search(query, id), delay);
}

input.addEventListener("input", () => start(250));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  start(0);
});
const asked = new URL(location.href).searchParams.get("q");
if (asked) {
  input.value = asked;
  start(0);
}
