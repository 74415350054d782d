// The remiss page: /remiss.html#<token>, where an external party (a contractor, another authority) reads the
// municipality's question and answers it, with files. The signed token stays in the URL fragment, which the browser
// never sends with the page request; the API calls carry it in a header:
//   GET  /api/remiss          (X-Remiss-Token: <token>) -> { caseReference, title, question, extract, deadline, from, answered, canAnswer }
//   POST /api/remiss/answer   (X-Remiss-Token: <token>) -> { text, files: [uploadId] }
import { formatDateTime } from "./format.mjs";
import { el } from "./dom.mjs";
import { announcer, errorShower } from "./page-status.mjs";
import { messageForm, MESSAGE_TEXT } from "./message-form.mjs";

export const TEXT = Object.freeze({
  ...MESSAGE_TEXT,
  loading: "Hämtar remissen …",
  notFound: "Länken fungerar inte längre, eller så är den inte hel. Kontrollera att du har kopierat hela länken från e-postmeddelandet, eller kontakta den som skickade remissen.",
  loadFailed: "Vi kunde inte hämta remissen just nu. Försök igen om en stund.",
  retry: "Försök igen",
  sending: "Skickar ditt svar …",
  sent: "Tack! Ditt svar är skickat till kommunen.",
  sendFailed: "Svaret kunde inte skickas, så inget har skickats in. Det du skrev finns kvar. Försök igen om en stund.",
  rateLimited: "Du har skickat många gånger på kort tid. Vänta en stund och försök igen.",
  closed: "Svaret kan inte tas emot här längre: remissen är redan besvarad, eller så är ärendet avslutat.",
});

/** The token from the fragment (base64url, a dot, base64url), or null. */
export function remissToken(hash) {
  const text = String(hash ?? "").replace(/^#/, "");
  return /^[A-Za-z0-9_-]{10,400}\.[A-Za-z0-9_-]{20,100}$/.test(text) ? text : null;
}

function start() {
  const $ = (id) => document.getElementById(id);
  const loading = $("remiss-loading");
  const errorBox = $("remiss-error");
  const box = $("remiss");
  const announceBox = $("remiss-announce");
  if (!loading || !errorBox || !box || !window.fetch) return;
  $("remiss-nojs").hidden = true;
  const token = remissToken(window.location.hash);

  const announce = announcer(announceBox);
  const showError = errorShower({ content: box, loading, errorBox, retryText: TEXT.retry, reload: () => load() });

  function render(data) {
    $("remiss-reference").textContent = data.caseReference ?? "";
    $("remiss-title").textContent = data.title ?? "";
    $("remiss-from").textContent = data.from ?? "";
    $("remiss-deadline").textContent = formatDateTime(data.deadline);
    $("remiss-question").textContent = data.question ?? "";
    $("remiss-extract").textContent = data.extract ?? "";
    $("remiss-extract-section").hidden = !data.extract;
    $("remiss-answer").hidden = !data.canAnswer;
    $("remiss-done").hidden = !data.answered;
    errorBox.hidden = true;
    box.hidden = false;
  }

  async function load({ quiet = false } = {}) {
    if (!token) {
      showError(TEXT.notFound);
      return;
    }
    if (!quiet) loading.textContent = TEXT.loading;
    let response;
    try {
      response = await fetch("/api/remiss", { headers: { Accept: "application/json", "X-Remiss-Token": token }, cache: "no-store" });
    } catch {
      showError(TEXT.loadFailed, { retry: true });
      return;
    }
    if (response.status === 404) {
      showError(TEXT.notFound);
      return;
    }
    if (!response.ok) {
      showError(response.status === 429 ? TEXT.rateLimited : TEXT.loadFailed, { retry: true });
      return;
    }
    loading.textContent = "";
    render(await response.json());
  }

  messageForm({
    elements: {
      form: $("answer-form"), text: $("answer-text"), fileInput: $("answer-files"), fileList: $("answer-file-list"),
      message: $("answer-message"), submit: $("answer-submit"),
    },
    idPrefix: "answer",
    texts: TEXT,
    sentText: TEXT.sent,
    announce,
    post: (body) => fetch("/api/remiss/answer", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-Remiss-Token": token },
      body: JSON.stringify(body),
    }),
    onSent: async () => {
      await load({ quiet: true });
      $("remiss-done").focus();
    },
    // Refused for good: say why where it is seen and heard, and keep what was written on the page.
    onGone: (status, title) => {
      if (status !== 409) return showError(TEXT.notFound);
      $("answer-message").replaceChildren(el("p", {}, title ?? TEXT.closed));
      $("answer-submit").disabled = true;
      $("answer-message").focus?.();
    },
  });

  load();
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
