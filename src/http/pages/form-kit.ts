// The small pieces every console form is made of: the CSRF field, labelled inputs (one per language where a text
// is kept in kk/ru/en), selects, check lists, the error and notice boxes, and dates written for the reader.
import type { Lang } from "../../errors.js";
import { t, type PageTextKey } from "./messages.js";
import { escape, LOCALES } from "./verify-page.js";

export const LANGS = ["kk", "ru", "en"] as const;
export type Values = Readonly<Record<string, string>>;

export const csrfField = (token: string) => `<input type="hidden" name="_csrf" value="${escape(token)}">`;

/** A labelled input; `attrs` are extra HTML attributes (type, required, pattern…); `id` when two forms share a page. */
export const inputField = (values: Values, name: string, label: string, attrs = "", id = name) =>
  `<label for="${escape(id)}">${escape(label)}</label><input id="${escape(id)}" name="${escape(name)}" value="${escape(values[name] ?? "")}" class="field" ${attrs}>`;

export const textAreaField = (values: Values, name: string, label: string, rows = 3, attrs = "") =>
  `<label for="${escape(name)}">${escape(label)}</label><textarea id="${escape(name)}" name="${escape(name)}" rows="${rows}" class="field" ${attrs}>${escape(values[name] ?? "")}</textarea>`;

export const group = (legend: string, content: string, attrs = "") =>
  `<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem" ${attrs}><legend>${escape(legend)}</legend>${content}</fieldset>`;

/** One text in the three languages: `${name}.kk`, `${name}.ru`, `${name}.en`. */
export const trioFields = (values: Values, name: string, label: string, required = true) =>
  group(label, LANGS.map((l) => inputField(values, `${name}.${l}`, `${label} (${l})`, required ? "required" : "")).join(""));

export const selectField = (id: string, name: string, options: readonly (readonly [string, string])[], selected = "", attrs = "") =>
  `<select id="${escape(id)}" name="${escape(name)}" class="field" ${attrs}>${options
    .map(([v, label]) => `<option value="${escape(v)}"${v === selected ? " selected" : ""}>${escape(label)}</option>`)
    .join("")}</select>`;

export const errorBox = (error: string | null, problems: readonly string[] = []) =>
  error
    ? `<div class="verdict bad" role="alert" data-error>${escape(error)}${
        problems.length > 0 ? `<ul>${problems.map((p) => `<li>${escape(p)}</li>`).join("")}</ul>` : ""
      }</div>`
    : "";

export const noticeBox = (notice: string | null) => (notice ? `<div class="notice" role="status" data-notice>${escape(notice)}</div>` : "");

export const submitButton = (label: string, attrs = "") => `<button class="button" type="submit" ${attrs}>${escape(label)}</button>`;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (YYYY-MM-DD) as the reader writes it ("7 дек. 2026 г."); anything else as it is. */
export const dayString = (iso: string, lang: Lang) =>
  ISO_DAY.test(iso)
    ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`))
    : iso;

/** The same, as HTML: a <time> element that keeps the machine-readable day. */
export const dayText = (iso: string, lang: Lang) =>
  ISO_DAY.test(iso) ? `<time datetime="${escape(iso)}">${escape(dayString(iso, lang))}</time>` : escape(iso);

/** A moment as people in Kazakhstan read it, in the reader's language ("7 дек. 2026 г., 23:05"). */
export const momentString = (at: Date | string, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Almaty" }).format(new Date(at));

/** The same, as HTML: a <time> element that keeps the exact instant. */
export const momentText = (at: Date | string, lang: Lang) =>
  `<time datetime="${escape(new Date(at).toISOString())}">${escape(momentString(at, lang))}</time>`;

/** A number as the reader writes it (decimal comma in kk and ru). */
export const numberText = (n: number, lang: Lang) => new Intl.NumberFormat(LOCALES[lang]).format(n);

export const tk = (key: string, lang: Lang) => t(key as PageTextKey, lang);
