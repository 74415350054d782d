// Runs the shared validation vectors (validation-cases.json, also run by the C# validator) through validation.mjs.
// A case: { name, today, field, condition?, input, error, value? }. The service under test has one step with the
// condition fields first and the field last. `error` is the one message expected for the field (null: none);
// when `error` is null, `value` is the stored value, null meaning that nothing is stored for the field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  validateForm, parsePersonnummer, parseOrganisationsnummer, isVisible, visibilityOf, maskPersonnummer,
  formatOrganisationsnummer, luhnIsValid, localToday,
} from "../js/validation.mjs";

const cases = JSON.parse(readFileSync(fileURLToPath(new URL("./validation-cases.json", import.meta.url)), "utf8"));

test("the vectors have unique names and the expected shape", () => {
  const names = new Set();
  for (const c of cases) {
    assert.ok(!names.has(c.name), `duplicate case name: ${c.name}`);
    names.add(c.name);
    assert.match(c.today, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(typeof c.field?.name, "string");
    assert.ok(c.error === null || typeof c.error === "string", c.name);
    assert.equal(c.error === null, "value" in c, `${c.name}: value is given exactly when error is null`);
  }
});

for (const c of cases) {
  test(c.name, () => {
    const definition = { id: "test", steps: [{ title: "Steg", fields: [...(c.condition ?? []), c.field] }] };
    const result = validateForm(definition, c.input, c.today);
    const errors = result.errors[c.field.name];
    if (c.error === null) {
      assert.equal(errors, undefined, `unexpected error: ${errors}`);
      if (c.value === null) {
        assert.ok(!(c.field.name in result.values), `expected no stored value, got ${JSON.stringify(result.values[c.field.name])}`);
      } else {
        assert.deepEqual(result.values[c.field.name], c.value);
      }
    } else {
      assert.deepEqual(errors, [c.error]);
      assert.ok(!(c.field.name in result.values));
    }
  });
}

test("parsePersonnummer tells samordningsnummer and birth date", () => {
  assert.deepEqual(parsePersonnummer("701063-1237", "2026-11-27"),
    { value: "197010631237", birthDate: "1970-10-03", isSamordningsnummer: true });
  assert.deepEqual(parsePersonnummer("811218-9876", "2026-11-27"),
    { value: "198112189876", birthDate: "1981-12-18", isSamordningsnummer: false });
  assert.deepEqual(parsePersonnummer("811218-9877", "2026-11-27"), { error: "checksum" });
  assert.deepEqual(parsePersonnummer(null, "2026-11-27"), { error: "format" });
});

test("parsePersonnummer accepts a Date as today", () => {
  assert.equal(parsePersonnummer("261127-1236", new Date(2026, 10, 27)).value, "202611271236");
  assert.equal(parsePersonnummer("261127-1236", new Date(2026, 10, 26)).value, "192611271236");
  assert.equal(localToday(new Date(2026, 0, 5)), "2026-01-05");
});

test("parseOrganisationsnummer errors", () => {
  assert.deepEqual(parseOrganisationsnummer("556036-0793"), { value: "165560360793" });
  assert.deepEqual(parseOrganisationsnummer("556036-0794"), { error: "checksum" });
  assert.deepEqual(parseOrganisationsnummer("811218-9876"), { error: "notAnOrganisation" });
  assert.deepEqual(parseOrganisationsnummer(""), { error: "format" });
});

test("display helpers", () => {
  assert.equal(maskPersonnummer("198112189876"), "19811218-****");
  assert.equal(formatOrganisationsnummer("165560360793"), "556036-0793");
  assert.ok(luhnIsValid("5560360793"));
  assert.ok(!luhnIsValid(""));
});

test("isVisible and visibilityOf follow the chain", () => {
  const definition = {
    steps: [{
      title: "Steg",
      fields: [
        { name: "a", type: "radio", options: [{ value: "x", label: "X" }, { value: "y", label: "Y" }] },
        { name: "b", type: "checkbox", visibleWhen: { field: "a", equals: "x" } },
        { name: "c", type: "info", visibleWhen: { field: "b", equals: true } },
      ],
    }],
  };
  const [a, b, c] = definition.steps[0].fields;
  assert.equal(isVisible(a, {}), true);
  assert.equal(isVisible(b, { a: "x" }), true);
  assert.equal(isVisible(c, { a: "y", b: "on" }, { b: false }), false);
  assert.equal(isVisible(c, { a: "x", b: "on" }, { b: true }), true);
  assert.deepEqual([...visibilityOf(definition, { a: "y", b: "true" })], [["a", true], ["b", false], ["c", false]]);
  assert.deepEqual([...visibilityOf(definition, { a: "x", b: "true" })], [["a", true], ["b", true], ["c", true]]);
});

test("an address may also come as an object, like JSON to the server", () => {
  const definition = { steps: [{ title: "S", fields: [{ name: "adress", type: "address", label: "Adress", required: true }] }] };
  const result = validateForm(definition, { adress: { street: "Storgatan 1", postalCode: "517 33", city: "Bollebygd" } }, "2026-11-27");
  assert.deepEqual(result, { errors: {}, values: { adress: { street: "Storgatan 1", postalCode: "51733", city: "Bollebygd" } } });
});
