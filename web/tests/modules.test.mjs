// The pure parts of the browser modules, run in Node (the modules do nothing on import without a document).
import { test } from "node:test";
import assert from "node:assert/strict";
import { matches, filterFromQuery, queryFromFilter, countText, fold } from "../js/catalog.mjs";
import { displayValue, newUuid, TEXT as FORM_TEXT } from "../js/form.mjs";
import { statusLabel, tokenFromHash, STATUS_TEXT } from "../js/case.mjs";
import { remissToken } from "../js/remiss.mjs";
import { safeTrackingUrl } from "../js/receipt.mjs";
import { formatDate, formatDateTime, formatBytes } from "../js/format.mjs";

const service = {
  audiences: ["Invånare", "Företagare"],
  categories: ["Avfall och återvinning"],
  search: "uppehåll i avfallshämtning ansök om uppehåll sophämtning dispens",
};

test("catalogue filter: audiences OR within the group, AND across groups and search words", () => {
  const none = { audiences: [], categories: [], search: "" };
  assert.ok(matches(service, none));
  assert.ok(matches(service, { ...none, audiences: ["Föreningar", "Invånare"] }));
  assert.ok(!matches(service, { ...none, audiences: ["Föreningar"] }));
  assert.ok(matches(service, { ...none, audiences: ["Invånare"], categories: ["Avfall och återvinning"] }));
  assert.ok(!matches(service, { ...none, audiences: ["Invånare"], categories: ["Bygga och bo"] }));
  assert.ok(matches(service, { ...none, search: "  Sophämtning  DISPENS " }));
  assert.ok(matches(service, { ...none, search: "sophamtning" }), "without diacritics");
  assert.ok(!matches(service, { ...none, search: "sophämtning bygglov" }));
  assert.equal(fold("Återvinning"), "atervinning");
});

test("catalogue filter round-trips through the URL query", () => {
  const filter = { audiences: ["Invånare", "Företagare"], categories: ["Avfall och återvinning"], search: "tomt hus" };
  const query = queryFromFilter(filter);
  assert.equal(query, "?malgrupp=Inv%C3%A5nare&malgrupp=F%C3%B6retagare&kategori=Avfall+och+%C3%A5tervinning&sok=tomt+hus");
  assert.deepEqual(filterFromQuery(query), filter);
  assert.deepEqual(filterFromQuery("?malgrupp=Invånare&kategori=Avfall+och+återvinning"),
    { audiences: ["Invånare"], categories: ["Avfall och återvinning"], search: "" });
  assert.equal(queryFromFilter({ audiences: [], categories: [], search: " " }), "");
  assert.equal(countText(3, 27), "Visar 3 av 27 tjänster");
});

test("summary values: masked personnummer, labels, Swedish dates, file names", () => {
  const radio = { type: "radio", options: [{ value: "tomt", label: "Huset står tomt" }] };
  assert.equal(displayValue({ type: "personnummer" }, "811218-9876", "198112189876"), "19811218-****");
  assert.equal(displayValue({ type: "orgnummer" }, "5560360793", "165560360793"), "556036-0793");
  assert.equal(displayValue(radio, "tomt", "tomt"), "Huset står tomt");
  assert.equal(displayValue({ type: "multiselect", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] }, ["a", "b"], ["a", "b"]), "A, B");
  assert.equal(displayValue({ type: "checkbox" }, "true", true), "Ja");
  assert.equal(displayValue({ type: "checkbox" }, "", false), "Nej");
  assert.equal(displayValue({ type: "date" }, "2026-12-24", "2026-12-24"), "24 december 2026");
  assert.equal(displayValue({ type: "number" }, " 2,5 ", 2.5), "2,5");
  assert.equal(displayValue({ type: "address" }, undefined, { street: "Storgatan 1", postalCode: "51733", city: "Bollebygd" }), "Storgatan 1, 517 33 Bollebygd");
  assert.equal(displayValue({ type: "file" }, "x", "x", { name: "plan.pdf", size: 1234567 }), "plan.pdf (1,2 MB)");
  assert.equal(displayValue({ type: "text" }, "", undefined), FORM_TEXT.empty);
  assert.match(newUuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test("case status labels and explanations", () => {
  for (const label of ["Inskickat", "Under behandling", "Väntar på komplettering", "Kompletterad", "Avslutat"]) {
    assert.equal(statusLabel(label), label);
    assert.ok(STATUS_TEXT[label]);
  }
  assert.equal(statusLabel("InProgress"), "Under behandling");
  assert.equal(statusLabel("waiting-for-citizen"), "Väntar på komplettering");
  assert.equal(statusLabel("Closed"), "Avslutat");
  assert.equal(statusLabel("Något nytt"), "Något nytt");
});

test("the tracking token comes from the fragment", () => {
  assert.equal(tokenFromHash("#abcDEF123_-xyz"), "abcDEF123_-xyz");
  assert.equal(tokenFromHash(""), null);
  assert.equal(tokenFromHash("#kort"), null);
  assert.equal(tokenFromHash("#abc def ghi"), null);
  assert.equal(tokenFromHash("#%E0%A4%A"), null);
});

test("the remiss token comes from the fragment, as the server signs it", () => {
  const token = "djF8Y2FzZS0xfHJlbWlzcy0wMDAxfDE3OTk5OTk5OTk.q9L0eq3Xc5HhVfvQ9y2k1Rr8lYw1OqgTnA_-bcdEFgh";
  assert.equal(remissToken(`#${token}`), token);
  assert.equal(remissToken(""), null);
  assert.equal(remissToken("#utan-punkt"), null);
  assert.equal(remissToken(`#${token}<script>`), null);
  assert.equal(remissToken("#a.b"), null);
});

test("only safe tracking links are shown", () => {
  const origin = "https://kontakt.bollebygd.se";
  assert.equal(safeTrackingUrl("/arende.html#abc", origin), "https://kontakt.bollebygd.se/arende.html#abc");
  assert.equal(safeTrackingUrl("https://kontakt.bollebygd.se/arende.html#abc", origin), "https://kontakt.bollebygd.se/arende.html#abc");
  assert.equal(safeTrackingUrl("javascript:alert(1)", origin), null);
  assert.equal(safeTrackingUrl("http://annan.example/arende.html#abc", origin), null);
  assert.equal(safeTrackingUrl(null, origin), null);
});

test("Swedish dates and sizes", () => {
  assert.equal(formatDate("2026-11-27"), "27 november 2026");
  assert.equal(formatDate("2026-11-27T23:30:00Z"), "28 november 2026"); // Swedish time
  assert.equal(formatDateTime("2026-06-01T12:05:00Z"), "1 juni 2026 kl. 14.05");
  assert.equal(formatBytes(999), "999 byte");
  assert.equal(formatBytes(234567), "235 kB");
  assert.equal(formatBytes(12_500_000), "13 MB");
});
