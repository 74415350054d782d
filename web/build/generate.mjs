// Generates the citizen pages, all in one layout (header, menu, footer):
//   web/e-tjanster/index.html   the catalogue A–Ö with filters, from the service definitions
//   web/e-tjanster/<id>.html    one page per web form (works without JavaScript; js/form.mjs enhances it)
//   web/index.html, tillganglighet.html, kvitto.html, arende.html   from web/pages/ (their content and metadata)
// Usage (from any directory): node web/build/generate.mjs [outDir [siteDir]]
//   Without arguments it writes into web/; with outDir only, it writes the catalogue and form pages alone.
// No dependencies; the output depends only on its sources (same input, same bytes).
import { readFileSync, readdirSync, writeFileSync, mkdirSync, unlinkSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const webRoot = resolve(here, "..");
export const repoRoot = resolve(webRoot, "..");
export const definitionsDir = join(repoRoot, "functions", "Bollebygd.Functions", "Catalog", "Definitions");
export const defaultOutDir = join(webRoot, "e-tjanster");
export const pagesDir = join(webRoot, "pages");

export const AUDIENCES = ["Invånare", "Företagare", "Föreningar", "Vårdnadshavare", "Elever"];
export const CATEGORIES = [
  "Bygga och bo", "Vatten och avlopp", "Avfall och återvinning", "Skola och förskola", "Omsorg och stöd",
  "Trafik och gator", "Kommun och politik", "Kontakt och synpunkter",
];
export const FILE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,.docx,.xlsx,.odt";
export const HONEYPOT = "webbplats";

const KIND = {
  form: { label: "E-tjänst", action: null },
  pdf: { label: "PDF-blankett", action: "Ladda ner blankett (PDF)" },
  external: { label: "Extern e-tjänst", action: "Gå till e-tjänsten (extern webbplats)" },
};

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

export function escapeHtml(value) {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** JSON safe inside <script type="application/json">: no "<", ">" or "&" that could end the element. */
export function jsonForScript(value) {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

/** "Avfall och återvinning" -> "avfall-och-atervinning" (for ids). */
export function slug(text) {
  return String(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const swedish = (a, b) => a.localeCompare(b, "sv");

export function servicePath(service) {
  return service.kind === "form" ? `/e-tjanster/${service.id}.html` : service.url;
}

// ---------------------------------------------------------------------------------------------------------------
// Definitions

export function loadDefinitions(dir = definitionsDir) {
  const services = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const service = JSON.parse(readFileSync(join(dir, name), "utf8"));
      if (`${service.id}.json` !== name) throw new Error(`${name}: id '${service.id}' does not match the file name.`);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(service.id)) throw new Error(`${name}: bad id.`);
      return service;
    });
  return services.sort((a, b) => swedish(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function ordered(values, vocabulary) {
  const known = vocabulary.filter((v) => values.has(v));
  const others = [...values].filter((v) => !vocabulary.includes(v)).sort(swedish);
  return [...known, ...others];
}

// ---------------------------------------------------------------------------------------------------------------
// Layout of every page

const NAV = [
  { href: "/", text: "Start", key: "start" },
  { href: "/e-tjanster/", text: "E-tjänster", key: "e-tjanster" },
  { href: "/tillganglighet.html", text: "Tillgänglighet", key: "tillganglighet" },
];

/**
 * A whole page. `scripts` are module scripts by path, or `{ src, classic: true }` for a classic deferred script;
 * `robots` (e.g. "noindex") keeps private pages out of search engines.
 */
export function page({ title, description, current, main, scripts = [], data = "", robots = null }) {
  const nav = NAV.map((item) => {
    const currentAttr = item.key === current ? ' aria-current="page"' : "";
    return `        <li><a href="${item.href}"${currentAttr}>${escapeHtml(item.text)}</a></li>`;
  }).join("\n");
  const scriptTags = scripts.map((script) => typeof script === "string"
    ? `  <script type="module" src="${escapeHtml(script)}"></script>\n`
    : `  <script src="${escapeHtml(script.src)}" defer></script>\n`).join("");
  const robotsTag = robots ? `\n  <meta name="robots" content="${escapeHtml(robots)}">` : "";
  return `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <meta name="description" content="${escapeHtml(description)}">${robotsTag}
  <link rel="stylesheet" href="/css/site.css">
</head>
<body>
  <a class="skip-link" href="#main">Hoppa till innehållet</a>
  <header class="site-header">
    <p class="site-name"><a href="/">Bollebygds kommun</a></p>
    <nav aria-label="Huvudmeny">
      <ul>
${nav}
      </ul>
    </nav>
  </header>
  <main id="main">
${main}
  </main>
  <footer class="site-footer">
    <p>Bollebygds kommun · Telefon <a href="tel:+4633430000">033-43 00 00</a> · <a href="mailto:kommunen@bollebygd.se">kommunen@bollebygd.se</a></p>
    <p><a href="/tillganglighet.html">Tillgänglighetsredogörelse</a></p>
  </footer>
${data}${scriptTags}</body>
</html>
`;
}

const indent = (text, spaces) => text.split("\n").map((line) => (line ? " ".repeat(spaces) + line : line)).join("\n");

// ---------------------------------------------------------------------------------------------------------------
// Catalogue

export function renderCatalog(services) {
  const audienceCounts = new Map();
  const categoryCounts = new Map();
  for (const service of services) {
    for (const a of service.audiences ?? []) audienceCounts.set(a, (audienceCounts.get(a) ?? 0) + 1);
    for (const c of service.categories ?? []) categoryCounts.set(c, (categoryCounts.get(c) ?? 0) + 1);
  }
  const facet = (legend, name, counts, vocabulary) => {
    const boxes = ordered(new Set(counts.keys()), vocabulary).map((value) => {
      const id = `${name}-${slug(value)}`;
      return `  <div class="choice">
    <input type="checkbox" id="${id}" name="${name}" value="${escapeHtml(value)}">
    <label for="${id}">${escapeHtml(value)} <span class="filter-count">(${counts.get(value)})</span></label>
  </div>`;
    });
    return `<fieldset class="filter-group">
  <legend>${legend}</legend>
${boxes.join("\n")}
</fieldset>`;
  };

  const items = services.map((service) => {
    const kind = KIND[service.kind] ?? KIND.form;
    const href = servicePath(service);
    const search = [service.title, service.summary, ...(service.keywords ?? [])].join(" ").toLocaleLowerCase("sv");
    const action = kind.action
      ? `\n  <p class="service-action"><a href="${escapeHtml(href)}">${escapeHtml(kind.action)}<span class="visually-hidden">: ${escapeHtml(service.title)}</span></a></p>`
      : "";
    return `<li class="service-item" id="tjanst-${service.id}" data-id="${service.id}" data-kind="${escapeHtml(service.kind)}" data-audiences="${escapeHtml((service.audiences ?? []).join("|"))}" data-categories="${escapeHtml((service.categories ?? []).join("|"))}" data-search="${escapeHtml(search)}">
  <h2 class="service-title"><a href="${escapeHtml(href)}">${escapeHtml(service.title)}</a></h2>
  <p class="service-kind service-kind--${escapeHtml(service.kind)}">${kind.label}</p>
  <p class="service-summary">${escapeHtml(service.summary)}</p>
  <dl class="service-meta">
    <div><dt>Målgrupp:</dt><dd>${escapeHtml((service.audiences ?? []).join(", "))}</dd></div>
    <div><dt>Kategori:</dt><dd>${escapeHtml((service.categories ?? []).join(", "))}</dd></div>
  </dl>${action}
</li>`;
  });

  const total = services.length;
  const main = `<h1>E-tjänster och blanketter A–Ö</h1>
<p class="lead">Här finns alla kommunens e-tjänster och blanketter. En e-tjänst fyller du i direkt här, en PDF-blankett laddar du ner och skickar in, och en extern e-tjänst finns på en annan webbplats.</p>
<form class="catalog-filter" id="catalog-filter" role="search" aria-label="Filtrera e-tjänster och blanketter" action="/e-tjanster/" method="get" hidden>
  <div class="field">
    <label for="sok">Sök bland e-tjänster och blanketter</label>
    <p class="field-help" id="sok-hjalp">Skriv ett eller flera ord, till exempel ”sophämtning” eller ”bygglov”.</p>
    <input type="search" id="sok" name="sok" aria-describedby="sok-hjalp" autocomplete="off" spellcheck="false">
  </div>
  <div class="filter-groups">
${indent(facet("Målgrupp", "malgrupp", audienceCounts, AUDIENCES), 4)}
${indent(facet("Kategori", "kategori", categoryCounts, CATEGORIES), 4)}
  </div>
  <p><button type="button" class="button button--secondary" id="catalog-clear">Rensa filter</button></p>
</form>
<p class="catalog-count" id="catalog-count" role="status" data-total="${total}">Visar ${total} av ${total} tjänster</p>
<p class="catalog-empty" id="catalog-empty" hidden>Ingen tjänst passar ditt urval. Ta bort något filter eller sök på ett annat ord.</p>
<ul class="service-list" id="service-list">
${indent(items.join("\n"), 2)}
</ul>
<p>Hittar du inte det du söker? <a href="/e-tjanster/kontakta-kundtjanst.html">Kontakta kundtjänst</a> eller ring <a href="tel:+4633430000">033-43 00 00</a>.</p>`;

  return page({
    title: "E-tjänster och blanketter A–Ö – Bollebygds kommun",
    description: "Alla e-tjänster och blanketter hos Bollebygds kommun, från A till Ö. Filtrera på målgrupp och kategori eller sök.",
    current: "e-tjanster",
    main: indent(main, 4),
    scripts: ["/js/catalog.mjs"],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Form pages

function conditionHint(field, byName) {
  const condition = field.visibleWhen;
  if (!condition) return null;
  const source = byName.get(condition.field);
  if (!source) return null;
  const lead = field.type === "info" ? "Gäller" : "Fyll i";
  if (source.type === "checkbox") {
    return `${lead} om du har kryssat i ”${source.label}”.`;
  }
  const values = Array.isArray(condition.in) ? condition.in : [condition.equals];
  const labels = values.map((value) => {
    const option = (source.options ?? []).find((o) => o.value === String(value));
    return `”${option ? option.label : String(value)}”`;
  });
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} eller ${labels[labels.length - 1]}` : labels[0];
  return `${lead} om du har valt ${list} under ”${source.label}”.`;
}

const REQUIRED = ' <span class="field-required">(obligatoriskt)</span>';

function describedBy(ids) {
  const list = ids.filter(Boolean);
  return list.length ? ` aria-describedby="${list.join(" ")}"` : "";
}

const OWN_ADDRESS_FIELDS = ["utdelningsadress", "postadress"];

function autocompleteFor(field) {
  if (field.name === "namn") return "name";
  if (field.name === "epost") return "email";
  if (field.name === "telefon") return "tel";
  return null;
}

function renderField(field, byName) {
  const id = `f-${field.name}`;
  const hint = conditionHint(field, byName);
  const conditional = field.visibleWhen ? " field--conditional" : "";
  const wrapperStart = `<div class="field field--${field.type}${conditional}" id="falt-${field.name}" data-field="${field.name}" data-type="${field.type}">`;
  const hintHtml = hint ? `\n  <p class="field-condition" id="${id}-villkor">${escapeHtml(hint)}</p>` : "";
  const helpId = field.help ? `${id}-hjalp` : null;
  const hintId = hint ? `${id}-villkor` : null;
  const helpHtml = field.help ? `\n  <p class="field-help" id="${helpId}">${escapeHtml(field.help)}</p>` : "";
  const req = field.required ? REQUIRED : "";
  const label = escapeHtml(field.label);
  const aria = describedBy([hintId, helpId]);

  if (field.type === "info") {
    return `<div class="field field--info info-block${conditional}" id="falt-${field.name}" data-field="${field.name}" data-type="info">
  <h2 class="info-title">${label}</h2>${hintHtml}
  <p>${escapeHtml(field.text ?? "")}</p>
</div>`;
  }

  if (field.type === "radio" || field.type === "multiselect") {
    const inputType = field.type === "radio" ? "radio" : "checkbox";
    const options = (field.options ?? []).map((option, index) => `    <div class="choice">
      <input type="${inputType}" id="${id}-${index}" name="${field.name}" value="${escapeHtml(option.value)}">
      <label for="${id}-${index}">${escapeHtml(option.label)}</label>
    </div>`).join("\n");
    return `${wrapperStart}
  <fieldset class="choice-group" id="${id}"${aria}>
    <legend class="field-label">${label}${req}</legend>${indent(hintHtml + helpHtml, 2)}
${options}
  </fieldset>
</div>`;
  }

  if (field.type === "checkbox") {
    return `${wrapperStart}${hintHtml}${helpHtml}
  <div class="choice">
    <input type="checkbox" id="${id}" name="${field.name}" value="true"${aria}>
    <label for="${id}">${label}${req}</label>
  </div>
</div>`;
  }

  if (field.type === "address") {
    // The applicant's own postal address may be filled in by the browser (WCAG 1.3.5).
    const own = OWN_ADDRESS_FIELDS.includes(field.name);
    const part = (key, text, attributes) => `    <div class="address-part address-part--${key}">
      <label for="${id}-${key}">${text}</label>
      <input type="text" id="${id}-${key}" name="${field.name}.${key}"${attributes}${aria}>
    </div>`;
    return `${wrapperStart}
  <fieldset class="address-group" id="${id}">
    <legend class="field-label">${label}${req}</legend>${indent(hintHtml + helpHtml, 2)}
${part("street", "Gatuadress eller box", own ? ' autocomplete="address-line1"' : "")}
${part("postalCode", "Postnummer", `${own ? ' autocomplete="postal-code"' : ""} inputmode="numeric" class="input--postal"`)}
${part("city", "Ort", own ? ' autocomplete="address-level2"' : "")}
  </fieldset>
</div>`;
  }

  let control;
  const common = `id="${id}" name="${field.name}"${aria}`;
  const ac = autocompleteFor(field);
  const autocomplete = ac ? ` autocomplete="${ac}"` : "";
  switch (field.type) {
    case "textarea":
      control = `<textarea ${common} rows="6"></textarea>`;
      break;
    case "select": {
      const options = (field.options ?? [])
        .map((o) => `    <option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`).join("\n");
      control = `<select ${common}>\n    <option value="">Välj…</option>\n${options}\n  </select>`;
      break;
    }
    case "number":
      control = `<input type="text" inputmode="decimal" ${common} class="input--short">`;
      break;
    case "date":
      control = `<input type="date" ${common} class="input--short">`;
      break;
    case "email":
      control = `<input type="email" ${common}${autocomplete} spellcheck="false">`;
      break;
    case "phone":
      control = `<input type="tel" ${common}${autocomplete} class="input--medium">`;
      break;
    case "personnummer":
    case "orgnummer":
      control = `<input type="text" ${common} autocomplete="off" spellcheck="false" class="input--medium">`;
      break;
    case "file":
      control = `<input type="file" ${common} accept="${FILE_ACCEPT}">`;
      break;
    default:
      control = `<input type="text" ${common}${autocomplete}>`;
  }
  return `${wrapperStart}
  <label class="field-label" for="${id}">${label}${req}</label>${hintHtml}${helpHtml}
  ${control}
</div>`;
}

export function renderFormPage(service) {
  const steps = service.steps ?? [];
  const allFields = steps.flatMap((s) => s.fields ?? []);
  if (allFields.some((f) => f.name === HONEYPOT)) throw new Error(`${service.id}: a field may not be named '${HONEYPOT}'.`);
  const byName = new Map(allFields.map((f) => [f.name, f]));
  const hasRequired = allFields.some((f) => f.required);
  const hasFiles = allFields.some((f) => f.type === "file");

  const stepsHtml = steps.map((step, index) => {
    const count = steps.length > 1 ? `<span class="step-count">Steg ${index + 1} av ${steps.length}</span> ` : "";
    const fields = (step.fields ?? []).map((f) => renderField(f, byName)).join("\n");
    return `<fieldset class="form-step" id="steg-${index + 1}" data-step="${index}">
  <legend class="step-legend">${count}<span class="step-title">${escapeHtml(step.title)}</span></legend>
${indent(fields, 2)}
</fieldset>`;
  }).join("\n");

  const intro = [
    hasRequired ? "<p>Fält som är märkta (obligatoriskt) behöver du fylla i.</p>" : "",
    hasFiles ? "<p>Filer kan vara PDF, bilder (JPG, PNG, HEIC) eller dokument (Word, Excel, OpenDocument).</p>" : "",
  ].filter(Boolean).join("\n");

  const main = `<nav class="breadcrumbs" aria-label="Du är här">
  <ol>
    <li><a href="/">Start</a></li>
    <li><a href="/e-tjanster/">E-tjänster och blanketter</a></li>
    <li><span aria-current="page">${escapeHtml(service.title)}</span></li>
  </ol>
</nav>
<h1>${escapeHtml(service.title)}</h1>
<p class="lead">${escapeHtml(service.summary)}</p>
${intro}
<form class="service-form" id="service-form" method="post" action="/api/services/${service.id}/submissions" enctype="multipart/form-data" novalidate data-service-id="${service.id}" data-service-version="${escapeHtml(service.version)}">
${indent(stepsHtml, 2)}
  <div class="honeypot" aria-hidden="true">
    <label for="${HONEYPOT}">Lämna det här fältet tomt</label>
    <input type="text" id="${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off">
  </div>
  <div class="form-actions" id="form-actions">
    <p class="form-send-info">När du skickar får du en kvittens med ditt ärendenummer till din e-postadress.</p>
    <button type="submit" class="button" id="submit-button">Skicka</button>
  </div>
</form>
<aside class="faq" id="faq" aria-labelledby="faq-title" data-service-id="${service.id}" hidden>
  <h2 id="faq-title">Vanliga frågor</h2>
  <div id="faq-list"></div>
</aside>`;

  return page({
    title: `${service.title} – E-tjänster – Bollebygds kommun`,
    description: service.summary,
    current: null,
    main: indent(main, 4),
    data: `  <script type="application/json" id="service-definition">${jsonForScript(service)}</script>\n`,
    scripts: ["/js/form.mjs", "/js/faq.mjs"],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The site's own pages: web/pages/<name>.html is a first line `<!-- {"title", "description", "current"?,
// "robots"?, "scripts"?} -->` and then the content of <main>, already indented.

export function renderSitePages(dir = pagesDir) {
  const pages = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".html")).sort()) {
    const source = readFileSync(join(dir, name), "utf8");
    const match = /^<!-- (\{.*\}) -->\n([\s\S]*?)\n?$/.exec(source);
    if (!match) throw new Error(`${name}: the first line must be <!-- {json metadata} -->.`);
    const { title, description, current = null, robots = null, scripts = [] } = JSON.parse(match[1]);
    pages.set(name, page({ title, description, current, robots, scripts, main: match[2] }));
  }
  return pages;
}

function writeChanged(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [name, html] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = join(dir, name);
    if (!existsSync(path) || readFileSync(path, "utf8") !== html) writeFileSync(path, html);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main

export function generate({ outDir = defaultOutDir, definitions = definitionsDir, siteDir = null } = {}) {
  const services = loadDefinitions(definitions);
  const files = new Map();
  files.set("index.html", renderCatalog(services));
  for (const service of services.filter((s) => s.kind === "form")) {
    files.set(`${service.id}.html`, renderFormPage(service));
  }
  mkdirSync(outDir, { recursive: true });
  // Pages of services that no longer exist must not linger.
  for (const name of readdirSync(outDir)) {
    if (name.endsWith(".html") && !files.has(name)) unlinkSync(join(outDir, name));
  }
  writeChanged(outDir, files);
  const site = siteDir ? renderSitePages() : new Map();
  if (siteDir) writeChanged(siteDir, site);
  return { outDir, services, files: [...files.keys()].sort(), sitePages: [...site.keys()] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ? resolve(process.cwd(), process.argv[2]) : defaultOutDir;
  const siteDir = process.argv[3] ? resolve(process.cwd(), process.argv[3]) : process.argv[2] ? null : webRoot;
  const result = generate({ outDir, siteDir });
  console.log(`Wrote ${result.files.length} pages (${result.services.length} services) to ${result.outDir}` +
    (siteDir ? ` and ${result.sitePages.length} site pages to ${siteDir}` : ""));
}
