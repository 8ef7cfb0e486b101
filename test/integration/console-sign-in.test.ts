// Signing in to the staff console: scrypt passwords, an HttpOnly session cookie, CSRF on every change made with
// the cookie, lock-out after five wrong passwords, expiry, and the administrator's password reset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, bearer, institutionBody, startService, type TestService } from "../helpers/service.js";

let svc: TestService;
let now = Date.parse("2026-11-23T04:00:00Z");
let userId: string;
let password: string;

const cookiesOf = (res: { cookies: { name: string; value: string }[] }) => Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));

async function signInForm(): Promise<{ login: string; token: string }> {
  const page = await svc.app.inject({ method: "GET", url: "/console/sign-in?lang=en" });
  expect(page.statusCode).toBe(200);
  const token = /name="_login" value="([^"]+)"/.exec(page.body)![1]!;
  return { login: cookiesOf(page).kualik_login!, token };
}

async function signIn(email: string, pass: string) {
  const form = await signInForm();
  return svc.app.inject({
    method: "POST",
    url: "/console/sign-in?lang=en",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `kualik_login=${form.login}` },
    payload: new URLSearchParams({ email, password: pass, _login: form.token }).toString(),
  });
}

beforeAll(async () => {
  svc = await startService({ clock: () => new Date(now) });
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kaznu", 1) });
  userId = (
    await svc.app.inject({
      method: "POST",
      url: "/users",
      headers: admin,
      payload: { email: "Registrar@KazNU.kz", fullName: "Айгерім Сейітова" },
    })
  ).json().id;
  await svc.app.inject({ method: "PUT", url: `/orgs/kaznu/members/${userId}/roles/registrar`, headers: admin });
  const reset = await svc.app.inject({ method: "PUT", url: `/users/${userId}/password`, headers: admin, payload: {} });
  expect(reset.statusCode).toBe(200);
  password = reset.json().password;
  expect(password).toHaveLength(18);
});
afterAll(async () => {
  await svc?.destroy();
});

describe("console sign-in", () => {
  let session: string;

  it("signs in with the e-mail in any case; the cookie is HttpOnly and SameSite; the home page shows the roles", async () => {
    const res = await signIn("registrar@kaznu.kz", password);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/console");
    const cookie = res.cookies.find((c) => c.name === "kualik_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    session = cookie.value;
    const home = await svc.app.inject({ method: "GET", url: "/console?lang=kk", headers: { cookie: `kualik_session=${session}` } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("Айгерім Сейітова");
    expect(home.body).toContain("Тіркеуші");
    expect(home.body).toContain("Сынақ университеті 1");
  });

  it("the session works for the JSON API too, but a change needs the CSRF token (header or form field)", async () => {
    const headers = { cookie: `kualik_session=${session}` };
    expect((await svc.app.inject({ method: "GET", url: "/me", headers })).statusCode).toBe(200);
    const programme = { code: "X-1", content: {} };
    const noToken = await svc.app.inject({ method: "POST", url: "/orgs/kaznu/programmes", headers, payload: programme });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe("CSRF_TOKEN_INVALID");
    const home = await svc.app.inject({ method: "GET", url: "/console", headers });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.body)![1]!;
    const withToken = await svc.app.inject({
      method: "POST",
      url: "/orgs/kaznu/programmes",
      headers: { ...headers, "x-csrf-token": csrf },
      payload: programme,
    });
    expect(withToken.statusCode).toBe(400); // past CSRF: now the programme's own validation speaks
    expect(withToken.json().code).toBe("VALIDATION_FAILED");
  });

  it("public pages and the VC API act for nobody: a signed-in person verifies without a CSRF token", async () => {
    const headers = { cookie: `kualik_session=${session}` };
    const page = await svc.app.inject({
      method: "POST",
      url: "/verify?lang=en",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      payload: "credential=not-a-credential",
    });
    expect(page.statusCode).toBeLessThan(500);
    expect(page.body).not.toContain("CSRF_TOKEN_INVALID");
    const api = await svc.app.inject({ method: "POST", url: "/credentials/verify", headers, payload: { verifiableCredential: "x.y.z" } });
    expect([400, 422]).toContain(api.statusCode);
    expect(api.json().code).not.toBe("CSRF_TOKEN_INVALID");
  });

  it("a wrong password says so without telling whether the account exists; five in a row lock the account", async () => {
    const unknown = await signIn("nobody@kaznu.kz", "whatever-password");
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain("Wrong e-mail or password.");
    for (let i = 0; i < 5; i++) expect((await signIn("registrar@kaznu.kz", "wrong-password")).statusCode).toBe(401);
    const locked = await signIn("registrar@kaznu.kz", password);
    expect(locked.statusCode).toBe(423);
    expect(locked.body).toContain("locked until");
    now += 16 * 60_000;
    expect((await signIn("registrar@kaznu.kz", password)).statusCode).toBe(303);
  });

  it("a sign-in posted from another site (no login token) is refused", async () => {
    const res = await svc.app.inject({
      method: "POST",
      url: "/console/sign-in",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ email: "registrar@kaznu.kz", password, _login: "forged" }).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === "kualik_session")).toBeUndefined();
  });

  it("an idle session expires: the API answers 401 SESSION_EXPIRED and the console sends to sign-in", async () => {
    const fresh = (await signIn("registrar@kaznu.kz", password)).cookies.find((c) => c.name === "kualik_session")!.value;
    now += 3 * 3600_000;
    const api = await svc.app.inject({ method: "GET", url: "/me", headers: { cookie: `kualik_session=${fresh}` } });
    expect(api.statusCode).toBe(401);
    expect(api.json().code).toBe("SESSION_EXPIRED");
    const page = await svc.app.inject({ method: "GET", url: "/console", headers: { cookie: `kualik_session=${fresh}` } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/console/sign-in?lang=en&ended=1");
    const told = await svc.app.inject({
      method: "GET",
      url: "/console/sign-in?lang=kk&ended=1",
      headers: { cookie: `kualik_session=${fresh}` },
    });
    expect(told.body).toContain("Сеанс аяқталды; қайта кіріңіз.");
  });

  it("an admin's password reset ends the user's sessions; short passwords are refused; only admins may reset", async () => {
    const live = (await signIn("registrar@kaznu.kz", password)).cookies.find((c) => c.name === "kualik_session")!.value;
    const short = await svc.app.inject({ method: "PUT", url: `/users/${userId}/password`, headers: admin, payload: { password: "short" } });
    expect(short.statusCode).toBe(422);
    expect(short.json().code).toBe("PASSWORD_TOO_SHORT");
    const set = await svc.app.inject({
      method: "PUT",
      url: `/users/${userId}/password`,
      headers: admin,
      payload: { password: "a long enough passphrase" },
    });
    expect(set.json()).toEqual({ password: null });
    expect((await svc.app.inject({ method: "GET", url: "/me", headers: { cookie: `kualik_session=${live}` } })).statusCode).toBe(401);
    expect((await signIn("registrar@kaznu.kz", "a long enough passphrase")).statusCode).toBe(303);
    const token = (
      await svc.app.inject({ method: "POST", url: "/orgs/kaznu/tokens", headers: admin, payload: { name: "r", roles: ["registrar"] } })
    ).json().token;
    expect(
      (await svc.app.inject({ method: "PUT", url: `/users/${userId}/password`, headers: bearer(token), payload: {} })).statusCode,
    ).toBe(403);
  });

  it("signing out ends the session", async () => {
    const res = await signIn("registrar@kaznu.kz", "a long enough passphrase");
    const cookie = `kualik_session=${res.cookies.find((c) => c.name === "kualik_session")!.value}`;
    const home = await svc.app.inject({ method: "GET", url: "/console", headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.body)![1]!;
    const out = await svc.app.inject({
      method: "POST",
      url: "/console/sign-out",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(csrf)}`,
    });
    expect(out.statusCode).toBe(303);
    expect((await svc.app.inject({ method: "GET", url: "/me", headers: { cookie } })).statusCode).toBe(401);
  });
});
