// Runs the page generator into a temporary folder and checks what it wrote, plus the site's own pages (web/pages/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDefinitions, escapeHtml, jsonForScript, slug, renderSitePages } from "../build/generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = resolve(here, "..");
const script = join(webRoot, "build", "generate.mjs");
const services = loadDefinitions();
const forms = services.filter((s) => s.kind === "form");
let outDir;

function run(dir) {
  // From another working directory, to prove that paths come from the script's location.
  const result = spawnSync(process.execPath, [script, dir], { cwd: tmpdir(), encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return result;
}

const read = (name) => readFileSync(join(outDir, name), "utf8");

before(() => {
  outDir = mkdtempSync(join(tmpdir(), "bollebygd-pages-"));
  run(outDir);
});

after(() => rmSync(outDir, { recursive: true, force: true }));

test("one page per form service plus the catalogue", () => {
  const files = readdirSync(outDir).sort();
  assert.deepEqual(files, ["index.html", ...forms.map((s) => `${s.id}.html`)].sort());
  assert.ok(forms.length >= 10);
});

test("the output is deterministic and stale pages are removed", () => {
  const first = Object.fromEntries(readdirSync(outDir).map((f) => [f, read(f)]));
  writeFileSync(join(outDir, "finns-inte-langre.html"), "gammal");
  run(outDir);
  const second = Object.fromEntries(readdirSync(outDir).map((f) => [f, read(f)]));
  assert.deepEqual(second, first);
});

test("the catalogue lists every service A–Ö with its kind, link and filter data", () => {
  const html = read("index.html");
  assert.match(html, /<h1>E-tjänster och blanketter A–Ö<\/h1>/);
  const ids = [...html.matchAll(/<li class="service-item" id="tjanst-([a-z0-9-]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids, services.map((s) => s.id));
  const titles = services.map((s) => s.title);
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, "sv")));
  for (const service of services) {
    const start = html.indexOf(`id="tjanst-${service.id}"`);
    const item = html.slice(start, html.indexOf("</li>", start));
    const href = service.kind === "form" ? `/e-tjanster/${service.id}.html` : service.url;
    assert.ok(item.includes(`<a href="${escapeHtml(href)}">${escapeHtml(service.title)}</a>`), service.id);
    assert.ok(item.includes(`data-kind="${service.kind}"`));
    assert.ok(item.includes(`data-audiences="${escapeHtml(service.audiences.join("|"))}"`));
    assert.ok(item.includes(`data-categories="${escapeHtml(service.categories.join("|"))}"`));
    const marker = { form: "E-tjänst", pdf: "PDF-blankett", external: "Extern e-tjänst" }[service.kind];
    assert.ok(item.includes(`>${marker}</p>`), `${service.id} marked ${marker}`);
    if (service.kind === "pdf") assert.ok(item.includes("Ladda ner blankett (PDF)"));
    if (service.kind === "external") assert.ok(item.includes("Gå till e-tjänsten (extern webbplats)"));
  }
  assert.ok(html.includes(`Visar ${services.length} av ${services.length} tjänster`));
});

test("the catalogue has a filter checkbox with a count for every audience and category", () => {
  const html = read("index.html");
  for (const [name, key] of [["malgrupp", "audiences"], ["kategori", "categories"]]) {
    const values = new Set(services.flatMap((s) => s[key]));
    for (const value of values) {
      const count = services.filter((s) => s[key].includes(value)).length;
      const id = `${name}-${slug(value)}`;
      assert.ok(html.includes(`<input type="checkbox" id="${id}" name="${name}" value="${escapeHtml(value)}">`), id);
      assert.ok(html.includes(`<label for="${id}">${escapeHtml(value)} <span class="filter-count">(${count})</span></label>`), id);
    }
  }
  assert.match(html, /<input type="search" id="sok" name="sok"/);
  assert.match(html, /<script type="module" src="\/js\/catalog.mjs"><\/script>/);
});

test("each form page posts to its service, works without JavaScript and embeds its definition", () => {
  for (const service of forms) {
    const html = read(`${service.id}.html`);
    assert.ok(html.includes(`<form class="service-form" id="service-form" method="post" action="/api/services/${service.id}/submissions" enctype="multipart/form-data" novalidate`), service.id);
    assert.ok(html.includes('<input type="text" id="webbplats" name="webbplats" tabindex="-1" autocomplete="off">'));
    assert.ok(html.includes('<div class="honeypot" aria-hidden="true">'));
    assert.ok(html.includes('<label for="webbplats">Lämna det här fältet tomt</label>'));
    assert.ok(html.includes('<button type="submit" class="button" id="submit-button">Skicka</button>'));
    assert.ok(html.includes('<script type="module" src="/js/form.mjs"></script>'));
    const data = /<script type="application\/json" id="service-definition">([^<]*)<\/script>/.exec(html);
    assert.ok(data, `${service.id}: definition embedded`);
    assert.deepEqual(JSON.parse(data[1]), service);
    assert.equal(data[1], jsonForScript(service));

    assert.equal((html.match(/<fieldset class="form-step"/g) ?? []).length, service.steps.length);
    for (const step of service.steps) assert.ok(html.includes(`<span class="step-title">${escapeHtml(step.title)}</span></legend>`));
    for (const field of service.steps.flatMap((s) => s.fields)) {
      const label = escapeHtml(field.label);
      switch (field.type) {
        case "info":
          assert.ok(html.includes(`<h2 class="info-title">${label}</h2>`), field.name);
          break;
        case "address":
          for (const part of ["street", "postalCode", "city"]) {
            assert.ok(html.includes(`name="${field.name}.${part}"`), `${field.name}.${part}`);
            assert.ok(html.includes(`<label for="f-${field.name}-${part}">`));
          }
          break;
        case "radio":
        case "multiselect":
          field.options.forEach((o, i) => {
            const type = field.type === "radio" ? "radio" : "checkbox";
            assert.ok(html.includes(`<input type="${type}" id="f-${field.name}-${i}" name="${field.name}" value="${escapeHtml(o.value)}">`), field.name);
          });
          assert.ok(html.includes(`<legend class="field-label">${label}`));
          break;
        case "checkbox":
          assert.ok(new RegExp(`<input type="checkbox" id="f-${field.name}" name="${field.name}" value="true"`).test(html), field.name);
          break;
        case "select":
          assert.ok(html.includes(`<select id="f-${field.name}" name="${field.name}"`) && html.includes('<option value="">Välj…</option>'), field.name);
          break;
        case "file":
          assert.ok(new RegExp(`<input type="file" id="f-${field.name}" name="${field.name}"[^>]* accept="\\.pdf,\\.jpg,\\.jpeg,\\.png,\\.heic,\\.docx,\\.xlsx,\\.odt">`).test(html), field.name);
          break;
        default:
          assert.ok(html.includes(`<label class="field-label" for="f-${field.name}">${label}`), field.name);
          assert.ok(new RegExp(`id="f-${field.name}" name="${field.name}"`).test(html), field.name);
      }
      if (field.required) {
        const at = html.indexOf(`id="falt-${field.name}"`);
        assert.ok(html.slice(at, at + 2000).includes("(obligatoriskt)"), `${field.name} marked required`);
      }
      if (field.help) assert.ok(html.includes(`id="f-${field.name}-hjalp">${escapeHtml(field.help)}</p>`));
      if (field.visibleWhen) assert.ok(html.includes(`id="f-${field.name}-villkor">`), `${field.name} has a condition hint`);
    }
  }
});

function checkPage(name, html) {
  // CSP: script-src 'self', style-src 'self'.
  assert.ok(!/\sstyle\s*=/i.test(html), `${name}: no style attributes`);
  assert.ok(!/<style[\s>]/i.test(html), `${name}: no <style> element`);
  assert.ok(!/\son[a-z]+\s*=/i.test(html), `${name}: no inline event handlers`);
  assert.ok(!/javascript:/i.test(html), `${name}: no javascript: URLs`);
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes, body] = match;
    if (/type="application\/json"/.test(attributes)) continue;
    assert.match(attributes, /\ssrc="\/js\/[a-z-]+\.m?js"/, `${name}: script has a src`);
    assert.equal(body.trim(), "", `${name}: no inline script code`);
  }
  assert.match(html, /^<!doctype html>\n<html lang="sv">/);
  assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, `${name}: one h1`);
  assert.ok(html.includes('<a class="skip-link" href="#main">Hoppa till innehållet</a>'), `${name}: skip link`);
  assert.ok(html.includes('<main id="main">'), `${name}: main landmark`);
  assert.ok(html.includes('<nav aria-label="Huvudmeny">'));
  for (const [href, text] of [["/", "Start"], ["/e-tjanster/", "E-tjänster"], ["/tillganglighet.html", "Tillgänglighet"]]) {
    assert.ok(new RegExp(`<li><a href="${href}"( aria-current="page")?>${text}</a></li>`).test(html), `${name}: nav ${text}`);
  }
  // Every id is unique and every label points at an existing id.
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, `${name}: duplicate ids ${ids.filter((id, i) => ids.indexOf(id) !== i)}`);
  for (const [, target] of html.matchAll(/<label for="([^"]+)"/g)) assert.ok(ids.includes(target), `${name}: label for ${target}`);
  for (const [, list] of html.matchAll(/aria-describedby="([^"]+)"/g)) {
    for (const id of list.split(" ")) assert.ok(ids.includes(id), `${name}: aria-describedby ${id}`);
  }
}

test("generated pages have no inline code or styles, one h1, landmarks and valid references", () => {
  for (const name of readdirSync(outDir)) checkPage(name, read(name));
});

test("the site's own pages share the layout and follow the same rules", () => {
  const site = renderSitePages();
  assert.deepEqual([...site.keys()].sort(), ["arende.html", "index.html", "kvitto.html", "remiss.html", "tillganglighet.html"]);
  for (const [name, html] of site) {
    checkPage(name, html);
  }
  const start = site.get("index.html");
  assert.ok(start.includes("<h1>Kontaktcenter</h1>"));
  assert.ok(start.includes('<a class="button button--large" href="/e-tjanster/">Hitta e-tjänster och blanketter</a>'));
  for (const id of ["kontakta-kundtjanst", "synpunkter-och-felanmalan", "uppehall-i-avfallshamtning", "bygglov"]) {
    assert.ok(start.includes(`href="/e-tjanster/${id}.html"`), id);
    assert.ok(forms.some((s) => s.id === id), `${id} is a form service`);
  }
  assert.ok(start.includes('id="service-status"') && start.includes('<script src="/js/status.js" defer></script>'));
  const a11y = site.get("tillganglighet.html");
  assert.ok(a11y.includes('href="/e-tjanster/kontakta-kundtjanst.html"'));
  assert.ok(a11y.includes("mailto:kommunen@bollebygd.se") && a11y.includes("tel:+4633430000"));
});

test("escapeHtml escapes markup characters", () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  assert.equal(jsonForScript({ t: "</script><!--" }), '{"t":"\\u003c/script\\u003e\\u003c!--"}');
  assert.equal(slug("Avfall och återvinning"), "avfall-och-atervinning");
});
