// Swedish formatting of dates and sizes for the citizen pages. Works in the browser and in Node.

const MONTHS = [
  "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december",
];
const TIME_ZONE = "Europe/Stockholm";

function stockholmParts(date) {
  try {
    const parts = new Intl.DateTimeFormat("sv-SE", {
      timeZone: TIME_ZONE, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(date);
    const get = (type) => Number(parts.find((p) => p.type === type)?.value);
    return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
  } catch {
    return {
      year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes(),
    };
  }
}

/** "2026-11-27" or an ISO timestamp -> "27 november 2026" (timestamps in Swedish time). Unknown text as it is. */
export function formatDate(value) {
  if (!value) return "";
  const text = String(value);
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) return `${Number(dateOnly[3])} ${MONTHS[Number(dateOnly[2]) - 1] ?? ""} ${dateOnly[1]}`.trim();
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  const p = stockholmParts(date);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** An ISO timestamp -> "27 november 2026 kl. 14.05" (Swedish time). */
export function formatDateTime(value) {
  const date = new Date(String(value ?? ""));
  if (!value || Number.isNaN(date.getTime())) return String(value ?? "");
  const p = stockholmParts(date);
  const pad = (n) => String(n).padStart(2, "0");
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year} kl. ${pad(p.hour)}.${pad(p.minute)}`;
}

/** 1234567 -> "1,2 MB"; 2048 -> "2 kB"; 100 -> "100 byte". */
export function formatBytes(size) {
  const n = Number(size);
  if (!Number.isFinite(n) || n < 0) return "";
  if (n < 1000) return `${n} byte`;
  if (n < 1000 * 1000) return `${Math.round(n / 1000)} kB`;
  const mb = n / (1000 * 1000);
  return `${(mb < 10 ? mb.toFixed(1) : String(Math.round(mb))).replace(".", ",")} MB`;
}
