// The citizen's status page: /arende.html#<token>. The private token stays in the URL fragment, which the browser
// never sends to the server with the page request; only the API call below carries it.
//   GET  /api/tracking            (X-Tracking-Token: <token>) -> the case, its public messages, whether the citizen can reply
//   POST /api/tracking/messages   (X-Tracking-Token: <token>) -> { text, files: [uploadId] }
// The token goes in a header, never in a URL, so request logs and proxies do not record it.
//   POST /api/uploads                    -> one file (multipart field "file") -> { id, name, size, contentType }
import { formatDate, formatDateTime, formatBytes } from "./format.mjs";
import { el } from "./dom.mjs";
import { announcer, errorShower } from "./page-status.mjs";
import { messageForm, MESSAGE_TEXT, MAX_TEXT } from "./message-form.mjs";

export { MAX_TEXT };

export const STATUS_TEXT = Object.freeze({
  "Inskickat": "Vi har tagit emot ditt ärende. Det väntar på att en handläggare ska börja med det.",
  "Under behandling": "En handläggare arbetar med ditt ärende.",
  "Väntar på komplettering": "Vi behöver mer information från dig. Läs meddelandet nedan och svara eller skicka det som saknas.",
  "Kompletterad": "Du har skickat in kompletteringen. Handläggaren fortsätter med ditt ärende.",
  "Avslutat": "Ärendet är klart och avslutat.",
});

// Other spellings the API might use for the same statuses (enum names, lower case).
const STATUS_ALIASES = {
  inskickat: "Inskickat", submitted: "Inskickat", received: "Inskickat", new: "Inskickat", inkommen: "Inskickat",
  underbehandling: "Under behandling", inprogress: "Under behandling", processing: "Under behandling",
  open: "Under behandling", assigned: "Under behandling",
  vantarpakomplettering: "Väntar på komplettering", waitingforcitizen: "Väntar på komplettering",
  awaitingcitizen: "Väntar på komplettering", awaitingcompletion: "Väntar på komplettering",
  waitingforcompletion: "Väntar på komplettering", waitingforsupplement: "Väntar på komplettering",
  kompletterad: "Kompletterad", supplemented: "Kompletterad", citizenreplied: "Kompletterad", completedbycitizen: "Kompletterad",
  avslutat: "Avslutat", closed: "Avslutat", resolved: "Avslutat", done: "Avslutat",
};

export const TEXT = Object.freeze({
  ...MESSAGE_TEXT,
  loading: "Hämtar ditt ärende …",
  notFound: "Vi hittar inget ärende för den här länken. Kontrollera att du har kopierat hela länken från e-postmeddelandet.",
  noToken: "Länken saknar den del som visar vilket ärende det gäller. Kontrollera att du har kopierat hela länken från e-postmeddelandet.",
  loadFailed: "Vi kunde inte hämta ditt ärende just nu. Försök igen om en stund, eller ring kundtjänst på 033-43 00 00.",
  retry: "Försök igen",
  fromCitizen: "Du skrev",
  fromMunicipality: "Kommunen skrev",
  attachments: "Bifogade filer",
  sent: "Tack! Ditt meddelande är skickat.",
  closed: "Ärendet är avslutat, så du kan inte svara här. Har du frågor kan du kontakta kundtjänst.",
  cannotReply: "Du kan inte svara i ärendet här just nu. Har du frågor kan du kontakta kundtjänst.",
});

/** The Swedish status label for what the API sent, or the text itself when it is unknown. */
export function statusLabel(status) {
  const text = String(status ?? "").trim();
  if (STATUS_TEXT[text]) return text;
  const key = text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^a-z]/g, "");
  return STATUS_ALIASES[key] ?? text;
}

/** The token from the fragment, or null when it does not look like one. */
export function tokenFromHash(hash) {
  let text = String(hash ?? "").replace(/^#/, "");
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  text = text.trim();
  return /^[A-Za-z0-9._~=+-]{8,400}$/.test(text) ? text : null;
}

// ---------------------------------------------------------------------------------------------------------------


function start() {
  const $ = (id) => document.getElementById(id);
  const noJs = $("case-nojs");
  const loading = $("case-loading");
  const errorBox = $("case-error");
  const caseBox = $("case");
  const announceBox = $("case-announce");
  const replySection = $("case-reply");
  const replyForm = $("reply-form");
  const replyText = $("reply-text");
  const fileInput = $("reply-files");
  const fileList = $("reply-file-list");
  const replyMessage = $("reply-message");
  const replySubmit = $("reply-submit");
  if (!loading || !errorBox || !caseBox || !window.fetch) return;
  if (noJs) noJs.hidden = true;

  let token = null;

  const announce = announcer(announceBox);
  const showError = errorShower({ content: caseBox, loading, errorBox, retryText: TEXT.retry, reload: () => load() });

  function renderMessages(messages) {
    const list = $("case-messages");
    const none = $("case-no-messages");
    const sorted = [...(Array.isArray(messages) ? messages : [])]
      .sort((a, b) => String(a.at ?? "").localeCompare(String(b.at ?? "")));
    list.replaceChildren(...sorted.map((message) => {
      const fromCitizen = message.from === "citizen";
      const attachments = Array.isArray(message.attachments) ? message.attachments : [];
      return el("li", { class: `message ${fromCitizen ? "message--citizen" : "message--municipality"}` },
        el("p", { class: "message-meta" },
          el("strong", {}, fromCitizen ? TEXT.fromCitizen : TEXT.fromMunicipality), " ",
          el("time", { datetime: message.at ?? "" }, formatDateTime(message.at))),
        el("p", { class: "message-text" }, message.text ?? ""),
        attachments.length
          ? el("div", { class: "message-attachments" },
            el("p", { class: "message-attachments-title" }, `${TEXT.attachments}:`),
            el("ul", {}, attachments.map((a) => el("li", {}, `${a.name ?? "Fil"}${a.size ? ` (${formatBytes(a.size)})` : ""}`))))
          : null);
    }));
    list.hidden = sorted.length === 0;
    if (none) none.hidden = sorted.length > 0;
  }

  function render(data) {
    $("case-reference").textContent = data.caseReference ?? "";
    $("case-service").textContent = data.service?.title ?? "";
    $("case-submitted").textContent = formatDate(data.submittedAt);
    const label = statusLabel(data.status);
    $("case-status").textContent = label;
    $("case-status").dataset.status = label;
    $("case-status-explanation").textContent = STATUS_TEXT[label] ?? "";
    renderMessages(data.messages);
    const closed = $("case-closed");
    if (replySection) replySection.hidden = !data.canReply;
    if (closed) {
      closed.hidden = Boolean(data.canReply);
      if (!data.canReply) {
        closed.replaceChildren(`${label === "Avslutat" ? TEXT.closed : TEXT.cannotReply} `,
          el("a", { href: "/e-tjanster/kontakta-kundtjanst.html" }, "Kontakta kundtjänst"), ".");
      }
    }
    errorBox.hidden = true;
    caseBox.hidden = false;
  }

  async function load({ quiet = false } = {}) {
    token = tokenFromHash(window.location.hash);
    if (!token) {
      showError(TEXT.noToken);
      return false;
    }
    if (!quiet) loading.textContent = TEXT.loading;
    let response;
    try {
      response = await fetch("/api/tracking", {
        headers: { Accept: "application/json", "X-Tracking-Token": token }, cache: "no-store", credentials: "same-origin",
      });
    } catch {
      showError(TEXT.loadFailed, { retry: true });
      return false;
    }
    if (response.status === 404 || response.status === 410) {
      showError(TEXT.notFound);
      return false;
    }
    if (!response.ok) {
      showError(response.status === 429 ? TEXT.rateLimited : TEXT.loadFailed, { retry: true });
      return false;
    }
    let data;
    try {
      data = await response.json();
    } catch {
      showError(TEXT.loadFailed, { retry: true });
      return false;
    }
    loading.textContent = "";
    render(data);
    return true;
  }

  // --- reply ----------------------------------------------------------------------------------------------------
  if (replyForm && replyText && fileInput && fileList && replyMessage && replySubmit) {
    messageForm({
      elements: { form: replyForm, text: replyText, fileInput, fileList, message: replyMessage, submit: replySubmit },
      idPrefix: "reply",
      texts: TEXT,
      sentText: TEXT.sent,
      announce,
      post: (body) => fetch("/api/tracking/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-Tracking-Token": token },
        body: JSON.stringify(body),
        credentials: "same-origin",
      }),
      onSent: async () => {
        await load({ quiet: true });
        if (replySection?.hidden) $("messages-title")?.focus();
      },
      onGone: (status) => (status === 409 ? load({ quiet: true }) : showError(TEXT.notFound)),
    });
  }

  window.addEventListener("hashchange", () => load());
  load();
}

if (typeof document !== "undefined") {
  try {
    start();
  } catch (error) {
    console.error(error);
    const noJs = document.getElementById("case-nojs");
    if (noJs) noJs.hidden = false;
  }
}
