// "Vanliga frågor" beside a form: the public knowledge-base articles of the e-service, from /api/knowledge. Shown
// only when there are some; the form works the same without them (and without JavaScript).
import { el } from "./dom.mjs";

/** Plain Markdown to DOM nodes, never HTML: paragraphs, "- " lists and **bold**. */
export function markdownNodes(text) {
  const inline = (line) => line.split(/(\*\*[^*]+\*\*)/).filter(Boolean)
    .map((part) => (/^\*\*[^*]+\*\*$/.test(part) ? el("strong", {}, part.slice(2, -2)) : part));
  return String(text ?? "").split(/\n{2,}/).map((block) => {
    const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
    if (lines.length && lines.every((l) => l.startsWith("- "))) {
      return el("ul", {}, lines.map((l) => el("li", {}, inline(l.slice(2)))));
    }
    return el("p", {}, inline(lines.join(" ")));
  });
}

async function showFaq() {
  const aside = document.getElementById("faq");
  const serviceId = aside?.dataset.serviceId;
  if (!serviceId) return;
  try {
    const response = await fetch(`/api/knowledge?service=${encodeURIComponent(serviceId)}`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const { articles } = await response.json();
    if (!articles?.length) return;
    document.getElementById("faq-list").replaceChildren(...articles.map((a) =>
      el("details", { class: "faq-item" }, el("summary", {}, a.title), el("div", { class: "faq-answer" }, markdownNodes(a.body)))));
    aside.hidden = false;
  } catch {
    // No questions shown: the form is what matters.
  }
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", showFaq);
}
