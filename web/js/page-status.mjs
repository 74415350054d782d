// What a page opened by a private link (the status page, the remiss page) says while it loads: a polite announcement
// for screen readers, and an error that replaces the page's content, with "Försök igen" when trying again can help.
import { el } from "./dom.mjs";

/** Speaks a text through a role="status" element (cleared first, so the same text is spoken again). */
export function announcer(box) {
  return (text) => {
    if (!box) return;
    box.textContent = "";
    window.setTimeout(() => { box.textContent = text; }, 50);
  };
}

/** Shows an error instead of `content`; with `retry`, a button that calls `reload`. */
export function errorShower({ content, loading, errorBox, retryText, reload }) {
  return (text, { retry = false } = {}) => {
    content.hidden = true;
    loading.textContent = "";
    const children = [el("p", {}, text)];
    if (retry) {
      const button = el("button", { type: "button", class: "button button--secondary" }, retryText);
      button.addEventListener("click", () => reload());
      children.push(el("p", {}, button));
    }
    errorBox.replaceChildren(...children);
    errorBox.hidden = false;
  };
}
