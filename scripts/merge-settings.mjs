// Adds to a developer's local.settings.json the settings that local.settings.sample.json gained since the file was
// copied (new features bring new settings), never changing a value the developer set.
// Usage: node scripts/merge-settings.mjs <sample.json> <settings.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [samplePath, settingsPath] = process.argv.slice(2);
const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
settings.Values ??= {};
const added = Object.keys(sample.Values ?? {}).filter((key) => !(key in settings.Values));
for (const key of added) {
  settings.Values[key] = sample.Values[key];
}
if (added.length > 0) {
  writeFileSync(settingsPath, JSON.stringify(settings, null, 2) + '\n');
  console.log(`run: added ${added.length} new setting(s) from ${samplePath} to ${settingsPath}: ${added.join(', ')}`);
}
