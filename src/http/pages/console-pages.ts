// The staff console's sign-in page and home, in kk/ru/en. Server-rendered forms; every form that changes something
// carries the session's CSRF token.
import type { Principal } from "../../domain/access/roles.js";
import type { Lang } from "../../errors.js";
import { t, type PageTextKey } from "./messages.js";
import { escape, page } from "./verify-page.js";

const FIELD =
  "display:block;width:100%;padding:.6rem .7rem;margin:.25rem 0 .9rem;border:1px solid #8a8a8a;border-radius:.4rem;font:inherit";
const BUTTON =
  "padding:.65rem 1.2rem;border:0;border-radius:.5rem;background:#1f4e79;color:#fff;font:inherit;font-weight:700;cursor:pointer";
const FOCUS = `<style>input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #f2a900;outline-offset:2px}</style>`;

const langNav = (lang: Lang, path: string) =>
  `<nav aria-label="Language">${(["kk", "ru", "en"] as const)
    .map(
      (l) =>
        `<a href="${escape(path)}?lang=${l}" lang="${l}"${l === lang ? ' aria-current="true"' : ""}>${escape(t("languageName", l))}</a>`,
    )
    .join("")}</nav>`;

export function renderSignInPage(input: {
  lang: Lang;
  loginToken: string;
  error: string | null;
  email: string;
  sso: readonly { readonly slug: string; readonly name: string }[];
}): string {
  const { lang } = input;
  const body = `${langNav(lang, "/console/sign-in")}
<h2>${escape(t("signInTitle", lang))}</h2>
<p>${escape(t("signInHelp", lang))}</p>
${input.error ? `<div class="verdict bad" role="alert" data-error>${escape(input.error)}</div>` : ""}
<form method="post" action="/console/sign-in?lang=${lang}">
  <input type="hidden" name="_login" value="${escape(input.loginToken)}">
  <label for="email">${escape(t("email", lang))}</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${escape(input.email)}" style="${FIELD}">
  <label for="password">${escape(t("password", lang))}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required style="${FIELD}">
  <button type="submit" style="${BUTTON}">${escape(t("signIn", lang))}</button>
</form>
${
  input.sso.length > 0
    ? `<h2>${escape(t("ssoTitle", lang))}</h2><ul>${input.sso.map((s) => `<li><a data-sso="${escape(s.slug)}" href="/console/sso/${escape(s.slug)}?lang=${lang}">${escape(s.name)}</a></li>`).join("")}</ul>`
    : ""
}`;
  return page(lang, body, "consoleTitle", FOCUS);
}

export function renderConsoleHome(input: {
  lang: Lang;
  userName: string;
  principal: Principal;
  institutions: ReadonlyMap<string, { readonly name: string; readonly slug: string }>;
  csrfToken: string;
}): string {
  const { lang, principal } = input;
  const byInstitution = new Map<string, string[]>();
  for (const g of principal.grants)
    byInstitution.set(g.institutionId, [...(byInstitution.get(g.institutionId) ?? []), t(`role_${g.role}` as PageTextKey, lang)]);
  const roles = [
    ...(principal.platformAdmin ? [`<li data-role="platform_admin">${escape(t("platformAdmin", lang))}</li>`] : []),
    ...[...byInstitution].map(([id, names]) => {
      const institution = input.institutions.get(id);
      const registrar = principal.grants.some((g) => g.institutionId === id && g.role === "registrar");
      const links =
        institution && registrar
          ? ` — <a href="/console/orgs/${escape(institution.slug)}/programmes?lang=${lang}">${escape(t("navProgrammes", lang))}</a> · <a href="/console/orgs/${escape(institution.slug)}/credentials?lang=${lang}">${escape(t("navCredentials", lang))}</a>`
          : "";
      return `<li><strong>${escape(institution?.name ?? id)}</strong>: ${escape(names.join(", "))}${links}</li>`;
    }),
  ];
  const tools: [PageTextKey, string][] = [
    ...(principal.platformAdmin ? ([["navAdmin", "/console/admin"]] as [PageTextKey, string][]) : []),
    ["toolVerify", "/verify"],
    ["toolRequest", "/verify/request"],
    ["toolApi", "/docs"],
  ];
  const body = `${langNav(lang, "/console")}
<h2>${escape(t("welcome", lang))}, <span data-user>${escape(input.userName)}</span></h2>
<h2>${escape(t("yourRoles", lang))}</h2>
${roles.length > 0 ? `<ul data-roles>${roles.join("")}</ul>` : `<p>${escape(t("noRoles", lang))}</p>`}
<h2>${escape(t("tools", lang))}</h2>
<ul>${tools.map(([key, href]) => `<li><a href="${href}?lang=${lang}">${escape(t(key, lang))}</a></li>`).join("")}</ul>
<form method="post" action="/console/sign-out?lang=${lang}">
  <input type="hidden" name="_csrf" value="${escape(input.csrfToken)}">
  <button type="submit" style="${BUTTON}">${escape(t("signOut", lang))}</button>
</form>`;
  return page(lang, body, "consoleTitle", FOCUS);
}
