// The platform administrator's console pages: institutions with key rotation (behind a confirmation), users with
// roles and password resets, API tokens (the secret shown once, revocation behind a confirmation), and the trust
// registry (add, remove behind a confirmation, replace from the exported file). kk/ru/en.
import type { TrustedIssuer } from "../../db/repositories/trust-registry.js";
import type { UserRecord } from "../../db/repositories/users.js";
import { INSTITUTION_ROLES, type InstitutionRole } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";
import type { Lang } from "../../errors.js";
import { dayText, errorBox, inputField, momentText, selectField, submitButton, trioFields } from "./form-kit.js";
import { t, type PageTextKey } from "./messages.js";
import { fill, pager, table, type Paging } from "./registrar-pages.js";
import { escape, page } from "./verify-page.js";

const CSS = `<style>
input:focus-visible,select:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d9d9d9}th,td{text-align:left;padding:.5rem .6rem;border-top:1px solid #d9d9d9;vertical-align:top}th{background:#eef2f6;border-top:0}
.field{display:block;width:100%;padding:.55rem .7rem;margin:.25rem 0 .9rem;border:1px solid #8a8a8a;border-radius:.4rem;font:inherit;background:#fff}
.button{display:inline-block;padding:.55rem 1rem;border:0;border-radius:.5rem;background:#1f4e79;color:#fff;font:inherit;font-weight:700;cursor:pointer;text-decoration:none}.button.danger{background:#a40e0e}.button.quiet{background:#fff;color:#1f4e79;border:1px solid #1f4e79}
.notice{border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0;background:#e7f3ec;color:#0b4d22}body main{max-width:64rem}
.pager{display:flex;gap:1rem;align-items:center;margin:.75rem 0}fieldset{border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0 .9rem;padding:.5rem 1rem}
td code{word-break:break-all}.secret{display:block;padding:.6rem;margin:.5rem 0;background:#fff;border:1px solid #8a8a8a;border-radius:.4rem;word-break:break-all;user-select:all}
</style>`;

export interface AdminFrame {
  readonly lang: Lang;
  readonly csrfToken: string;
  readonly path: string;
}

const hidden = (frame: AdminFrame) => `<input type="hidden" name="_csrf" value="${escape(frame.csrfToken)}">`;

function layout(frame: AdminFrame, content: string): string {
  const { lang } = frame;
  const nav = `<nav aria-label="Console" style="justify-content:flex-start;flex-wrap:wrap"><a href="/console?lang=${lang}">${escape(t("navHome", lang))}</a><a href="/console/admin?lang=${lang}">${escape(t("navAdmin", lang))}</a><a href="/console/admin/tokens?lang=${lang}">${escape(t("adminTokensTitle", lang))}</a><a href="/console/admin/trust-registry?lang=${lang}">${escape(t("trustRegistry", lang))}</a><span style="flex:1"></span>${(
    ["kk", "ru", "en"] as const
  )
    .map(
      (l) =>
        `<a href="${escape(frame.path)}?lang=${l}" lang="${l}"${l === lang ? ' aria-current="true"' : ""}>${escape(t("languageName", l))}</a>`,
    )
    .join("")}</nav>`;
  return page(lang, `${nav}<h2>${escape(t("navAdmin", lang))}</h2>${content}`, "consoleTitle", CSS);
}

export function renderAdminPage(
  frame: AdminFrame,
  d: {
    institutions: readonly Institution[];
    users: readonly UserRecord[];
    trusted: readonly { did: string; names: { kk: string; ru: string; en: string }; kind: string; accreditation: string | null }[];
    notice: string | null;
    error: string | null;
    generatedPassword: { email: string; password: string } | null;
    institutionForm: { values: Record<string, string>; error: string } | null;
  },
): string {
  const { lang } = frame;
  const slugOf = new Map(d.institutions.map((i) => [i.id, i.slug]));
  const institutions = table(
    lang,
    ["institution", "signingKey", "actions"],
    d.institutions.map((i) => [
      `${escape(i.names[lang])}<br><code>${escape(i.did)}</code>`,
      `<code data-kid="${escape(i.slug)}">${escape(i.activeKid.slice(0, 16))}…</code>`,
      `<a href="/console/admin/institutions/${escape(i.slug)}/rotate-key?lang=${lang}">${escape(t("rotateKey", lang))}</a>`,
    ]),
    t("institutions", lang),
  );
  const roleOptions = INSTITUTION_ROLES.map((r) => `<option value="${r}">${escape(t(`role_${r}` as PageTextKey, lang))}</option>`).join("");
  const institutionOptions = d.institutions.map((i) => `<option value="${escape(i.slug)}">${escape(i.names[lang])}</option>`).join("");
  const users = table(
    lang,
    ["fullName", "email", "role", "actions"],
    d.users.map((u) => [
      escape(u.fullName),
      escape(u.email),
      [
        ...(u.isPlatformAdmin ? [t("platformAdmin", lang)] : []),
        ...u.grants.map((g) => `${t(`role_${g.role}` as PageTextKey, lang)} (${slugOf.get(g.institutionId) ?? "?"})`),
      ]
        .map(escape)
        .join("<br>"),
      `<form method="post" action="/console/admin/users/${escape(u.id)}/roles?lang=${lang}" style="margin-bottom:.5rem">${hidden(frame)}
<label for="inst-${escape(u.id)}">${escape(t("institution", lang))}</label><select id="inst-${escape(u.id)}" name="institution" class="field">${institutionOptions}</select>
<label for="role-${escape(u.id)}">${escape(t("role", lang))}</label><select id="role-${escape(u.id)}" name="role" class="field">${roleOptions}</select>
<button class="button quiet" type="submit">${escape(t("grantRole", lang))}</button></form>
<form method="post" action="/console/admin/users/${escape(u.id)}/password?lang=${lang}">${hidden(frame)}<button class="button quiet" type="submit">${escape(t("resetPassword", lang))}</button></form>`,
    ]),
    t("users", lang),
  );
  const trusted = table(
    lang,
    ["name", "kind", "accreditation"],
    d.trusted.map((e) => [`${escape(e.names[lang])}<br><code>${escape(e.did)}</code>`, escape(e.kind), escape(e.accreditation ?? "—")]),
    t("trustRegistry", lang),
  );
  return layout(
    frame,
    `${d.notice ? `<div class="notice" role="status">${escape(d.notice)}</div>` : ""}${d.error ? `<div class="verdict bad" role="alert" data-error>${escape(d.error)}</div>` : ""}
${d.generatedPassword ? `<dl data-generated><dt>${escape(t("newPassword", lang))} · ${escape(d.generatedPassword.email)}</dt><dd data-password>${escape(d.generatedPassword.password)}</dd></dl>` : ""}
<h2>${escape(t("institutions", lang))}</h2>${institutions}
${newInstitutionForm(frame, d.institutionForm)}
<h2>${escape(t("users", lang))}</h2>${users}
<h3>${escape(t("createUser", lang))}</h3>
<form method="post" action="/console/admin/users?lang=${lang}">${hidden(frame)}
<label for="new-name">${escape(t("fullName", lang))}</label><input id="new-name" name="fullName" required class="field">
<label for="new-email">${escape(t("email", lang))}</label><input id="new-email" name="email" type="email" required class="field">
<button class="button" type="submit">${escape(t("createUser", lang))}</button></form>
<h2>${escape(t("adminTokensTitle", lang))}</h2><p>${escape(t("tokensHelp", lang))}</p>
<p><a class="button quiet" href="/console/admin/tokens?lang=${lang}">${escape(t("adminTokensTitle", lang))}</a></p>
<h2>${escape(t("trustRegistry", lang))}</h2>${trusted}<p><a class="button quiet" href="/console/admin/trust-registry?lang=${lang}">${escape(t("trustEditTitle", lang))}</a> · <a href="/trust-registry">GET /trust-registry</a> · PUT /trust-registry (<a href="/docs">API</a>)</p>`,
  );
}

export function renderRotatePage(frame: AdminFrame, institution: Institution): string {
  const { lang } = frame;
  return layout(
    frame,
    `<h3>${escape(t("rotateKey", lang))}: ${escape(institution.names[lang])}</h3>
<p><code>${escape(institution.activeKid)}</code></p>
<div class="verdict warn" role="note">${escape(t("rotateWarning", lang))}</div>
<form method="post" action="/console/admin/institutions/${escape(institution.slug)}/rotate-key?lang=${lang}">${hidden(frame)}
<button class="button danger" type="submit">${escape(t("confirmRotate", lang))}</button>
<a class="button quiet" href="/console/admin?lang=${lang}">${escape(t("cancel", lang))}</a></form>`,
  );
}

// ---- shared pieces of the pages below ----

/** A notice after a redirect, and an error: one line, or a lead line and what exactly is wrong. */
function notices(lang: Lang, notice: string | null, errors: readonly string[], lead: string | null = null): string {
  const head = lead ?? (errors.length === 1 ? errors[0]! : errors.length > 1 ? t("fixErrors", lang) : null);
  const list = errors.length > 1 || (lead && errors.length > 0) ? `<ul>${errors.map((e) => `<li>${escape(e)}</li>`).join("")}</ul>` : "";
  return `${notice ? `<div class="notice" role="status">${escape(notice)}</div>` : ""}${
    head ? `<div class="verdict bad" role="alert" data-error>${escape(head)}${list}</div>` : ""
  }`;
}

/** A day (registry validity, kept as UTC days) in the reader's language. */
const day = (at: Date, lang: Lang) => dayText(at.toISOString().slice(0, 10), lang);

// ---- API tokens ----

export type TokenStatus = "active" | "expired" | "revoked";

export interface TokenRow {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  /** Whose token it is, already in the reader's language. */
  readonly owner: string;
  readonly roles: readonly InstitutionRole[];
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly status: TokenStatus;
}

export const PLATFORM_CHOICE = "_platform";

export interface TokenForm {
  readonly institution: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly days: string;
}

export const EMPTY_TOKEN_FORM: TokenForm = { institution: "", name: "", roles: [], days: "90" };

export function renderTokensPage(
  frame: AdminFrame,
  d: {
    rows: readonly TokenRow[];
    paging: Paging;
    institutions: readonly Institution[];
    form: TokenForm;
    notice: string | null;
    errors: readonly string[];
    secret: { name: string; token: string } | null;
  },
): string {
  const { lang } = frame;
  const roleName = (r: InstitutionRole) => t(`role_${r}` as PageTextKey, lang);
  const rows = d.rows.map((r) => [
    `${escape(r.name)}<br><code>${escape(r.prefix)}…</code>`,
    escape(r.owner),
    r.roles.map((role) => escape(roleName(role))).join("<br>") || "—",
    momentText(r.createdAt, lang),
    r.expiresAt ? momentText(r.expiresAt, lang) : escape(t("tokenNoExpiry", lang)),
    r.lastUsedAt ? momentText(r.lastUsedAt, lang) : escape(t("tokenNeverUsed", lang)),
    `<span data-token-status="${r.status}">${escape(t(`tokenStatus_${r.status}`, lang))}</span>`,
    r.status === "revoked"
      ? ""
      : `<a href="/console/admin/tokens/${escape(r.id)}/revoke?lang=${lang}" aria-label="${escape(`${t("revoke", lang)}: ${r.name}`)}">${escape(t("revoke", lang))}</a>`,
  ]);
  const secret = d.secret
    ? `<section class="verdict warn" role="status" data-token-secret-panel><h3>${escape(fill(t("tokenSecretTitle", lang), { name: d.secret.name }))}</h3>
<p><strong>${escape(t("tokenSecretWarning", lang))}</strong></p><code class="secret" data-token-secret>${escape(d.secret.token)}</code></section>`
    : "";
  const options = [
    ...d.institutions.map(
      (i) => `<option value="${escape(i.slug)}"${d.form.institution === i.slug ? " selected" : ""}>${escape(i.names[lang])}</option>`,
    ),
    `<option value="${PLATFORM_CHOICE}"${d.form.institution === PLATFORM_CHOICE ? " selected" : ""}>${escape(t("tokenPlatform", lang))}</option>`,
  ].join("");
  const roleBoxes = INSTITUTION_ROLES.map(
    (r) =>
      `<label style="display:inline-block;margin-right:1rem"><input type="checkbox" name="roles" value="${r}"${d.form.roles.includes(r) ? " checked" : ""}> ${escape(roleName(r))}</label>`,
  ).join("");
  return layout(
    frame,
    `<h2>${escape(t("adminTokensTitle", lang))}</h2>${notices(lang, d.notice, d.errors)}${secret}
<p>${escape(t("tokensHelp", lang))}</p>
${table(lang, ["tokenName", "tokenOwner", "tokenRoles", "tokenCreated", "tokenExpires", "tokenLastUsed", "status", "actions"], rows, t("adminTokensTitle", lang))}
${pager(lang, "/console/admin/tokens", {}, d.paging)}
<h3>${escape(t("createToken", lang))}</h3>
<form method="post" action="/console/admin/tokens?lang=${lang}">${hidden(frame)}
<label for="token-institution">${escape(t("tokenOwner", lang))}</label><select id="token-institution" name="institution" class="field">${options}</select>
<label for="token-name">${escape(t("tokenName", lang))}</label><input id="token-name" name="name" required maxlength="100" class="field" value="${escape(d.form.name)}">
<fieldset aria-describedby="token-roles-hint"><legend>${escape(t("tokenRoles", lang))}</legend>${roleBoxes}<p id="token-roles-hint" style="margin:.5rem 0 0">${escape(t("tokenRolesHint", lang))}</p></fieldset>
<label for="token-days">${escape(t("tokenExpiryDays", lang))}</label><input id="token-days" name="days" type="number" min="1" max="3650" step="1" class="field" value="${escape(d.form.days)}">
<button class="button" type="submit">${escape(t("createToken", lang))}</button></form>`,
  );
}

export function renderTokenRevokePage(frame: AdminFrame, token: TokenRow, error: string | null): string {
  const { lang } = frame;
  return layout(
    frame,
    `<h3>${escape(t("tokenRevokeTitle", lang))}</h3>
<dl><dt>${escape(t("tokenName", lang))}</dt><dd>${escape(token.name)} <code>${escape(token.prefix)}…</code></dd>
<dt>${escape(t("tokenOwner", lang))}</dt><dd>${escape(token.owner)}</dd>
<dt>${escape(t("tokenLastUsed", lang))}</dt><dd>${token.lastUsedAt ? momentText(token.lastUsedAt, lang) : escape(t("tokenNeverUsed", lang))}</dd></dl>
<div class="verdict bad" role="note">${escape(t("tokenRevokeWarning", lang))}</div>${notices(lang, null, error ? [error] : [])}
<form method="post" action="/console/admin/tokens/${escape(token.id)}/revoke?lang=${lang}">${hidden(frame)}
<button class="button danger" type="submit">${escape(t("tokenConfirmRevoke", lang))}</button>
<a class="button quiet" href="/console/admin/tokens?lang=${lang}">${escape(t("cancel", lang))}</a></form>`,
  );
}

// ---- the trust registry ----

export const TRUST_KINDS = ["higher", "tvet", "recognition_centre", "other"] as const;

export type TrustForm = Readonly<Record<string, string>>;

export function renderTrustRegistryPage(
  frame: AdminFrame,
  d: {
    entries: readonly TrustedIssuer[];
    form: TrustForm;
    notice: string | null;
    /** The lead line of an error, and what exactly is wrong (fields of the form, places in a file). */
    error: { lead: string; details: readonly string[] } | null;
  },
): string {
  const { lang } = frame;
  const v = (name: string) => escape(d.form[name] ?? "");
  const rows = d.entries.map((e) => [
    `${escape(e.names[lang])}<br><code data-did>${escape(e.did)}</code>`,
    escape(t(`trustKind_${e.kind}`, lang)),
    escape(e.accreditation ?? "—"),
    e.validFrom ? day(e.validFrom, lang) : escape(t("trustAlways", lang)),
    e.validUntil ? day(e.validUntil, lang) : escape(t("trustAlways", lang)),
    `<a href="/console/admin/trust-registry/remove?${escape(new URLSearchParams({ did: e.did, lang }).toString())}" aria-label="${escape(`${t("trustRemove", lang)}: ${e.names[lang]}`)}">${escape(t("trustRemove", lang))}</a>`,
  ]);
  const kinds = TRUST_KINDS.map(
    (k) => `<option value="${k}"${d.form.kind === k ? " selected" : ""}>${escape(t(`trustKind_${k}`, lang))}</option>`,
  ).join("");
  return layout(
    frame,
    `<h2>${escape(t("trustEditTitle", lang))}</h2>${notices(lang, d.notice, d.error?.details ?? [], d.error?.lead ?? null)}
<p>${escape(t("trustHelp", lang))}</p>
${table(lang, ["name", "kind", "accreditation", "trustValidFrom", "trustValidUntil", "actions"], rows, t("trustRegistry", lang))}
<p><a href="/trust-registry" download="trust-registry.json">${escape(t("trustExport", lang))}</a></p>
<h3>${escape(t("trustAdd", lang))}</h3>
<form method="post" action="/console/admin/trust-registry/entries?lang=${lang}">${hidden(frame)}
<label for="trust-dids">${escape(t("trustDids", lang))}</label><textarea id="trust-dids" name="dids" required rows="2" class="field">${v("dids")}</textarea>
${(["kk", "ru", "en"] as const)
  .map(
    (l) =>
      `<label for="trust-name-${l}">${escape(fill(t("trustNameIn", lang), { lang: t("languageName", l) }))}</label><input id="trust-name-${l}" name="names.${l}" lang="${l}" required maxlength="500" class="field" value="${v(`names.${l}`)}">`,
  )
  .join("")}
<label for="trust-kind">${escape(t("kind", lang))}</label><select id="trust-kind" name="kind" class="field">${kinds}</select>
<label for="trust-accreditation">${escape(t("accreditation", lang))}</label><input id="trust-accreditation" name="accreditation" maxlength="500" aria-describedby="trust-accreditation-hint" class="field" value="${v("accreditation")}" style="margin-bottom:.2rem">
<p id="trust-accreditation-hint" style="margin:0 0 .9rem">${escape(t("trustAccreditationHint", lang))}</p>
<label for="trust-from">${escape(t("trustValidFrom", lang))}</label><input id="trust-from" name="validFrom" type="date" class="field" value="${v("validFrom")}">
<label for="trust-until">${escape(t("trustValidUntil", lang))}</label><input id="trust-until" name="validUntil" type="date" class="field" value="${v("validUntil")}">
<button class="button" type="submit">${escape(t("trustAdd", lang))}</button></form>
<h3>${escape(t("trustUploadTitle", lang))}</h3>
<p>${escape(t("trustUploadHelp", lang))}</p>
<form method="post" enctype="multipart/form-data" action="/console/admin/trust-registry/file?lang=${lang}">${hidden(frame)}
<label for="trust-file">${escape(t("file", lang))}</label><input id="trust-file" name="file" type="file" accept=".json,application/json" required class="field">
<p><label><input type="checkbox" name="confirm" value="yes" required> ${escape(fill(t("trustReplaceConfirm", lang), { count: d.entries.length }))}</label></p>
<button class="button danger" type="submit">${escape(t("trustReplaceButton", lang))}</button></form>`,
  );
}

export function renderTrustRemovePage(frame: AdminFrame, entry: TrustedIssuer): string {
  const { lang } = frame;
  return layout(
    frame,
    `<h3>${escape(t("trustRemoveTitle", lang))}</h3>
<dl><dt>${escape(t("name", lang))}</dt><dd>${escape(entry.names[lang])}</dd><dt>DID</dt><dd><code>${escape(entry.did)}</code></dd>
<dt>${escape(t("kind", lang))}</dt><dd>${escape(t(`trustKind_${entry.kind}`, lang))}</dd></dl>
<div class="verdict bad" role="note">${escape(t("trustRemoveWarning", lang))}</div>
<form method="post" action="/console/admin/trust-registry/remove?lang=${lang}">${hidden(frame)}<input type="hidden" name="did" value="${escape(entry.did)}">
<button class="button danger" type="submit">${escape(t("trustConfirmRemove", lang))}</button>
<a class="button quiet" href="/console/admin/trust-registry?lang=${lang}">${escape(t("cancel", lang))}</a></form>`,
  );
}

/** A new institution: slug (its did:web path), BIN, kind (30 or 24 hours per credit), names, default proof format. */
function newInstitutionForm(frame: AdminFrame, refused: { values: Record<string, string>; error: string } | null): string {
  const { lang } = frame;
  const v = refused?.values ?? {};
  return `<h3>${escape(t("newInstitution", lang))}</h3>${errorBox(refused?.error ?? null)}
<form method="post" action="/console/admin/institutions?lang=${lang}" data-form="institution">${hidden(frame)}
${inputField(v, "slug", t("institutionSlug", lang), 'required pattern="[a-z][a-z0-9\\-]{1,62}" autocomplete="off"', "inst-slug")}
${inputField(v, "bin", t("institutionBin", lang), 'required inputmode="numeric" pattern="\\d{12}" maxlength="12" autocomplete="off"', "inst-bin")}
<label for="inst-kind">${escape(t("kind", lang))}</label>${selectField(
    "inst-kind",
    "kind",
    [
      ["higher", t("institutionKind_higher", lang)],
      ["tvet", t("institutionKind_tvet", lang)],
    ],
    v.kind ?? "higher",
  )}
${trioFields(v, "names", t("institutionName", lang))}
<label for="inst-format">${escape(t("proofFormat", lang))}</label>${selectField(
    "inst-format",
    "credentialFormat",
    [
      ["vc+jwt", "vc+jwt (VC-JOSE)"],
      ["di", "Data Integrity (eddsa-rdfc-2022)"],
    ],
    v.credentialFormat ?? "vc+jwt",
  )}
${submitButton(t("newInstitution", lang))}</form>`;
}
