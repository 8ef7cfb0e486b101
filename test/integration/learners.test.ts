import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAnalysisProgramme } from "../fixtures/programmes.js";
import { testIin } from "../helpers/iin.js";
import { admin, bearer, institutionBody, startService, type TestService } from "../helpers/service.js";

let svc: TestService;
let registrar: string;

beforeAll(async () => {
  svc = await startService();
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kaznu", 1) });
  registrar = (
    await svc.app.inject({ method: "POST", url: "/orgs/kaznu/tokens", headers: admin, payload: { name: "r", roles: ["registrar"] } })
  ).json().token;
  const post = (url: string, payload?: object) =>
    svc.app.inject({ method: "POST", url, headers: bearer(registrar), ...(payload ? { payload } : {}) });
  await post("/orgs/kaznu/programmes", dataAnalysisProgramme());
  await post("/orgs/kaznu/programmes/DA-101/approve", { decisionNumber: "1", decisionDate: "2026-09-01" });
  await post("/orgs/kaznu/programmes/DA-101/publish");
  await post("/orgs/kaznu/programmes", dataAnalysisProgramme("DRAFT-1"));
});
afterAll(async () => {
  await svc?.destroy();
});

const post = (url: string, payload: object) => svc.app.inject({ method: "POST", url, headers: bearer(registrar), payload });

describe("learners", () => {
  it("registers a learner with a valid IIN and finds them by name or IIN", async () => {
    const res = await post("/orgs/kaznu/learners", { fullName: "Айгерім Сейітова", iin: testIin(1), email: "aigerim@example.kz" });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const byName = (
      await svc.app.inject({ method: "GET", url: `/orgs/kaznu/learners?q=${encodeURIComponent("Айгерім")}`, headers: bearer(registrar) })
    ).json();
    expect(byName.items.map((l: { id: string }) => l.id)).toEqual([id]);
    const byIin = (
      await svc.app.inject({ method: "GET", url: `/orgs/kaznu/learners?q=${testIin(1).slice(0, 8)}`, headers: bearer(registrar) })
    ).json();
    expect(byIin.total).toBe(1);
  });

  it("refuses an IIN with a wrong check digit, and a second learner with the same IIN", async () => {
    const wrong = testIin(2).slice(0, 11) + ((Number(testIin(2)[11]) + 1) % 10);
    const bad = await post("/orgs/kaznu/learners", { fullName: "X", iin: wrong });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "IIN_INVALID", problem: "check_digit" });
    const dup = await post("/orgs/kaznu/learners", { fullName: "Someone else", iin: testIin(1) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe("LEARNER_IIN_TAKEN");
  });

  it("keeps the IIN out of the audit trail", async () => {
    const audit = (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/audit", headers: admin })).body;
    expect(audit).not.toContain(testIin(1));
  });
});

describe("final attestation (M п.16–17)", () => {
  it("records a percentage as its letter, GPA and pass, registering the learner by IIN", async () => {
    const res = await post("/orgs/kaznu/programmes/DA-101/attestations", {
      learner: { fullName: "Ерлан Нұрланұлы", iin: testIin(3) },
      session: "2026-06",
      heldOn: "2026-06-20",
      result: { percent: 87 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ letter: "B+", gpa: 3.33, percent: 87, passing: true });
  });

  it("records a letter; FX is not passing", async () => {
    const res = await post("/orgs/kaznu/programmes/DA-101/attestations", {
      learner: { fullName: "Дана Асқарқызы", iin: testIin(4) },
      session: "2026-06",
      heldOn: "2026-06-20",
      result: { letter: "FX" },
    });
    expect(res.json()).toMatchObject({ letter: "FX", gpa: 0.5, percent: null, passing: false });
  });

  it("answers 200 with the stored record when the same result is sent again, 409 for a different one", async () => {
    const body = {
      learner: { fullName: "Ерлан Нұрланұлы", iin: testIin(3) },
      session: "2026-06",
      heldOn: "2026-06-20",
      result: { percent: 87 },
    };
    const again = await post("/orgs/kaznu/programmes/DA-101/attestations", body);
    expect(again.statusCode).toBe(200);
    const changed = await post("/orgs/kaznu/programmes/DA-101/attestations", { ...body, result: { percent: 60 } });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe("ATTESTATION_CONFLICT");
    expect(
      (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/programmes/DA-101/attestations", headers: bearer(registrar) })).json().total,
    ).toBe(2);
  });

  it("refuses results outside 0–100, unknown letters, and unpublished programmes", async () => {
    const base = { learner: { fullName: "Z", iin: testIin(5) }, session: "s", heldOn: "2026-06-20" };
    const before = await svc.wired.deps.db.attestation.count();
    expect((await post("/orgs/kaznu/programmes/DA-101/attestations", { ...base, result: { percent: 101 } })).json().code).toBe(
      "VALIDATION_FAILED",
    );
    expect((await post("/orgs/kaznu/programmes/DA-101/attestations", { ...base, result: { letter: "E" } })).json().code).toBe(
      "VALIDATION_FAILED",
    );
    const draft = await post("/orgs/kaznu/programmes/DRAFT-1/attestations", { ...base, result: { percent: 90 } });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe("PROGRAMME_NOT_PUBLISHED");
    expect(await svc.wired.deps.db.attestation.count()).toBe(before);
    // The learner registered on the way in was rolled back with the refused attestation.
    expect(await svc.wired.deps.db.learner.count({ where: { iin: testIin(5) } })).toBe(0);
  });
});
