// The receipt page (/kvitto.html?arende=<caseReference>): shows the case reference and, when this tab has just sent
// the case, the private tracking link. Without this script the page says that both are in the confirmation e-mail.

export const RECEIPT_KEY = "bollebygd-receipt";

/** Only a link of our own site (or https) may be shown as the tracking link. */
export function safeTrackingUrl(value, origin) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value, origin);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.protocol === "http:" && url.origin !== origin) return null;
    return url.href;
  } catch {
    return null;
  }
}

function readReceipt() {
  try {
    const text = window.sessionStorage.getItem(RECEIPT_KEY);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function start() {
  const reference = new URLSearchParams(window.location.search).get("arende")?.trim();
  if (!reference) return;
  const referenceBox = document.getElementById("receipt-reference");
  const referenceValue = document.getElementById("receipt-reference-value");
  if (referenceBox && referenceValue) {
    referenceValue.textContent = reference;
    referenceBox.hidden = false;
  }
  const receipt = readReceipt();
  const href = receipt && receipt.caseReference === reference
    ? safeTrackingUrl(receipt.trackingUrl, window.location.origin)
    : null;
  const tracking = document.getElementById("receipt-tracking");
  const link = document.getElementById("receipt-tracking-link");
  if (href && tracking && link) {
    link.href = href;
    tracking.hidden = false;
    const fallback = document.getElementById("receipt-default");
    if (fallback) fallback.textContent = "Vi har också skickat en bekräftelse med ärendenumret och länken till din e-postadress.";
  }
}

if (typeof document !== "undefined") {
  try {
    start();
  } catch (error) {
    console.error(error);
  }
}
