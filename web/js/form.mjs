// Progressive enhancement of a generated form page (/e-tjanster/<id>.html). The page is a complete HTML form that
// posts without JavaScript; this script turns it into steps with live conditional fields, validation per step
// (the same rules as the server, from validation.mjs), immediate file uploads, a summary page and a JSON submission.
// If anything here fails while starting, the plain form is left as it was.
import {
  validateForm, visibilityOf, fieldsOf, takesInput, localToday, maskPersonnummer, formatOrganisationsnummer,
} from "./validation.mjs";
import { formatDate, formatBytes } from "./format.mjs";
import { el } from "./dom.mjs";

export const RECEIPT_KEY = "bollebygd-receipt";
export const submissionKey = (serviceId) => `bollebygd-submission-${serviceId}`;
const UPLOAD_ID = /^[a-f0-9]{32}$/;

export const TEXT = Object.freeze({
  next: "Nästa",
  back: "Föregående",
  toSummary: "Till sammanfattningen",
  summaryTitle: "Kontrollera dina uppgifter",
  summaryIntro: "Kontrollera att allt stämmer innan du skickar. Välj Ändra om något behöver rättas.",
  change: "Ändra",
  empty: "Inget angivet",
  yes: "Ja",
  no: "Nej",
  errorTitle: "Det finns fel i formuläret",
  errorIntro: "Rätta följande:",
  errorPrefix: "Fel: ",
  sending: "Skickar ditt ärende …",
  sent: "Ditt ärende är skickat.",
  rateLimited: "Du har skickat många ärenden på kort tid. Vänta en stund och försök igen.",
  failed: "Ditt ärende kunde inte skickas, så inget har skickats in. Dina uppgifter finns kvar. Försök igen om en stund. "
    + "Om det fortfarande inte fungerar kan du ringa kundtjänst på 033-43 00 00.",
  tooLarge: "Det du försöker skicka är för stort, så inget har skickats in. Ta bort någon fil och försök igen.",
  uploading: (name) => `Laddar upp ${name} …`,
  uploaded: (name) => `Filen ${name} är uppladdad.`,
  uploadedLabel: "Uppladdad fil:",
  removeFile: "Ta bort filen",
  fileRemoved: "Filen är borttagen.",
  uploadFailed: "Filen kunde inte laddas upp. Kontrollera din internetanslutning och försök igen.",
  uploadTooLarge: "Filen är för stor. Den får vara högst 10 MB.",
  uploadRejected: "Filen kunde inte tas emot. Välj en annan fil.",
  uploadNotDone: "Filen har inte laddats upp. Välj filen igen eller ta bort den.",
  stepOf: (n, total) => `Steg ${n} av ${total}`,
});

// ---------------------------------------------------------------------------------------------------------------
// Small DOM helpers


function addToken(element, attribute, token) {
  const tokens = (element.getAttribute(attribute) ?? "").split(/\s+/).filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  element.setAttribute(attribute, tokens.join(" "));
}

function removeToken(element, attribute, token) {
  const tokens = (element.getAttribute(attribute) ?? "").split(/\s+/).filter((t) => t && t !== token);
  if (tokens.length) element.setAttribute(attribute, tokens.join(" "));
  else element.removeAttribute(attribute);
}

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** A random UUID (v4), also where crypto.randomUUID is missing (plain http). */
export function newUuid() {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The postal code as "517 33". */
function postalCode(text) {
  const digits = String(text).replaceAll(" ", "");
  return digits.length === 5 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
}

/** The text shown on the summary page for a field, from the raw input and the validated value. */
export function displayValue(field, raw, value, upload) {
  switch (field.type) {
    case "checkbox":
      return value ? TEXT.yes : TEXT.no;
    case "select":
    case "radio":
      return value ? (field.options ?? []).find((o) => o.value === value)?.label ?? value : TEXT.empty;
    case "multiselect":
      return Array.isArray(value) && value.length
        ? value.map((v) => (field.options ?? []).find((o) => o.value === v)?.label ?? v).join(", ")
        : TEXT.empty;
    case "personnummer":
      return value ? maskPersonnummer(value) : TEXT.empty;
    case "orgnummer":
      return value ? formatOrganisationsnummer(value) : TEXT.empty;
    case "date":
      return value ? formatDate(value) : TEXT.empty;
    case "number":
      return value === undefined || value === null ? TEXT.empty : String(raw ?? value).trim();
    case "address":
      return value ? `${value.street}, ${postalCode(value.postalCode)} ${value.city}` : TEXT.empty;
    case "file":
      return upload ? `${upload.name} (${formatBytes(upload.size)})` : TEXT.empty;
    default:
      return value === undefined || value === null || value === "" ? TEXT.empty : String(value);
  }
}

// ---------------------------------------------------------------------------------------------------------------

function enhance(form, definition) {
  const serviceId = definition.id;
  const steps = [...form.querySelectorAll("fieldset.form-step")];
  const fields = fieldsOf(definition);
  const fieldByName = new Map(fields.map((f) => [f.name, f]));
  const stepOfField = new Map();
  (definition.steps ?? []).forEach((step, index) => (step.fields ?? []).forEach((f) => stepOfField.set(f.name, index)));
  const formActions = document.getElementById("form-actions");
  const submitButton = document.getElementById("submit-button");
  if (!steps.length || steps.length !== (definition.steps ?? []).length || !formActions || !submitButton) {
    throw new Error("The form page does not match its definition.");
  }

  const uploads = new Map(); // field name -> { id, name, size }
  const uploadErrors = new Map(); // field name -> message
  const pending = new Map(); // field name -> { token, promise }
  const added = []; // elements this script added, removed again by teardown
  let current = 0; // a step index, or steps.length for the summary page
  let returnToSummary = false;
  let sending = false;
  let active = false; // true once everything is set up; the handlers do nothing before
  const SUMMARY = steps.length;

  // --- elements added to the page ----------------------------------------------------------------------------
  const status = el("p", { class: "form-status visually-hidden", id: "form-status", role: "status" });
  const errorSummary = el("div", { class: "error-summary", id: "error-summary", tabindex: "-1", hidden: true });
  const summary = el("section", { class: "form-summary", id: "form-summary", "aria-labelledby": "form-summary-title", hidden: true });
  const message = el("div", { class: "form-message", id: "form-message", role: "alert" });
  const backButton = el("button", { type: "button", class: "button button--secondary", id: "step-back" }, TEXT.back);
  const nextButton = el("button", { type: "button", class: "button", id: "step-next" }, TEXT.next);
  const summaryButton = el("button", { type: "button", class: "button button--secondary", id: "step-summary", hidden: true }, TEXT.toSummary);
  const stepNav = el("div", { class: "step-nav", id: "step-nav" }, backButton, nextButton, summaryButton);

  form.prepend(errorSummary);
  steps[steps.length - 1].after(summary);
  formActions.after(stepNav);
  formActions.prepend(message);
  form.after(status);
  added.push(status, errorSummary, summary, stepNav, message);

  for (const step of steps) step.querySelector("legend")?.setAttribute("tabindex", "-1");

  // File fields get a place to show the uploaded file.
  for (const field of fields.filter((f) => f.type === "file")) {
    const input = document.getElementById(`f-${field.name}`);
    const box = el("div", { class: "upload-box", id: `f-${field.name}-fil`, hidden: true });
    input.after(box);
    added.push(box);
  }

  function announce(text) {
    status.textContent = "";
    // A fresh text node so the same message is read again.
    window.setTimeout(() => { status.textContent = text; }, 50);
  }

  // --- reading the form ---------------------------------------------------------------------------------------
  const named = (name) => [...form.querySelectorAll(`[name="${name}"]`)];

  function readValues() {
    const values = {};
    for (const field of fields) {
      if (!takesInput(field)) continue;
      const name = field.name;
      switch (field.type) {
        case "address":
          for (const part of ["street", "postalCode", "city"]) values[`${name}.${part}`] = named(`${name}.${part}`)[0]?.value ?? "";
          break;
        case "multiselect":
          values[name] = named(name).filter((i) => i.checked).map((i) => i.value);
          break;
        case "radio":
          values[name] = named(name).find((i) => i.checked)?.value ?? "";
          break;
        case "checkbox":
          values[name] = named(name)[0]?.checked ? "true" : "";
          break;
        case "file":
          values[name] = uploads.get(name)?.id ?? "";
          break;
        default:
          values[name] = named(name)[0]?.value ?? "";
      }
    }
    return values;
  }

  /** What is sent: only fields that show, and only what was filled in. */
  function payloadValues(values) {
    const visible = visibilityOf(definition, values);
    const payload = {};
    for (const [key, value] of Object.entries(values)) {
      const fieldName = key.split(".")[0];
      if (!visible.get(fieldName)) continue;
      if (Array.isArray(value) ? value.length === 0 : String(value).trim() === "") continue;
      payload[key] = value;
    }
    const honeypot = document.getElementById("webbplats");
    if (honeypot && honeypot.value) payload.webbplats = honeypot.value;
    return payload;
  }

  // --- conditional fields -------------------------------------------------------------------------------------
  function wrapperOf(name) {
    return form.querySelector(`[data-field="${name}"]`);
  }

  function applyVisibility() {
    const visible = visibilityOf(definition, readValues());
    for (const field of fields) {
      const wrapper = wrapperOf(field.name);
      if (!wrapper) continue;
      const shows = visible.get(field.name) !== false;
      if (wrapper.hidden === shows) {
        wrapper.hidden = !shows;
        if (!shows) setFieldError(field.name, null);
      }
    }
    return visible;
  }

  function stepHasVisibleFields(index, visible) {
    return (definition.steps[index].fields ?? []).some((f) => visible.get(f.name) !== false);
  }

  function visibleSteps() {
    const visible = visibilityOf(definition, readValues());
    return steps.map((_, i) => i).filter((i) => stepHasVisibleFields(i, visible));
  }

  // --- errors -------------------------------------------------------------------------------------------------
  function focusTargetId(field, text) {
    if (field.type === "radio" || field.type === "multiselect") return `f-${field.name}-0`;
    if (field.type === "address") {
      if (text === "Fyll i ort.") return `f-${field.name}-city`;
      if (text.startsWith("Skriv postnumret")) return `f-${field.name}-postalCode`;
      return `f-${field.name}-street`;
    }
    return `f-${field.name}`;
  }

  function setFieldError(name, text) {
    const wrapper = wrapperOf(name);
    if (!wrapper) return;
    const field = fieldByName.get(name);
    const errorId = `f-${name}-fel`;
    const group = wrapper.querySelector("fieldset");
    const controls = [...wrapper.querySelectorAll("input, select, textarea")];
    const describe = group && (field.type === "radio" || field.type === "multiselect") ? [group] : controls;
    let paragraph = document.getElementById(errorId);
    if (!text) {
      paragraph?.remove();
      wrapper.classList.remove("field--error");
      for (const control of controls) control.removeAttribute("aria-invalid");
      for (const element of describe) removeToken(element, "aria-describedby", errorId);
      return;
    }
    if (!paragraph) {
      paragraph = el("p", { class: "field-error", id: errorId });
      const anchor = wrapper.querySelector(".choice, .address-part, input, select, textarea");
      anchor.before(paragraph);
    }
    paragraph.replaceChildren(el("span", { class: "visually-hidden" }, TEXT.errorPrefix), text);
    wrapper.classList.add("field--error");
    for (const control of controls) control.setAttribute("aria-invalid", "true");
    for (const element of describe) addToken(element, "aria-describedby", errorId);
  }

  function clearErrors(names) {
    for (const name of names) setFieldError(name, null);
    errorSummary.hidden = true;
    errorSummary.replaceChildren();
  }

  /** Shows the errors of fields in `names` order; the summary lists them as links, then gets focus. */
  function showErrors(errors, extra = []) {
    const list = [];
    for (const field of fields) {
      const text = errors[field.name]?.[0];
      setFieldError(field.name, text ?? null);
      if (text && stepOfField.get(field.name) === current) {
        const label = /[?!.:]$/.test(field.label) ? `${field.label} ${text}` : `${field.label}: ${text}`;
        list.push(el("li", {}, el("a", { href: `#${focusTargetId(field, text)}`, "data-target": focusTargetId(field, text) }, label)));
      }
    }
    for (const text of extra) list.push(el("li", {}, text));
    errorSummary.replaceChildren(
      el("h2", { class: "error-summary-title", id: "error-summary-title" }, TEXT.errorTitle),
      el("p", {}, TEXT.errorIntro),
      el("ul", { class: "error-summary-list" }, list),
    );
    errorSummary.hidden = false;
    errorSummary.focus();
    errorSummary.scrollIntoView?.({ block: "start" });
  }

  errorSummary.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-target]");
    if (!link) return;
    event.preventDefault();
    const target = document.getElementById(link.dataset.target);
    if (!target) return;
    target.focus();
    const scrollTo = target.closest("fieldset.choice-group, fieldset.address-group") ?? target.closest(".field") ?? target;
    scrollTo.scrollIntoView?.({ block: "center" });
  });

  /** Client-side problems with files on the given steps (a chosen file that did not upload). */
  function fileProblems(stepIndexes, visible) {
    const problems = {};
    for (const field of fields.filter((f) => f.type === "file" && stepIndexes.includes(stepOfField.get(f.name)))) {
      if (visible.get(field.name) === false || uploads.has(field.name)) continue;
      const input = document.getElementById(`f-${field.name}`);
      if (uploadErrors.has(field.name)) problems[field.name] = [uploadErrors.get(field.name)];
      else if (input?.files?.length) problems[field.name] = [TEXT.uploadNotDone];
    }
    return problems;
  }

  async function waitForUploads() {
    while (pending.size) await Promise.allSettled([...pending.values()].map((p) => p.promise));
  }

  /** Errors of the given steps, from validation.mjs and the uploads. */
  function errorsOn(stepIndexes) {
    const values = readValues();
    const visible = visibilityOf(definition, values);
    const result = validateForm(definition, values, localToday());
    const errors = { ...fileProblems(stepIndexes, visible) };
    for (const [name, list] of Object.entries(result.errors)) {
      if (stepIndexes.includes(stepOfField.get(name)) && !errors[name]) errors[name] = list;
    }
    return { errors, values: result.values, raw: values };
  }

  function firstErrorStep(errors) {
    let first = null;
    for (const field of fields) {
      if (errors[field.name] && (first === null || stepOfField.get(field.name) < first)) first = stepOfField.get(field.name);
    }
    return first;
  }

  // --- steps and the summary page -----------------------------------------------------------------------------
  function updateStepCounts(order) {
    steps.forEach((step, index) => {
      const count = step.querySelector(".step-count");
      const position = order.indexOf(index);
      if (count && position >= 0) count.textContent = TEXT.stepOf(position + 1, order.length);
    });
  }

  function show(index, { focus = true, push = true } = {}) {
    const order = visibleSteps();
    current = index;
    updateStepCounts(order);
    steps.forEach((step, i) => { step.hidden = i !== index; });
    const onSummary = index === SUMMARY;
    summary.hidden = !onSummary;
    formActions.hidden = !onSummary;
    backButton.hidden = !onSummary && order.indexOf(index) <= 0;
    nextButton.hidden = onSummary;
    summaryButton.hidden = onSummary || !returnToSummary || index === order[order.length - 1];
    errorSummary.hidden = true;
    if (onSummary) renderSummary();
    if (push && window.history?.pushState) {
      const hash = onSummary ? "#sammanfattning" : `#steg-${index + 1}`;
      try {
        window.history.pushState({ formStep: index }, "", hash);
      } catch {
        // Some embedded browsers refuse; the steps still work.
      }
    }
    if (focus) {
      const heading = onSummary ? document.getElementById("form-summary-title") : steps[index].querySelector("legend");
      heading?.focus();
      (onSummary ? summary : steps[index]).scrollIntoView?.({ block: "start" });
    }
  }

  function renderSummary() {
    const values = readValues();
    const result = validateForm(definition, values, localToday());
    const visible = visibilityOf(definition, values);
    const parts = [
      el("h2", { id: "form-summary-title", tabindex: "-1" }, TEXT.summaryTitle),
      el("p", {}, TEXT.summaryIntro),
    ];
    (definition.steps ?? []).forEach((step, index) => {
      const rows = (step.fields ?? [])
        .filter((f) => takesInput(f) && visible.get(f.name) !== false)
        .map((field) => {
          const raw = values[field.name];
          const text = displayValue(field, raw, result.values[field.name], uploads.get(field.name));
          return el("div", { class: "summary-row", "data-field": field.name },
            el("dt", {}, field.label),
            el("dd", { class: `summary-value${field.type === "textarea" ? " summary-value--text" : ""}` }, text),
            el("dd", { class: "summary-change" },
              el("a", { href: `#steg-${index + 1}`, "data-step": index, "data-field": field.name },
                TEXT.change, el("span", { class: "visually-hidden" }, ` ${field.label}`))));
        });
      if (!rows.length) return;
      parts.push(el("h3", {}, step.title), el("dl", { class: "summary-list" }, rows));
    });
    summary.replaceChildren(...parts);
  }

  summary.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-step]");
    if (!link) return;
    event.preventDefault();
    returnToSummary = true;
    show(Number(link.dataset.step), { focus: false });
    const field = fieldByName.get(link.dataset.field);
    const target = field && document.getElementById(focusTargetId(field, ""));
    if (target) {
      target.focus();
      target.closest(".field")?.scrollIntoView?.({ block: "center" });
    }
  });

  async function goNext({ toSummary = false } = {}) {
    await waitForUploads();
    const { errors } = errorsOn([current]);
    if (Object.keys(errors).length) {
      showErrors(errors);
      return;
    }
    clearErrors((definition.steps[current].fields ?? []).map((f) => f.name));
    const order = visibleSteps();
    const nextStep = order.find((i) => i > current);
    if (toSummary || nextStep === undefined) {
      await goToSummary();
    } else {
      show(nextStep);
    }
  }

  async function goToSummary({ push = true } = {}) {
    await waitForUploads();
    const all = errorsOn(steps.map((_, i) => i));
    const first = firstErrorStep(all.errors);
    if (first !== null) {
      show(first, { focus: false, push });
      showErrors(all.errors);
      return;
    }
    show(SUMMARY, { push });
  }

  function goBack() {
    const order = visibleSteps();
    const previous = current === SUMMARY ? order[order.length - 1] : [...order].reverse().find((i) => i < current);
    if (previous !== undefined) show(previous);
  }

  // --- uploads ------------------------------------------------------------------------------------------------
  function renderUpload(name) {
    const box = document.getElementById(`f-${name}-fil`);
    if (!box) return;
    const info = uploads.get(name);
    if (!info) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const remove = el("button", { type: "button", class: "button button--link", "data-remove": name },
      TEXT.removeFile, el("span", { class: "visually-hidden" }, ` ${info.name}`));
    box.replaceChildren(el("p", {}, `${TEXT.uploadedLabel} `, el("strong", {}, info.name), ` (${formatBytes(info.size)})`), remove);
    box.hidden = false;
  }

  async function upload(name, input) {
    const file = input.files?.[0];
    uploads.delete(name);
    uploadErrors.delete(name);
    setFieldError(name, null);
    renderUpload(name);
    if (!file) return;
    const token = {};
    const promise = (async () => {
      announce(TEXT.uploading(file.name));
      const body = new FormData();
      body.append("file", file, file.name);
      let outcome;
      try {
        const response = await fetch("/api/uploads", { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (response.ok) {
          const info = await response.json();
          outcome = UPLOAD_ID.test(info?.id ?? "")
            ? { ok: { id: info.id, name: info.name || file.name, size: info.size ?? file.size } }
            : { error: TEXT.uploadRejected };
        } else if (response.status === 400 || response.status === 413 || response.status === 415) {
          const problem = await response.json().catch(() => null);
          outcome = { error: problem?.errors?.file?.[0] ?? (response.status === 413 ? TEXT.uploadTooLarge : TEXT.uploadRejected) };
        } else if (response.status === 429) {
          outcome = { error: TEXT.rateLimited };
        } else {
          outcome = { error: TEXT.uploadFailed };
        }
      } catch {
        outcome = { error: TEXT.uploadFailed };
      }
      if (pending.get(name)?.token !== token) return; // a newer file was chosen meanwhile
      pending.delete(name);
      if (outcome.ok) {
        uploads.set(name, outcome.ok);
        renderUpload(name);
        announce(TEXT.uploaded(outcome.ok.name));
      } else {
        uploadErrors.set(name, outcome.error);
        setFieldError(name, outcome.error);
        announce(outcome.error);
      }
    })();
    pending.set(name, { token, promise });
    await promise;
  }

  form.addEventListener("click", (event) => {
    const button = event.target.closest?.("button[data-remove]");
    if (!active || !button) return;
    const name = button.dataset.remove;
    uploads.delete(name);
    uploadErrors.delete(name);
    pending.delete(name);
    const input = document.getElementById(`f-${name}`);
    if (input) input.value = "";
    setFieldError(name, null);
    renderUpload(name);
    announce(TEXT.fileRemoved);
    input?.focus();
  });

  // --- sending ------------------------------------------------------------------------------------------------
  function showMessage(text) {
    message.replaceChildren(el("p", {}, text));
  }

  function submissionId() {
    const store = storage();
    const key = submissionKey(serviceId);
    let id = null;
    try {
      id = store?.getItem(key) ?? null;
    } catch {
      id = null;
    }
    if (!id) {
      id = newUuid();
      try {
        store?.setItem(key, id);
      } catch {
        // Without storage a retry in this page still reuses the id below.
      }
    }
    return id;
  }
  let pageSubmissionId = null;

  async function send() {
    if (sending) return;
    sending = true;
    submitButton.disabled = true;
    message.replaceChildren();
    try {
      await waitForUploads();
      const all = errorsOn(steps.map((_, i) => i));
      const first = firstErrorStep(all.errors);
      if (first !== null) {
        show(first, { focus: false });
        showErrors(all.errors);
        return;
      }
      announce(TEXT.sending);
      pageSubmissionId = pageSubmissionId ?? submissionId();
      const payload = { submissionId: pageSubmissionId, values: payloadValues(all.raw) };
      let response;
      try {
        response = await fetch(form.getAttribute("action"), {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(payload),
          credentials: "same-origin",
        });
      } catch {
        showMessage(TEXT.failed);
        return;
      }
      if (response.ok) {
        const body = await response.json().catch(() => ({}));
        const store = storage();
        try {
          if (body.caseReference) {
            store?.setItem(RECEIPT_KEY, JSON.stringify({ caseReference: body.caseReference, trackingUrl: body.trackingUrl ?? null }));
          }
          store?.removeItem(submissionKey(serviceId));
        } catch {
          // The receipt e-mail has the same information.
        }
        announce(TEXT.sent);
        const query = body.caseReference ? `?arende=${encodeURIComponent(body.caseReference)}` : "";
        window.location.assign(`/kvitto.html${query}`);
        return;
      }
      if (response.status === 400) {
        const problem = await response.json().catch(() => null);
        const errors = problem?.errors && typeof problem.errors === "object" ? problem.errors : null;
        if (!errors) {
          showMessage(TEXT.failed);
          return;
        }
        // Keys may be "field" or "field.part"; anything else is shown as a general message.
        const byField = {};
        const other = [];
        for (const [key, list] of Object.entries(errors)) {
          const name = key.split(".")[0];
          const texts = (Array.isArray(list) ? list : [list]).map(String);
          if (fieldByName.has(name) && takesInput(fieldByName.get(name))) byField[name] = byField[name] ?? texts;
          else other.push(...texts);
        }
        const step = firstErrorStep(byField);
        if (step === null) {
          showMessage(other.length ? other.join(" ") : TEXT.failed);
          return;
        }
        returnToSummary = true;
        show(step, { focus: false });
        showErrors(byField, other);
        return;
      }
      if (response.status === 429) showMessage(TEXT.rateLimited);
      else if (response.status === 413) showMessage(TEXT.tooLarge);
      else showMessage(TEXT.failed);
    } finally {
      sending = false;
      submitButton.disabled = false;
    }
  }

  // --- events -------------------------------------------------------------------------------------------------
  const onInput = (event) => {
    if (!active) return;
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === "file") return;
    applyVisibility();
    // Fixing a field takes its error away at once; new errors wait for "Nästa".
    const wrapper = target.closest?.("[data-field]");
    if (wrapper?.classList.contains("field--error") && event.type === "change") {
      const name = wrapper.dataset.field;
      const { errors } = errorsOn([stepOfField.get(name)]);
      if (!errors[name]) setFieldError(name, null);
    }
  };
  form.addEventListener("input", onInput);
  form.addEventListener("change", (event) => {
    const target = event.target;
    if (!active) return;
    if (target instanceof HTMLInputElement && target.type === "file") {
      const name = target.closest("[data-field]")?.dataset.field;
      if (name) upload(name, target);
      return;
    }
    onInput(event);
  });
  nextButton.addEventListener("click", () => goNext());
  summaryButton.addEventListener("click", () => goToSummary());
  backButton.addEventListener("click", () => goBack());
  form.addEventListener("submit", (event) => {
    if (!active) return; // the plain form posts as usual
    event.preventDefault();
    // Enter in a text field means "Nästa" until the summary page.
    if (current === SUMMARY) send();
    else goNext();
  });
  window.addEventListener("popstate", (event) => {
    const step = event.state?.formStep;
    if (!active || typeof step !== "number") return;
    if (step === SUMMARY) goToSummary({ push: false });
    else if (step >= 0 && step < steps.length) show(step, { push: false });
  });

  // --- start --------------------------------------------------------------------------------------------------
  form.classList.add("js-enhanced");
  applyVisibility();
  const order = visibleSteps();
  show(order[0] ?? 0, { focus: false, push: false });
  try {
    window.history.replaceState({ formStep: current }, "", window.location.pathname + window.location.search);
  } catch {
    // Not important.
  }
  active = true;

  return function teardown() {
    active = false;
    for (const element of added) element.remove();
    for (const step of steps) step.hidden = false;
    for (const wrapper of form.querySelectorAll("[data-field]")) wrapper.hidden = false;
    formActions.hidden = false;
    form.classList.remove("js-enhanced");
  };
}

function start() {
  const form = document.getElementById("service-form");
  const data = document.getElementById("service-definition");
  if (!form || !data || !window.fetch) return;
  let teardown = null;
  try {
    const definition = JSON.parse(data.textContent);
    teardown = enhance(form, definition);
  } catch (error) {
    console.error(error);
    // Leave the plain form, which posts to the server without JavaScript.
    try {
      teardown?.();
    } catch {
      // Nothing more to do.
    }
    for (const step of form.querySelectorAll("fieldset.form-step")) step.hidden = false;
    for (const wrapper of form.querySelectorAll("[data-field]")) wrapper.hidden = false;
    const actions = document.getElementById("form-actions");
    if (actions) actions.hidden = false;
    form.classList.remove("js-enhanced");
    for (const id of ["error-summary", "form-summary", "step-nav", "form-message", "form-status"]) document.getElementById(id)?.remove();
    for (const box of form.querySelectorAll(".upload-box")) box.remove();
  }
}

if (typeof document !== "undefined") start();
