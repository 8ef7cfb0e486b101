import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAnalysisProgramme } from "../fixtures/programmes.js";
import { admin, bearer, institutionBody, startService, type TestService } from "../helpers/service.js";

let svc: TestService;
let registrar: string;
let viewer: string;

beforeAll(async () => {
  svc = await startService();
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kaznu", 1) });
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("college", 2, "tvet") });
  const token = async (slug: string, role: string) =>
    (await svc.app.inject({ method: "POST", url: `/orgs/${slug}/tokens`, headers: admin, payload: { name: role, roles: [role] } })).json()
      .token as string;
  registrar = await token("kaznu", "registrar");
  viewer = await token("kaznu", "viewer");
});
afterAll(async () => {
  await svc?.destroy();
});

const post = (url: string, payload: object | undefined, token: string) =>
  svc.app.inject({ method: "POST", url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe("programme lifecycle through the API", () => {
  it("creates a draft with its workload and public achievement URL", async () => {
    const res = await post("/orgs/kaznu/programmes", dataAnalysisProgramme(), registrar);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: "DA-101",
      status: "draft",
      workload: { credits: 5, hours: 150 },
      achievementUrl: "http://localhost:3999/orgs/kaznu/achievements/DA-101",
      version: 1,
      approval: null,
    });
  });

  it("edits a draft with the version it read, and refuses a stale version", async () => {
    const body = dataAnalysisProgramme();
    const content = { ...body.content, description: { kk: "Сипаттама", ru: "Описание", en: "Description" } };
    const ok = await svc.app.inject({
      method: "PUT",
      url: "/orgs/kaznu/programmes/DA-101",
      headers: bearer(registrar),
      payload: { version: 1, content },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await svc.app.inject({
      method: "PUT",
      url: "/orgs/kaznu/programmes/DA-101",
      headers: bearer(registrar),
      payload: { version: 1, content },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("PROGRAMME_VERSION_CONFLICT");
  });

  it("is approved by the academic council, published and retired", async () => {
    const approved = await post("/orgs/kaznu/programmes/DA-101/approve", { decisionNumber: "12", decisionDate: "2026-09-15" }, registrar);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", approval: { decisionNumber: "12", decisionDate: "2026-09-15" } });

    const published = await post("/orgs/kaznu/programmes/DA-101/publish", undefined, registrar);
    expect(published.json().status).toBe("published");
    expect(published.json().publishedAt).not.toBeNull();

    const edit = await svc.app.inject({
      method: "PUT",
      url: "/orgs/kaznu/programmes/DA-101",
      headers: bearer(registrar),
      payload: { version: published.json().version, content: dataAnalysisProgramme().content },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe("PROGRAMME_TRANSITION_NOT_ALLOWED");

    const retired = await post("/orgs/kaznu/programmes/DA-101/retire", undefined, registrar);
    expect(retired.json().status).toBe("retired");
    const audit = (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/audit", headers: admin }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit.slice(0, 5)).toEqual([
      "programme.retired",
      "programme.published",
      "programme.approved",
      "programme.edited",
      "programme.created",
    ]);
  });

  it("sends an edited approved programme back to draft, clearing the approval", async () => {
    await post("/orgs/kaznu/programmes", dataAnalysisProgramme("DA-102"), registrar);
    const approved = (
      await post("/orgs/kaznu/programmes/DA-102/approve", { decisionNumber: "13", decisionDate: "2026-09-16" }, registrar)
    ).json();
    const edited = await svc.app.inject({
      method: "PUT",
      url: "/orgs/kaznu/programmes/DA-102",
      headers: bearer(registrar),
      payload: { version: approved.version, content: dataAnalysisProgramme().content },
    });
    expect(edited.json()).toMatchObject({ status: "draft", approval: null });
  });

  it("refuses to publish a draft", async () => {
    await post("/orgs/kaznu/programmes", dataAnalysisProgramme("DA-103"), registrar);
    const res = await post("/orgs/kaznu/programmes/DA-103/publish", undefined, registrar);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("PROGRAMME_TRANSITION_NOT_ALLOWED");
  });

  it("lists, filters and searches programmes", async () => {
    const all = (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/programmes", headers: bearer(viewer) })).json();
    expect(all.total).toBe(3);
    const drafts = (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/programmes?status=draft", headers: bearer(viewer) })).json();
    expect(drafts.items.map((p: { code: string }) => p.code).sort()).toEqual(["DA-102", "DA-103"]);
    const found = (
      await svc.app.inject({
        method: "GET",
        url: `/orgs/kaznu/programmes?q=${encodeURIComponent("анализ")}&limit=1`,
        headers: bearer(viewer),
      })
    ).json();
    expect(found.total).toBe(3);
    expect(found.items).toHaveLength(1);
  });

  it("exports the registry application with exactly its ten fields", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/orgs/kaznu/programmes/DA-101/registry-application", headers: bearer(viewer) });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc)).toEqual([
      "1_organisation",
      "2_programmeName",
      "3_goal",
      "4_formOfStudy",
      "5_nqfLevel",
      "6_accreditation",
      "7_workload",
      "8_languages",
      "9_professionalStandard",
      "10_learningOutcomes",
    ]);
    expect(doc["7_workload"]).toEqual({ credits: 5, hours: 150 });
    expect(doc["6_accreditation"][0]).toMatchObject({ kind: "international", agency: "ASIIN", register: "EQAR" });
  });
});

describe("programme rules and bad input", () => {
  const counts = () => svc.wired.deps.db.programme.count();

  it("M п.10: refuses a programme under one credit, citing the rule", async () => {
    const body = dataAnalysisProgramme("SMALL");
    body.content.workload = { credits: null, hours: 20 } as never;
    body.content.thematicPlan = [];
    const before = await counts();
    const res = await post("/orgs/college/programmes", body, await tokenFor("college"));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "PROGRAMME_INVALID",
      problems: [{ code: "CREDITS_BELOW_MINIMUM", rule: "M п.10", credits: 0.83 }],
    });
    expect(await counts()).toBe(before);
  });

  it("R п.7: refuses hours that do not match the credits at 24 h per credit in TVET", async () => {
    const body = dataAnalysisProgramme("MISMATCH");
    const res = await post("/orgs/college/programmes", body, await tokenFor("college"));
    expect(res.statusCode).toBe(422);
    expect(res.json().problems[0]).toMatchObject({ code: "HOURS_CREDITS_MISMATCH", hoursPerCredit: 24 });
  });

  it("refuses a duplicate code, an unknown programme and a malformed body", async () => {
    expect((await post("/orgs/kaznu/programmes", dataAnalysisProgramme("DA-101"), registrar)).json().code).toBe("PROGRAMME_CODE_TAKEN");
    expect((await svc.app.inject({ method: "GET", url: "/orgs/kaznu/programmes/NOPE", headers: bearer(viewer) })).json().code).toBe(
      "PROGRAMME_NOT_FOUND",
    );
    const bad = dataAnalysisProgramme("BAD");
    (bad.content as Record<string, unknown>).nqfLevel = 9;
    const res = await post("/orgs/kaznu/programmes", bad, registrar);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("/content/nqfLevel");
  });

  it("lets only registrars change programmes, and only their own institution's", async () => {
    expect((await post("/orgs/kaznu/programmes", dataAnalysisProgramme("V"), viewer)).json().code).toBe("FORBIDDEN");
    expect((await post("/orgs/college/programmes", dataAnalysisProgramme("X"), registrar)).json().code).toBe("OTHER_INSTITUTION");
  });
});

async function tokenFor(slug: string): Promise<string> {
  return (
    await svc.app.inject({ method: "POST", url: `/orgs/${slug}/tokens`, headers: admin, payload: { name: "r", roles: ["registrar"] } })
  ).json().token as string;
}

describe("printable registry application", () => {
  it.each([
    ["kk", "Білім беру бағдарламаларының тізіліміне енгізуге өтінім", "Python тілінде деректерді талдау"],
    ["ru", "Заявка на включение в Реестр образовательных программ", "Анализ данных на Python"],
    ["en", "Application for inclusion in the Registry of educational programmes", "Data analysis with Python"],
  ])("renders the ten fields in %s", async (lang, title, name) => {
    const { pdfText } = await import("../helpers/pdf.js");
    const res = await svc.app.inject({
      method: "GET",
      url: `/orgs/kaznu/programmes/DA-101/registry-application.pdf?lang=${lang}`,
      headers: bearer(viewer),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = (await pdfText(res.rawPayload)).text.replace(/\s+/g, " ");
    expect(text).toContain(title);
    expect(text).toContain(name);
    expect(text).toContain("10.");
    expect(text).toContain("LO2");
  });
});
