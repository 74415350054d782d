// The citizen's status page: /arende.html#<token>. The private token stays in the URL fragment, which the browser
// never sends to the server with the page request; only the API call below carries it.
//   GET  /api/tracking            (X-Tracking-Token: <token>) -> the case, its public messages, whether the citizen can reply
//   POST /api/tracking/messages   (X-Tracking-Token: <token>) -> { text, files: [uploadId] }
// The token goes in a header, never in a URL, so request logs and proxies do not record it.
//   POST /api/uploads                    -> one file (multipart field "file") -> { id, name, size, contentType }
import { formatDate, formatDateTime, formatBytes } from "./format.mjs";
import { el } from "./dom.mjs";

const UPLOAD_ID = /^[a-f0-9]{32}$/;
export const MAX_TEXT = 4000;

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
  loading: "Hämtar ditt ärende …",
  notFound: "Vi hittar inget ärende för den här länken. Kontrollera att du har kopierat hela länken från e-postmeddelandet.",
  noToken: "Länken saknar den del som visar vilket ärende det gäller. Kontrollera att du har kopierat hela länken från e-postmeddelandet.",
  loadFailed: "Vi kunde inte hämta ditt ärende just nu. Försök igen om en stund, eller ring kundtjänst på 033-43 00 00.",
  retry: "Försök igen",
  fromCitizen: "Du skrev",
  fromMunicipality: "Kommunen skrev",
  attachments: "Bifogade filer",
  sent: "Tack! Ditt meddelande är skickat.",
  sending: "Skickar ditt meddelande …",
  emptyReply: "Skriv ett meddelande eller bifoga en fil.",
  tooLong: `Texten får vara högst ${MAX_TEXT} tecken.`,
  rateLimited: "Du har skickat många ärenden på kort tid. Vänta en stund och försök igen.",
  sendFailed: "Ditt meddelande kunde inte skickas, så inget har skickats in. Det du skrev finns kvar. Försök igen om en stund.",
  uploading: (name) => `Laddar upp ${name} …`,
  uploaded: (name) => `Filen ${name} är uppladdad.`,
  removed: (name) => `Filen ${name} är borttagen.`,
  remove: "Ta bort",
  uploadFailed: "Filen kunde inte laddas upp. Kontrollera din internetanslutning och försök igen.",
  uploadTooLarge: "Filen är för stor. Den får vara högst 10 MB.",
  uploadRejected: "Filen kunde inte tas emot. Välj en annan fil.",
  waitForUploads: "Vänta tills filerna har laddats upp.",
  closed: "Ärendet är avslutat, så du kan inte svara här. Har du frågor kan du kontakta kundtjänst.",
  cannotReply: "Du kan inte svara i ärendet här just nu. Har du frågor kan du kontakta kundtjänst.",
  errorPrefix: "Fel: ",
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
  let files = []; // { key, name, size, id?, promise?, error? }
  let sending = false;
  let fileKey = 0;

  function announce(text) {
    if (!announceBox) return;
    announceBox.textContent = "";
    window.setTimeout(() => { announceBox.textContent = text; }, 50);
  }

  function showError(text, { retry = false } = {}) {
    caseBox.hidden = true;
    loading.textContent = "";
    const children = [el("p", {}, text)];
    if (retry) {
      const button = el("button", { type: "button", class: "button button--secondary" }, TEXT.retry);
      button.addEventListener("click", () => load());
      children.push(el("p", {}, button));
    }
    errorBox.replaceChildren(...children);
    errorBox.hidden = false;
  }

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
  function setFieldError(name, text) {
    const wrapper = replyForm?.querySelector(`[data-field="${name}"]`);
    if (!wrapper) return;
    const control = name === "text" ? replyText : fileInput;
    const errorId = `reply-${name}-fel`;
    let paragraph = document.getElementById(errorId);
    const describedBy = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((t) => t && t !== errorId);
    if (!text) {
      paragraph?.remove();
      wrapper.classList.remove("field--error");
      control.removeAttribute("aria-invalid");
      control.setAttribute("aria-describedby", describedBy.join(" "));
      return;
    }
    if (!paragraph) {
      paragraph = el("p", { class: "field-error", id: errorId });
      control.before(paragraph);
    }
    paragraph.replaceChildren(el("span", { class: "visually-hidden" }, TEXT.errorPrefix), text);
    wrapper.classList.add("field--error");
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [...describedBy, errorId].join(" "));
  }

  function renderFiles() {
    fileList.replaceChildren(...files.map((file) => {
      const state = file.id ? `(${formatBytes(file.size)})` : file.error ? `– ${file.error}` : "– laddas upp …";
      const remove = el("button", { type: "button", class: "button button--link", "data-key": file.key },
        TEXT.remove, el("span", { class: "visually-hidden" }, ` ${file.name}`));
      return el("li", { class: file.error ? "file-item file-item--error" : "file-item" }, el("span", {}, `${file.name} ${state}`), " ", remove);
    }));
    fileList.hidden = files.length === 0;
  }

  async function uploadOne(file) {
    const entry = { key: ++fileKey, name: file.name, size: file.size };
    files.push(entry);
    renderFiles();
    announce(TEXT.uploading(file.name));
    entry.promise = (async () => {
      const body = new FormData();
      body.append("file", file, file.name);
      try {
        const response = await fetch("/api/uploads", { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (response.ok) {
          const info = await response.json();
          if (UPLOAD_ID.test(info?.id ?? "")) {
            entry.id = info.id;
            entry.name = info.name || entry.name;
            entry.size = info.size ?? entry.size;
          } else {
            entry.error = TEXT.uploadRejected;
          }
        } else if (response.status === 400 || response.status === 413 || response.status === 415) {
          const problem = await response.json().catch(() => null);
          entry.error = problem?.errors?.file?.[0] ?? (response.status === 413 ? TEXT.uploadTooLarge : TEXT.uploadRejected);
        } else if (response.status === 429) {
          entry.error = TEXT.rateLimited;
        } else {
          entry.error = TEXT.uploadFailed;
        }
      } catch {
        entry.error = TEXT.uploadFailed;
      }
    })();
    await entry.promise;
    entry.promise = null;
    if (!files.includes(entry)) return; // removed while uploading
    renderFiles();
    if (entry.error) {
      setFieldError("files", `${entry.name}: ${entry.error}`);
      announce(`${entry.name}: ${entry.error}`);
    } else {
      announce(TEXT.uploaded(entry.name));
    }
  }

  async function send() {
    if (sending) return;
    replyMessage.replaceChildren();
    setFieldError("text", null);
    setFieldError("files", null);
    const text = replyText.value.trim();
    if (files.some((f) => f.promise)) {
      replyMessage.replaceChildren(el("p", {}, TEXT.waitForUploads));
      return;
    }
    const failed = files.find((f) => f.error);
    if (failed) {
      setFieldError("files", `${failed.name}: ${failed.error}`);
      fileInput.focus();
      return;
    }
    const ids = files.filter((f) => f.id).map((f) => f.id);
    if (text.length > MAX_TEXT) {
      setFieldError("text", TEXT.tooLong);
      replyText.focus();
      return;
    }
    if (!text && ids.length === 0) {
      setFieldError("text", TEXT.emptyReply);
      replyText.focus();
      return;
    }
    sending = true;
    replySubmit.disabled = true;
    announce(TEXT.sending);
    try {
      let response;
      try {
        response = await fetch("/api/tracking/messages", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json", "X-Tracking-Token": token },
          body: JSON.stringify({ text, files: ids }),
          credentials: "same-origin",
        });
      } catch {
        replyMessage.replaceChildren(el("p", {}, TEXT.sendFailed));
        return;
      }
      if (response.ok) {
        replyText.value = "";
        files = [];
        fileInput.value = "";
        renderFiles();
        await load({ quiet: true });
        const success = $("reply-success");
        if (success) success.textContent = TEXT.sent;
        if (replySection?.hidden) $("messages-title")?.focus();
        return;
      }
      if (response.status === 400) {
        const problem = await response.json().catch(() => null);
        const errors = problem?.errors ?? {};
        const textError = errors.text?.[0];
        const filesError = errors.files?.[0] ?? errors.file?.[0];
        const other = Object.entries(errors).filter(([k]) => !["text", "files", "file"].includes(k)).flatMap(([, v]) => v);
        if (textError) setFieldError("text", textError);
        if (filesError) setFieldError("files", filesError);
        if (other.length || (!textError && !filesError)) replyMessage.replaceChildren(el("p", {}, other.length ? other.join(" ") : TEXT.sendFailed));
        (textError ? replyText : filesError ? fileInput : replySubmit).focus();
        return;
      }
      if (response.status === 404 || response.status === 410) {
        showError(TEXT.notFound);
        return;
      }
      replyMessage.replaceChildren(el("p", {}, response.status === 429 ? TEXT.rateLimited : TEXT.sendFailed));
    } finally {
      sending = false;
      replySubmit.disabled = false;
    }
  }

  if (replyForm && replyText && fileInput && fileList && replyMessage && replySubmit) {
    const success = el("p", { class: "notice notice--success", id: "reply-success", role: "status" });
    replyForm.before(success);
    fileInput.addEventListener("change", async () => {
      const chosen = [...(fileInput.files ?? [])];
      fileInput.value = ""; // the list below holds the files; the same file can be chosen again
      setFieldError("files", null);
      if (success) success.textContent = "";
      await Promise.all(chosen.map((file) => uploadOne(file)));
    });
    fileList.addEventListener("click", (event) => {
      const button = event.target.closest?.("button[data-key]");
      if (!button) return;
      const key = Number(button.dataset.key);
      const file = files.find((f) => f.key === key);
      files = files.filter((f) => f.key !== key);
      renderFiles();
      if (!files.some((f) => f.error)) setFieldError("files", null);
      if (file) announce(TEXT.removed(file.name));
      fileInput.focus();
    });
    replyText.addEventListener("input", () => {
      if (success) success.textContent = "";
    });
    replyForm.addEventListener("submit", (event) => {
      event.preventDefault();
      send();
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
