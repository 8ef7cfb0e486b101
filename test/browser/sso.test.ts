// Single sign-on in a real browser against a small OpenID Connect provider started by the test (oidc-provider):
// a member of staff signs in with the institution's account and lands in the console; someone the institution
// has not given a role is refused in their language; the client secret is sealed at rest.
import type { Server } from "node:http";
import Provider from "oidc-provider";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.js";
import { admin, institutionBody, startService, type TestService } from "../helpers/service.js";
import { freePort } from "../helpers/network.js";

let svc: TestService;
let browser: Browser;
let base: string;
let idp: Server;
const CLIENT_SECRET = "a-client-secret-from-the-university-idp";

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  svc = await startService({ env: { PUBLIC_URL: base, PORT: String(port) } });
  await svc.app.listen({ host: "127.0.0.1", port });

  const idpPort = await freePort();
  const issuer = `http://localhost:${idpPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "kualik",
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${base}/console/sso/kaznu/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: true }),
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
  });
  idp = provider.listen(idpPort);

  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kaznu", 1) });
  const user = (
    await svc.app.inject({
      method: "POST",
      url: "/users",
      headers: admin,
      payload: { email: "staff@kaznu.kz", fullName: "Асель Жанбосынова" },
    })
  ).json();
  await svc.app.inject({ method: "PUT", url: `/orgs/kaznu/members/${user.id}/roles/registrar`, headers: admin });
  const configured = await svc.app.inject({
    method: "PUT",
    url: "/orgs/kaznu/sso",
    headers: admin,
    payload: { issuer, clientId: "kualik", clientSecret: CLIENT_SECRET, emailDomain: "kaznu.kz" },
  });
  expect(configured.statusCode).toBe(204);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  idp?.close();
  await svc?.destroy();
});

async function signInThroughProvider(login: string, lang: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/console/sign-in?lang=${lang}`);
  await page.locator('a[data-sso="kaznu"]').click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click(); // consent
  return { context, page };
}

describe("single sign-on (OpenID Connect)", () => {
  it("a member of staff signs in with the institution's account and lands in the console", async () => {
    const { context, page } = await signInThroughProvider("staff@kaznu.kz", "en");
    await page.locator("[data-user]").waitFor();
    expect(await page.locator("[data-user]").textContent()).toBe("Асель Жанбосынова");
    await context.close();
  });

  it("someone without a role in the institution is refused, in their language, and gets no session", async () => {
    const { context, page } = await signInThroughProvider("stranger@kaznu.kz", "ru");
    await page.locator("[data-error]").waitFor();
    expect(await page.locator("[data-error]").textContent()).toContain("нет роли в этой организации");
    expect((await context.cookies()).some((c) => c.name === "kualik_session")).toBe(false);
    await context.close();
  });

  it("a callback that was not started here is refused", async () => {
    const res = await fetch(`${base}/console/sso/kaznu/callback?code=forged&state=forged`);
    expect(res.status).toBe(401);
  });

  it("the client secret is sealed in the database", async () => {
    const sealed = await svc.wired.deps.repos.sso.find((await svc.wired.deps.repos.institutions.findBySlug("kaznu"))!.id);
    expect(sealed?.clientSecretSealed).toBeDefined();
    expect(sealed?.clientSecretSealed).not.toContain(CLIENT_SECRET);
  });
});
