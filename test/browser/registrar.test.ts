// The registrar's journey in a real browser: sign in, find the programme, upload a cohort file (a wrong one is
// shown row by row and awards nothing), watch the progress bar fill, find a learner's credential and revoke it
// with a reason after a confirmation. axe-core checks every page; screenshots are saved.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, SCREENSHOTS } from "../helpers/browser.js";
import { cohortCsv } from "../helpers/cohort.js";
import { admin, bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

let svc: TestService;
let browser: Browser;
let base: string;
let registrarToken: string;

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  svc = await startService();
  base = await svc.app.listen({ host: "127.0.0.1", port: 0 });
  ({ registrar: registrarToken } = await withPublishedProgramme(svc));
  const user = (
    await svc.app.inject({
      method: "POST",
      url: "/users",
      headers: admin,
      payload: { email: "registrar@kaznu.kz", fullName: "Гүлнар Ахметова" },
    })
  ).json();
  await svc.app.inject({ method: "PUT", url: `/orgs/kaznu/members/${user.id}/roles/registrar`, headers: admin });
  await svc.app.inject({
    method: "PUT",
    url: `/users/${user.id}/password`,
    headers: admin,
    payload: { password: "registrar passphrase 2026" },
  });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

const credentialsVia = async () =>
  (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/credentials?limit=100", headers: bearer(registrarToken) })).json() as {
    items: { id: string; status: string; learnerId: string }[];
    total: number;
  };

describe("the registrar's journey", () => {
  it("signs in, awards a cohort from a CSV with live progress, and revokes one credential with a reason", async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/console/sign-in?lang=ru`);
    await page.locator("#email").fill("registrar@kaznu.kz");
    await page.locator("#password").fill("registrar passphrase 2026");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.getByRole("link", { name: "Программы" }).first().click();
    await page.getByRole("cell", { name: "DA-101" }).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-programmes-ru.png"), fullPage: true });

    await page.getByRole("link", { name: "Выдать группе (CSV)" }).click();
    await expectAccessible(page);

    // A file with a wrong IIN and a wrong result: shown row by row, nothing awarded.
    const bad = cohortCsv(3)
      .replace(/\n(Learner 1001),\d{12},/, "\n$1,123456789012,")
      .replace(/,(\d+),2026-06,2026-06-20,learner1002/, ",ABC,2026-06,2026-06-20,learner1002");
    await page.locator("#file").setInputFiles({ name: "cohort.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Загрузить и выдать" }).click();
    await page.locator("[data-row-problems]").waitFor();
    const problems = await page.locator("[data-row-problems] tbody tr").allTextContents();
    expect(problems).toEqual([expect.stringMatching(/^2.*ИИН/), expect.stringMatching(/^3.*Результат/)]);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-award-problems-ru.png"), fullPage: true });
    expect((await credentialsVia()).total).toBe(0);

    // The right file: the progress page fills and finishes by itself.
    await page.locator("#file").setInputFiles({ name: "cohort.csv", mimeType: "text/csv", buffer: Buffer.from(cohortCsv(25)) });
    await page.getByRole("button", { name: "Загрузить и выдать" }).click();
    expect(page.url()).toContain("/award-batches/");
    await page.locator('[data-batch-status="completed"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-count="batchIssued"]').textContent()).toBe("25");
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-award-done-ru.png"), fullPage: true });
    // The award can be left and come back to: the programme's page lists it with its progress.
    const batchUrl = page.url();
    await page.getByRole("link", { name: "Программы" }).first().click();
    await page.getByRole("link", { name: "DA-101" }).first().click();
    await page.locator('[data-batch="completed"]').waitFor();
    expect(await page.locator("table", { hasText: "Последние выдачи" }).textContent()).toContain("25 / 25");
    await expectAccessible(page);
    await page.goto(batchUrl);

    // Find one learner's credential and revoke it after the confirmation page.
    await page.getByRole("link", { name: "Выданные документы" }).last().click();
    expect(await page.locator("tbody tr").count()).toBe(20); // a page of 20, with paging
    await page.getByRole("link", { name: "Далее" }).waitFor();
    await page.locator("#q").fill("Learner 1007");
    await page.getByRole("button", { name: "Поиск" }).click();
    expect(await page.locator("tbody tr").count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Отозвать" }).click();
    await expectAccessible(page);
    await page.locator("#reason").fill("Ошибка в ведомости итоговой аттестации");
    await page.getByRole("button", { name: "Да, отозвать" }).click();
    await page.getByText("Документ отозван.").waitFor();
    await page.locator("#q").fill("Learner 1007");
    await page.getByRole("button", { name: "Поиск" }).click();
    expect(await page.locator("tbody [data-status]").getAttribute("data-status")).toBe("revoked");
    expect(await page.getByRole("link", { name: "Отозвать" }).count()).toBe(0);

    // Suspend another one, then reinstate it.
    await page.locator("#q").fill("Learner 1008");
    await page.getByRole("button", { name: "Поиск" }).click();
    await page.getByRole("link", { name: "Приостановить" }).click();
    await page.locator("#reason").fill("Проверка подлинности ведомости");
    await page.getByRole("button", { name: "Да, приостановить" }).click();
    await page.getByText("Документ приостановлен.").waitFor();
    await page.locator("#q").fill("Learner 1008");
    await page.getByRole("button", { name: "Поиск" }).click();
    expect(await page.locator("tbody [data-status]").getAttribute("data-status")).toBe("suspended");
    await page.getByRole("link", { name: "Восстановить" }).click();
    await expectAccessible(page);
    await page.locator("#reason").fill("Ведомость подтверждена");
    await page.getByRole("button", { name: "Да, восстановить" }).click();
    await page.getByText("Документ восстановлен.").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-credentials-ru.png"), fullPage: true });
    const after = await credentialsVia();
    expect(after.items.filter((c) => c.status === "revoked")).toHaveLength(1);
    await context.close();
  }, 120_000);

  it("the dashboard charts credentials issued and verified per week, from real data", async () => {
    const { items } = await credentialsVia();
    for (const c of items.slice(0, 3)) {
      const jwt = (await svc.app.inject({ method: "GET", url: `/credentials/${c.id}`, headers: { accept: "application/json" } })).json();
      await svc.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: jwt.jwt ?? jwt } });
    }
    const context = await browser.newContext({ bypassCSP: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/console/sign-in?lang=kk`);
    await page.locator("#email").fill("registrar@kaznu.kz");
    await page.locator("#password").fill("registrar passphrase 2026");
    await page.getByRole("button", { name: "Кіру" }).click();
    await page.goto(`${base}/console/orgs/kaznu/dashboard?lang=kk`);
    await page.locator('#chart-issued[data-drawn="true"] canvas').waitFor();
    await page.locator('#chart-verified[data-drawn="true"] canvas').waitFor();
    const issued = await page.locator("[data-issued]").allTextContents();
    expect(issued.at(-1)).toBe("25");
    expect(Number((await page.locator("[data-verified]").allTextContents()).at(-1))).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-dashboard-kk.png"), fullPage: true });
    await context.close();
    const checked = await browser.newContext({ bypassCSP: true });
    const again = await checked.newPage();
    await again.goto(`${base}/console/sign-in?lang=kk`);
    await again.locator("#email").fill("registrar@kaznu.kz");
    await again.locator("#password").fill("registrar passphrase 2026");
    await again.getByRole("button", { name: "Кіру" }).click();
    await again.goto(`${base}/console/orgs/kaznu/dashboard?lang=kk`);
    await expectAccessible(again);
    await checked.close();
  });

  it("a revocation posted without the page's CSRF token changes nothing; pages outside the role are refused", async () => {
    const signIn = await fetch(`${base}/console/sign-in`);
    const login = /kualik_login=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")![1]!;
    const token = /name="_login" value="([^"]+)"/.exec(await signIn.text())![1]!;
    const signedIn = await fetch(`${base}/console/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `kualik_login=${login}` },
      body: new URLSearchParams({ email: "registrar@kaznu.kz", password: "registrar passphrase 2026", _login: token }),
    });
    const session = /kualik_session=([^;]+)/.exec(signedIn.headers.get("set-cookie") ?? "")![1]!;
    const target = (await credentialsVia()).items.find((c) => c.status === "active")!;
    const forged = await fetch(`${base}/console/orgs/kaznu/credentials/${target.id}/revoke`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `kualik_session=${session}` },
      body: new URLSearchParams({ reason: "forged from another site" }),
    });
    expect(forged.status).toBe(403);
    expect((await credentialsVia()).items.find((c) => c.id === target.id)!.status).toBe("active");

    await svc.app.inject({
      method: "POST",
      url: "/orgs",
      headers: admin,
      payload: { slug: "enu", names: { kk: "ЕҰУ", ru: "ЕНУ", en: "ENU" }, bin: "080540001014", kind: "higher" },
    });
    const other = await fetch(`${base}/console/orgs/enu/credentials`, { headers: { cookie: `kualik_session=${session}` } });
    expect([403, 404]).toContain(other.status);
  });
});
