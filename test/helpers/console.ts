// Driving the console without a browser (app.inject): sign in as a person the way the sign-in page does, then get
// pages and post forms (url-encoded or multipart) with the session cookie and its CSRF token.
import { expect } from "vitest";
import { admin, type TestService } from "./service.js";

export interface ConsoleSession {
  readonly cookie: string;
  /** The session's CSRF token, or null to post a form without one. */
  readonly csrf: string | null;
}

/** A session as sign-in gives it: always with its CSRF token. */
export interface SignedIn extends ConsoleSession {
  readonly csrf: string;
}

const FORM = "application/x-www-form-urlencoded";
const cookiesOf = (res: { cookies: { name: string; value: string }[] }) => Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

/** A user with these roles at the institution (or a platform admin), signed in to the console. */
export async function consolePerson(
  svc: TestService,
  who: { email: string; fullName: string; institution?: string; roles?: readonly string[]; platformAdmin?: boolean },
): Promise<SignedIn & { id: string }> {
  const user = (
    await svc.app.inject({
      method: "POST",
      url: "/users",
      headers: admin,
      payload: { email: who.email, fullName: who.fullName, isPlatformAdmin: who.platformAdmin ?? false },
    })
  ).json<{ id: string }>();
  for (const role of who.roles ?? [])
    await svc.app.inject({ method: "PUT", url: `/orgs/${who.institution}/members/${user.id}/roles/${role}`, headers: admin });
  const password = (await svc.app.inject({ method: "PUT", url: `/users/${user.id}/password`, headers: admin, payload: {} })).json<{
    password: string;
  }>().password;
  return { id: user.id, ...(await consoleSignIn(svc, who.email, password)) };
}

export async function consoleSignIn(svc: TestService, email: string, password: string): Promise<SignedIn> {
  const page = await svc.app.inject({ method: "GET", url: "/console/sign-in?lang=en" });
  const signIn = await svc.app.inject({
    method: "POST",
    url: "/console/sign-in?lang=en",
    headers: { "content-type": FORM, cookie: `kualik_login=${cookiesOf(page).kualik_login}` },
    payload: new URLSearchParams({ email, password, _login: /name="_login" value="([^"]+)"/.exec(page.body)![1]! }).toString(),
  });
  expect(signIn.statusCode).toBe(303);
  const cookie = `kualik_session=${cookiesOf(signIn).kualik_session}`;
  const home = await svc.app.inject({ method: "GET", url: "/console", headers: { cookie } });
  return { cookie, csrf: csrfOf(home.body) };
}

export const consoleGet = (svc: TestService, who: ConsoleSession, url: string) =>
  svc.app.inject({ method: "GET", url, headers: { cookie: who.cookie } });

/** Posts a url-encoded form; a field given as an array is sent once per value, as checkboxes are. */
export function consolePost(svc: TestService, who: ConsoleSession, url: string, fields: Record<string, string | readonly string[]>) {
  const body = new URLSearchParams();
  if (who.csrf !== null) body.append("_csrf", who.csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return svc.app.inject({ method: "POST", url, headers: { cookie: who.cookie, "content-type": FORM }, payload: body.toString() });
}

/** Posts a multipart form with one file. */
export function consoleUpload(
  svc: TestService,
  who: ConsoleSession,
  url: string,
  file: { field: string; name: string; type: string; content: string },
  fields: Record<string, string> = {},
) {
  const boundary = "----kualik-test-boundary";
  const part = (name: string, value: string, filename?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: ${file.type}` : ""}\r\n\r\n${value}\r\n`;
  const payload = `${who.csrf !== null ? part("_csrf", who.csrf) : ""}${Object.entries(fields)
    .map(([k, v]) => part(k, v))
    .join("")}${part(file.field, file.content, file.name)}--${boundary}--\r\n`;
  return svc.app.inject({
    method: "POST",
    url,
    headers: { cookie: who.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
