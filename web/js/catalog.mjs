// Instant filtering of the e-service catalogue (/e-tjanster/). Without this script the whole list shows.
// Filters: audiences (malgrupp) OR-ed within the group, categories (kategori) likewise, AND-ed with each other and
// with the search words (sok). The filter lives in the URL query, so a link to a filtered view works.

const PARAM_AUDIENCE = "malgrupp";
const PARAM_CATEGORY = "kategori";
const PARAM_SEARCH = "sok";

/** Lower case, Swedish rules. */
export function normalize(text) {
  return String(text ?? "").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();
}

/** Without diacritics, so "atervinning" finds "återvinning". */
export function fold(text) {
  return normalize(text).normalize("NFD").replace(/\p{M}/gu, "");
}

/** Whether a service (audiences, categories, search text) passes the filter. */
export function matches(service, filter) {
  if (filter.audiences.length && !filter.audiences.some((a) => service.audiences.includes(a))) return false;
  if (filter.categories.length && !filter.categories.some((c) => service.categories.includes(c))) return false;
  const words = normalize(filter.search).split(" ").filter(Boolean);
  if (!words.length) return true;
  const text = normalize(service.search);
  const folded = fold(service.search);
  return words.every((word) => text.includes(word) || folded.includes(fold(word)));
}

export function filterFromQuery(search) {
  const params = new URLSearchParams(search);
  return {
    audiences: params.getAll(PARAM_AUDIENCE),
    categories: params.getAll(PARAM_CATEGORY),
    search: params.get(PARAM_SEARCH) ?? "",
  };
}

export function queryFromFilter(filter) {
  const params = new URLSearchParams();
  for (const a of filter.audiences) params.append(PARAM_AUDIENCE, a);
  for (const c of filter.categories) params.append(PARAM_CATEGORY, c);
  if (filter.search.trim()) params.set(PARAM_SEARCH, filter.search.trim());
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function countText(shown, total) {
  return `Visar ${shown} av ${total} tjänster`;
}

function start() {
  const form = document.getElementById("catalog-filter");
  const list = document.getElementById("service-list");
  const count = document.getElementById("catalog-count");
  const empty = document.getElementById("catalog-empty");
  const searchInput = document.getElementById("sok");
  if (!form || !list || !count || !searchInput) return;

  const items = [...list.querySelectorAll("li[data-id]")].map((element) => ({
    element,
    audiences: (element.dataset.audiences ?? "").split("|").filter(Boolean),
    categories: (element.dataset.categories ?? "").split("|").filter(Boolean),
    search: element.dataset.search ?? "",
  }));
  const total = items.length;
  const boxes = (name) => [...form.querySelectorAll(`input[type="checkbox"][name="${name}"]`)];

  function readForm() {
    return {
      audiences: boxes(PARAM_AUDIENCE).filter((b) => b.checked).map((b) => b.value),
      categories: boxes(PARAM_CATEGORY).filter((b) => b.checked).map((b) => b.value),
      search: searchInput.value,
    };
  }

  function writeForm(filter) {
    for (const box of boxes(PARAM_AUDIENCE)) box.checked = filter.audiences.includes(box.value);
    for (const box of boxes(PARAM_CATEGORY)) box.checked = filter.categories.includes(box.value);
    searchInput.value = filter.search;
  }

  let announceTimer = 0;
  function apply({ announceLater = false, updateUrl = true } = {}) {
    const filter = readForm();
    let shown = 0;
    for (const item of items) {
      const visible = matches(item, filter);
      item.element.hidden = !visible;
      if (visible) shown++;
    }
    if (empty) empty.hidden = shown > 0;
    // While typing, wait a moment so a screen reader does not read every keystroke's count.
    window.clearTimeout(announceTimer);
    if (announceLater) {
      announceTimer = window.setTimeout(() => { count.textContent = countText(shown, total); }, 600);
    } else {
      count.textContent = countText(shown, total);
    }
    if (updateUrl) {
      const url = `${window.location.pathname}${queryFromFilter(filter)}${window.location.hash}`;
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
        window.history.replaceState(null, "", url);
      }
    }
  }

  // Only values that have a checkbox count; anything else in the URL is ignored.
  writeForm(filterFromQuery(window.location.search));
  form.hidden = false;
  apply({ updateUrl: false });

  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "checkbox") apply();
  });
  searchInput.addEventListener("input", () => apply({ announceLater: true }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  document.getElementById("catalog-clear")?.addEventListener("click", () => {
    writeForm({ audiences: [], categories: [], search: "" });
    apply();
    searchInput.focus();
  });
  window.addEventListener("popstate", () => {
    writeForm(filterFromQuery(window.location.search));
    apply({ updateUrl: false });
  });
}

if (typeof document !== "undefined") {
  try {
    start();
  } catch (error) {
    // The full list stays visible; filtering is only a help.
    console.error(error);
  }
}
