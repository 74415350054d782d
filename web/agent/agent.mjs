// The agent workspace: sign-in, queues, the case card (change, reply, note, timeline), quick registration and
// keyboard shortcuts. Talks to /api/staff/* with the staff member's bearer token, kept for the browser session only.
// Sign-in is the OAuth 2.0 authorization-code flow with PKCE that Entra ID offers single-page apps, against the
// authority in config.json: Entra ID in Azure, LocalHost's development provider on a developer's machine.
import { el } from "/js/dom.mjs";
import { formatDateTime } from "/js/format.mjs";
import { REPLY_TEMPLATES } from "/agent/templates.mjs";

const TOKEN_KEY = "kontaktcenter.staffToken";
const PKCE_KEY = "kontaktcenter.signIn";
const $ = (id) => document.getElementById(id);

const TEXT = {
  conflict: "Ärendet har ändrats av någon annan sedan du öppnade det. Ladda om ärendet och gör din ändring igen.",
  reload: "Ladda om ärendet",
  forbidden: "Du har inte behörighet till det här.",
  failed: "Något gick fel. Försök igen om en stund.",
  saved: "Ändringarna är sparade.",
  claimed: "Du är nu handläggare för ärendet.",
  replied: "Svaret är skickat.",
  noted: "Anteckningen är sparad.",
  noAssignee: "Ingen",
  none: "–",
};

const CHANNELS = { web: "E-tjänst", email: "E-post", phone: "Telefon", visit: "Besök", letter: "Brev", sms: "Sms" };
const PRIORITIES = { low: "Låg", normal: "Normal", high: "Hög", urgent: "Akut" };
const KINDS = {
  received: "Inkom",
  citizenMessage: "Meddelande från den som skrev",
  municipalityMessage: "Svar från kommunen",
  internalNote: "Intern anteckning",
  otherPartyMessage: "Meddelande från någon annan (syns inte för den som skrev)",
  event: "Händelse",
};

const state = { me: null, caseCard: null, page: 1, registrationId: null, pendingKey: null, article: null };

const isLead = () => state.me?.roles.some((r) => r === "lead" || r === "admin") ?? false;
const mayRegister = () => state.me?.roles.some((r) => r === "registrator" || r === "lead" || r === "admin") ?? false;

class SignedOut extends Error {}

let configPromise = null;
const loadConfig = () => (configPromise ??= fetch("/agent/config.json").then((r) => r.json()));
const redirectUri = () => `${location.origin}/agent/`;
const base64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

async function metadata(config) {
  const authority = new URL(config.authority, location.origin).toString().replace(/\/$/, "");
  const response = await fetch(`${authority}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error("no OpenID metadata");
  return response.json();
}

/** Sends the browser to the authority to sign in, with a PKCE challenge and a state to recognise the answer by. */
async function signIn() {
  const config = await loadConfig();
  const { authorization_endpoint: authorize, token_endpoint: tokenEndpoint } = await metadata(config);
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  // Where the user was going (a reminder's link to a case): back there after signing in.
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, tokenEndpoint, returnTo: location.hash }));
  const query = new URLSearchParams({
    client_id: config.clientId, response_type: "code", response_mode: "query", redirect_uri: redirectUri(),
    scope: `openid profile ${config.scope}`, code_challenge: challenge, code_challenge_method: "S256", state,
  });
  location.assign(`${authorize}?${query}`);
}

/** Back from the authority with a code: exchanges it (with the verifier) for the access token. */
async function completeSignIn() {
  const answer = new URLSearchParams(location.search);
  if (!answer.has("code") && !answer.has("error")) return;
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? "null");
  sessionStorage.removeItem(PKCE_KEY);
  // Only a route of this app, never an address elsewhere.
  const returnTo = /^#\/[A-Za-z0-9/_-]*$/.test(pending?.returnTo ?? "") ? pending.returnTo : "#/ko";
  history.replaceState(null, "", `/agent/${returnTo}`);
  if (!pending || pending.state !== answer.get("state") || !answer.has("code")) return;
  const config = await loadConfig();
  const response = await fetch(pending.tokenEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code", client_id: config.clientId, code: answer.get("code"), redirect_uri: redirectUri(),
      code_verifier: pending.verifier, scope: `openid profile ${config.scope}`,
    }),
  });
  if (response.ok) sessionStorage.setItem(TOKEN_KEY, (await response.json()).access_token);
}

async function api(path, { method = "GET", body, headers = {} } = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(`/api/${path}`, {
    method,
    headers: {
      Accept: "application/json",
      // Our own header as well as the standard one: Static Web Apps replaces Authorization on its way to the API.
      ...(token ? { Authorization: `Bearer ${token}`, "X-Staff-Authorization": `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn();
    throw new SignedOut();
  }
  const data = (response.headers.get("content-type") ?? "").includes("json") ? await response.json() : null;
  return { status: response.status, ok: response.ok, data };
}

function say(text, isError = false) {
  const box = $("agent-message");
  box.textContent = "";
  box.className = `agent-message${isError ? " notice notice--error" : text ? " notice notice--success" : ""}`;
  if (text) box.append(text);
  return box;
}

function show(viewId) {
  for (const view of document.querySelectorAll(".agent-view")) view.hidden = view.id !== viewId;
}

async function showSignIn() {
  $("agent-nav").hidden = true;
  $("agent-user").textContent = "";
  try {
    $("signin-note").textContent = (await loadConfig()).signInNote ?? "";
  } catch {
    // No note.
  }
  show("view-signin");
}

function groupOptions(select, groups, selected, { withTriageFirst = false } = {}) {
  select.replaceChildren(...groups.map((g) => el("option", { value: g.id, selected: g.id === selected }, g.name)));
  if (withTriageFirst && !groups.some((g) => g.id === "triage")) {
    select.prepend(el("option", { value: "triage", selected: selected === "triage" }, "Triage"));
  }
}

async function start() {
  await completeSignIn();
  if (!sessionStorage.getItem(TOKEN_KEY)) return showSignIn();
  try {
    const me = await api("staff/me");
    if (!me.ok) return showSignIn();
    state.me = me.data;
  } catch (error) {
    if (error instanceof SignedOut) return;
    throw error;
  }
  $("agent-user").textContent = `Inloggad som ${state.me.name}`;
  $("agent-nav").hidden = false;
  $("nav-knowledge-item").hidden = !isLead();
  groupOptions($("queue-group"), state.me.groups, state.me.groups.some((g) => g.id === "triage") ? "triage" : state.me.groups[0]?.id);
  // Registrators and leads have the list of cases waiting for their diary number; a registrator without groups starts there.
  $("queue-view-register").hidden = !mayRegister();
  if (mayRegister() && state.me.groups.length === 0) $("queue-view").value = "toRegister";
  $("reply-template").replaceChildren(el("option", { value: "" }, "Ingen mall"),
    ...REPLY_TEMPLATES.map((t, i) => el("option", { value: String(i) }, t.name)));
  await route();
}

async function route() {
  say("");
  const hash = location.hash || "#/ko";
  const caseMatch = /^#\/arende\/([a-f0-9]{32})$/.exec(hash);
  try {
    if (caseMatch) return await openCase(caseMatch[1]);
    if (hash === "#/kunskap" && isLead()) return await showKnowledgeAdmin();
    if (hash === "#/mina") $("queue-view").value = "mine";
    return await showQueue();
  } catch (error) {
    if (!(error instanceof SignedOut)) say(TEXT.failed, true);
  }
}

async function showQueue() {
  show("view-queue");
  const view = $("queue-view").value;
  const group = $("queue-group").value;
  const groupName = $("queue-group").selectedOptions[0]?.textContent ?? "";
  const query = new URLSearchParams({ view, page: String(state.page), pageSize: "25" });
  if (view === "queue" || view === "unassigned") query.set("group", group);
  const result = await api(`staff/cases?${query}`);
  if (!result.ok) return say(result.status === 403 ? TEXT.forbidden : TEXT.failed, true);
  const { items, total, page, pageSize } = result.data;
  $("queue-title").textContent = view === "mine" ? "Mina ärenden" : view === "dueSoon" ? "Förfaller snart"
    : view === "toRegister" ? "Att diarieföra" : `Kö: ${groupName}`;
  $("queue-caption").textContent = `${total} ärenden${view === "unassigned" ? " utan handläggare" : ""}`;
  $("queue-rows").replaceChildren(...items.map((c) => el("tr", { class: c.needsAttention ? "agent-row--attention" : null },
    el("td", {}, el("a", { href: `#/arende/${c.id}` }, c.reference)),
    el("td", {}, c.title),
    el("td", {}, c.statusName),
    el("td", {}, PRIORITIES[c.priority] ?? c.priority),
    el("td", {}, c.assignee?.name ?? TEXT.noAssignee),
    el("td", {}, ...slaCell(c.sla)))));
  $("queue-empty").hidden = items.length > 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  $("queue-pages").replaceChildren(...(pages > 1 ? [
    el("button", { type: "button", class: "button button--secondary", id: "queue-previous", disabled: page <= 1 }, "Föregående sida"),
    el("span", {}, ` Sida ${page} av ${pages} `),
    el("button", { type: "button", class: "button button--secondary", id: "queue-next", disabled: page >= pages }, "Nästa sida"),
  ] : []));
  $("queue-previous")?.addEventListener("click", () => { state.page -= 1; showQueue(); });
  $("queue-next")?.addEventListener("click", () => { state.page += 1; showQueue(); });
}

async function openCase(id, { focus = true } = {}) {
  const result = await api(`staff/cases/${id}`);
  if (!result.ok) {
    show("view-queue");
    return say(result.status === 403 ? TEXT.forbidden : result.status === 404 ? "Ärendet finns inte." : TEXT.failed, true);
  }
  state.caseCard = result.data;
  renderCase(result.data);
  show("view-case");
  $("knowledge-query").value = "";
  $("knowledge-results").replaceChildren();
  $("knowledge-empty").hidden = true;
  if (focus) $("case-title").focus();
}

async function searchKnowledge(query) {
  const result = await api(`staff/knowledge?q=${encodeURIComponent(query)}`);
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  const articles = result.data.articles;
  $("knowledge-empty").hidden = articles.length > 0;
  $("knowledge-results").replaceChildren(...articles.map((a) => {
    const insert = el("button", { type: "button", class: "button button--secondary", "data-article": a.id }, `Infoga svaret: ${a.title}`);
    insert.addEventListener("click", () => insertArticle(a));
    return el("li", { class: "agent-article" },
      el("h3", {}, a.title),
      el("p", { class: "field-help" }, `${a.category}${a.isPublic ? "" : " · intern"} · använd ${a.usageCount} gånger`),
      el("p", { class: "message-text" }, a.body),
      insert);
  }));
}

async function insertArticle(article) {
  const text = $("reply-text");
  text.value = text.value ? `${text.value}\n\n${article.body}` : article.body;
  await api(`staff/knowledge/${article.id}/uses`, { method: "POST" });
  say("Svaret från artikeln är infogat. Läs igenom det innan du skickar.");
  text.focus();
}

/** Where a case stands against its SLA, in words first (the colour only repeats them). */
function slaCell(sla, withTarget = false) {
  if (!sla) return [TEXT.none];
  const left = duration(Math.abs(sla.remainingMinutes));
  const label = {
    breached: `Försenat ${left}`,
    warning: `Snart: ${left} kvar`,
    ok: `${left} kvar`,
    paused: "Pausad",
    met: "Klar",
  }[sla.level] ?? sla.level;
  const parts = [el("span", { class: `agent-sla agent-sla--${sla.level}` }, label)];
  if (withTarget && sla.targetName) parts.push(` (${sla.targetName})`);
  if (sla.dueAt && sla.level !== "met") parts.push(el("br"), el("span", { class: "field-help" }, `senast ${formatDateTime(sla.dueAt)}`));
  return parts;
}

/** Business minutes as "2 tim 15 min" or "40 min". */
function duration(minutes) {
  return minutes >= 60 ? `${Math.floor(minutes / 60)} tim ${minutes % 60} min` : `${minutes} min`;
}

function renderCase(c) {
  $("case-title").textContent = `${c.reference} ${c.title}`;
  $("case-attention").hidden = !c.attention;
  $("case-attention").textContent = c.attention ?? "";
  $("case-delay").hidden = !c.delayNotice;
  $("case-delay-text").textContent = c.delayNotice ?? "";
  const applicant = c.parties.find((p) => p.role === "sökande");
  const fact = (term, ...value) => el("div", {}, el("dt", {}, term), el("dd", {}, ...value));
  $("case-facts").replaceChildren(
    fact("Status", c.statusName),
    fact("Prioritet", PRIORITIES[c.priority] ?? c.priority),
    fact("Grupp", c.groupName),
    fact("Handläggare", c.assignee?.name ?? TEXT.noAssignee),
    fact("Kanal", CHANNELS[c.channel] ?? c.channel),
    fact("Inkom", formatDateTime(c.createdAt)),
    fact("Från", [applicant?.name, applicant?.email, applicant?.phone, applicant?.identityNumber].filter(Boolean).join(", ") || TEXT.none),
    ...(c.sla ? [fact("SLA", ...slaCell(c.sla, true))] : []),
    ...(c.diaryNumber ? [fact("Diarienummer", c.diaryNumber)]
      : c.registrationRequested ? [fact("Diarienummer", "Diarieföring i Platina pågår")] : []),
    ...(c.edpCaseId ? [fact("EDP Future-ärende", c.edpCaseId)] : []),
    ...(c.links.length ? [fact("Länkade ärenden", ...c.links.map((l) => el("a", { href: `#/arende/${l}` }, l.slice(0, 8))))] : []));
  $("change-status").value = c.status;
  $("change-priority").value = c.priority;
  groupOptions($("change-group"), state.me.groups.concat(
    state.me.groups.some((g) => g.id === c.group) ? [] : [{ id: c.group, name: c.groupName }]), c.group);
  $("change-category").value = c.category ?? "";
  groupOptions($("escalate-group"), state.me.allGroups.filter((g) => g.id !== c.group && g.id !== "triage"), null);
  $("escalate-note").value = "";
  if (state.remissFor !== c.id) {
    // A new case: the extract starts as what the citizen wrote, for the officer to trim.
    state.remissFor = c.id;
    $("case-customer-result").replaceChildren();
    state.remissId = null;
    $("case-remiss").reset();
    $("remiss-extract").value = c.timeline.find((e) => e.kind === "received")?.text ?? "";
  }
  $("escalate-copy").checked = false;
  $("case-claim").hidden = c.assignee?.id === state.me.id;
  // Asked for and still going: no button; refused or given up (the case is flagged): the button again, to try again.
  const registrationStuck = Boolean(c.attention?.startsWith("Diarieföringen"));
  $("case-register").hidden = !mayRegister() || Boolean(c.diaryNumber) || (c.registrationRequested && !registrationStuck);
  $("case-edp-move").hidden = $("case-register").hidden;
  $("case-customer").hidden = !state.me.roles.some((r) => ["agent", "specialist", "lead", "admin"].includes(r));
  $("change-secret-choice").hidden = !isLead();
  $("change-secret").checked = Boolean(c.secret);
  $("case-audit").hidden = !isLead();
  $("case-audit-list").replaceChildren();
  const hasEmail = Boolean(applicant?.email);
  const hasPhone = Boolean(applicant?.phone);
  $("case-reply").hidden = !hasEmail && !hasPhone;
  $("reply-channel").hidden = !hasPhone;
  $("reply-channel-email").disabled = !hasEmail;
  $(hasEmail ? "reply-channel-email" : "reply-channel-sms").checked = true;
  $("case-timeline").replaceChildren(...c.timeline.map((entry) => el("li", { class: `agent-entry agent-entry--${entry.kind}` },
    el("p", { class: "message-meta" }, `${formatDateTime(entry.at)} · ${KINDS[entry.kind] ?? entry.kind} · ${entry.author}`),
    el("p", { class: "message-text" }, entry.text),
    entry.attachments.length
      ? el("p", { class: "message-attachments" }, `Bilagor: ${entry.attachments.map((a) => a.name).join(", ")}`)
      : null)));
}

async function changeCase(change, successText) {
  const c = state.caseCard;
  const result = await api(`staff/cases/${c.id}`, { method: "PATCH", body: change, headers: { "If-Match": c.etag } });
  if (result.status === 409) {
    const box = say(TEXT.conflict, true);
    const reload = el("button", { type: "button", class: "button button--secondary", id: "case-reload" }, TEXT.reload);
    reload.addEventListener("click", () => openCase(c.id));
    box.append(" ", reload);
    return;
  }
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  state.caseCard = result.data;
  renderCase(result.data);
  say(successText);
}

async function onEscalateSubmit(event) {
  event.preventDefault();
  const c = state.caseCard;
  const group = $("escalate-group").value;
  const groupName = $("escalate-group").selectedOptions[0]?.textContent ?? group;
  const copyOnly = $("escalate-copy").checked;
  const result = await api(`staff/cases/${c.id}/escalations`, {
    method: "POST",
    body: { id: crypto.randomUUID(), group, note: $("escalate-note").value, copyOnly },
  });
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  if (copyOnly || state.me.groups.some((g) => g.id === group)) {
    state.caseCard = result.data;
    renderCase(result.data);
  } else {
    location.hash = "#/ko";
  }
  say(copyOnly ? `${groupName} har fått ärendet för kännedom.` : `Ärendet är eskalerat till ${groupName}.`);
}

async function showCustomer() {
  const box = $("case-customer-result");
  const result = await api(`staff/cases/${state.caseCard.id}/customer`);
  if (!result.ok) return say(result.status === 403 ? TEXT.forbidden : TEXT.failed, true);
  const data = result.data;
  if (!data.available) return box.replaceChildren(el("p", {}, "EDP Future svarar inte just nu. Försök igen om en stund."));
  if (!data.customer) {
    return box.replaceChildren(el("p", {}, "Ingen kund hittades i EDP Future: ärendet saknar kundnummer och personnummer, eller så känner EDP inte till dem."));
  }
  const c = data.customer;
  const money = (amount) => `${Number(amount).toLocaleString("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`;
  const table = (caption, heads, rows) => el("table", { class: "agent-table" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...heads.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((cell) => el("td", {}, cell))))));
  box.replaceChildren(
    el("p", {}, `${c.name}, kundnummer ${c.customerNumber}, ${c.identityNumber}. ${c.address}`),
    table("Abonnemang", ["Abonnemang", "Fastighet", "Sedan"], data.subscriptions.map((s) => [s.description, s.property, s.since])),
    table("Fakturor", ["Faktura", "Period", "Belopp", "Förfaller", "Betald"],
      data.invoices.map((i) => [i.number, i.period, money(i.amount), i.dueDate, i.paid ? "Ja" : "Nej"])),
    ...(data.readings.length ? [table("Förbrukning (mätaravläsningar)", ["Datum", "Mätare", "Ställning", "Källa"],
      data.readings.map((r) => [r.readOn, r.meterId, `${r.value} m³`, r.comment ? `${r.source}: ${r.comment}` : r.source]))] : []),
    data.pickups.length
      ? table("Kommande hämtningar", ["Datum", "Vad"], data.pickups.map((p) => [p.date, p.fraction]))
      : el("p", {}, "Inga hämtningar de närmaste åtta veckorna (till exempel under ett uppehåll)."));
}

async function onEdpMoveSubmit(event) {
  event.preventDefault();
  const form = $("case-edp-move");
  fieldErrors(form, {});
  const result = await api(`staff/cases/${state.caseCard.id}/edp-move`, { method: "POST", body: { edpCaseId: $("edp-case-id").value } });
  if (!result.ok) {
    if (result.status === 400 && fieldErrors(form, result.data?.errors ?? {})) return say("Flytten gjordes inte. Rätta det som är markerat.", true);
    return say(firstError(result) ?? TEXT.failed, true);
  }
  state.caseCard = result.data;
  renderCase(result.data);
  say("Flytten till Platina är begärd. Diarienumret visas här när Platina har svarat.");
}

async function registerCase() {
  const result = await api(`staff/cases/${state.caseCard.id}/registrations`, { method: "POST" });
  if (!result.ok) return say(firstError(result) ?? (result.status === 403 ? TEXT.forbidden : TEXT.failed), true);
  state.caseCard = result.data;
  renderCase(result.data);
  say("Diarieföringen är begärd. Diarienumret visas här när Platina har svarat.");
}

async function onRemissSubmit(event) {
  event.preventDefault();
  const form = $("case-remiss");
  const c = state.caseCard;
  fieldErrors(form, {});
  const result = await api(`staff/cases/${c.id}/remisser`, {
    method: "POST",
    body: {
      id: state.remissId ??= crypto.randomUUID(),
      recipientName: $("remiss-name").value,
      recipientEmail: $("remiss-email").value,
      question: $("remiss-question").value,
      extract: $("remiss-extract").value,
      lastDay: $("remiss-last-day").value || null,
    },
  });
  if (!result.ok) {
    if (result.status === 400 && fieldErrors(form, result.data?.errors ?? {})) return say("Remissen skickades inte. Rätta det som är markerat.", true);
    return say(firstError(result) ?? TEXT.failed, true);
  }
  state.remissId = null;
  state.caseCard = result.data;
  renderCase(result.data);
  say(`Remissen är skickad till ${$("remiss-name").value}.`);
  form.reset();
}

/** Shows errors by field (data-field on the wrapper) and focuses the first; false when none matched a field. */
function fieldErrors(form, errors) {
  form.querySelectorAll(".field-error").forEach((p) => p.remove());
  form.querySelectorAll("[aria-invalid]").forEach((control) => control.removeAttribute("aria-invalid"));
  form.querySelectorAll(".field--error").forEach((wrapper) => wrapper.classList.remove("field--error"));
  let first = null;
  for (const [name, messages] of Object.entries(errors)) {
    const wrapper = form.querySelector(`[data-field="${name}"]`);
    const control = wrapper?.querySelector("input, textarea, select");
    if (!control) continue;
    const id = `${control.id}-error`;
    control.before(el("p", { class: "field-error", id }, el("span", { class: "visually-hidden" }, "Fel: "), messages[0]));
    wrapper.classList.add("field--error");
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
    first ??= control;
  }
  first?.focus();
  return first !== null;
}

async function showAudit() {
  const result = await api(`staff/cases/${state.caseCard.id}/audit`);
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  const entries = result.data.entries;
  $("case-audit-list").replaceChildren(...(entries.length ? entries.map((e) =>
    el("li", {}, `${formatDateTime(e.at)} · ${e.actor} · ${e.action}${e.detail ? ` · ${e.detail}` : ""}`))
    : [el("li", {}, "Inget i loggen ännu.")]));
}

async function showKnowledgeAdmin() {
  show("view-knowledge");
  const [list, stats] = await Promise.all([api("staff/knowledge"), api("staff/knowledge-statistics")]);
  if (!list.ok || !stats.ok) return say(TEXT.failed, true);
  $("knowledge-admin-list").replaceChildren(...list.data.articles.map((a) => {
    const edit = el("button", { type: "button", class: "button button--secondary" }, `Ändra: ${a.title}`);
    edit.addEventListener("click", () => editArticle(a.id));
    return el("li", { class: "agent-article" }, el("h3", {}, a.title),
      el("p", { class: "field-help" }, `${a.category} · ${a.isPublic ? "publik" : "intern"} · använd ${a.usageCount} gånger`), edit);
  }));
  $("knowledge-most-used").replaceChildren(...stats.data.mostUsed.map((a) => el("li", {}, `${a.title} (${a.usageCount})`)));
  $("knowledge-gaps").replaceChildren(...(stats.data.gaps.length
    ? stats.data.gaps.map((g) => el("li", {}, `”${g.query}” (${g.count} gånger)`))
    : [el("li", {}, "Inga ännu.")]));
}

function fillArticleForm(article) {
  state.article = article;
  $("knowledge-editor-title").textContent = article ? `Ändra artikel: ${article.title}` : "Ny artikel";
  $("article-id").value = article?.id ?? "";
  $("article-id").disabled = Boolean(article);
  $("article-title").value = article?.title ?? "";
  $("article-body").value = article?.body ?? "";
  $("article-category").value = article?.category ?? "";
  $("article-keywords").value = (article?.keywords ?? []).join(", ");
  $("article-services").value = (article?.serviceIds ?? []).join(", ");
  $("article-public").checked = Boolean(article?.isPublic);
  $("knowledge-errors").hidden = true;
}

async function editArticle(id) {
  const result = await api(`staff/knowledge/${encodeURIComponent(id)}`);
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  fillArticleForm(result.data);
  $("article-title").focus();
}

async function saveArticle(event) {
  event.preventDefault();
  const split = (text) => text.split(",").map((v) => v.trim()).filter(Boolean);
  const id = state.article?.id ?? $("article-id").value.trim();
  const result = await api(`staff/knowledge/${encodeURIComponent(id || "-")}`, {
    method: "PUT",
    headers: state.article?.etag ? { "If-Match": state.article.etag } : {},
    body: {
      title: $("article-title").value,
      body: $("article-body").value,
      category: $("article-category").value,
      isPublic: $("article-public").checked,
      keywords: split($("article-keywords").value),
      serviceIds: split($("article-services").value),
    },
  });
  if (result.status === 400 && result.data?.errors) {
    $("knowledge-error-list").replaceChildren(...Object.values(result.data.errors).flat().map((m) => el("li", {}, m)));
    $("knowledge-errors").hidden = false;
    $("knowledge-errors").focus();
    return;
  }
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  fillArticleForm(null);
  say(`Artikeln ”${result.data.title}” är sparad.`);
  await showKnowledgeAdmin();
}

function firstError(result) {
  const errors = result.data?.errors;
  if (errors) return Object.values(errors).flat()[0];
  return result.status === 403 ? TEXT.forbidden : result.data?.title;
}

function onChangeSubmit(event) {
  event.preventDefault();
  const c = state.caseCard;
  const change = {};
  if ($("change-status").value !== c.status) change.status = $("change-status").value;
  if ($("change-priority").value !== c.priority) change.priority = $("change-priority").value;
  if ($("change-group").value !== c.group) change.group = $("change-group").value;
  if ($("change-category").value.trim() !== (c.category ?? "")) change.category = $("change-category").value.trim();
  if (isLead() && $("change-secret").checked !== Boolean(c.secret)) change.secret = $("change-secret").checked;
  return changeCase(change, TEXT.saved);
}

async function onReplySubmit(event) {
  event.preventDefault();
  const c = state.caseCard;
  state.pendingKey ??= crypto.randomUUID();
  const channel = document.querySelector("input[name=reply-channel]:checked")?.value ?? "email";
  const result = await api(`staff/cases/${c.id}/replies`, { method: "POST", body: { id: state.pendingKey, text: $("reply-text").value, channel } });
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  state.pendingKey = null;
  $("reply-text").value = "";
  $("reply-template").value = "";
  state.caseCard = result.data;
  renderCase(result.data);
  say(TEXT.replied);
}

async function onNoteSubmit(event) {
  event.preventDefault();
  const c = state.caseCard;
  state.pendingKey ??= crypto.randomUUID();
  const result = await api(`staff/cases/${c.id}/notes`, { method: "POST", body: { id: state.pendingKey, text: $("note-text").value } });
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  state.pendingKey = null;
  $("note-text").value = "";
  state.caseCard = result.data;
  renderCase(result.data);
  say(TEXT.noted);
}

/** Asks the router where the written-down text belongs, and proposes it while the agent has not chosen a group. */
async function suggestGroup() {
  const text = `${$("register-subject").value}\n${$("register-text").value}`.trim();
  if (!text || $("register-group").value !== "triage") return;
  const result = await api("staff/routing/suggest", { method: "POST", body: { text } });
  if (!result.ok) return;
  const { groupId, groupName, confidence } = result.data;
  if (groupId === "triage") {
    $("register-suggestion").textContent = "Fördelningsmotorn kan inte avgöra vart ärendet hör. Välj grupp eller låt det gå till Triage.";
    return;
  }
  $("register-suggestion").textContent = `Förslag från fördelningsmotorn: ${groupName} (${Math.round(confidence * 100)} % säker).`;
  if ([...$("register-group").options].some((o) => o.value === groupId)) $("register-group").value = groupId;
  else $("register-group").append(el("option", { value: groupId, selected: true }, groupName));
}

function openRegistration() {
  if (!state.me) return;
  state.registrationId = crypto.randomUUID();
  $("register-form").reset();
  $("register-errors").hidden = true;
  $("register-suggestion").textContent = "";
  groupOptions($("register-group"), state.me.groups, "triage", { withTriageFirst: true });
  $("register-dialog").showModal();
  $("register-name").focus();
}

const REGISTER_FIELDS = { name: "register-name", email: "register-email", phone: "register-phone", subject: "register-subject", text: "register-text", group: "register-group", channel: "register-channel-phone" };

async function register(close) {
  const body = {
    registrationId: state.registrationId,
    channel: document.querySelector("input[name=channel]:checked")?.value,
    name: $("register-name").value,
    email: $("register-email").value,
    phone: $("register-phone").value,
    subject: $("register-subject").value,
    text: $("register-text").value,
    group: $("register-group").value,
    close,
  };
  const result = await api("staff/cases", { method: "POST", body });
  if (result.status === 400 && result.data?.errors) {
    const list = $("register-error-list");
    list.replaceChildren(...Object.entries(result.data.errors).map(([field, messages]) =>
      el("li", {}, el("a", { href: `#${REGISTER_FIELDS[field] ?? "register-name"}` }, messages[0]))));
    $("register-errors").hidden = false;
    $("register-errors").focus();
    return;
  }
  if (!result.ok) return say(firstError(result) ?? TEXT.failed, true);
  $("register-dialog").close();
  say(`Registrerat som ${result.data.reference}${close ? " och avslutat" : ""}.`);
  // A case registered for a group one does not work in is that group's to open.
  if (!close && state.me.groups.some((g) => g.id === result.data.group)) location.hash = `#/arende/${result.data.id}`;
}

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function onKey(event) {
  if (event.altKey && (event.key === "n" || event.key === "N")) {
    event.preventDefault();
    openRegistration();
    return;
  }
  if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || document.querySelector("dialog[open]")) return;
  if (event.key === "?") {
    event.preventDefault();
    $("help-dialog").showModal();
  } else if (state.goPending && (event.key === "k" || event.key === "m")) {
    location.hash = event.key === "k" ? "#/ko" : "#/mina";
  } else if (event.key === "s" && !$("view-case").hidden && !$("case-reply").hidden) {
    event.preventDefault();
    $("reply-text").focus();
  }
  state.goPending = event.key === "g";
}

document.addEventListener("DOMContentLoaded", () => {
  $("queue-group").addEventListener("change", () => { state.page = 1; showQueue(); });
  $("queue-view").addEventListener("change", () => { state.page = 1; showQueue(); });
  $("case-change").addEventListener("submit", onChangeSubmit);
  $("case-claim").addEventListener("click", () => changeCase({ assigneeId: "me" }, TEXT.claimed));
  $("case-register").addEventListener("click", () => registerCase().catch(() => say(TEXT.failed, true)));
  $("case-customer-show").addEventListener("click", () => showCustomer().catch(() => say(TEXT.failed, true)));
  $("case-edp-move").addEventListener("submit", (event) => onEdpMoveSubmit(event).catch(() => say(TEXT.failed, true)));
  $("case-reply").addEventListener("submit", onReplySubmit);
  $("case-delay-use").addEventListener("click", () => {
    $("reply-text").value = state.caseCard?.delayNotice ?? "";
    say("Förslaget finns i svarsrutan. Skriv in anledningen och datumet innan du skickar.");
    $("reply-text").focus();
  });
  $("case-note").addEventListener("submit", onNoteSubmit);
  $("knowledge-search").addEventListener("submit", (event) => {
    event.preventDefault();
    searchKnowledge($("knowledge-query").value);
  });
  $("reply-template").addEventListener("change", () => {
    const template = REPLY_TEMPLATES[Number($("reply-template").value)];
    if (template && $("reply-template").value !== "") {
      const text = $("reply-text");
      text.value = text.value ? `${text.value}\n\n${template.text}` : template.text;
      text.focus();
    }
  });
  $("nav-register").addEventListener("click", openRegistration);
  $("signin-button").addEventListener("click", () => signIn().catch(() => say("Inloggningen kunde inte starta. Försök igen.", true)));
  $("case-escalate").addEventListener("submit", (event) => onEscalateSubmit(event).catch(() => say(TEXT.failed, true)));
  $("case-remiss").addEventListener("submit", (event) => onRemissSubmit(event).catch(() => say(TEXT.failed, true)));
  $("case-audit-show").addEventListener("click", () => showAudit().catch(() => say(TEXT.failed, true)));
  $("knowledge-editor").addEventListener("submit", (event) => saveArticle(event).catch(() => say(TEXT.failed, true)));
  $("article-new").addEventListener("click", () => fillArticleForm(null));
  $("nav-help").addEventListener("click", () => $("help-dialog").showModal());
  $("nav-signout").addEventListener("click", () => { sessionStorage.removeItem(TOKEN_KEY); state.me = null; showSignIn(); });
  $("register-save").addEventListener("click", () => register(false));
  $("register-close").addEventListener("click", () => register(true));
  $("register-cancel").addEventListener("click", () => $("register-dialog").close());
  $("register-text").addEventListener("change", () => suggestGroup().catch(() => {}));
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", () => { if (state.me) route(); });
  start().catch(() => say(TEXT.failed, true));
});
