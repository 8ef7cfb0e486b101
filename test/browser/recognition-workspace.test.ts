// The recognition workspace in a real browser, with the people the law names: the secretary sends an application to
// the experts, an expert writes the four-part conclusion, the secretary puts it to the commission, three members vote
// in person, the secretary records the decision and closes the meeting, and the registrar records the transcript,
// which issues the decision credential — each in their own browser session. axe-core checks the pages.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, SCREENSHOTS, signInPage } from "../helpers/browser.js";
import { testIin } from "../helpers/iin.js";
import { freePort } from "../helpers/network.js";
import { admin, bearer, institutionBody, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

let svc: TestService;
let browser: Browser;
let base: string;
const START = Date.parse("2026-11-23T04:00:00Z");
let ticks = 0;
const t = (kk: string, ru: string, en: string) => ({ kk, ru, en });
const PASSWORD = "workspace passphrase 2026";
const adminToken = admin.authorization.slice(7);

async function ok(method: "GET" | "POST" | "PUT", url: string, token: string, payload?: object, status = 200) {
  const res = await svc.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

async function person(email: string, roles: string[]): Promise<{ id: string; email: string; token: string }> {
  const user = await ok("POST", "/users", adminToken, { email, fullName: email.split("@")[0]! }, 201);
  for (const role of roles) await ok("PUT", `/orgs/enu/members/${user.id}/roles/${role}`, adminToken);
  await ok("PUT", `/users/${user.id}/password`, adminToken, { password: PASSWORD });
  const token = (await ok("POST", `/users/${user.id}/tokens`, adminToken, { name: "t", institution: "enu" }, 201)).token;
  return { id: user.id, email, token };
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await signInPage(page, base, email, PASSWORD);
  return { context, page };
}

let secretary: Awaited<ReturnType<typeof person>>;
let expert: Awaited<ReturnType<typeof person>>;
let practitioner: Awaited<ReturnType<typeof person>>;
let members: Awaited<ReturnType<typeof person>>[];
let registrar: Awaited<ReturnType<typeof person>>;
let applicationId: string;
let microJwt: string;
let meetingId: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  svc = await startService({ clock: () => new Date(START + ticks++), env: { PUBLIC_URL: base, PORT: String(port) } });
  await svc.app.listen({ host: "127.0.0.1", port });
  const { registrar: registrarA } = await withPublishedProgramme(svc, "kaznu", 1);
  const attestation = await ok(
    "POST",
    "/orgs/kaznu/programmes/DA-101/attestations",
    registrarA,
    { learner: { fullName: "Әлия Нұрланқызы", iin: testIin(7) }, session: "2026-06", heldOn: "2026-06-20", result: { percent: 87 } },
    201,
  );
  microJwt = (await ok("POST", "/orgs/kaznu/programmes/DA-101/awards", registrarA, { attestationId: attestation.id }, 201)).jwt;

  await ok("POST", "/orgs", adminToken, institutionBody("enu", 2), 201);
  secretary = await person("secretary@enu.kz", ["commission_secretary"]);
  expert = await person("teacher@enu.kz", ["expert"]);
  practitioner = await person("practitioner@enu.kz", ["expert"]);
  members = [
    await person("member1@enu.kz", ["commission_member"]),
    await person("member2@enu.kz", ["commission_member"]),
    await person("member3@enu.kz", ["commission_member"]),
  ];
  registrar = await person("registrar@enu.kz", ["registrar"]);
  await ok(
    "POST",
    "/orgs/enu/academic-periods",
    registrar.token,
    { code: "2027-spring", names: t("2027 көктем", "Весна 2027", "Spring 2027"), startsOn: "2027-01-11", endsOn: "2027-05-31" },
    201,
  );
  await ok(
    "POST",
    "/orgs/enu/curricula",
    registrar.token,
    {
      code: "6B06101",
      names: t("Ақпараттық жүйелер", "Информационные системы", "Information systems"),
      disciplines: [
        {
          code: "DA-201",
          names: t("Деректерді талдау", "Анализ данных", "Data analysis"),
          credits: 5,
          hours: 150,
          period: 3,
          learningOutcomes: [
            { code: "O1", text: t("Деректер жиынын тазалайды", "Очищает наборы данных", "Cleans data sets") },
            { code: "O2", text: t("Статистикалық талдау жүргізеді", "Проводит статистический анализ", "Performs statistical analysis") },
          ],
        },
      ],
    },
    201,
  );
  const learnerId = (await ok("POST", "/orgs/enu/learners", registrar.token, { fullName: "Әлия Нұрланқызы", iin: testIin(7) }, 201)).id;
  await ok("PUT", `/orgs/enu/learners/${learnerId}/enrolment`, registrar.token, { curriculum: "6B06101" });
  await ok(
    "POST",
    "/orgs/enu/commissions",
    registrar.token,
    {
      kind: "micro_qualification",
      orderNumber: "45-н",
      orderDate: "2026-09-01",
      secretaryUserId: secretary.id,
      members: members.map((m) => ({ userId: m.id, category: "teacher" })),
    },
    201,
  );
  await ok(
    "POST",
    "/orgs/enu/expert-groups",
    registrar.token,
    {
      name: "IT experts",
      orderNumber: "46-н",
      orderDate: "2026-09-02",
      members: [
        { userId: expert.id, kind: "teacher" },
        { userId: practitioner.id, kind: "practitioner" },
      ],
    },
    201,
  );
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

describe("the recognition workspace", () => {
  it("secretary → expert → commission members → secretary → registrar, each signed in as themselves", async () => {
    // The secretary: the inbox, the prepared application, sent to the experts.
    const s = await signedIn(secretary.email);
    await s.page.goto(`${base}/console/orgs/enu/recognition?lang=en`);
    await expectAccessible(s.page);
    // The application as it arrived: registered in the browser, the credential pasted as received.
    await s.page.getByRole("link", { name: "Register an application" }).click();
    await s.page.locator("#procedure").selectOption("micro");
    await s.page.getByLabel("6B06101 · DA-201 · Data analysis").check();
    await s.page.locator("#text").fill("Прошу перезачесть микроквалификацию «Младший аналитик данных».");
    await s.page.locator("#doc1-title").fill("Micro-qualification credential, KazNU");
    await s.page.locator("#doc1-credential").fill(microJwt);
    await expectAccessible(s.page);
    await s.page.getByRole("button", { name: "Register" }).click();
    await s.page.locator("[data-stage]").waitFor();
    applicationId = new URL(s.page.url()).pathname.split("/").pop()!;
    await s.page.goto(`${base}/console/orgs/enu/recognition?lang=en`);
    await s.page.getByRole("link", { name: "1", exact: true }).click();
    expect(await s.page.locator('[data-proposal="DA-201"]').textContent()).toBe("recognise");
    expect(await s.page.locator('[data-verdict="valid"]').count()).toBe(1);
    await expectAccessible(s.page);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, "console-application-en.png"), fullPage: true });
    await s.page.getByRole("button", { name: "Send to the expert group" }).click();
    expect(await s.page.locator("[data-stage]").getAttribute("data-stage")).toBe("with_experts");

    // The expert: the four-part conclusion; one field left out is refused by the browser, then completed.
    const e = await signedIn(expert.email);
    await e.page.goto(`${base}/console/orgs/enu/recognition/${applicationId}?lang=en`);
    for (const aspect of ["learningOutcomes", "programmeGoals", "volume", "grade"])
      await e.page.locator(`#${aspect}-comment`).fill(`Assessed: ${aspect}`);
    await e.page.locator("#comment-DA-201").fill("Re-credit in full.");
    await e.page.locator("#summary").fill("The outcomes, goals, volume and grade match.");
    await expectAccessible(e.page);
    await e.page.getByRole("button", { name: "Submit the conclusion" }).click();
    expect(await e.page.locator("[data-stage]").getAttribute("data-stage")).toBe("concluded");

    // The secretary opens the meeting with the three members present and records the chair's election (R п.12).
    await s.page.goto(`${base}/console/orgs/enu/commissions?lang=en`);
    await s.page.getByLabel("Place").fill("Room 101");
    await expectAccessible(s.page);
    await s.page.getByRole("button", { name: "Open a meeting" }).click();
    meetingId = new URL(s.page.url()).pathname.split("/").pop()!;
    await s.page.getByRole("button", { name: "Record the election" }).click();
    await s.page.getByText("Done.").waitFor();
    expect(await s.page.getByRole("button", { name: "Record the election" }).count()).toBe(0);

    // The secretary puts it on the meeting's agenda and the draft to the vote.
    await s.page.goto(`${base}/console/orgs/enu/recognition/${applicationId}?lang=en`);
    await s.page.getByRole("button", { name: "Put on the agenda" }).click();
    await s.page.goto(`${base}/console/orgs/enu/meetings/${meetingId}?lang=en`);
    await s.page.getByRole("button", { name: "Put to the vote" }).click();
    expect(await s.page.locator("[data-motion]").textContent()).toBe("DA-201: 5 / 150 / B+");

    // Three members vote, each in their own session; the secretary cannot.
    expect(await s.page.getByRole("button", { name: "For", exact: true }).count()).toBe(0);
    for (const [i, m] of members.entries()) {
      const session = await signedIn(m.email);
      await session.page.goto(`${base}/console/orgs/enu/meetings/${meetingId}?lang=en`);
      if (i === 0) await expectAccessible(session.page);
      await session.page.getByRole("button", { name: i === 2 ? "Against" : "For", exact: true }).click();
      expect(await session.page.locator('[data-tally="for"]').textContent()).toBe(String(Math.min(i + 1, 2)));
      expect(await session.page.getByRole("button", { name: "For", exact: true }).count()).toBe(0); // voted: no second vote
      await session.context.close();
    }

    // The secretary records the decision (2 of 3) and closes the meeting into protocol No. 1.
    await s.page.goto(`${base}/console/orgs/enu/meetings/${meetingId}?lang=en`);
    await s.page.getByRole("button", { name: "Record the decision" }).click();
    expect(await s.page.locator("[data-outcome]").getAttribute("data-outcome")).toBe("adopted");
    await s.page.getByRole("button", { name: "Close the meeting (protocol)" }).click();
    await s.page.getByRole("link", { name: /Protocol \(PDF\) № 1/ }).waitFor();
    await expectAccessible(s.page);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, "console-meeting-en.png"), fullPage: true });

    // The registrar records the transcript; the decision credential verifies on its public page.
    const r = await signedIn(registrar.email);
    await r.page.goto(`${base}/console/orgs/enu/recognition/${applicationId}?lang=en`);
    await r.page.getByRole("button", { name: "Record in the transcript and issue the decision credential" }).click();
    expect(await r.page.locator("[data-stage]").getAttribute("data-stage")).toBe("recorded");
    await r.page.locator("a[data-credential]").click();
    await r.page.locator('[data-verdict="valid"]').waitFor();
    expect(await r.page.content()).toContain("DA-201 · Data analysis");
    await r.page.screenshot({ path: path.join(SCREENSHOTS, "console-decision-credential-en.png"), fullPage: true });

    const transcript = await ok(
      "GET",
      `/orgs/enu/learners/${(await ok("GET", `/orgs/enu/recognition-applications/${applicationId}`, registrar.token)).learnerId}/transcript`,
      registrar.token,
    );
    expect(transcript.entries).toEqual([expect.objectContaining({ disciplineCode: "DA-201", letter: "B+", kind: "re_credited" })]);
    // The registrar sees the transcript in the console: the discipline re-credited on protocol No. 1, in Kazakh.
    await r.page.goto(`${base}/console/orgs/enu/recognition/${applicationId}?lang=kk`);
    await r.page.locator("a[data-transcript]").click();
    expect(await r.page.locator('[data-discipline-status="re_credited"]').textContent()).toBe("қайта есептелді, оқудан босатылды");
    expect(await r.page.locator("table").first().textContent()).toContain("№ 1");
    expect(await r.page.locator("table").first().textContent()).toContain("B+");
    await expectAccessible(r.page);
    await r.page.screenshot({ path: path.join(SCREENSHOTS, "console-transcript-kk.png"), fullPage: true });
    for (const x of [s, e, r]) await x.context.close();
  }, 180_000);
});
