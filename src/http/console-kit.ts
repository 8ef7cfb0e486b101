// What every console page does first: the reader's language, the signed-in person (or the way to sign-in), and,
// for an institution's pages, the institution and the role the page needs. And how an HTML page is sent.
import type { FastifyReply, FastifyRequest } from "fastify";
import { decide, type InstitutionRole, type Principal } from "../domain/access/roles.js";
import type { Institution } from "../domain/institutions/institution.js";
import { AppError, type Lang } from "../errors.js";
import type { Deps } from "../services/deps.js";
import { institutionBySlug } from "../services/did-documents.js";
import { SESSION_COOKIE } from "../services/sessions.js";
import { pickLang } from "./lang.js";
import { PAGE_TEXT, t, type PageTextKey } from "./pages/messages.js";
import type { FormState } from "./pages/reference-pages.js";
import { renderNotAllowed, type ConsoleFrame } from "./pages/registrar-pages.js";

export const LANG_COOKIE = "kualik_lang";

export const sendHtml = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).type("text/html; charset=utf-8").headers({ "cache-control": "no-store", "referrer-policy": "same-origin" }).send(body);

/** ?lang= first, then the language the person chose before (cookie), then the browser's. */
export const consoleLang = (request: FastifyRequest): Lang =>
  pickLang(request.headers["accept-language"], (request.query as { lang?: string } | undefined)?.lang ?? request.cookies[LANG_COOKIE]);

/** The signed-in person, or null after sending them to sign-in (saying so when their session ended). */
export async function signedIn(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ lang: Lang; principal: Principal; csrfToken: string } | null> {
  const lang = consoleLang(request);
  // A language chosen on any page is remembered for the next visit.
  if ((request.query as { lang?: string } | undefined)?.lang === lang && request.cookies[LANG_COOKIE] !== lang)
    void reply.setCookie(LANG_COOKIE, lang, { path: "/", sameSite: "lax", secure: request.protocol === "https", maxAge: 365 * 24 * 3600 });
  if (!request.session || !request.principal) {
    await reply.redirect(`/console/sign-in?lang=${lang}${request.cookies[SESSION_COOKIE] ? "&ended=1" : ""}`, 303);
    return null;
  }
  return { lang, principal: request.principal, csrfToken: request.session.csrfToken };
}

export interface InstitutionPage {
  readonly frame: ConsoleFrame;
  readonly institution: Institution;
  readonly principal: Principal;
  readonly actor: string;
}

/** An institution's console page for people holding one of these roles there; the refusal page otherwise. */
export async function institutionPage(
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  roles: readonly InstitutionRole[],
  deps: Deps,
): Promise<InstitutionPage | null> {
  const person = await signedIn(request, reply);
  if (!person) return null;
  const frame: ConsoleFrame = { lang: person.lang, slug, csrfToken: person.csrfToken, path: request.url.split("?")[0]! };
  const institution = await institutionBySlug(slug, deps);
  if (!institution || !decide(person.principal, { scope: "institution", roles }, institution.id).allowed) {
    await sendHtml(reply, institution ? 403 : 404, renderNotAllowed(frame));
    return null;
  }
  return { frame, institution, principal: person.principal, actor: person.principal.actor };
}

/** A posted form's text fields as typed (not its CSRF token): what a refused form is shown again with. */
export const formValues = (body: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(([k, v]) => typeof v === "string" && k !== "_csrf"),
  ) as Record<string, string>;

/** The people chosen in a form's per-person selects named `${prefix}${userId}`: each with the value chosen. */
export const chosenPeople = (values: Readonly<Record<string, string>>, prefix: string): { userId: string; value: string }[] =>
  Object.entries(values)
    .filter(([k, v]) => k.startsWith(prefix) && v !== "")
    .map(([k, value]) => ({ userId: k.slice(prefix.length), value }));

/** Whether the person on this institution page holds one of these roles there (platform admins always do). */
export const holdsRole = (page: Pick<InstitutionPage, "principal" | "institution">, roles: readonly InstitutionRole[]) =>
  decide(page.principal, { scope: "institution", roles }, page.institution.id).allowed;

interface Problem {
  readonly code: string;
  readonly discipline?: string | null;
  readonly detail?: string;
  readonly rule?: string | null;
}

/**
 * The problems a refusal lists (a curriculum's, a commission's, an expert group's), one line each: what it concerns,
 * what is wrong in the reader's words (the service's own words when there are none), the rule.
 */
export function problemLines(error: AppError, lang: Lang): string[] {
  const problems = (error.details as { problems?: readonly Problem[] } | undefined)?.problems ?? [];
  return problems.map((p) => {
    const key = `problem_${p.code}`;
    const text = key in PAGE_TEXT ? t(key as PageTextKey, lang) : (p.detail ?? p.code);
    return [p.discipline, text, p.rule].filter(Boolean).join(" · ");
  });
}

/** Runs a form's write: null when it is done; when refused, the form to show again with what was typed and why. */
export async function attemptForm(lang: Lang, values: Record<string, string>, fn: () => Promise<unknown>): Promise<FormState | null> {
  try {
    await fn();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { values, error: error.localized(lang), problems: problemLines(error, lang), status: error.status };
  }
}
