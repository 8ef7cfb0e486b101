// Recognition refuses bad input with a coded 4xx, and a refused request changes nothing: the application, the meeting,
// the transcript and the audit log read the same before and after. Credentials that fail verification (an issuer nobody
// vouches for, a tampered signature) are accepted as documents but block the procedure until the secretary accepts
// them with a reason (R п.10). The clock is fixed on Monday 23 November 2026 (Astana), so the dates below stay true.
import type { LightMyRequestResponse } from "fastify";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDidKey } from "../helpers/did-key.js";
import { testIin } from "../helpers/iin.js";
import { admin, bearer, institutionBody, startService, type TestService } from "../helpers/service.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;
interface Person {
  id: string;
  token: string;
}

let svc: TestService;
const adminToken = admin.authorization.slice(7);
const t = (kk: string, ru: string, en: string) => ({ kk, ru, en });

// 09:00 in Astana on Monday 2026-11-23, one millisecond later at every reading so that audit events keep their order.
const START = Date.parse("2026-11-23T04:00:00Z");
let ticks = 0;
const clock = () => new Date(START + ticks++);

const call = async (method: "GET" | "POST" | "PUT", url: string, token: string | null, payload?: object) =>
  svc.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

async function ok(method: "GET" | "POST" | "PUT", url: string, token: string | null, payload?: object, status = 200): Promise<Json> {
  const res = await call(method, url, token, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

/** The refusal is a problem+json with this status and code; its title names each of `inTitle` (a rule, a problem code). */
function refused(res: LightMyRequestResponse, status: number, code: string, ...inTitle: string[]): Json {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
  const body = res.json<Json>();
  expect(body).toMatchObject({ status, code });
  for (const text of inTitle) expect(body.title).toContain(text);
  return body;
}

/** A user with roles in the institution and a personal token that acts as them. */
async function person(name: string, roles: string[]): Promise<Person> {
  const user = await ok("POST", "/users", adminToken, { email: `${name}@enu.kz`, fullName: name }, 201);
  for (const role of roles) await ok("PUT", `/orgs/enu/members/${user.id}/roles/${role}`, adminToken);
  const token = await ok("POST", `/users/${user.id}/tokens`, adminToken, { name: "personal", institution: "enu" }, 201);
  return { id: user.id, token: token.token };
}

const curriculum = {
  code: "6B06101",
  names: t("Ақпараттық жүйелер", "Информационные системы", "Information systems"),
  level: "bachelor",
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
    {
      code: "NN-301",
      names: t("Нейрондық желілер", "Нейронные сети", "Neural networks"),
      credits: 5,
      hours: 150,
      period: 5,
      learningOutcomes: [{ code: "O1", text: t("Нейрондық желілерді оқытады", "Обучает нейронные сети", "Trains deep neural networks") }],
    },
    {
      code: "WLD-101",
      names: t("Дәнекерлеу технологиясы", "Технология сварки", "Welding technology"),
      credits: 4,
      hours: 120,
      period: 2,
      learningOutcomes: [
        { code: "O1", text: t("Металл құрылымдарды дәнекерлейді", "Сваривает металлические конструкции", "Welds metal structures") },
      ],
    },
  ],
};

const pdf = (name: string) => ({ name, mediaType: "application/pdf", contentBase64: Buffer.from(`%PDF-1.4 ${name}`).toString("base64") });
const paperCertificate = { kind: "certificate", title: "Certificate of completion, paper", file: pdf("certificate.pdf") };
const dataCourse = {
  title: "Data analysis with Python",
  hours: 150,
  grade: "A",
  learningOutcomes: ["Cleans data sets", "Performs statistical analysis"],
};

const conclusion = {
  assessments: {
    learningOutcomes: { match: "full", comment: "The outcomes match the discipline's outcomes." },
    programmeGoals: { match: "full", comment: "The goals are those of the discipline." },
    volume: { match: "full", comment: "150 academic hours, as the discipline." },
    grade: { match: "full", comment: "Passing grade on the letter scale." },
  },
  recommendations: [
    { disciplineCode: "DA-201", recommendation: "recognise", letter: "A", credits: 5, hours: 150, comment: "Re-credit in full." },
    { disciplineCode: "NN-301", recommendation: "not", comment: "Outcomes do not match." },
  ],
  summary: "The group recommends re-crediting DA-201.",
};

/** A vc+jwt from a did:key the service has never seen, stating one course in its appendix (R п.10). */
async function certificateFromUnknownIssuer(): Promise<string> {
  const issuer = freshDidKey();
  return new SignJWT({
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    type: ["VerifiableCredential"],
    issuer: issuer.did,
    validFrom: "2026-05-01T00:00:00Z",
    credentialSubject: { achievementTitle: "Data analyst", courses: [dataCourse] },
  })
    .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: issuer.kid })
    .sign(issuer.privateKey);
}

let registrar: string;
let secretary: Person;
let members: [Person, Person, Person];
let outsider: Person;
let teacher: Person;
let practitioner: Person;
let learnerId: string;
let unenrolledId: string;
let nonFormalId: string;
let microId: string;
let groupId: string;

const applicationBody = (over: Json = {}) => ({
  procedure: "A",
  learnerId,
  curriculum: "6B06101",
  academicPeriod: "2027-spring",
  disciplines: ["DA-201", "NN-301"],
  applicationText: "Прошу перезачесть дисциплины по сертификату о неформальном обучении.",
  documents: [paperCertificate],
  courses: [{ title: dataCourse.title, outcomes: dataCourse.learningOutcomes, hours: 150, grade: "A" }],
  ...over,
});
const applicationUrl = (id: string) => `/orgs/enu/recognition-applications/${id}`;
const agendaUrl = (meetingId: string, applicationId: string) => `/orgs/enu/meetings/${meetingId}/agenda/${applicationId}`;

/** Everything a refused request must leave as it was. */
async function state(of: { applicationId?: string; meetingId?: string } = {}) {
  return {
    application: of.applicationId ? await ok("GET", applicationUrl(of.applicationId), registrar) : null,
    meeting: of.meetingId ? await ok("GET", `/orgs/enu/meetings/${of.meetingId}`, registrar) : null,
    applications: await ok("GET", "/orgs/enu/recognition-applications?limit=200", registrar),
    transcript: await ok("GET", `/orgs/enu/learners/${learnerId}/transcript`, registrar),
    audit: (await ok("GET", "/orgs/enu/audit?limit=500", registrar)).items,
  };
}

/** A procedure A application on a paper certificate, forwarded and concluded: ready for the commission. */
async function concludedApplication(): Promise<string> {
  const { id } = await ok("POST", "/orgs/enu/recognition-applications", secretary.token, applicationBody(), 201);
  await ok("POST", `${applicationUrl(id)}/forward`, secretary.token, { expertGroupId: groupId });
  expect((await ok("POST", `${applicationUrl(id)}/conclusion`, teacher.token, conclusion)).stage).toBe("concluded");
  return id as string;
}

/** Opens a meeting of the commission with these members present; elects the chair at the first one (R п.12). */
async function meeting(commissionId: string, present: Person[], agenda: string[]): Promise<string> {
  const { id } = await ok(
    "POST",
    `/orgs/enu/commissions/${commissionId}/meetings`,
    secretary.token,
    { heldOn: "2026-11-23", present: present.map((m) => m.id) },
    201,
  );
  if (!(await ok("GET", `/orgs/enu/commissions/${commissionId}`, registrar)).chairUserId)
    await ok(
      "POST",
      `/orgs/enu/commissions/${commissionId}/elections`,
      secretary.token,
      {
        meetingId: id,
        position: "chair",
        candidateUserId: present[0]!.id,
        votes: present.map((m) => ({ voterUserId: m.id, choice: "for" })),
      },
      201,
    );
  for (const applicationId of agenda) await ok("POST", `/orgs/enu/meetings/${id}/agenda`, secretary.token, { applicationId });
  return id as string;
}

const recogniseDataAnalysis = { outcome: "recognise", disciplines: [{ code: "DA-201", credits: 5, hours: 150, letter: "A" }] };

beforeAll(async () => {
  svc = await startService({ clock });
  await ok("POST", "/orgs", adminToken, institutionBody("enu", 2), 201);
  registrar = (await ok("POST", "/orgs/enu/tokens", adminToken, { name: "registrar", roles: ["registrar"] }, 201)).token;
  // The secretary also holds commission_member here: the role alone must not let her vote (R п.12).
  secretary = await person("secretary", ["commission_secretary", "commission_member"]);
  members = [
    await person("member1", ["commission_member"]),
    await person("member2", ["commission_member"]),
    await person("member3", ["commission_member"]),
  ];
  outsider = await person("member-elsewhere", ["commission_member"]);
  teacher = await person("teacher", ["expert"]);
  practitioner = await person("practitioner", ["expert"]);

  await ok(
    "POST",
    "/orgs/enu/academic-periods",
    registrar,
    { code: "2027-spring", names: t("2027 көктем", "Весна 2027", "Spring 2027"), startsOn: "2027-01-11", endsOn: "2027-05-31" },
    201,
  );
  await ok("POST", "/orgs/enu/curricula", registrar, curriculum, 201);
  learnerId = (await ok("POST", "/orgs/enu/learners", registrar, { fullName: "Әлия Нұрланқызы", iin: testIin(7) }, 201)).id;
  await ok("PUT", `/orgs/enu/learners/${learnerId}/enrolment`, registrar, { curriculum: "6B06101" });
  unenrolledId = (await ok("POST", "/orgs/enu/learners", registrar, { fullName: "Ерлан Сапаров", iin: testIin(8) }, 201)).id;

  const commission = (kind: string, orderNumber: string) => ({
    kind,
    orderNumber,
    orderDate: "2026-09-01",
    secretaryUserId: secretary.id,
    members: members.map((m, i) => ({ userId: m.id, category: i === 0 ? "industry" : "teacher" })),
  });
  nonFormalId = (await ok("POST", "/orgs/enu/commissions", registrar, commission("non_formal", "44-н"), 201)).id;
  microId = (await ok("POST", "/orgs/enu/commissions", registrar, commission("micro_qualification", "45-н"), 201)).id;
  groupId = (
    await ok(
      "POST",
      "/orgs/enu/expert-groups",
      registrar,
      {
        name: "IT experts",
        orderNumber: "46-н",
        orderDate: "2026-09-02",
        members: [
          { userId: teacher.id, kind: "teacher" },
          { userId: practitioner.id, kind: "practitioner" },
        ],
      },
      201,
    )
  ).id;
}, 60_000);
afterAll(async () => {
  await svc?.destroy();
});

describe("R п.10: a credential from an issuer nobody vouches for", () => {
  let applicationId: string;
  let documentId: string;

  it("is accepted as a document, flagged untrusted_issuer, and its courses carry no proposal", async () => {
    const submitted = await ok(
      "POST",
      "/orgs/enu/recognition-applications",
      secretary.token,
      applicationBody({
        documents: [{ kind: "certificate", title: "Certificate, unknown academy", credential: await certificateFromUnknownIssuer() }],
        courses: undefined,
      }),
      201,
    );
    applicationId = submitted.id;
    documentId = submitted.documents[0].id;
    expect(submitted.documents[0]).toMatchObject({ verdict: "untrusted_issuer", hasCredential: true, override: null });
    const prep = submitted.preparation;
    expect(prep.documents[0]).toMatchObject({ usable: false, reason: { code: "CREDENTIAL_NOT_VERIFIED", rule: "R п.10" } });
    expect(prep.courses).toHaveLength(1);
    expect(prep.courses[0]).toMatchObject({ title: dataCourse.title, usable: false });
    expect(prep.disciplines.map((d: Json) => d.code)).toEqual(["DA-201", "NN-301"]);
    for (const d of prep.disciplines) {
      expect(d.proposal).toBe("not");
      expect(d.reasons).toContainEqual(expect.objectContaining({ code: "COURSES_FROM_UNVERIFIED_DOCUMENTS", rule: "R п.10" }));
    }
  });

  it("blocks forwarding to the experts: 422 BASIS_NOT_VERIFIED, nothing changes", async () => {
    const before = await state({ applicationId });
    const res = await call("POST", `${applicationUrl(applicationId)}/forward`, secretary.token, { expertGroupId: groupId });
    const body = refused(res, 422, "BASIS_NOT_VERIFIED", "R п.10", "untrusted_issuer", documentId);
    expect(body.title).toContain(documentId);
    expect(await state({ applicationId })).toEqual(before);
  });

  it("an override needs a reason (400), and only the secretary may give it (403)", async () => {
    const before = await state({ applicationId });
    const url = `${applicationUrl(applicationId)}/documents/${documentId}/override`;
    refused(await call("POST", url, secretary.token, {}), 400, "VALIDATION_FAILED");
    refused(await call("POST", url, secretary.token, { reason: "  " }), 400, "VALIDATION_FAILED");
    refused(await call("POST", url, registrar, { reason: "The registrar has seen the original." }), 403, "FORBIDDEN");
    refused(
      await call("POST", `${applicationUrl(applicationId)}/documents/no-such-document/override`, secretary.token, {
        reason: "The original was seen.",
      }),
      404,
      "DOCUMENT_NOT_FOUND",
    );
    expect(await state({ applicationId })).toEqual(before);
  });

  it("after the secretary accepts it with a reason, its courses count and forwarding succeeds; the override is kept", async () => {
    const reason = "The original paper certificate with the academy's seal was presented and checked.";
    const overridden = await ok("POST", `${applicationUrl(applicationId)}/documents/${documentId}/override`, secretary.token, { reason });
    expect(overridden.stage).toBe("submitted");
    const document = overridden.documents.find((d: Json) => d.id === documentId);
    expect(document.verdict).toBe("untrusted_issuer"); // the evidence stays as it was; the acceptance is recorded beside it
    expect(document.override).toMatchObject({ by: `user:${secretary.id}`, reason });
    const prep = overridden.preparation;
    expect(prep.documents[0]).toMatchObject({
      usable: true,
      reason: { code: "ACCEPTED_BY_SECRETARY", params: { verdict: "untrusted_issuer", by: `user:${secretary.id}`, reason } },
    });
    expect(prep.courses[0].usable).toBe(true);
    expect(prep.disciplines[0]).toMatchObject({ code: "DA-201", proposal: "recognise", grade: { letter: "A" } });
    for (const d of prep.disciplines) expect(d.reasons.map((r: Json) => r.code)).not.toContain("COURSES_FROM_UNVERIFIED_DOCUMENTS");
    const trail = overridden.auditTrail.find((e: Json) => e.action === "application.override");
    expect(trail).toMatchObject({ actor: `user:${secretary.id}`, details: { documentId, verdict: "untrusted_issuer", reason } });

    const forwarded = await ok("POST", `${applicationUrl(applicationId)}/forward`, secretary.token, { expertGroupId: groupId });
    expect(forwarded.stage).toBe("with_experts");
    expect(forwarded.auditTrail.map((e: Json) => e.action)).toEqual([
      "application.submitted",
      "application.override",
      "application.forward",
    ]);
  });
});

describe("R п.10: a tampered credential", () => {
  it("is flagged tampered, proposes nothing, and blocks forwarding", async () => {
    const jwt = await certificateFromUnknownIssuer();
    const [header, payload, signature] = jwt.split(".") as [string, string, string];
    // One character in the middle of the signature: the last one may only carry padding bits.
    const i = Math.floor(signature.length / 2);
    const tampered = `${header}.${payload}.${signature.slice(0, i)}${signature[i] === "A" ? "B" : "A"}${signature.slice(i + 1)}`;
    expect(tampered).not.toBe(jwt);
    const submitted = await ok(
      "POST",
      "/orgs/enu/recognition-applications",
      secretary.token,
      applicationBody({
        documents: [{ kind: "certificate", title: "Certificate, altered", credential: tampered }],
        courses: undefined,
      }),
      201,
    );
    const documentId = submitted.documents[0].id;
    expect(submitted.documents[0].verdict).toBe("tampered");
    for (const d of submitted.preparation.disciplines) {
      expect(d.proposal).toBe("not");
      expect(d.reasons).toContainEqual(expect.objectContaining({ code: "COURSES_FROM_UNVERIFIED_DOCUMENTS" }));
    }

    const before = await state({ applicationId: submitted.id });
    const res = await call("POST", `${applicationUrl(submitted.id)}/forward`, secretary.token, { expertGroupId: groupId });
    refused(res, 422, "BASIS_NOT_VERIFIED", "R п.10", "tampered", documentId);
    expect(await state({ applicationId: submitted.id })).toEqual(before);
  });
});

describe("R п.8: a conversion scale that leaves a grade without a letter is refused", () => {
  const names = t("Бес балдық шкала", "Пятибалльная шкала", "Five-point scale");

  it("a 5-point scale with 3.0–3.49 unmapped → 422 GRADE_SCALE_INVALID; the scales stay as they were", async () => {
    await ok("PUT", "/orgs/enu/grade-scales/five-point-own", registrar, {
      names,
      scale: {
        type: "numeric",
        min: 1,
        max: 5,
        bands: [
          { from: 4.5, to: 5, letter: "A" },
          { from: 3.5, to: 4.49, letter: "B" },
          { from: 3, to: 3.49, letter: "C" },
          { from: 1, to: 2.99, letter: "F" },
        ],
      },
    });
    const before = await ok("GET", "/orgs/enu/grade-scales", registrar);
    const audit = (await state()).audit;
    const gap = {
      names,
      scale: {
        type: "numeric",
        min: 1,
        max: 5,
        bands: [
          { from: 4.5, to: 5, letter: "A" },
          { from: 3.5, to: 4.49, letter: "B" },
          { from: 1, to: 2.99, letter: "F" },
        ],
      },
    };
    // Replacing the institution's own scale, and the built-in template: both refused.
    for (const code of ["five-point-own", "five-point"]) {
      const body = refused(await call("PUT", `/orgs/enu/grade-scales/${code}`, registrar, gap), 422, "GRADE_SCALE_INVALID", "R п.8", "GAP");
      expect(body.title).toContain("3–3.49 has no letter");
      expect(body.problems).toEqual([expect.objectContaining({ code: "GAP", rule: "R п.8" })]);
    }
    expect(await ok("GET", "/orgs/enu/grade-scales", registrar)).toEqual(before);
    expect((await state()).audit).toEqual(audit);
  });

  it("an ECTS labels scale without E, given the expected labels → 422; the scales stay as they were", async () => {
    const before = await ok("GET", "/orgs/enu/grade-scales", registrar);
    const res = await call("PUT", "/orgs/enu/grade-scales/ects-own", registrar, {
      names: t("ECTS шкаласы", "Шкала ECTS", "ECTS scale"),
      scale: {
        type: "labels",
        labels: [
          { label: "A", letter: "A" },
          { label: "B", letter: "B+" },
          { label: "C", letter: "B-" },
          { label: "D", letter: "C" },
          { label: "FX", letter: "FX" },
          { label: "F", letter: "F" },
        ],
        expectedLabels: ["A", "B", "C", "D", "E", "FX", "F"],
      },
    });
    const body = refused(res, 422, "GRADE_SCALE_INVALID", "R п.8", "UNMAPPED_LABEL", '"E" has no letter');
    expect(body.problems).toHaveLength(1);
    const after = await ok("GET", "/orgs/enu/grade-scales", registrar);
    expect(after).toEqual(before);
    expect(after.items.map((s: Json) => s.code)).not.toContain("ects-own");
  });
});

describe("R п.12, 17: only a member present votes, in person, once", () => {
  let applicationId: string;
  let meetingId: string;

  beforeAll(async () => {
    applicationId = await concludedApplication();
    meetingId = await meeting(nonFormalId, [members[0], members[1]], [applicationId]);
    await ok("PUT", `${agendaUrl(meetingId, applicationId)}/motion`, secretary.token, recogniseDataAnalysis);
  });

  const vote = (token: string, choice = "for") => call("POST", `${agendaUrl(meetingId, applicationId)}/votes`, token, { choice });

  async function refusedVote(token: string, status: number, code: string, ...inTitle: string[]) {
    const before = await state({ applicationId, meetingId });
    const body = refused(await vote(token), status, code, ...inTitle);
    const after = await state({ applicationId, meetingId });
    expect(after).toEqual(before);
    expect(after.meeting!.items[0].votes).toEqual(before.meeting!.items[0].votes);
    return body;
  }

  it("an expert, who holds no member role → 403 FORBIDDEN", async () => {
    await refusedVote(teacher.token, 403, "FORBIDDEN", "commission_member");
  });

  it("a commission_member of the institution who does not sit on this commission → 422 VOTE_REFUSED", async () => {
    const body = await refusedVote(outsider.token, 422, "VOTE_REFUSED", "R п.17, 28", "VOTER_NOT_MEMBER");
    expect(body.problems).toEqual([expect.objectContaining({ code: "VOTER_NOT_MEMBER" })]);
  });

  it("the secretary, though she holds commission_member here → 422 VOTE_REFUSED, SECRETARY_CANNOT_VOTE", async () => {
    const body = await refusedVote(secretary.token, 422, "VOTE_REFUSED", "SECRETARY_CANNOT_VOTE");
    expect(body.problems).toEqual([expect.objectContaining({ code: "SECRETARY_CANNOT_VOTE", rule: "R п.12, 23" })]);
  });

  it("a member not present at the meeting → 422 VOTE_REFUSED, VOTER_ABSENT", async () => {
    await refusedVote(members[2].token, 422, "VOTE_REFUSED", "R п.17, 28", "VOTER_ABSENT");
  });

  it("an institution token with the commission_member role, not a person → 403 PERSONAL_TOKEN_REQUIRED", async () => {
    const machine = (await ok("POST", "/orgs/enu/tokens", adminToken, { name: "voting machine", roles: ["commission_member"] }, 201))
      .token as string;
    await refusedVote(machine, 403, "PERSONAL_TOKEN_REQUIRED", "personal token");
  });

  it("a second vote by the same member → 409 VOTE_ALREADY_CAST, the first one stands", async () => {
    expect((await vote(members[0].token, "for")).statusCode).toBe(200);
    await refusedVote(members[0].token, 409, "VOTE_ALREADY_CAST");
    const { items } = await ok("GET", `/orgs/enu/meetings/${meetingId}`, registrar);
    expect(items[0].votes).toEqual([expect.objectContaining({ voterUserId: members[0].id, choice: "for" })]);
  });
});

describe("R п.12, 15: commissions and expert groups formed against the rules", () => {
  it("a secretary who is also a member → 422 COMMISSION_INVALID, SECRETARY_IS_MEMBER", async () => {
    const before = await ok("GET", "/orgs/enu/commissions", registrar);
    const res = await call("POST", "/orgs/enu/commissions", registrar, {
      kind: "professional",
      orderNumber: "47-н",
      orderDate: "2026-09-03",
      secretaryUserId: secretary.id,
      members: [secretary, ...members].map((m) => ({ userId: m.id, category: "teacher" })),
    });
    const body = refused(res, 422, "COMMISSION_INVALID", "SECRETARY_IS_MEMBER", "R п.12, 23");
    expect(body.problems).toEqual([expect.objectContaining({ code: "SECRETARY_IS_MEMBER" })]);
    expect(await ok("GET", "/orgs/enu/commissions", registrar)).toEqual(before);
  });

  it("an expert group without a practitioner → 422 EXPERT_GROUP_INVALID", async () => {
    const before = await ok("GET", "/orgs/enu/expert-groups", registrar);
    const res = await call("POST", "/orgs/enu/expert-groups", registrar, {
      name: "Teachers only",
      orderNumber: "48-н",
      orderDate: "2026-09-03",
      members: [
        { userId: teacher.id, kind: "teacher" },
        { userId: practitioner.id, kind: "teacher" },
      ],
    });
    const body = refused(res, 422, "EXPERT_GROUP_INVALID", "NO_PRACTITIONER", "R п.15, 26");
    expect(body.problems).toEqual([expect.objectContaining({ code: "NO_PRACTITIONER" })]);
    expect(await ok("GET", "/orgs/enu/expert-groups", registrar)).toEqual(before);
  });
});

describe("R п.11, 17: motions, decisions and agendas the rules do not allow", () => {
  let applicationId: string;
  let meetingId: string;

  beforeAll(async () => {
    applicationId = await concludedApplication();
    meetingId = await meeting(nonFormalId, [members[0], members[1]], [applicationId]);
  });

  it("a motion naming a discipline the application does not ask for, or a failing letter → 422 MOTION_INVALID", async () => {
    const before = await state({ applicationId, meetingId });
    const motion = (discipline: Json) =>
      call("PUT", `${agendaUrl(meetingId, applicationId)}/motion`, secretary.token, {
        outcome: "recognise",
        disciplines: [discipline],
      });
    refused(await motion({ code: "WLD-101", credits: 4, hours: 120, letter: "A" }), 422, "MOTION_INVALID", "WLD-101");
    refused(await motion({ code: "DA-201", credits: 5, hours: 150, letter: "FX" }), 422, "MOTION_INVALID", "M п.17", "FX");
    expect(await state({ applicationId, meetingId })).toEqual(before);
    expect(before.meeting!.items[0].motion).toBeNull();
  });

  it("deciding before anyone voted → 409 VOTING_INCOMPLETE", async () => {
    await ok("PUT", `${agendaUrl(meetingId, applicationId)}/motion`, secretary.token, recogniseDataAnalysis);
    const before = await state({ applicationId, meetingId });
    const res = await call("POST", `${agendaUrl(meetingId, applicationId)}/decision`, secretary.token);
    const body = refused(res, 409, "VOTING_INCOMPLETE", members[0].id, members[1].id);
    expect(body.notVoted).toEqual(expect.arrayContaining([members[0].id, members[1].id]));
    expect(await state({ applicationId, meetingId })).toEqual(before);
  });

  it("2 of 3 members present is a quorum; 1 for and 1 against is no majority → 422 NO_MAJORITY", async () => {
    await ok("POST", `${agendaUrl(meetingId, applicationId)}/votes`, members[0].token, { choice: "for" });
    await ok("POST", `${agendaUrl(meetingId, applicationId)}/votes`, members[1].token, { choice: "against" });
    const before = await state({ applicationId, meetingId });
    const res = await call("POST", `${agendaUrl(meetingId, applicationId)}/decision`, secretary.token);
    const body = refused(res, 422, "NO_MAJORITY", "R п.17, 28", "1 for, 1 against, 0 abstained of 2");
    expect(body.tally).toEqual({ for: 1, against: 1, abstain: 0, participating: 2 });
    const after = await state({ applicationId, meetingId });
    expect(after).toEqual(before);
    expect(after.application!.stage).toBe("concluded");
    expect(after.meeting!.items[0].outcome).toBeNull();
  });

  it("an application waiting on one meeting's agenda cannot go on another's → 409 APPLICATION_ALREADY_ON_AGENDA", async () => {
    const second = await meeting(nonFormalId, [members[0], members[1]], []);
    const before = await state({ applicationId, meetingId: second });
    const res = await call("POST", `/orgs/enu/meetings/${second}/agenda`, secretary.token, { applicationId });
    refused(res, 409, "APPLICATION_ALREADY_ON_AGENDA");
    expect(await state({ applicationId, meetingId: second })).toEqual(before);
  });

  it("R п.17: a majority against a draft to recognise is a decision — not adopted, recognition refused, in the protocol", async () => {
    const other = await concludedApplication();
    const third = await meeting(nonFormalId, [members[0], members[1]], [other]);
    await ok("PUT", `${agendaUrl(third, other)}/motion`, secretary.token, recogniseDataAnalysis);
    await ok("POST", `${agendaUrl(third, other)}/votes`, members[0].token, { choice: "against" });
    await ok("POST", `${agendaUrl(third, other)}/votes`, members[1].token, { choice: "against" });
    const decided = await ok("POST", `${agendaUrl(third, other)}/decision`, secretary.token);
    expect(decided.decision).toMatchObject({ outcome: "refused", disciplines: [], tally: { for: 0, against: 2, participating: 2 } });
    await ok("POST", `/orgs/enu/meetings/${third}/close`, secretary.token);
    const protocol = await ok("GET", `/orgs/enu/meetings/${third}/protocol?format=json`, registrar);
    expect(protocol.items[0]).toMatchObject({
      outcome: "not_adopted",
      vote: { for: 0, against: 2 },
      motion: [expect.objectContaining({ code: "DA-201" })],
    });
    const pdf = await call("GET", `/orgs/enu/meetings/${third}/protocol?format=pdf&lang=kk`, registrar);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
  });

  it("a procedure A application on the agenda of a micro-qualification commission → 422 COMMISSION_KIND_MISMATCH", async () => {
    const microMeeting = await meeting(microId, members, []);
    const before = await state({ applicationId, meetingId: microMeeting });
    const res = await call("POST", `/orgs/enu/meetings/${microMeeting}/agenda`, secretary.token, { applicationId });
    refused(res, 422, "COMMISSION_KIND_MISMATCH", "R п.11", "non_formal", "micro_qualification");
    const after = await state({ applicationId, meetingId: microMeeting });
    expect(after).toEqual(before);
    expect(after.meeting!.items).toEqual([]);
  });
});

describe("R п.13, 18: applications that cannot be registered", () => {
  const cases: [string, () => object, number, string, string[]][] = [
    [
      "a discipline not in the learner's programme",
      () => applicationBody({ disciplines: ["DA-201", "XX-999"] }),
      422,
      "DISCIPLINE_NOT_IN_PROGRAMME",
      ["XX-999", "R п.18"],
    ],
    [
      "a learner not enrolled in the programme",
      () => applicationBody({ learnerId: unenrolledId }),
      422,
      "LEARNER_NOT_ENROLLED",
      ["R п.18"],
    ],
    [
      "an academic period that does not exist",
      () => applicationBody({ academicPeriod: "2031-spring" }),
      404,
      "ACADEMIC_PERIOD_NOT_FOUND",
      ["2031-spring"],
    ],
    [
      "a blank application text (procedure A)",
      () => applicationBody({ applicationText: "   \n " }),
      422,
      "APPLICATION_DOCUMENTS_MISSING",
      ["application_text", "R п.13"],
    ],
    [
      "a document with neither a file nor a credential",
      () => applicationBody({ documents: [{ kind: "certificate", title: "Certificate" }] }),
      400,
      "VALIDATION_FAILED",
      [],
    ],
    ["an unknown field", () => applicationBody({ priority: "urgent" }), 400, "VALIDATION_FAILED", []],
    [
      "an unknown field in a document",
      () => applicationBody({ documents: [{ ...paperCertificate, stampedBy: "dean" }] }),
      400,
      "VALIDATION_FAILED",
      [],
    ],
  ];

  for (const [what, body, status, code, inTitle] of cases) {
    it(`${what} → ${status} ${code}`, async () => {
      const before = await state();
      refused(await call("POST", "/orgs/enu/recognition-applications", secretary.token, body()), status, code, ...inTitle);
      expect(await state()).toEqual(before);
    });
  }
});

describe("R п.18: the transcript records only a recognising decision", () => {
  let refusedId: string;
  let concludedId: string;

  beforeAll(async () => {
    refusedId = await concludedApplication();
    concludedId = await concludedApplication();
    const meetingId = await meeting(nonFormalId, [members[0], members[1]], [refusedId]);
    await ok("PUT", `${agendaUrl(meetingId, refusedId)}/motion`, secretary.token, { outcome: "refuse", disciplines: [] });
    for (const m of [members[0], members[1]]) await ok("POST", `${agendaUrl(meetingId, refusedId)}/votes`, m.token, { choice: "for" });
    const decided = await ok("POST", `${agendaUrl(meetingId, refusedId)}/decision`, secretary.token);
    expect(decided).toMatchObject({ stage: "decided", decision: { outcome: "refused", disciplines: [] } });
    await ok("POST", `/orgs/enu/meetings/${meetingId}/close`, secretary.token);
  });

  it("a refusal adopted by the commission → 409 DECISION_NOT_RECOGNISED; no entry, no credential", async () => {
    const before = await state({ applicationId: refusedId });
    const res = await call("POST", `${applicationUrl(refusedId)}/transcript`, registrar, {});
    refused(res, 409, "DECISION_NOT_RECOGNISED");
    const after = await state({ applicationId: refusedId });
    expect(after).toEqual(before);
    expect(after.transcript.entries).toEqual([]);
    expect(after.application!.decision.credentialId).toBeNull();
  });

  it("an application still at 'concluded' → 409 APPLICATION_STAGE_CONFLICT", async () => {
    const before = await state({ applicationId: concludedId });
    const res = await call("POST", `${applicationUrl(concludedId)}/transcript`, registrar, {});
    refused(res, 409, "APPLICATION_STAGE_CONFLICT", "concluded", "record");
    expect(await state({ applicationId: concludedId })).toEqual(before);
  });
});

describe("R п.24: a deadline in a year the working calendar has no data for", () => {
  const application = () =>
    applicationBody({
      procedure: "B",
      academicPeriod: "2029-spring",
      disciplines: ["WLD-101"],
      applicationText: "Өтінемін, кәсіптік біліктілігімді тануды.",
      documents: [
        { kind: "identity_document", title: "ID card copy", file: pdf("id.pdf") },
        { kind: "recognition_centre_document", title: "Recognition centre certificate", file: pdf("centre.pdf") },
      ],
      courses: undefined,
    });
  const calendar2029 = (daysOff: string[]) => ({
    year: 2029,
    country: "KZ",
    source: "Test data: New Year holidays 2029",
    daysOff: daysOff.map((date) => ({ date, reason: t("Жаңа жыл", "Новый год", "New Year") })),
    workingWeekendDays: [],
  });

  beforeAll(async () => {
    await ok(
      "POST",
      "/orgs/enu/academic-periods",
      registrar,
      { code: "2029-spring", names: t("2029 көктем", "Весна 2029", "Spring 2029"), startsOn: "2029-02-01", endsOn: "2029-05-31" },
      201,
    );
  });

  it("procedure B for a period starting 2029-02-01 → 422 CALENDAR_YEAR_MISSING; nothing is registered", async () => {
    expect((await ok("GET", "/calendar", null)).items.map((y: Json) => y.year)).not.toContain(2029);
    const before = await state();
    refused(await call("POST", "/orgs/enu/recognition-applications", secretary.token, application()), 422, "CALENDAR_YEAR_MISSING", "2029");
    expect(await state()).toEqual(before);
  });

  it("once an administrator loads 2029, the same application is registered", async () => {
    refused(await call("PUT", "/calendar/2029", registrar, calendar2029(["2029-01-01"])), 403, "FORBIDDEN");
    const loaded = await ok("PUT", "/calendar/2029", adminToken, calendar2029(["2029-01-01", "2029-01-02"]));
    expect(loaded).toMatchObject({ year: 2029, source: "loaded", data: { daysOff: [{ date: "2029-01-01" }, { date: "2029-01-02" }] } });
    const submitted = await ok("POST", "/orgs/enu/recognition-applications", secretary.token, application(), 201);
    expect(submitted).toMatchObject({ procedure: "B", stage: "submitted", receivedOn: "2026-11-23", forwardingDue: "2026-11-26" });
    expect(submitted.auditTrail[0].details.deadline.rule).toBe("R п.24");
  });

  it("a day off on a Saturday, or a year differing from the path → 400, and the loaded year stays", async () => {
    const before = await ok("GET", "/calendar", null);
    const saturday = await call("PUT", "/calendar/2029", adminToken, calendar2029(["2029-01-01", "2029-01-06"]));
    const body = refused(saturday, 400, "VALIDATION_FAILED");
    expect(JSON.stringify(body)).toContain("2029-01-06 is a Saturday or Sunday");
    refused(await call("PUT", "/calendar/2030", adminToken, calendar2029(["2029-01-01"])), 400, "VALIDATION_FAILED");
    expect(await ok("GET", "/calendar", null)).toEqual(before);
  });
});
