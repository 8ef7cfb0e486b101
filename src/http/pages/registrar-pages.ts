// The registrar's console pages: programmes, awarding a cohort with its progress, issued credentials with search,
// paging and revocation. Built from a few shared pieces (layout, table, pager, form fields) so that every page
// looks and behaves the same. Server-rendered forms; the progress page refreshes itself while the award runs.
import type { Lang } from "../../errors.js";
import { dayText, momentText, selectField } from "./form-kit.js";
import { t, type PageTextKey } from "./messages.js";
import { escape, page } from "./verify-page.js";

const CSS = `<style>
input:focus-visible,select:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d9d9d9;border-radius:.5rem}
th,td{text-align:left;padding:.5rem .6rem;border-top:1px solid #d9d9d9;vertical-align:top}th{background:#eef2f6;border-top:0}
.field{display:block;width:100%;padding:.55rem .7rem;margin:.25rem 0 .9rem;border:1px solid #8a8a8a;border-radius:.4rem;font:inherit;background:#fff}
.button{display:inline-block;padding:.6rem 1.1rem;border:0;border-radius:.5rem;background:#1f4e79;color:#fff;font:inherit;font-weight:700;cursor:pointer;text-decoration:none}
.button.danger{background:#a40e0e}.button.quiet{background:#fff;color:#1f4e79;border:1px solid #1f4e79}
.notice{border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0;background:#e7f3ec;color:#0b4d22}
.pager{display:flex;gap:1rem;align-items:center;margin:.75rem 0}
body main{max-width:64rem}
</style>`;

export const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (w, k: string) => String(params[k] ?? w));

export interface ConsoleFrame {
  readonly lang: Lang;
  readonly slug: string;
  readonly csrfToken: string;
  /** The page's path, for the language links. */
  readonly path: string;
}

export function layout(frame: ConsoleFrame, title: PageTextKey, content: string, head = ""): string {
  const { lang, slug } = frame;
  const links: [PageTextKey, string][] = [
    ["navHome", "/console"],
    ["navDashboard", `/console/orgs/${slug}/dashboard`],
    ["navProgrammes", `/console/orgs/${slug}/programmes`],
    ["navCredentials", `/console/orgs/${slug}/credentials`],
    ["navRecognition", `/console/orgs/${slug}/recognition`],
    ["commissions", `/console/orgs/${slug}/commissions`],
    ["navReference", `/console/orgs/${slug}/reference`],
    ["navLearners", `/console/orgs/${slug}/learners`],
  ];
  const nav = `<nav aria-label="Console" style="justify-content:flex-start;flex-wrap:wrap">${links
    .map(([k, href]) => `<a href="${escape(href)}?lang=${lang}">${escape(t(k, lang))}</a>`)
    .join("")}<span style="flex:1"></span>${(["kk", "ru", "en"] as const)
    .map(
      (l) =>
        `<a href="${escape(frame.path)}${frame.path.includes("?") ? "&amp;" : "?"}lang=${l}" lang="${l}"${l === lang ? ' aria-current="true"' : ""}>${escape(t("languageName", l))}</a>`,
    )
    .join("")}</nav>`;
  return page(lang, `${nav}<h2>${escape(t(title, lang))}</h2>${content}`, "consoleTitle", `${CSS}${head}`);
}

export function table(lang: Lang, headers: readonly PageTextKey[], rows: readonly string[][], caption: string): string {
  if (rows.length === 0) return `<p data-empty>${escape(t("empty", lang))}</p>`;
  return `<table><caption style="text-align:left;padding:.4rem 0;font-weight:600">${escape(caption)}</caption><thead><tr>${headers
    .map((h) => `<th scope="col">${escape(t(h, lang))}</th>`)
    .join(
      "",
    )}</tr></thead><tbody>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

/** Where a paged list stands: the first row shown, the rows a page holds, all rows. */
export interface Paging {
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
}

export function pager(lang: Lang, path: string, query: Record<string, string>, paging: Paging): string {
  if (paging.total === 0) return "";
  const link = (offset: number) => `${escape(path)}?${escape(new URLSearchParams({ ...query, offset: String(offset), lang }).toString())}`;
  const from = paging.offset + 1;
  const to = Math.min(paging.offset + paging.limit, paging.total);
  return `<div class="pager"><span>${escape(fill(t("shown", lang), { from, to, total: paging.total }))}</span>${
    paging.offset > 0 ? `<a href="${link(Math.max(0, paging.offset - paging.limit))}">${escape(t("previous", lang))}</a>` : ""
  }${to < paging.total ? `<a href="${link(paging.offset + paging.limit)}">${escape(t("next", lang))}</a>` : ""}</div>`;
}

export interface ProgrammeRow {
  readonly code: string;
  readonly name: string;
  readonly status: string;
  readonly credits: number;
}

export function renderProgrammesPage(frame: ConsoleFrame, programmes: readonly ProgrammeRow[], paging: Paging): string {
  const { lang, slug } = frame;
  const rows = programmes.map((p) => [
    `<a href="/console/orgs/${escape(slug)}/programmes/${encodeURIComponent(p.code)}?lang=${lang}">${escape(p.code)}</a>`,
    escape(p.name),
    escape(t(`programmeStatus_${p.status}` as PageTextKey, lang)),
    escape(p.credits),
    p.status === "published"
      ? `<a href="/console/orgs/${escape(slug)}/programmes/${encodeURIComponent(p.code)}/award?lang=${lang}">${escape(t("awardCohort", lang))}</a>`
      : "",
  ]);
  return layout(
    frame,
    "navProgrammes",
    `<p><a class="button" href="/console/orgs/${escape(slug)}/programmes/new?lang=${lang}">${escape(t("newProgramme", lang))}</a></p>${table(lang, ["code", "name", "status", "credits" as PageTextKey, "actions"], rows, t("navProgrammes", lang))}${pager(lang, `/console/orgs/${slug}/programmes`, {}, paging)}`,
  );
}

export interface RowProblemView {
  readonly row: number;
  readonly code: string;
  readonly message: string;
}

export function renderAwardPage(
  frame: ConsoleFrame,
  programme: { code: string; name: string },
  state: { error: string | null; problems: readonly RowProblemView[] },
): string {
  const { lang, slug } = frame;
  const problems =
    state.problems.length > 0
      ? `<div role="alert" data-row-problems>${table(
          lang,
          ["row", "problem"],
          state.problems.map((p) => [escape(p.row), escape(t(`rowProblem_${p.code}` as PageTextKey, lang) || p.message)]),
          t("rowProblems", lang),
        )}</div>`
      : "";
  return layout(
    frame,
    "awardCohort",
    `<p><strong>${escape(programme.code)}</strong> · ${escape(programme.name)}</p>
<p>${escape(t("awardHelp", lang))}</p>
${state.error ? `<div class="verdict bad" role="alert" data-error>${escape(state.error)}</div>` : ""}
${problems}
<form method="post" enctype="multipart/form-data" action="/console/orgs/${escape(slug)}/programmes/${encodeURIComponent(programme.code)}/award?lang=${lang}">
  <input type="hidden" name="_csrf" value="${escape(frame.csrfToken)}">
  <label for="file">${escape(t("file", lang))}</label>
  <input id="file" name="file" type="file" accept=".csv,text/csv" required class="field">
  <label for="format">${escape(t("proofFormat", lang))}</label>
  <select id="format" name="format" class="field"><option value="vc+jwt">vc+jwt (VC-JOSE)</option><option value="di">Data Integrity (eddsa-rdfc-2022)</option></select>
  <button type="submit" class="button">${escape(t("upload", lang))}</button>
</form>`,
  );
}

export function renderBatchPage(
  frame: ConsoleFrame,
  batch: { id: string; status: string; total: number; processed: number; issued: number; alreadyIssued: number; failed: number },
  programme: { code: string; name: string },
  failedRows: readonly RowProblemView[],
): string {
  const { lang, slug } = frame;
  const running = batch.status === "queued" || batch.status === "running";
  const counts: [PageTextKey, number][] = [
    ["batchIssued", batch.issued],
    ["batchAlready", batch.alreadyIssued],
    ["batchFailed", batch.failed],
  ];
  const content = `<p><strong>${escape(programme.code)}</strong> · ${escape(programme.name)}</p>
<label for="progress">${escape(fill(t("batchProgress", lang), { processed: batch.processed, total: batch.total }))}</label>
<progress id="progress" data-batch-status="${escape(batch.status)}" value="${batch.processed}" max="${batch.total}" style="display:block;width:100%;height:1.5rem;margin:.5rem 0"></progress>
<div class="${running ? "verdict warn" : "notice"}" role="status">${escape(t(running ? "batchRunning" : "batchDone", lang))}</div>
<dl>${counts.map(([k, v]) => `<dt>${escape(t(k, lang))}</dt><dd data-count="${k}">${v}</dd>`).join("")}</dl>
${
  failedRows.length > 0
    ? table(
        lang,
        ["row", "problem"],
        failedRows.map((r) => [escape(r.row), escape(r.message)]),
        t("batchFailed", lang),
      )
    : ""
}
${running ? "" : `<p><a class="button" href="/console/orgs/${escape(slug)}/credentials?lang=${lang}">${escape(t("navCredentials", lang))}</a></p>`}`;
  return layout(frame, "batchTitle", content, running ? `<meta http-equiv="refresh" content="1">` : "");
}

export interface CredentialRow {
  readonly id: string;
  readonly learner: string;
  readonly programme: string;
  readonly issuedOn: string;
  readonly status: string;
}

export function renderCredentialsPage(
  frame: ConsoleFrame,
  state: {
    q: string;
    filters: { programme: string; status: string; from: string; to: string };
    programmes: readonly { code: string; name: string }[];
    notice: string | null;
    rows: readonly CredentialRow[];
    paging: Paging;
  },
): string {
  const { lang, slug } = frame;
  const rows = state.rows.map((c) => [
    escape(c.learner),
    escape(c.programme),
    dayText(c.issuedOn, lang),
    `<span data-status="${escape(c.status)}">${escape(t(`credentialStatus_${c.status}` as PageTextKey, lang))}</span>`,
    `<a href="/credentials/${escape(c.id)}?lang=${lang}">${escape(t("pageTitle", lang))}</a>${(c.status === "active"
      ? (["suspend", "revoke"] as const)
      : c.status === "suspended"
        ? (["reinstate", "revoke"] as const)
        : []
    )
      .map(
        (action) =>
          ` · <a href="/console/orgs/${escape(slug)}/credentials/${escape(c.id)}/${action}?lang=${lang}">${escape(t(action, lang))}</a>`,
      )
      .join("")}`,
  ]);
  return layout(
    frame,
    "navCredentials",
    `${state.notice ? `<div class="notice" role="status">${escape(state.notice)}</div>` : ""}
<form method="get" action="/console/orgs/${escape(slug)}/credentials" role="search" style="display:flex;gap:.5rem;align-items:end;flex-wrap:wrap">
  <input type="hidden" name="lang" value="${lang}">
  <div style="flex:2 1 14rem"><label for="q">${escape(t("search", lang))}</label><input id="q" name="q" class="field" value="${escape(state.q)}" placeholder="${escape(t("searchHint", lang))}" style="margin-bottom:0"></div>
  <div style="flex:1 1 12rem"><label for="programme">${escape(t("programme", lang))}</label>${selectField(
    "programme",
    "programme",
    [["", t("allProgrammes", lang)], ...state.programmes.map((p) => [p.code, `${p.code} · ${p.name}`] as const)],
    state.filters.programme,
    'style="margin-bottom:0"',
  )}</div>
  <div style="flex:1 1 9rem"><label for="status">${escape(t("status", lang))}</label>${selectField(
    "status",
    "status",
    [["", "—"], ...(["active", "suspended", "revoked"] as const).map((s) => [s, t(`credentialStatus_${s}`, lang)] as const)],
    state.filters.status,
    'style="margin-bottom:0"',
  )}</div>
  <div><label for="from">${escape(t("issuedSince", lang))}</label><input id="from" name="from" type="date" class="field" value="${escape(state.filters.from)}" style="margin-bottom:0"></div>
  <div><label for="to">${escape(t("issuedUntil", lang))}</label><input id="to" name="to" type="date" class="field" value="${escape(state.filters.to)}" style="margin-bottom:0"></div>
  <button type="submit" class="button">${escape(t("search", lang))}</button>
</form>
${table(lang, ["learner", "programme", "issuedOn", "status", "actions"], rows, t("navCredentials", lang))}
${pager(
  lang,
  `/console/orgs/${slug}/credentials`,
  Object.fromEntries(Object.entries({ q: state.q, ...state.filters }).filter(([, v]) => v !== "")),
  state.paging,
)}`,
  );
}

export type StatusActionName = "revoke" | "suspend" | "reinstate";
const ACTION_TEXT: Readonly<Record<StatusActionName, { title: PageTextKey; warning: PageTextKey; confirm: PageTextKey; danger: boolean }>> =
  {
    revoke: { title: "revokeTitle", warning: "revokeWarning", confirm: "confirmRevoke", danger: true },
    suspend: { title: "suspendTitle", warning: "suspendWarning", confirm: "confirmSuspend", danger: true },
    reinstate: { title: "reinstateTitle", warning: "reinstateWarning", confirm: "confirmReinstate", danger: false },
  };

export function renderStatusActionPage(
  frame: ConsoleFrame,
  credential: CredentialRow,
  action: StatusActionName,
  error: string | null,
): string {
  const { lang, slug } = frame;
  const text = ACTION_TEXT[action];
  return layout(
    frame,
    text.title,
    `<dl><dt>${escape(t("learner", lang))}</dt><dd>${escape(credential.learner)}</dd><dt>${escape(t("programme", lang))}</dt><dd>${escape(credential.programme)}</dd><dt>${escape(t("issuedOn", lang))}</dt><dd>${dayText(credential.issuedOn, lang)}</dd></dl>
<div class="verdict ${text.danger ? "bad" : "warn"}" role="note">${escape(t(text.warning, lang))}</div>
${error ? `<div class="verdict bad" role="alert" data-error>${escape(error)}</div>` : ""}
<form method="post" action="/console/orgs/${escape(slug)}/credentials/${escape(credential.id)}/${action}?lang=${lang}">
  <input type="hidden" name="_csrf" value="${escape(frame.csrfToken)}">
  <label for="reason">${escape(t("reason", lang))}</label>
  <input id="reason" name="reason" required minlength="3" maxlength="500" class="field">
  <button type="submit" class="button${text.danger ? " danger" : ""}">${escape(t(text.confirm, lang))}</button>
  <a class="button quiet" href="/console/orgs/${escape(slug)}/credentials?lang=${lang}">${escape(t("cancel", lang))}</a>
</form>`,
  );
}

export function renderNotAllowed(frame: ConsoleFrame): string {
  return layout(frame, "consoleTitle", `<div class="verdict bad" role="alert">${escape(t("notAllowed", frame.lang))}</div>`);
}

const LANG_CODES = ["kk", "ru", "en"] as const;
export const FORM_ROWS = 6;

/** The programme form: every registry field (M appendix) and the structure (M п.9), each text in kk/ru/en. */
export function renderProgrammeForm(frame: ConsoleFrame, values: Readonly<Record<string, string>>, errors: readonly string[]): string {
  const { lang, slug } = frame;
  const v = (name: string) => escape(values[name] ?? "");
  const input = (name: string, label: string, attrs = "") =>
    `<label for="${name}">${escape(label)}</label><input id="${name}" name="${name}" value="${v(name)}" class="field" ${attrs}>`;
  const trio = (name: string, key: PageTextKey, required = true) =>
    `<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(t(key, lang))}</legend>${LANG_CODES.map(
      (l) => input(`${name}.${l}`, `${t(key, lang)} (${l})`, required ? "required" : ""),
    ).join("")}</fieldset>`;
  const choice = (name: string, options: readonly [string, string][]) =>
    `<select id="${name}" name="${name}" class="field">${options.map(([value, label]) => `<option value="${value}"${values[name] === value ? " selected" : ""}>${escape(label)}</option>`).join("")}</select>`;
  const rows = (prefix: string, build: (i: number) => string) => Array.from({ length: FORM_ROWS }, (_, i) => build(i + 1)).join("");
  const content = `<p>${escape(t("programmeHelp", lang))}</p>
${errors.length > 0 ? `<div class="verdict bad" role="alert" data-errors>${escape(t("fixErrors", lang))}<ul>${errors.map((e) => `<li>${escape(e)}</li>`).join("")}</ul></div>` : ""}
<form method="post" action="/console/orgs/${escape(slug)}/programmes/new?lang=${lang}">
<input type="hidden" name="_csrf" value="${escape(frame.csrfToken)}">
${input("code", t("f_code", lang), 'required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}"')}
${trio("names", "f_names")}${trio("qualificationName", "f_qualificationName")}${trio("goal", "f_goal")}
<label for="form">${escape(t("f_form", lang))}</label>${choice(
    "form",
    (["offline", "online", "blended"] as const).map((f) => [f, t(`form_${f}`, lang)]),
  )}
${input("nqfLevel", t("f_nqfLevel", lang), 'type="number" min="1" max="8" required')}
${input("credits", t("credits", lang), 'type="number" min="0.5" step="0.5"')}${input("hours", t("f_hours", lang), 'type="number" min="1" step="1"')}
<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(t("f_languages", lang))}</legend>${LANG_CODES.map(
    (l) =>
      `<label style="margin-right:1rem"><input type="checkbox" name="languages" value="${l}"${(values.languages ?? "kk,ru").split(",").includes(l) ? " checked" : ""}> ${escape(t("languageName", l))}</label>`,
  ).join("")}</fieldset>
<label for="accreditation">${escape(t("f_accreditation", lang))}</label>${choice(
    "accreditation",
    (["none", "national_institutional", "national_programme", "international"] as const).map((a) => [a, t(`acc_${a}`, lang)]),
  )}
${input("agency", t("f_agency", lang))}
${trio("standard", "f_standard")}${trio("labourFunction", "f_labourFunction")}
<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(t("f_outcomes", lang))}</legend>${rows(
    "lo",
    (i) =>
      [
        input(`lo.${i}.code`, `${t("code", lang)} ${i}`),
        ...LANG_CODES.map((l) => input(`lo.${i}.${l}`, `${t("f_outcomes", lang)} ${i} (${l})`)),
      ].join(""),
  )}</fieldset>
<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(t("f_plan", lang))}</legend>${rows(
    "plan",
    (i) =>
      [
        ...LANG_CODES.map((l) => input(`plan.${i}.${l}`, `${t("f_plan", lang)} ${i} (${l})`)),
        input(`plan.${i}.hours`, `${t("f_hours", lang)} ${i}`, 'type="number" min="1"'),
      ].join(""),
  )}</fieldset>
${trio("teachingMethods", "f_teachingMethods")}${trio("assessment", "f_assessment")}
<button type="submit" class="button">${escape(t("createProgramme", lang))}</button>
</form>`;
  return layout(frame, "newProgramme", content);
}

export function renderProgrammePage(
  frame: ConsoleFrame,
  p: {
    code: string;
    name: string;
    status: string;
    credits: number;
    hours: number;
    outcomes: readonly string[];
    batches: readonly { id: string; status: string; total: number; processed: number; createdAt: string }[];
  },
  error: string | null,
): string {
  const { lang, slug } = frame;
  const base = `/console/orgs/${escape(slug)}/programmes/${encodeURIComponent(p.code)}`;
  const actions =
    p.status === "draft"
      ? `<h2>${escape(t("approve", lang))}</h2><form method="post" action="${base}/approve?lang=${lang}"><input type="hidden" name="_csrf" value="${escape(frame.csrfToken)}">
<label for="decisionNumber">${escape(t("decisionNumber", lang))}</label><input id="decisionNumber" name="decisionNumber" required class="field">
<label for="decisionDate">${escape(t("decisionDate", lang))}</label><input id="decisionDate" name="decisionDate" type="date" required class="field">
<button class="button" type="submit">${escape(t("approve", lang))}</button></form>`
      : p.status === "approved"
        ? `<form method="post" action="${base}/publish?lang=${lang}"><input type="hidden" name="_csrf" value="${escape(frame.csrfToken)}"><button class="button" type="submit">${escape(t("publish", lang))}</button></form>`
        : p.status === "published"
          ? `<p><a class="button" href="${base}/award?lang=${lang}">${escape(t("awardCohort", lang))}</a></p>`
          : "";
  return layout(
    frame,
    "navProgrammes",
    `${error ? `<div class="verdict bad" role="alert" data-error>${escape(error)}</div>` : ""}
<dl><dt>${escape(t("code", lang))}</dt><dd>${escape(p.code)}</dd><dt>${escape(t("name", lang))}</dt><dd>${escape(p.name)}</dd>
<dt>${escape(t("status", lang))}</dt><dd data-programme-status="${escape(p.status)}">${escape(t(`programmeStatus_${p.status}` as PageTextKey, lang))}</dd>
<dt>${escape(t("credits", lang))}</dt><dd>${escape(p.credits)} / ${escape(p.hours)}</dd></dl>
<ul>${p.outcomes.map((o) => `<li>${escape(o)}</li>`).join("")}</ul>${actions}
${
  p.batches.length > 0
    ? table(
        lang,
        ["batchStarted", "status", "batchProgressShort"],
        p.batches.map((b) => [
          `<a href="/console/orgs/${escape(slug)}/award-batches/${escape(b.id)}?lang=${lang}">${momentText(b.createdAt, lang)}</a>`,
          `<span data-batch="${escape(b.status)}">${escape(t(`batchStatus_${b.status}` as PageTextKey, lang))}</span>`,
          `${escape(b.processed)} / ${escape(b.total)}`,
        ]),
        t("recentAwards", lang),
      )
    : ""
}`,
  );
}
