// Validation of a form submission against its service definition, the same rules and the same Swedish messages as
// the server (functions/Bollebygd.Core/Forms/FormValidator.cs, ValidationMessages.cs, Identity/*.cs).
// Runs in the browser and in Node. web/tests/validation-cases.json holds the shared test vectors that both sides run.

// .NET's \s: [\f\n\r\t\v\x85\p{Z}]. JavaScript's \s differs slightly (it has \uFEFF, lacks \x85), so spell it out.
const WS = "\\f\\n\\r\\t\\v\\x85\\p{Z}";
const EMAIL = new RegExp(`^[^@${WS}]+@[^@${WS}]+\\.[^@${WS}]{2,}$`, "u");
const PHONE = /^\+?[0-9 ()-]+$/;
// .NET's \d (without RegexOptions.ECMAScript) is any Unicode decimal digit.
const FASTIGHET = new RegExp(`^\\p{L}[\\p{L}\\- ]*[${WS}]\\p{Nd}+:\\p{Nd}+$`, "u");
const SPACES = new RegExp(`[${WS}]+`, "gu");
const UPLOAD_ID = /^[a-f0-9]{32}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const ASCII_DIGITS = /^[0-9]*$/;
const UPPER = /^\p{Lu}$/u;
// decimal.MaxValue: a larger number does not parse on the server.
const DECIMAL_MAX = 79228162514264337593543950335;

export const DEFAULT_TEXT_LENGTH = 200;
export const DEFAULT_TEXTAREA_LENGTH = 4000;

/** The texts the citizen reads, exactly as ValidationMessages.cs has them. */
export const messages = Object.freeze({
  required(field) {
    switch (field.type) {
      case "checkbox": return "Du behöver kryssa i rutan för att gå vidare.";
      case "select":
      case "radio": return "Välj ett av alternativen.";
      case "multiselect": return "Välj minst ett alternativ.";
      case "file": return "Du behöver bifoga en fil.";
      default: return `Fyll i ${lowerFirst(field.label ?? "")}.`;
    }
  },
  tooLong: (max) => `Texten får vara högst ${max} tecken.`,
  notANumber: "Skriv ett tal med siffror.",
  outOfRange(min, max) {
    const hasMin = min !== undefined && min !== null;
    const hasMax = max !== undefined && max !== null;
    if (hasMin && hasMax) return `Skriv ett tal från ${formatDecimal(min)} till ${formatDecimal(max)}.`;
    if (hasMin) return `Skriv ett tal som är ${formatDecimal(min)} eller större.`;
    if (hasMax) return `Skriv ett tal som är ${formatDecimal(max)} eller mindre.`;
    return "Skriv ett tal med siffror.";
  },
  notADate: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-24.",
  notAnOption: "Välj ett av alternativen i listan.",
  notAnEmail: "Skriv en e-postadress som namn@exempel.se.",
  notAPhone: "Skriv ett telefonnummer med siffror, till exempel 070-123 45 67.",
  personnummerFormat: "Skriv personnumret med 10 eller 12 siffror, till exempel 19811218-9876.",
  personnummerDate: "Kontrollera personnumret. Det finns inget sådant födelsedatum.",
  personnummerChecksum: "Kontrollera personnumret. Någon siffra verkar vara fel.",
  orgnummerFormat: "Skriv organisationsnumret med 10 siffror, till exempel 556036-0793.",
  orgnummerChecksum: "Kontrollera organisationsnumret. Någon siffra verkar vara fel.",
  orgnummerIsPersonnummer: "Det här ser ut som ett personnummer. Skriv organisationsnumret.",
  streetMissing: "Fyll i gatuadress.",
  postalCodeInvalid: "Skriv postnumret med fem siffror, till exempel 517 33.",
  cityMissing: "Fyll i ort.",
  notAFastighetsbeteckning: "Skriv fastighetsbeteckningen som trakt och nummer, till exempel Bollebygd Hultet 1:12.",
  notAFile: "Filen kunde inte hittas. Ladda upp den igen.",
  oneValueOnly: "Välj bara ett alternativ.",
});

// "Ditt namn" -> "ditt namn", but "IBAN-nummer" stays (ValidationMessages.Lower).
function lowerFirst(label) {
  if (label.length > 1 && UPPER.test(label[0]) && !UPPER.test(label[1])) {
    return label[0].toLowerCase() + label.slice(1);
  }
  return label;
}

function formatDecimal(value) {
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Input: { key: string | string[] }, keys are field names or "<field>.street" etc. Mirrors FormInput.

function texts(value) {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === "boolean") return [value ? "true" : "false"];
  if (typeof value === "number") return Number.isFinite(value) ? [String(value)] : [];
  if (typeof value === "string") return [value];
  return [];
}

/** Flattens the input the way the server reads JSON: an object value (an address) becomes "<field>.<part>" keys. */
export function normalizeInput(values) {
  const result = new Map();
  if (!values || typeof values !== "object") return result;
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [part, partValue] of Object.entries(value)) {
        result.set(`${key}.${part}`, texts(partValue));
      }
    } else {
      result.set(key, texts(value));
    }
  }
  return result;
}

function all(input, key) {
  return input.get(key) ?? [];
}

// The first non-empty text for the key, trimmed; null when there is none (FormInput.Single).
function single(input, key) {
  for (const value of all(input, key)) {
    const trimmed = value.trim();
    if (trimmed.length > 0) return trimmed;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** Today's date in the browser's (or Node's) local time zone as yyyy-MM-dd. */
export function localToday(now = new Date()) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function toDateParts(today) {
  const text = today instanceof Date ? localToday(today) : String(today ?? localToday());
  const match = DATE.exec(text);
  if (!match) throw new TypeError(`today must be yyyy-MM-dd, was ${text}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function isLeapYear(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year, month) {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isDate(year, month, day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function dateKey(year, month, day) {
  return year * 10000 + month * 100 + day;
}

// ---------------------------------------------------------------------------------------------------------------
// Identity numbers

/** The Luhn (mod 10) check of a string of ASCII digits. */
export function luhnIsValid(digits) {
  let sum = 0;
  let doubleIt = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (doubleIt) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubleIt = !doubleIt;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// Spaces dropped, one '-' or '+' allowed before the last four digits (IdentityNumberText.Normalize).
function normalizeIdentity(input) {
  if (input === null || input === undefined || String(input).trim().length === 0) {
    return { digits: null, separator: null };
  }
  let text = String(input).replaceAll(" ", "").trim();
  let separator = null;
  if (text.length > 5 && (text[text.length - 5] === "-" || text[text.length - 5] === "+")) {
    separator = text[text.length - 5];
    text = text.slice(0, -5) + text.slice(-4);
  }
  return ASCII_DIGITS.test(text) ? { digits: text, separator } : { digits: null, separator: null };
}

/**
 * Parses a personnummer or samordningsnummer (day + 60): 10 or 12 digits, optional '-' or '+' before the last four.
 * With 10 digits the century is the latest that puts the birth date in the past; '+' means a century earlier.
 * Returns { value: "YYYYMMDDNNNC", birthDate: "yyyy-MM-dd", isSamordningsnummer } or { error: "format" | "date" | "checksum" }.
 */
export function parsePersonnummer(text, today) {
  const { digits, separator } = normalizeIdentity(text);
  if (digits === null || (digits.length !== 10 && digits.length !== 12)) return { error: "format" };
  if (digits.length === 12 && separator === "+") return { error: "format" };

  const ten = digits.length === 12 ? digits.slice(2) : digits;
  if (!luhnIsValid(ten)) return { error: "checksum" };

  const now = toDateParts(today);
  const todayKey = dateKey(now.year, now.month, now.day);
  const month = Number(ten.slice(2, 4));
  const dayField = Number(ten.slice(4, 6));
  const samordning = dayField > 60;
  const day = samordning ? dayField - 60 : dayField;

  let year;
  if (digits.length === 12) {
    year = Number(digits.slice(0, 4));
  } else {
    const yy = Number(ten.slice(0, 2));
    year = now.year - ((now.year - yy) % 100);
    if (!isDate(year, month, day) || dateKey(year, month, day) > todayKey) year -= 100;
    if (separator === "+") year -= 100;
  }

  if (!isDate(year, month, day)) return { error: "date" };
  if (dateKey(year, month, day) > todayKey || year < 1800) return { error: "date" };

  const yyyy = String(year).padStart(4, "0");
  return {
    value: yyyy + ten.slice(2),
    birthDate: `${yyyy}-${ten.slice(2, 4)}-${String(day).padStart(2, "0")}`,
    isSamordningsnummer: samordning,
  };
}

/**
 * Parses an organisationsnummer: 10 digits (optional '-'), or 12 with the "16" prefix. The third digit must be at
 * least 2. Returns { value: "16NNNNNNNNNC" } or { error: "format" | "checksum" | "notAnOrganisation" }.
 */
export function parseOrganisationsnummer(text) {
  let { digits, separator } = normalizeIdentity(text);
  if (digits === null || separator === "+") return { error: "format" };
  if (digits.length === 12) {
    if (!digits.startsWith("16")) return { error: "format" };
    digits = digits.slice(2);
  }
  if (digits.length !== 10) return { error: "format" };
  if (Number(digits.slice(2, 4)) < 20) return { error: "notAnOrganisation" };
  if (!luhnIsValid(digits)) return { error: "checksum" };
  return { value: "16" + digits };
}

/** "198112189876" -> "19811218-****": safe to show and log. */
export function maskPersonnummer(twelveDigits) {
  return `${twelveDigits.slice(0, 8)}-****`;
}

/** "165560360793" -> "556036-0793". */
export function formatOrganisationsnummer(twelveDigits) {
  return `${twelveDigits.slice(2, 8)}-${twelveDigits.slice(8)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Definitions

/** Every field of a service, across its steps, in order. */
export function fieldsOf(definition) {
  return (definition?.steps ?? []).flatMap((step) => step.fields ?? []);
}

export function takesInput(field) {
  return field.type !== "info";
}

export function effectiveMaxLength(field) {
  if (typeof field.maxLength === "number") return field.maxLength;
  return field.type === "textarea" ? DEFAULT_TEXTAREA_LENGTH : DEFAULT_TEXT_LENGTH;
}

/** The values a visibleWhen accepts, as texts ("true" for a checkbox source). */
export function acceptedValues(condition) {
  if (Array.isArray(condition.in)) return condition.in.map(String);
  if (condition.equals === undefined || condition.equals === null) return [];
  if (condition.equals === true) return ["true"];
  if (condition.equals === false) return ["false"];
  return [String(condition.equals)];
}

/**
 * Whether a field shows, given the input; a field whose source field is hidden is hidden too.
 * `visibleSoFar` maps field names already decided to true/false (a Map or a plain object).
 */
export function isVisible(field, values, visibleSoFar = {}) {
  const condition = field.visibleWhen;
  if (!condition) return true;
  const input = values instanceof Map ? values : normalizeInput(values);
  const sourceVisible = visibleSoFar instanceof Map ? visibleSoFar.get(condition.field) : visibleSoFar[condition.field];
  if (sourceVisible === false) return false;
  const given = all(input, condition.field).map((v) => v.trim()).map((v) => (v === "on" ? "true" : v));
  return acceptedValues(condition).some((accepted) => given.includes(accepted));
}

/** Visibility of every field (info fields included), in definition order. */
export function visibilityOf(definition, values) {
  const input = values instanceof Map ? values : normalizeInput(values);
  const visible = new Map();
  for (const field of fieldsOf(definition)) {
    visible.set(field.name, isVisible(field, input, visible));
  }
  return visible;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

function checkAddress(field, input) {
  const street = single(input, `${field.name}.street`);
  const postal = single(input, `${field.name}.postalCode`)?.replaceAll(" ", "") ?? null;
  const city = single(input, `${field.name}.city`);
  if (street === null && postal === null && city === null) {
    return field.required ? { error: messages.required(field) } : { value: null };
  }
  if (street === null) return { error: messages.streetMissing };
  if (postal === null || postal.length !== 5 || !/^[0-9]{5}$/.test(postal)) return { error: messages.postalCodeInvalid };
  if (city === null) return { error: messages.cityMissing };
  if (street.length > 200 || city.length > 100) return { error: messages.tooLong(200) };
  return { value: { street, postalCode: postal, city } };
}

function parseDecimal(text) {
  const normalized = text.replaceAll(",", ".").replaceAll(" ", "");
  if (!NUMBER.test(normalized)) return null;
  const number = Number(normalized);
  if (!Number.isFinite(number) || Math.abs(number) > DECIMAL_MAX) return null;
  return Object.is(number, -0) ? 0 : number;
}

function checkField(field, input, today) {
  if (field.type === "address") return checkAddress(field, input);
  if (field.type === "multiselect") {
    const chosen = [...new Set(all(input, field.name).map((v) => v.trim()).filter((v) => v.length > 0))];
    if (chosen.length === 0) return field.required ? { error: messages.required(field) } : { value: null };
    const options = field.options ?? [];
    return chosen.every((v) => options.some((o) => o.value === v)) ? { value: chosen } : { error: messages.notAnOption };
  }
  if (field.type === "checkbox") {
    const ticked = ["true", "on", "yes", "1"].includes(single(input, field.name));
    return field.required && !ticked ? { error: messages.required(field) } : { value: ticked };
  }

  const text = single(input, field.name);
  if (text === null) return field.required ? { error: messages.required(field) } : { value: null };
  if ((field.type === "select" || field.type === "radio")
    && all(input, field.name).filter((v) => v.trim().length > 0).length > 1) {
    return { error: messages.oneValueOnly };
  }

  switch (field.type) {
    case "text":
    case "textarea": {
      const max = effectiveMaxLength(field);
      return text.length > max ? { error: messages.tooLong(max) } : { value: text };
    }
    case "number": {
      const number = parseDecimal(text);
      if (number === null) return { error: messages.notANumber };
      const hasMin = typeof field.min === "number";
      const hasMax = typeof field.max === "number";
      return (hasMin && number < field.min) || (hasMax && number > field.max)
        ? { error: messages.outOfRange(field.min, field.max) }
        : { value: number };
    }
    case "date": {
      const match = DATE.exec(text);
      return match && isDate(Number(match[1]), Number(match[2]), Number(match[3]))
        ? { value: text }
        : { error: messages.notADate };
    }
    case "select":
    case "radio":
      return (field.options ?? []).some((o) => o.value === text) ? { value: text } : { error: messages.notAnOption };
    case "email":
      return text.length <= 254 && EMAIL.test(text) ? { value: text } : { error: messages.notAnEmail };
    case "phone": {
      const digits = text.replace(/[^0-9]/g, "").length;
      return PHONE.test(text) && digits >= 7 && digits <= 15 ? { value: text } : { error: messages.notAPhone };
    }
    case "personnummer": {
      const result = parsePersonnummer(text, today);
      if (!result.error) return { value: result.value };
      if (result.error === "date") return { error: messages.personnummerDate };
      if (result.error === "checksum") return { error: messages.personnummerChecksum };
      return { error: messages.personnummerFormat };
    }
    case "orgnummer": {
      const result = parseOrganisationsnummer(text);
      if (!result.error) return { value: result.value };
      if (result.error === "checksum") return { error: messages.orgnummerChecksum };
      if (result.error === "notAnOrganisation") return { error: messages.orgnummerIsPersonnummer };
      return { error: messages.orgnummerFormat };
    }
    case "fastighetsbeteckning": {
      const normalized = text.replace(SPACES, " ");
      return normalized.length <= 100 && FASTIGHET.test(normalized)
        ? { value: normalized }
        : { error: messages.notAFastighetsbeteckning };
    }
    case "file":
      return UPLOAD_ID.test(text) ? { value: text } : { error: messages.notAFile };
    default:
      return { value: text };
  }
}

/**
 * Validates what the citizen entered against the service definition.
 * `values`: { fieldName: string | string[], "<address>.street": string, ... } (or an address as an object).
 * `today`: "yyyy-MM-dd" or a Date (local date); defaults to today.
 * Returns { errors: { fieldName: [message] }, values: { fieldName: cleanValue } }; hidden fields are skipped.
 */
export function validateForm(definition, values, today = localToday()) {
  const input = values instanceof Map ? values : normalizeInput(values);
  const errors = {};
  const clean = {};
  const visible = new Map();
  for (const field of fieldsOf(definition)) {
    if (!takesInput(field)) continue;
    const shows = isVisible(field, input, visible);
    visible.set(field.name, shows);
    if (!shows) continue;
    const result = checkField(field, input, today);
    if (result.error) {
      errors[field.name] = [result.error];
    } else if (result.value !== null && result.value !== undefined) {
      clean[field.name] = result.value;
    }
  }
  return { errors, values: clean };
}
