// A message form with files, for writers from outside: the citizen on the status page, a contractor answering a
// remiss. Files upload at once (POST /api/uploads); the form sends { text, files: [uploadId] } through `post`.
// Errors are shown field by field, announced, and focus goes to the first field that needs attention.
import { formatBytes } from "./format.mjs";
import { el } from "./dom.mjs";

const UPLOAD_ID = /^[a-f0-9]{32}$/;
export const MAX_TEXT = 4000;

export const MESSAGE_TEXT = Object.freeze({
  emptyReply: "Skriv ett meddelande eller bifoga en fil.",
  tooLong: `Texten får vara högst ${MAX_TEXT} tecken.`,
  rateLimited: "Du har skickat många ärenden på kort tid. Vänta en stund och försök igen.",
  sending: "Skickar ditt meddelande …",
  sendFailed: "Ditt meddelande kunde inte skickas, så inget har skickats in. Det du skrev finns kvar. Försök igen om en stund.",
  uploading: (name) => `Laddar upp ${name} …`,
  uploaded: (name) => `Filen ${name} är uppladdad.`,
  removed: (name) => `Filen ${name} är borttagen.`,
  remove: "Ta bort",
  uploadFailed: "Filen kunde inte laddas upp. Kontrollera din internetanslutning och försök igen.",
  uploadTooLarge: "Filen är för stor. Den får vara högst 10 MB.",
  uploadRejected: "Filen kunde inte tas emot. Välj en annan fil.",
  waitForUploads: "Vänta tills filerna har laddats upp.",
  errorPrefix: "Fel: ",
});

/**
 * Wires a form: `elements` = { form, text, fileInput, fileList, message, submit } (ids of the error paragraphs are
 * `${idPrefix}-text-fel` and `${idPrefix}-files-fel`); `post(body)` returns the fetch Response; `onSent()` runs
 * after a 2xx; `onGone(status)` after a 404/409/410 the page must show instead of the form; `announce(text)` speaks.
 */
export function messageForm({ elements, idPrefix, texts = MESSAGE_TEXT, sentText, post, onSent, onGone, announce }) {
  const { form, text, fileInput, fileList, message, submit } = elements;
  let files = []; // { key, name, size, id?, promise?, error? }
  let sending = false;
  let fileKey = 0;

  function setFieldError(name, error) {
    const wrapper = form.querySelector(`[data-field="${name}"]`);
    if (!wrapper) return;
    const control = name === "text" ? text : fileInput;
    const errorId = `${idPrefix}-${name}-fel`;
    let paragraph = document.getElementById(errorId);
    const describedBy = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((t) => t && t !== errorId);
    if (!error) {
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
    paragraph.replaceChildren(el("span", { class: "visually-hidden" }, texts.errorPrefix), error);
    wrapper.classList.add("field--error");
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [...describedBy, errorId].join(" "));
  }

  function renderFiles() {
    fileList.replaceChildren(...files.map((file) => {
      const state = file.id ? `(${formatBytes(file.size)})` : file.error ? `– ${file.error}` : "– laddas upp …";
      const remove = el("button", { type: "button", class: "button button--link", "data-key": file.key },
        texts.remove, el("span", { class: "visually-hidden" }, ` ${file.name}`));
      return el("li", { class: file.error ? "file-item file-item--error" : "file-item" }, el("span", {}, `${file.name} ${state}`), " ", remove);
    }));
    fileList.hidden = files.length === 0;
  }

  async function uploadOne(file) {
    const entry = { key: ++fileKey, name: file.name, size: file.size };
    files.push(entry);
    renderFiles();
    announce(texts.uploading(file.name));
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
            entry.error = texts.uploadRejected;
          }
        } else if (response.status === 400 || response.status === 413 || response.status === 415) {
          const problem = await response.json().catch(() => null);
          entry.error = problem?.errors?.file?.[0] ?? (response.status === 413 ? texts.uploadTooLarge : texts.uploadRejected);
        } else if (response.status === 429) {
          entry.error = texts.rateLimited;
        } else {
          entry.error = texts.uploadFailed;
        }
      } catch {
        entry.error = texts.uploadFailed;
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
      announce(texts.uploaded(entry.name));
    }
  }

  async function send() {
    if (sending) return;
    message.replaceChildren();
    setFieldError("text", null);
    setFieldError("files", null);
    const written = text.value.trim();
    if (files.some((f) => f.promise)) {
      message.replaceChildren(el("p", {}, texts.waitForUploads));
      return;
    }
    const failed = files.find((f) => f.error);
    if (failed) {
      setFieldError("files", `${failed.name}: ${failed.error}`);
      fileInput.focus();
      return;
    }
    const ids = files.filter((f) => f.id).map((f) => f.id);
    if (written.length > MAX_TEXT) {
      setFieldError("text", texts.tooLong);
      text.focus();
      return;
    }
    if (!written && ids.length === 0) {
      setFieldError("text", texts.emptyReply);
      text.focus();
      return;
    }
    sending = true;
    submit.disabled = true;
    announce(texts.sending);
    try {
      let response;
      try {
        response = await post({ text: written, files: ids });
      } catch {
        message.replaceChildren(el("p", {}, texts.sendFailed));
        return;
      }
      if (response.ok) {
        text.value = "";
        files = [];
        fileInput.value = "";
        renderFiles();
        success.textContent = sentText;
        await onSent();
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
        if (other.length || (!textError && !filesError)) message.replaceChildren(el("p", {}, other.length ? other.join(" ") : texts.sendFailed));
        (textError ? text : filesError ? fileInput : submit).focus();
        return;
      }
      if (response.status === 404 || response.status === 409 || response.status === 410) {
        const problem = await response.json().catch(() => null);
        onGone(response.status, problem?.title);
        return;
      }
      message.replaceChildren(el("p", {}, response.status === 429 ? texts.rateLimited : texts.sendFailed));
    } finally {
      sending = false;
      submit.disabled = false;
    }
  }

  const success = el("p", { class: "notice notice--success", id: `${idPrefix}-success`, role: "status" });
  form.before(success);
  fileInput.addEventListener("change", async () => {
    const chosen = [...(fileInput.files ?? [])];
    fileInput.value = ""; // the list below holds the files; the same file can be chosen again
    setFieldError("files", null);
    success.textContent = "";
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
    if (file) announce(texts.removed(file.name));
    fileInput.focus();
  });
  text.addEventListener("input", () => {
    success.textContent = "";
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send();
  });
}
