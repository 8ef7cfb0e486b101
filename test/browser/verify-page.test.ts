// The page an employer opens from the QR code, in a real browser, on a phone-sized screen, with
// JavaScript switched off: the verdict and every check in Kazakh, Russian and English.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testIin } from "../helpers/iin.js";
import { launchBrowser, SCREENSHOTS } from "../helpers/browser.js";
import { bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

let svc: TestService;
let browser: Browser;
let base: string;
let validId: string;
let revokedId: string;

beforeAll(async () => {
  svc = await startService();
  const { registrar } = await withPublishedProgramme(svc);
  const post = (url: string, payload?: object) =>
    svc.app.inject({ method: "POST", url, headers: bearer(registrar), ...(payload ? { payload } : {}) });
  const award = async (n: number, name: string) => {
    const attestation = (
      await post("/orgs/kaznu/programmes/DA-101/attestations", {
        learner: { fullName: name, iin: testIin(n) },
        session: "2026-06",
        heldOn: "2026-06-20",
        result: { percent: 87 },
      })
    ).json();
    return (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.id })).json().id as string;
  };
  validId = await award(1, "Айгерім Сейітова");
  revokedId = await award(2, "Ерлан Нұрланұлы");
  await post(`/orgs/kaznu/credentials/${revokedId}/revoke`, { reason: "Annulled" });
  base = await svc.app.listen({ host: "127.0.0.1", port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

async function open(id: string, lang: string) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale: lang === "kk" ? "kk-KZ" : lang === "ru" ? "ru-RU" : "en-GB",
  });
  const page = await context.newPage();
  const response = await page.goto(`${base}/credentials/${id}`);
  return { page, context, status: response?.status() };
}

describe("the verification page (QR target)", () => {
  for (const [lang, verdict, issued] of [
    ["kk", "Құжат жарамды", "Кімге берілді"],
    ["ru", "Документ действителен", "Кому выдан"],
    ["en", "This credential is valid", "Issued to"],
  ] as const) {
    it(`shows a valid credential in ${lang}, without JavaScript, from the browser's language`, async () => {
      const { page, context, status } = await open(validId, lang);
      expect(status).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await page.textContent("[data-verdict]")).toBe(verdict);
      const text = await page.textContent("main");
      expect(text).toContain(issued);
      expect(text).toContain("Айгерім Сейітова");
      expect(text).toContain("B+ (3.33; 87 %)");
      expect(text).toContain({ kk: "Кіші деректер талдаушысы", ru: "Младший аналитик данных", en: "Junior data analyst" }[lang]);
      expect(await page.locator("ul.checks li.passed").count()).toBe(7);
      // Fits a phone: nothing wider than the screen.
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(SCREENSHOTS, `verify-valid-${lang}.png`), fullPage: true });
      await context.close();
    });
  }

  it("says a revoked credential is revoked, and the language can be switched", async () => {
    const { page, context } = await open(revokedId, "en");
    expect(await page.getAttribute("[data-verdict]", "data-verdict")).toBe("revoked");
    expect(await page.textContent("[data-verdict]")).toBe("The issuer has revoked this credential");
    expect(await page.textContent("li[data-check=status]")).toContain("Revoked by the issuer");
    await page.click("nav a[lang=ru]");
    expect(await page.textContent("[data-verdict]")).toBe("Документ отозван выдавшей организацией");
    await page.screenshot({ path: path.join(SCREENSHOTS, "verify-revoked-ru.png"), fullPage: true });
    await context.close();
  });

  it("answers 404 with a page for an unknown credential", async () => {
    const { page, context, status } = await open("00000000-0000-4000-8000-000000000000", "kk");
    expect(status).toBe(404);
    expect(await page.textContent("[role=status]")).toBe("Мұндай құжат табылмады");
    await context.close();
  });
});

describe("the paste page", () => {
  it("checks a pasted credential and shows the verdict; refuses text that is not a credential", async () => {
    const jwt = (await svc.app.inject({ method: "GET", url: `/credentials/${validId}`, headers: { accept: "application/vc+jwt" } })).body;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: "ru-RU" });
    const page = await context.newPage();
    await page.goto(`${base}/verify`);
    expect(await page.getAttribute("html", "lang")).toBe("ru");
    await page.fill("textarea#credential", jwt);
    await page.click("button[type=submit]");
    expect(await page.textContent("[data-verdict]")).toBe("Документ действителен");
    await page.screenshot({ path: path.join(SCREENSHOTS, "paste-valid-ru.png"), fullPage: true });

    await page.fill("textarea#credential", "not a credential at all");
    await page.click("button[type=submit]");
    expect(await page.textContent("[role=status]")).toContain("не является проверяемым документом");

    // A credential file, as a holder downloads it: uploaded instead of pasted.
    await page.goto(`${base}/verify?lang=en`);
    await page.setInputFiles("input#file", { name: "credential.jwt", mimeType: "text/plain", buffer: Buffer.from(jwt) });
    await page.click("button[type=submit]");
    expect(await page.textContent("[data-verdict]")).toBe("This credential is valid");
    await context.close();
  });
});
