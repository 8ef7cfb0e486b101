// The administrator's API tokens and trust registry pages in a real browser: a token is created, its secret shown
// once, used in a real API call, revoked (the call then gets 401); a trust registry entry is added (a credential by
// that DID then verifies as trusted on the public check page) and removed; a bad registry file is refused with the
// reason. The pages are used in Kazakh, Russian and English; axe-core checks them.
import path from "node:path";
import { SignJWT } from "jose";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, SCREENSHOTS, signInPage } from "../helpers/browser.js";
import { freshDidKey } from "../helpers/did-key.js";
import { admin, institutionBody, startService, type TestService, platformAdmin } from "../helpers/service.js";

let svc: TestService;
let browser: Browser;
let base: string;

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

const signIn = (page: Page, email: string, password: string) => signInPage(page, base, email, password);

const registryDids = async () =>
  ((await (await fetch(`${base}/trust-registry`)).json()) as { issuers: { did: string }[] }).issuers.map((i) => i.did);

beforeAll(async () => {
  svc = await startService();
  base = await svc.app.listen({ host: "127.0.0.1", port: 0 });
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kaznu", 1) });
  await platformAdmin(svc, "admin@kualik.kz", "administrator passphrase");
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

describe("the administrator's API tokens and trust registry", () => {
  it("creates a token shown once, which works in an API call until it is revoked", async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, "admin@kualik.kz", "administrator passphrase");
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("link", { name: "API tokens" }).first().click();
    await page.locator("[data-empty]").waitFor(); // no tokens yet
    await expectAccessible(page);

    await page.getByLabel("Belongs to").selectOption("kaznu");
    await page.getByLabel("Token name").fill("Moodle LMS");
    await page.getByLabel("Registrar").check();
    await page.getByLabel("Valid for, in days").fill("30");
    await page.getByRole("button", { name: "Create a token" }).click();
    const secret = (await page.locator("[data-token-secret]").textContent())!.trim();
    expect(secret).toMatch(/^kualik_/);
    await page.getByText("it will never be shown again").waitFor();
    await expectAccessible(page);
    await page.screenshot({
      path: path.join(SCREENSHOTS, "console-admin-tokens-en.png"),
      fullPage: true,
      mask: [page.locator("[data-token-secret]")],
    });

    const call = () => fetch(`${base}/orgs/kaznu/members`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await call()).status).toBe(200);

    await page.reload();
    expect(await page.locator("[data-token-secret]").count()).toBe(0); // shown once
    expect(await page.content()).not.toContain(secret);
    const row = page.locator("tr", { hasText: "Moodle LMS" });
    expect(await row.locator("[data-token-status]").getAttribute("data-token-status")).toBe("active");

    await row.getByRole("link", { name: "Revoke: Moodle LMS" }).click();
    await page.getByText("lose access to the API at once").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, revoke the token" }).click();
    await page.getByText("The token was revoked.").waitFor();
    expect(await page.locator("tr", { hasText: "Moodle LMS" }).locator("[data-token-status]").getAttribute("data-token-status")).toBe(
      "revoked",
    );

    const refused = await call();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe("TOKEN_REVOKED");
    await context.close();
  }, 120_000);

  it("adds a trust registry entry (kk), a credential by that DID then verifies as trusted, removes it (ru), refuses a bad file (en)", async () => {
    const issuer = freshDidKey();
    const jwt = await new SignJWT({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential"],
      issuer: issuer.did,
      credentialSubject: { qualification: "Welder" },
    })
      .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: issuer.kid })
      .sign(issuer.privateKey);
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    // An employer's browser, not signed in, on the public check page.
    const employer = await browser.newContext();
    const publicPage = await employer.newPage();
    const check = async (): Promise<string | null> => {
      await publicPage.goto(`${base}/verify?lang=en`);
      await publicPage.fill("textarea#credential", jwt);
      await publicPage.click("button[type=submit]");
      await publicPage.locator("[data-verdict]").waitFor();
      // The public page checks without requiring trust: the trust check itself says whether the issuer is trusted.
      return publicPage.getAttribute("[data-check=trust]", "class");
    };
    expect(await check()).not.toBe("passed");

    await signIn(page, "admin@kualik.kz", "administrator passphrase");
    await page.goto(`${base}/console/admin?lang=kk`);
    await page.getByRole("link", { name: "Сенім тізілімін өңдеу" }).click();
    await page.locator("[data-empty]").waitFor();
    await expectAccessible(page);
    await page.getByLabel("DID (әр жолға біреуден)").fill(issuer.did);
    await page.getByLabel("Атауы (Қазақша)").fill("Кәсіптік біліктілікті тану орталығы");
    await page.getByLabel("Атауы (Русский)").fill("Центр признания квалификаций");
    await page.getByLabel("Атауы (English)").fill("Qualifications recognition centre");
    await page.getByLabel("Түрі").selectOption("recognition_centre");
    await page.getByLabel("Аккредиттеу").fill("Бұйрық № 12, 2025");
    await page.getByLabel("Қашаннан бастап жарамды").fill("2025-01-01");
    await page.getByRole("button", { name: "Жазба қосу" }).click();
    await page.getByText("Жазба тізілімге қосылды.").waitFor();
    await page.locator("[data-did]", { hasText: issuer.did }).waitFor();
    expect(await page.locator("tr", { hasText: issuer.did }).textContent()).toContain("2025 ж.");
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-admin-trust-kk.png"), fullPage: true });
    expect(await registryDids()).toEqual([issuer.did]);

    expect(await check()).toBe("passed");
    expect(await publicPage.getAttribute("[data-verdict]", "data-verdict")).toBe("valid");

    await page.goto(`${base}/console/admin/trust-registry?lang=ru`);
    await page.getByRole("link", { name: "Удалить: Центр признания квалификаций" }).click();
    await page.getByText("перестанут проходить проверку доверия").waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-admin-trust-remove-ru.png"), fullPage: true });
    await page.getByRole("button", { name: "Да, удалить" }).click();
    await page.getByText("Запись удалена из реестра.").waitFor();
    expect(await registryDids()).toEqual([]);
    expect(await check()).not.toBe("passed");

    await page.goto(`${base}/console/admin/trust-registry?lang=en`);
    const bad = { issuers: [{ did: issuer.did, names: { kk: "А", ru: "Б", en: "C" }, kind: "university" }] };
    await page.setInputFiles("#trust-file", {
      name: "registry.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await page.locator("input[name=confirm]").check();
    await page.getByRole("button", { name: "Replace the registry" }).click();
    const error = page.locator("[role=alert][data-error]");
    await error.waitFor();
    expect(await error.textContent()).toContain("does not match the registry format; the registry was not changed");
    expect(await error.textContent()).toContain("issuers[0].kind:");
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-admin-trust-bad-file-en.png"), fullPage: true });
    expect(await registryDids()).toEqual([]);
    await employer.close();
    await context.close();
  }, 120_000);
});
