// Prints how smtp4dev must be started so that it serves the function mailboxes of a local.settings file: one
// line per environment variable (an IMAP user whose default mailbox is the function mailbox) and one per
// --mailbox argument (mail to the address is routed into that mailbox). Everything else lands in smtp4dev's Default
// mailbox, which is the citizens' inbox in the web UI. Usage: node scripts/smtp4dev-mailboxes.mjs <settings.json>
import { readFileSync } from 'node:fs';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const values = settings.Values ?? {};
const names = Object.keys(values)
  .map((key) => /^Mailboxes__([^_]+)__Address$/.exec(key)?.[1])
  .filter(Boolean);

names.forEach((name, index) => {
  const setting = values[`Mailboxes__${name}__PasswordSetting`];
  console.log(`ServerOptions__Users__${index}__Username=${values[`Mailboxes__${name}__UserName`] ?? name}`);
  console.log(`ServerOptions__Users__${index}__Password=${setting ? values[setting] ?? '' : ''}`);
  console.log(`ServerOptions__Users__${index}__DefaultMailbox=${name}`);
});
for (const name of names) {
  console.log(`--mailbox=${name}=${values[`Mailboxes__${name}__Address`]}`);
}
