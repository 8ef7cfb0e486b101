// The platform administrator's console pages: institutions with key rotation (behind a confirmation), users with
// roles and password resets, and the trust registry. kk/ru/en.
import type { UserRecord } from "../../db/repositories/users.js";
import { INSTITUTION_ROLES } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";
import type { Lang } from "../../errors.js";
import { t, type PageTextKey } from "./messages.js";
import { table } from "./registrar-pages.js";
import { escape, page } from "./verify-page.js";

const CSS = `<style>
input:focus-visible,select:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d9d9d9}th,td{text-align:left;padding:.5rem .6rem;border-top:1px solid #d9d9d9;vertical-align:top}th{background:#eef2f6;border-top:0}
.field{display:block;width:100%;padding:.55rem .7rem;margin:.25rem 0 .9rem;border:1px solid #8a8a8a;border-radius:.4rem;font:inherit;background:#fff}
.button{display:inline-block;padding:.55rem 1rem;border:0;border-radius:.5rem;background:#1f4e79;color:#fff;font:inherit;font-weight:700;cursor:pointer;text-decoration:none}.button.danger{background:#a40e0e}.button.quiet{background:#fff;color:#1f4e79;border:1px solid #1f4e79}
.notice{border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0;background:#e7f3ec;color:#0b4d22}body main{max-width:64rem}
</style>`;

export interface AdminFrame {
  readonly lang: Lang;
  readonly csrfToken: string;
  readonly path: string;
}

const hidden = (frame: AdminFrame) => `<input type="hidden" name="_csrf" value="${escape(frame.csrfToken)}">`;

function layout(frame: AdminFrame, content: string): string {
  const { lang } = frame;
  const nav = `<nav aria-label="Console" style="justify-content:flex-start"><a href="/console?lang=${lang}">${escape(t("navHome", lang))}</a><a href="/console/admin?lang=${lang}">${escape(t("navAdmin", lang))}</a><span style="flex:1"></span>${(
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
<h2>${escape(t("users", lang))}</h2>${users}
<h3>${escape(t("createUser", lang))}</h3>
<form method="post" action="/console/admin/users?lang=${lang}">${hidden(frame)}
<label for="new-name">${escape(t("fullName", lang))}</label><input id="new-name" name="fullName" required class="field">
<label for="new-email">${escape(t("email", lang))}</label><input id="new-email" name="email" type="email" required class="field">
<button class="button" type="submit">${escape(t("createUser", lang))}</button></form>
<h2>${escape(t("trustRegistry", lang))}</h2>${trusted}<p><a href="/trust-registry">GET /trust-registry</a> · PUT /trust-registry (<a href="/docs">API</a>)</p>`,
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
