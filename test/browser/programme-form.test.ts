// A registrar describes a programme in the browser (every registry field, in kk/ru/en), is told what breaks the
// rules (credits and hours at 30 per credit, R п.7), fixes it, records the council's approval and publishes it.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, SCREENSHOTS } from "../helpers/browser.js";
import { admin, bearer, institutionBody, startService, type TestService } from "../helpers/service.js";

let svc: TestService;
let browser: Browser;
let base: string;
let token: string;

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  svc = await startService();
  base = await svc.app.listen({ host: "127.0.0.1", port: 0 });
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kaznu", 1) });
  const user = (
    await svc.app.inject({ method: "POST", url: "/users", headers: admin, payload: { email: "registrar@kaznu.kz", fullName: "Registrar" } })
  ).json();
  await svc.app.inject({ method: "PUT", url: `/orgs/kaznu/members/${user.id}/roles/registrar`, headers: admin });
  await svc.app.inject({
    method: "PUT",
    url: `/users/${user.id}/password`,
    headers: admin,
    payload: { password: "registrar passphrase 2026" },
  });
  token = (
    await svc.app.inject({ method: "POST", url: "/orgs/kaznu/tokens", headers: admin, payload: { name: "r", roles: ["registrar"] } })
  ).json().token;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

const trio = async (page: Page, name: string, kk: string, ru: string, en: string) => {
  await page.locator(`[name="${name}.kk"]`).fill(kk);
  await page.locator(`[name="${name}.ru"]`).fill(ru);
  await page.locator(`[name="${name}.en"]`).fill(en);
};

describe("a programme described in the console", () => {
  it("is refused with the rule when credits and hours disagree, then created, approved and published", async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${base}/console/sign-in?lang=en`);
    await page.locator("#email").fill("registrar@kaznu.kz");
    await page.locator("#password").fill("registrar passphrase 2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.goto(`${base}/console/orgs/kaznu/programmes?lang=en`);
    await page.getByRole("link", { name: "New programme" }).click();
    await expectAccessible(page);

    await page.locator("#code").fill("SQL-1");
    await trio(page, "names", "SQL негіздері", "Основы SQL", "SQL basics");
    await trio(page, "qualificationName", "Деректер қоры операторы", "Оператор баз данных", "Database operator");
    await trio(page, "goal", "SQL сұрауларын жазуға үйрету", "Научить писать запросы SQL", "Teach writing SQL queries");
    await page.locator("#nqfLevel").fill("5");
    await page.locator("#credits").fill("2");
    await page.locator("#hours").fill("50");
    await trio(page, "standard", "Деректер маманы", "Специалист по данным", "Data specialist");
    await trio(page, "labourFunction", "Деректерді өңдеу", "Обработка данных", "Processing data");
    await page.locator('[name="lo.1.code"]').fill("LO1");
    await trio(page, "lo.1", "SQL сұрауларын жазады", "Пишет запросы SQL", "Writes SQL queries");
    await trio(page, "plan.1", "SELECT", "SELECT", "SELECT");
    await page.locator('[name="plan.1.hours"]').fill("50");
    await trio(page, "teachingMethods", "Практикумдар", "Практикумы", "Practical labs");
    await trio(page, "assessment", "Жоба", "Проект", "A project");
    await page.getByRole("button", { name: "Create the programme (draft)" }).click();
    await page.locator("[data-errors]").waitFor();
    expect(await page.locator("[data-errors]").textContent()).toContain("R п.7");
    expect(await page.locator('[name="names.en"]').inputValue()).toBe("SQL basics"); // nothing typed is lost
    expect((await svc.app.inject({ method: "GET", url: "/orgs/kaznu/programmes", headers: bearer(token) })).json().total).toBe(0);

    await page.locator("#hours").fill("60");
    await page.locator('[name="plan.1.hours"]').fill("60");
    await page.getByRole("button", { name: "Create the programme (draft)" }).click();
    expect(await page.locator("[data-programme-status]").getAttribute("data-programme-status")).toBe("draft");
    await expectAccessible(page);
    await page.locator("#decisionNumber").fill("12");
    await page.locator("#decisionDate").fill("2026-11-20");
    await page.getByRole("button", { name: "Record the academic council's approval" }).click();
    expect(await page.locator("[data-programme-status]").getAttribute("data-programme-status")).toBe("approved");
    await page.getByRole("button", { name: "Publish (open for awards)" }).click();
    expect(await page.locator("[data-programme-status]").getAttribute("data-programme-status")).toBe("published");
    await page.getByRole("link", { name: "Award a cohort (CSV)" }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-programme-en.png"), fullPage: true });
    await context.close();
  }, 120_000);
});
