// The administrator's console in a real browser: rotates an institution's signing key (credentials issued before
// still verify, new ones are signed with the new key), adds a user, grants a role and resets the password, which is
// shown once and lets the new user sign in. axe-core checks the pages.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, SCREENSHOTS, signInPage } from "../helpers/browser.js";
import { testIin } from "../helpers/iin.js";
import { admin, testBin, bearer, startService, type TestService, withPublishedProgramme, platformAdmin } from "../helpers/service.js";

let svc: TestService;
let browser: Browser;
let base: string;
let registrar: string;

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function award(n: number): Promise<{ id: string; jwt: string }> {
  const post = (url: string, payload: object) => svc.app.inject({ method: "POST", url, headers: bearer(registrar), payload });
  const attestation = await post("/orgs/kaznu/programmes/DA-101/attestations", {
    learner: { fullName: `Learner ${n}`, iin: testIin(n) },
    session: "2026-06",
    heldOn: "2026-06-20",
    result: { percent: 80 },
  });
  return (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.json().id })).json();
}

const signIn = (page: Page, email: string, password: string) => signInPage(page, base, email, password);

beforeAll(async () => {
  svc = await startService();
  base = await svc.app.listen({ host: "127.0.0.1", port: 0 });
  ({ registrar } = await withPublishedProgramme(svc));
  await platformAdmin(svc, "admin@kualik.kz", "administrator passphrase");
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

describe("the administrator's console", () => {
  it("rotates a key (old credentials still verify), adds a user with a role and a password shown once", async () => {
    const before = await award(1);
    const oldKid = decodeProtectedHeader(before.jwt).kid;

    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, "admin@kualik.kz", "administrator passphrase");
    await page.getByRole("link", { name: "Administration" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Rotate the key" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, rotate the key" }).click();
    await page.getByText("The key was rotated.").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-admin-en.png"), fullPage: true });

    const verified = await svc.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: before.jwt } });
    expect(verified.json().verdict).toBe("valid");
    const after = await award(2);
    expect(decodeProtectedHeader(after.jwt).kid).not.toBe(oldKid);

    await page.locator("#new-name").fill("Сәуле Омарова");
    await page.locator("#new-email").fill("saule@kaznu.kz");
    await page.getByRole("button", { name: "Add a user" }).click();
    await page.getByText("Done.").waitFor();
    const row = page.locator("tr", { hasText: "saule@kaznu.kz" });
    await row.locator("select[name=role]").selectOption("registrar");
    await row.getByRole("button", { name: "Grant a role" }).click();
    await page.locator("tr", { hasText: "saule@kaznu.kz" }).getByText("Registrar (kaznu)").waitFor();
    await page.locator("tr", { hasText: "saule@kaznu.kz" }).getByRole("button", { name: "Reset the password" }).click();
    const password = (await page.locator("[data-password]").textContent())!.trim();
    expect(password).toHaveLength(18);
    await page.reload();
    expect(await page.locator("[data-password]").count()).toBe(0); // shown once
    await context.close();

    const other = await browser.newContext();
    const userPage = await other.newPage();
    await signIn(userPage, "saule@kaznu.kz", password);
    expect(await userPage.locator("[data-roles]").textContent()).toContain("Registrar");
    await other.close();
  }, 120_000);

  it("adds an institution in Russian: a wrong BIN is refused with the form kept, then the institution gets its did:web", async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, "admin@kualik.kz", "administrator passphrase");
    await page.goto(`${base}/console/admin?lang=ru`);
    await page.locator("#inst-slug").fill("satbayev");
    await page.locator("#inst-bin").fill("123456789012");
    await page.locator("#inst-kind").selectOption("higher");
    await page.locator("#names\\.kk").fill("Сәтбаев университеті");
    await page.locator("#names\\.ru").fill("Университет Сатпаева");
    await page.locator("#names\\.en").fill("Satbayev University");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Добавить организацию" }).click();
    await page.locator("[data-error]").waitFor();
    expect(await page.locator("[data-error]").textContent()).toContain("БИН");
    expect(await page.locator("#inst-slug").inputValue()).toBe("satbayev");
    expect((await svc.app.inject({ method: "GET", url: "/orgs/satbayev/did.json" })).statusCode).toBe(404);
    await page.locator("#inst-bin").fill(testBin(77));
    await page.getByRole("button", { name: "Добавить организацию" }).click();
    await page.getByText("Университет Сатпаева").first().waitFor();
    const did = (await svc.app.inject({ method: "GET", url: "/orgs/satbayev/did.json" })).json();
    expect(did.id).toMatch(/^did:web:.+:orgs:satbayev$/);
    await context.close();
  }, 60_000);

  it("a user who is not an administrator is refused", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const user = (
      await svc.app.inject({ method: "POST", url: "/users", headers: admin, payload: { email: "viewer@kaznu.kz", fullName: "Viewer" } })
    ).json();
    await svc.app.inject({
      method: "PUT",
      url: `/users/${user.id}/password`,
      headers: admin,
      payload: { password: "viewer passphrase 2026" },
    });
    await signIn(page, "viewer@kaznu.kz", "viewer passphrase 2026");
    const response = await page.goto(`${base}/console/admin?lang=en`);
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
