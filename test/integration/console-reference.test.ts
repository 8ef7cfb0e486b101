// The recognition reference data in the console, through app.inject: academic periods, educational programmes
// (form rows and the API's JSON file), learners and their enrolment, commissions and expert groups formed by
// order; and the credentials list filtered by programme, status and day. Each refusal (role, CSRF, a rule of
// the law, a double submission) comes back as the page with the reason, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleGet, consolePerson, consolePost, consoleUpload, type ConsoleSession } from "../helpers/console.js";
import { testIin } from "../helpers/iin.js";
import { admin, bearer, institutionBody, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

let svc: TestService;
let registrar: ConsoleSession & { id: string };
let secretary: ConsoleSession & { id: string };
let viewer: ConsoleSession & { id: string };
let members: (ConsoleSession & { id: string })[];
let experts: (ConsoleSession & { id: string })[];
let kaznuRegistrar: ConsoleSession & { id: string };
const START = Date.parse("2026-11-23T04:00:00Z");

const api = async (url: string) =>
  (await svc.app.inject({ method: "GET", url, headers: admin })).json<{ items: Record<string, unknown>[] }>();
const noCsrf = (who: ConsoleSession): ConsoleSession => ({ cookie: who.cookie, csrf: null });

const discipline = (hours: string) => ({
  code: "CURR-1",
  "names.kk": "Ақпараттық жүйелер",
  "names.ru": "Информационные системы",
  "names.en": "Information systems",
  level: "bachelor",
  rows: "4",
  "d.1.code": "DA-201",
  "d.1.kk": "Деректерді талдау",
  "d.1.ru": "Анализ данных",
  "d.1.en": "Data analysis",
  "d.1.credits": "5",
  "d.1.hours": hours,
  "d.1.period": "3",
  "d.1.outcomes.kk": "Деректер жиынын тазалайды\nСтатистикалық талдау жүргізеді",
  "d.1.outcomes.ru": "Очищает наборы данных\nПроводит статистический анализ",
  "d.1.outcomes.en": "Cleans data sets\nPerforms statistical analysis",
});

beforeAll(async () => {
  let ticks = 0;
  svc = await startService({ clock: () => new Date(START + ticks++) });
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("enu", 2) });
  const at = (email: string, roles: string[]) => consolePerson(svc, { email, fullName: email.split("@")[0]!, institution: "enu", roles });
  registrar = await at("registrar@enu.kz", ["registrar"]);
  secretary = await at("secretary@enu.kz", ["commission_secretary"]);
  viewer = await at("viewer@enu.kz", ["viewer"]);
  members = [
    await at("m1@enu.kz", ["commission_member"]),
    await at("m2@enu.kz", ["commission_member"]),
    await at("m3@enu.kz", ["commission_member"]),
  ];
  experts = [await at("teacher@enu.kz", ["expert"]), await at("practitioner@enu.kz", ["expert"])];
  await withPublishedProgramme(svc, "kaznu", 1);
  kaznuRegistrar = await consolePerson(svc, {
    email: "registrar@kaznu.kz",
    fullName: "Registrar",
    institution: "kaznu",
    roles: ["registrar"],
  });
}, 60_000);

afterAll(async () => {
  await svc?.destroy();
});

describe("academic periods", () => {
  const period = { code: "2027-spring", "names.kk": "2027 көктем", "names.ru": "Весна 2027", "names.en": "Spring 2027" };

  it("are added by staff and listed with their days in the reader's language", async () => {
    const res = await consolePost(svc, registrar, "/console/orgs/enu/reference/periods?lang=ru", {
      ...period,
      startsOn: "2027-01-11",
      endsOn: "2027-05-31",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain("notice=done");
    const page = await consoleGet(svc, registrar, "/console/orgs/enu/reference?lang=ru&notice=done");
    expect(page.body).toContain("Весна 2027");
    expect(page.body).toContain('<time datetime="2027-01-11">11 янв. 2027 г.</time>');
    expect(page.body).toContain("Сохранено.");
  });

  it("refuse a period that ends before it starts, a code taken twice, a viewer, another institution and a form without its CSRF token", async () => {
    const bad = await consolePost(svc, registrar, "/console/orgs/enu/reference/periods?lang=en", {
      ...period,
      code: "backwards",
      startsOn: "2027-05-31",
      endsOn: "2027-01-11",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("data-error");
    expect(bad.body).toContain('value="backwards"'); // what was typed comes back
    const twice = await consolePost(svc, registrar, "/console/orgs/enu/reference/periods?lang=en", {
      ...period,
      startsOn: "2027-01-11",
      endsOn: "2027-05-31",
    });
    expect(twice.statusCode).toBe(409);
    const fields = { ...period, code: "other", startsOn: "2027-01-11", endsOn: "2027-05-31" };
    expect((await consolePost(svc, viewer, "/console/orgs/enu/reference/periods", fields)).statusCode).toBe(403);
    expect((await consolePost(svc, kaznuRegistrar, "/console/orgs/enu/reference/periods", fields)).statusCode).toBe(403);
    const forged = await consolePost(svc, noCsrf(registrar), "/console/orgs/enu/reference/periods", fields);
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe("CSRF_TOKEN_INVALID");
    expect((await api("/orgs/enu/academic-periods")).items.map((p) => p.code)).toEqual(["2027-spring"]);
  });
});

describe("the reader's language", () => {
  it("chosen on any console page is remembered in a cookie and used when the next page names none", async () => {
    const chosen = await consoleGet(svc, viewer, "/console/orgs/enu/reference?lang=kk");
    const cookie = chosen.cookies.find((c) => c.name === "kualik_lang");
    expect(cookie?.value).toBe("kk");
    const next = await consoleGet(svc, { cookie: `${viewer.cookie}; kualik_lang=kk`, csrf: null }, "/console/orgs/enu/learners");
    expect(next.body).toContain('<html lang="kk"');
  });
});

describe("educational programmes", () => {
  it("a discipline whose hours disagree with its credits (R п.7) is refused with the rule, and nothing is saved", async () => {
    const res = await consolePost(svc, registrar, "/console/orgs/enu/curricula/new?lang=en", discipline("120"));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain("R п.7");
    expect(res.body).toContain("DA-201 · credits and hours disagree at the institution&#39;s rate · R п.7");
    expect(res.body).toContain('value="120"');
    expect((await api("/orgs/enu/curricula")).items).toEqual([]);
  });

  it("'more rows' keeps what was typed and saves nothing", async () => {
    const res = await consolePost(svc, registrar, "/console/orgs/enu/curricula/new?lang=en", { ...discipline("150"), more: "1" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-discipline="8"');
    expect(res.body).toContain('value="Data analysis"');
    expect((await api("/orgs/enu/curricula")).items).toEqual([]);
  });

  it("is saved from the form with each outcome paired across the three languages", async () => {
    const res = await consolePost(svc, registrar, "/console/orgs/enu/curricula/new?lang=en", discipline("150"));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain("/console/orgs/enu/curricula/CURR-1");
    const curriculum = (await svc.app.inject({ method: "GET", url: "/orgs/enu/curricula/CURR-1", headers: admin })).json();
    expect(curriculum.disciplines).toHaveLength(1);
    expect(curriculum.disciplines[0].content.learningOutcomes[1]).toEqual({
      code: "DA-201.LO2",
      text: { kk: "Статистикалық талдау жүргізеді", ru: "Проводит статистический анализ", en: "Performs statistical analysis" },
    });
    const page = await consoleGet(svc, viewer, "/console/orgs/enu/curricula/CURR-1?lang=kk");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Деректер жиынын тазалайды");
  });

  it("is saved from the API's JSON as a file; a file that is not JSON, or not a programme, is refused", async () => {
    const file = (content: string) => ({ field: "file", name: "curriculum.json", type: "application/json", content });
    const notJson = await consoleUpload(svc, registrar, "/console/orgs/enu/curricula/upload?lang=en", file("{ nope"));
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain("data-error");
    const notProgramme = await consoleUpload(svc, registrar, "/console/orgs/enu/curricula/upload?lang=en", file('{"code":"X"}'));
    expect(notProgramme.statusCode).toBe(400);
    const body = {
      code: "CURR-2",
      names: { kk: "Бағдарлама", ru: "Программа", en: "Programme" },
      disciplines: [
        {
          code: "D1",
          names: { kk: "Пән", ru: "Дисциплина", en: "Discipline" },
          credits: 2,
          hours: 60,
          period: 1,
          learningOutcomes: [{ code: "O1", text: { en: "Reads a programme" } }],
        },
      ],
    };
    const ok = await consoleUpload(svc, registrar, "/console/orgs/enu/curricula/upload?lang=en", file(JSON.stringify(body)));
    expect(ok.statusCode).toBe(303);
    expect((await api("/orgs/enu/curricula")).items.map((c) => c.code).sort()).toEqual(["CURR-1", "CURR-2"]);
    expect((await consoleGet(svc, viewer, "/console/orgs/enu/curricula/new")).statusCode).toBe(403);
  });
});

describe("learners", () => {
  const learners = async () =>
    (await svc.app.inject({ method: "GET", url: "/orgs/enu/learners", headers: admin })).json<{
      items: { id: string; curriculum?: string | null }[];
    }>().items;

  it("are registered and enrolled in one step; a wrong IIN or an unknown programme changes nothing", async () => {
    const badIin = await consolePost(svc, registrar, "/console/orgs/enu/learners?lang=en", {
      fullName: "Әлия",
      iin: "123456789012",
      curriculum: "CURR-1",
    });
    expect(badIin.statusCode).toBe(422);
    expect(badIin.body).toContain('value="Әлия"');
    const unknown = await consolePost(svc, registrar, "/console/orgs/enu/learners?lang=en", {
      fullName: "Әлия",
      iin: testIin(7),
      curriculum: "NOPE",
    });
    expect(unknown.statusCode).toBe(404);
    expect(await learners()).toEqual([]);
    const ok = await consolePost(svc, registrar, "/console/orgs/enu/learners?lang=en", {
      fullName: "Әлия Нұрланқызы",
      iin: testIin(7),
      curriculum: "CURR-1",
    });
    expect(ok.statusCode).toBe(303);
    const twice = await consolePost(svc, registrar, "/console/orgs/enu/learners?lang=en", {
      fullName: "Әлия Нұрланқызы",
      iin: testIin(7),
      curriculum: "CURR-1",
    });
    expect(twice.statusCode).toBe(409);
    expect(await learners()).toHaveLength(1);
    const page = await consoleGet(svc, secretary, "/console/orgs/enu/learners?lang=en");
    expect(page.body).toContain("Әлия Нұрланқызы");
    expect(page.body).not.toContain('data-form="learner"'); // the secretary reads, the registrar registers
    expect((await consolePost(svc, secretary, "/console/orgs/enu/learners", { fullName: "X", iin: testIin(8) })).statusCode).toBe(403);
  });

  it("are moved to another programme or withdrawn by the registrar only", async () => {
    const [learner] = await learners();
    const learnerRow = async () =>
      (await svc.wired.deps.repos.learners.findById((await svc.wired.deps.repos.institutions.findBySlug("enu"))!.id, learner!.id))!;
    const curriculumCode = async () => {
      const id = (await learnerRow()).curriculumId;
      return id ? (await svc.wired.deps.repos.curricula.findCurriculumById(id))!.code : null;
    };
    expect(
      (await consolePost(svc, viewer, `/console/orgs/enu/learners/${learner!.id}/enrolment`, { curriculum: "CURR-2" })).statusCode,
    ).toBe(403);
    expect(await curriculumCode()).toBe("CURR-1");
    expect(
      (await consolePost(svc, registrar, `/console/orgs/enu/learners/${learner!.id}/enrolment`, { curriculum: "CURR-2" })).statusCode,
    ).toBe(303);
    expect(await curriculumCode()).toBe("CURR-2");
    expect((await consolePost(svc, registrar, `/console/orgs/enu/learners/${learner!.id}/enrolment`, { curriculum: "" })).statusCode).toBe(
      303,
    );
    expect(await curriculumCode()).toBeNull();
  });
});

describe("commissions and expert groups formed by order", () => {
  const commission = () => ({
    kind: "micro_qualification",
    orderNumber: "45-н",
    orderDate: "2026-09-01",
    secretaryUserId: secretary.id,
    ...Object.fromEntries(members.map((m) => [`member.${m.id}`, "teacher"])),
  });

  it("a commission whose secretary is not staff, or with nobody chosen, is refused with the reason (R п.12, 23)", async () => {
    const notStaff = await consolePost(svc, secretary, "/console/orgs/enu/commissions/new?lang=en", {
      ...commission(),
      secretaryUserId: members[0]!.id,
    });
    expect(notStaff.statusCode).toBe(422);
    expect(notStaff.body).toContain("R п.12, 23");
    const nobody = await consolePost(svc, secretary, "/console/orgs/enu/commissions/new?lang=en", {
      kind: "micro_qualification",
      orderNumber: "45-н",
      orderDate: "2026-09-01",
      secretaryUserId: secretary.id,
    });
    expect(nobody.statusCode).toBe(400);
    expect((await api("/orgs/enu/commissions")).items).toEqual([]);
    expect((await consolePost(svc, viewer, "/console/orgs/enu/commissions/new", commission())).statusCode).toBe(403);
  });

  it("is recorded with its members and shown with its kind and order in the reader's language", async () => {
    const res = await consolePost(svc, secretary, "/console/orgs/enu/commissions/new?lang=kk", commission());
    expect(res.statusCode).toBe(303);
    const [saved] = (await api("/orgs/enu/commissions")).items;
    expect(saved).toMatchObject({ kind: "micro_qualification", orderNumber: "45-н", secretaryUserId: secretary.id });
    expect((saved!.members as unknown[]).length).toBe(3);
    const page = await consoleGet(svc, secretary, "/console/orgs/enu/commissions?lang=kk&notice=done");
    expect(page.body).toContain("Микробіліктіліктерді тану (М 19-т.)");
    expect(page.body).toContain("Сақталды.");
  });

  it("an expert group needs a teacher and a practitioner (R п.15, 26)", async () => {
    const group = { name: "IT experts", orderNumber: "46-н", orderDate: "2026-09-02" };
    const teachersOnly = await consolePost(svc, registrar, "/console/orgs/enu/expert-groups/new?lang=en", {
      ...group,
      [`expert.${experts[0]!.id}`]: "teacher",
      [`expert.${experts[1]!.id}`]: "teacher",
    });
    expect(teachersOnly.statusCode).toBe(422);
    expect(teachersOnly.body).toContain("R п.15, 26");
    expect((await api("/orgs/enu/expert-groups")).items).toEqual([]);
    const ok = await consolePost(svc, registrar, "/console/orgs/enu/expert-groups/new?lang=en", {
      ...group,
      [`expert.${experts[0]!.id}`]: "teacher",
      [`expert.${experts[1]!.id}`]: "practitioner",
    });
    expect(ok.statusCode).toBe(303);
    expect((await api("/orgs/enu/expert-groups")).items).toHaveLength(1);
  });
});

describe("issued credentials, filtered", () => {
  it("by programme, status and day of issue (Kazakhstan's days), with the filters kept across pages", async () => {
    const token = (
      await svc.app.inject({ method: "POST", url: "/orgs/kaznu/tokens", headers: admin, payload: { name: "r", roles: ["registrar"] } })
    ).json().token as string;
    for (const i of [11, 12]) {
      const attestation = (
        await svc.app.inject({
          method: "POST",
          url: "/orgs/kaznu/programmes/DA-101/attestations",
          headers: bearer(token),
          payload: { learner: { fullName: `Learner ${i}`, iin: testIin(i) }, session: "s", heldOn: "2026-06-20", result: { percent: 90 } },
        })
      ).json();
      const award = (
        await svc.app.inject({
          method: "POST",
          url: "/orgs/kaznu/programmes/DA-101/awards",
          headers: bearer(token),
          payload: { attestationId: attestation.id },
        })
      ).json();
      if (i === 12)
        await svc.app.inject({
          method: "POST",
          url: `/orgs/kaznu/credentials/${award.id}/revoke`,
          headers: bearer(token),
          payload: { reason: "issued in error" },
        });
    }
    const rows = async (query: string) => {
      const page = await consoleGet(svc, kaznuRegistrar, `/console/orgs/kaznu/credentials?lang=en&${query}`);
      expect(page.statusCode).toBe(200);
      return [...page.body.matchAll(/data-status="(\w+)"/g)].map((m) => m[1]);
    };
    expect(await rows("")).toHaveLength(2);
    expect(await rows("status=revoked")).toEqual(["revoked"]);
    expect(await rows("programme=DA-101&from=2026-11-23&to=2026-11-23")).toHaveLength(2); // issued on the clock's day in Almaty
    expect(await rows("from=2026-11-24")).toEqual([]);
    expect(await rows("to=2026-11-22")).toEqual([]);
    expect(await rows("programme=NOPE")).toHaveLength(2); // an unknown programme is no filter, as "all programmes"
    const bad = await consoleGet(svc, kaznuRegistrar, "/console/orgs/kaznu/credentials?lang=en&from=yesterday");
    expect(bad.statusCode).toBe(400);
  });
});
