// Packages the web for Azure Static Web Apps into web/dist (what azd deploys; azure.yaml): the generated site without
// its sources and tests, with the Entra ID tenant staff sign in to written into staticwebapp.config.json's issuer and
// the agent app's config.json pointing at Entra ID instead of LocalHost's development sign-in.
// Settings come from the environment (STAFF_TENANT_ID, STAFF_CLIENT_ID, optional STAFF_API_SCOPE), or else from the
// default azd environment's .azure/<env>/.env (azd writes the deployment's outputs there).
// Usage: node web/build/generate.mjs && node web/build/package.mjs [outDir]
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = resolve(here, "..");
const repoRoot = resolve(webRoot, "..");
const TENANT_PLACEHOLDER = "STAFF_TENANT_ID";
const LEFT_OUT = ["build", "tests", "pages", "dist", "package.json"];

/** The azd environment's values (KEY="value" lines), or none. */
export function azdEnvironment(root = repoRoot) {
  const config = join(root, ".azure", "config.json");
  if (!existsSync(config)) return {};
  const name = process.env.AZURE_ENV_NAME || JSON.parse(readFileSync(config, "utf8")).defaultEnvironment;
  const file = join(root, ".azure", name ?? "", ".env");
  if (!name || !existsSync(file)) return {};
  return Object.fromEntries(readFileSync(file, "utf8").split(/\r?\n/)
    .map((line) => /^([A-Za-z_][A-Za-z0-9_]*)="?(.*?)"?$/.exec(line))
    .filter(Boolean).map((m) => [m[1], m[2]]));
}

/** Writes the deployable site to outDir; throws (with what is missing) when the sign-in settings are not there. */
export function packageWeb(outDir, settings) {
  const tenant = settings.STAFF_TENANT_ID;
  const clientId = settings.STAFF_CLIENT_ID;
  if (!/^[0-9a-f-]{36}$/i.test(tenant ?? "")) throw new Error("STAFF_TENANT_ID must be the Entra ID tenant's id (a GUID).");
  if (!clientId) throw new Error("STAFF_CLIENT_ID must be the client id of the agent app's Entra ID app registration.");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(webRoot, outDir, {
    recursive: true,
    filter: (source) => {
      const path = relative(webRoot, source);
      return path === "" || !LEFT_OUT.includes(path.split(sep)[0]);
    },
  });
  const configPath = join(outDir, "staticwebapp.config.json");
  const config = readFileSync(configPath, "utf8");
  if (!config.includes(TENANT_PLACEHOLDER)) throw new Error(`staticwebapp.config.json has no ${TENANT_PLACEHOLDER} to fill in.`);
  writeFileSync(configPath, config.replaceAll(TENANT_PLACEHOLDER, tenant));
  writeFileSync(join(outDir, "agent", "config.json"), JSON.stringify({
    authority: `https://login.microsoftonline.com/${tenant}/v2.0`,
    clientId,
    scope: settings.STAFF_API_SCOPE || "api://bollebygd-kontaktcenter/access_as_user",
    signInNote: "Logga in med ditt konto i kommunen.",
  }, null, 2) + "\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(webRoot, "dist"));
  try {
    packageWeb(outDir, { ...azdEnvironment(), ...process.env });
    console.log(`web packaged into ${outDir}`);
  } catch (error) {
    console.error(`web: ${error.message}`);
    process.exit(1);
  }
}
