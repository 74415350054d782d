// The web package for Azure Static Web Apps: the site without its sources, the staff sign-in filled in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageWeb } from "../build/package.mjs";

const tenant = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

test("the package carries the tenant in the sign-in issuer and an Entra ID config for the agent app", () => {
  const out = mkdtempSync(join(tmpdir(), "bollebygd-web-"));
  try {
    packageWeb(out, { STAFF_TENANT_ID: tenant, STAFF_CLIENT_ID: "agent-app-client" });

    const config = JSON.parse(readFileSync(join(out, "staticwebapp.config.json"), "utf8"));
    assert.equal(config.auth.identityProviders.azureActiveDirectory.registration.openIdIssuer,
      `https://login.microsoftonline.com/${tenant}/v2.0`);
    assert.deepEqual(config.routes.find((r) => r.route === "/agent/*").allowedRoles, ["staff"]);
    const agent = JSON.parse(readFileSync(join(out, "agent", "config.json"), "utf8"));
    assert.equal(agent.authority, `https://login.microsoftonline.com/${tenant}/v2.0`);
    assert.equal(agent.clientId, "agent-app-client");
    assert.ok(existsSync(join(out, "agent", "index.html")));
    assert.ok(existsSync(join(out, "js", "form.mjs")));
    for (const source of ["build", "tests", "pages", "package.json"]) {
      assert.ok(!existsSync(join(out, source)), `${source} should not be deployed`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("without the tenant or the client id the package is refused with what is missing", () => {
  const out = mkdtempSync(join(tmpdir(), "bollebygd-web-"));
  try {
    assert.throws(() => packageWeb(out, { STAFF_CLIENT_ID: "x" }), /STAFF_TENANT_ID/);
    assert.throws(() => packageWeb(out, { STAFF_TENANT_ID: tenant }), /STAFF_CLIENT_ID/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
