// The reference data of recognition, kept in a real browser: the registrar adds an academic period, describes an
// educational programme (a refused one first, with the rule named) and registers a learner enrolled in it; the
// secretary forms the commission and the expert group by order. Pages in kk, ru and en; axe-core checks each.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, SCREENSHOTS, signInPage } from "../helpers/browser.js";
import { testIin } from "../helpers/iin.js";
import { admin, institutionBody, startService, type TestService } from "../helpers/service.js";

let svc: TestService;
let browser: Browser;
let base: string;
const PASSWORD = "reference passphrase 2026";
const START = Date.parse("2026-11-23T04:00:00Z");

async function person(email: string, fullName: string, role: string): Promise<string> {
  const user = (await svc.app.inject({ method: "POST", url: "/users", headers: admin, payload: { email, fullName } })).json<{
    id: string;
  }>();
  await svc.app.inject({ method: "PUT", url: `/orgs/enu/members/${user.id}/roles/${role}`, headers: admin });
  await svc.app.inject({ method: "PUT", url: `/users/${user.id}/password`, headers: admin, payload: { password: PASSWORD } });
  return user.id;
}

const api = async (url: string) =>
  (await svc.app.inject({ method: "GET", url, headers: admin })).json<{ items: Record<string, unknown>[] }>().items;

async function as(email: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await signInPage(page, base, email, PASSWORD);
  return page;
}

beforeAll(async () => {
  let ticks = 0;
  svc = await startService({ clock: () => new Date(START + ticks++) });
  base = await svc.app.listen({ host: "127.0.0.1", port: 0 });
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("enu", 2) });
  await person("registrar@enu.kz", "Registrar", "registrar");
  await person("secretary@enu.kz", "Сәуле Секретарь", "commission_secretary");
  for (const n of [1, 2, 3]) await person(`m${n}@enu.kz`, `Member ${n}`, "commission_member");
  await person("teacher@enu.kz", "Teacher Expert", "expert");
  await person("practitioner@enu.kz", "Practitioner Expert", "expert");
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

describe("recognition reference data in the browser", () => {
  it("the registrar adds a period, a programme (after a refusal naming R п.7) and an enrolled learner", async () => {
    const page = await as("registrar@enu.kz");
    await page.goto(`${base}/console/orgs/enu/dashboard?lang=en`);
    await page.getByRole("link", { name: "Reference data" }).click();
    await page.locator("#code").fill("2027-spring");
    await page.locator("#names\\.kk").fill("2027 көктем");
    await page.locator("#names\\.ru").fill("Весна 2027");
    await page.locator("#names\\.en").fill("Spring 2027");
    await page.locator("#startsOn").fill("2027-01-11");
    await page.locator("#endsOn").fill("2027-05-31");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Add a period" }).click();
    await page.locator("[data-notice]").waitFor();
    expect(await page.locator("#periods").textContent()).toContain("11 Jan 2027");

    await page.getByRole("link", { name: "New educational programme" }).click();
    await page.locator("#code").fill("6B06101");
    await page.locator("#names\\.kk").fill("Ақпараттық жүйелер");
    await page.locator("#names\\.ru").fill("Информационные системы");
    await page.locator("#names\\.en").fill("Information systems");
    await page.locator("#d\\.1\\.code").fill("DA-201");
    await page.locator("#d\\.1\\.kk").fill("Деректерді талдау");
    await page.locator("#d\\.1\\.ru").fill("Анализ данных");
    await page.locator("#d\\.1\\.en").fill("Data analysis");
    await page.locator("#d\\.1\\.credits").fill("5");
    await page.locator("#d\\.1\\.hours").fill("120");
    await page.locator("#d\\.1\\.period").fill("3");
    await page.locator("#d\\.1\\.outcomes\\.kk").fill("Деректер жиынын тазалайды\nСтатистикалық талдау жүргізеді");
    await page.locator("#d\\.1\\.outcomes\\.ru").fill("Очищает наборы данных\nПроводит статистический анализ");
    await page.locator("#d\\.1\\.outcomes\\.en").fill("Cleans data sets\nPerforms statistical analysis");
    // More rows keep what was typed.
    await page.getByRole("button", { name: "Add more rows" }).click();
    expect(await page.locator("[data-discipline]").count()).toBe(8);
    expect(await page.locator("#d\\.1\\.hours").inputValue()).toBe("120");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Save the programme" }).click();
    expect(await page.getByRole("alert").textContent()).toContain("R п.7");
    expect(await api("/orgs/enu/curricula")).toEqual([]);
    await page.locator("#d\\.1\\.hours").fill("150");
    await page.getByRole("button", { name: "Save the programme" }).click();
    await page.locator("[data-curriculum]").waitFor();
    expect(await page.locator("table").textContent()).toContain("Performs statistical analysis");
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-curriculum-en.png"), fullPage: true });

    await page.getByRole("link", { name: "Learners", exact: true }).click();
    await page.locator("#fullName").fill("Әлия Нұрланқызы");
    await page.locator("#iin").fill(testIin(7));
    await page.locator("#curriculum").selectOption("6B06101");
    await page.getByRole("button", { name: "Register a learner" }).click();
    await page.locator("[data-notice]").waitFor();
    expect(await page.getByLabel("Educational programme: Әлия Нұрланқызы").inputValue()).toBe("6B06101");
    expect(await axeViolations(page)).toEqual([]);
    // The same IIN again is refused and nothing is added.
    await page.locator("#fullName").fill("Әлия Нұрланқызы");
    await page.locator("#iin").fill(testIin(7));
    await page.getByRole("button", { name: "Register a learner" }).click();
    await page.locator("[data-error]").waitFor();
    expect((await svc.app.inject({ method: "GET", url: "/orgs/enu/learners", headers: admin })).json().total).toBe(1);

    // The same pages in Kazakh and Russian.
    await page.goto(`${base}/console/orgs/enu/reference?lang=kk`);
    expect(await page.locator("h2").first().textContent()).toBe("Анықтамалық деректер");
    expect(await page.locator("#periods").textContent()).toContain("2027 көктем");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-reference-kk.png"), fullPage: true });
    await page.goto(`${base}/console/orgs/enu/learners?lang=ru`);
    expect(await page.locator("h2").first().textContent()).toBe("Обучающиеся");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the secretary forms the commission and the expert group by order; a group without a practitioner is refused", async () => {
    const page = await as("secretary@enu.kz");
    await page.goto(`${base}/console/orgs/enu/commissions?lang=ru`);
    await page.locator("#kind").selectOption("micro_qualification");
    await page.locator("#orderNumber").fill("45-н");
    await page.locator("#orderDate").fill("2026-09-01");
    for (const n of [1, 2, 3]) await page.getByLabel(`Member ${n}`).selectOption("teacher");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Сформировать комиссию (по приказу)" }).click();
    await page.locator("[data-notice]").waitFor();
    expect(await page.locator("[data-commission]").textContent()).toContain("Признание микроквалификаций (М п.19)");
    expect(await page.locator("[data-commission]").textContent()).toContain("1 сент. 2026 г.");

    const group = page.locator("#expert-groups");
    await group.locator("#group-name").fill("IT experts");
    await group.locator("#group-orderNumber").fill("46-н");
    await group.locator("#group-orderDate").fill("2026-09-02");
    await page.getByLabel("Teacher Expert").selectOption("teacher");
    await page.getByRole("button", { name: "Сформировать экспертную группу (по приказу)" }).click();
    expect(await page.locator("#expert-groups [data-error]").textContent()).toContain("R п.15, 26");
    expect(await api("/orgs/enu/expert-groups")).toEqual([]);
    await page.getByLabel("Practitioner Expert").selectOption("practitioner");
    await page.getByRole("button", { name: "Сформировать экспертную группу (по приказу)" }).click();
    await page.locator("[data-notice]").waitFor();
    expect(await page.locator("#expert-groups table").textContent()).toContain("Practitioner Expert (практик отрасли)");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-commissions-ru.png"), fullPage: true });
    expect(await api("/orgs/enu/commissions")).toHaveLength(1);
  });
});
