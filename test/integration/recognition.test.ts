// Recognition end to end on one deployment: institution A awards a micro-qualification; a student of institution B
// applies with it; the preparation verifies and proposes; experts conclude; the commission elects its chair, votes
// and closes the meeting into a protocol; the registrar records the transcript; the decision credential verifies.
// Then procedure B with a recognition centre's credential and the 10-working-day deadline across a public holiday.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordInTranscript } from "../../src/services/recognition/transcripts.js";
import { freshDidKey } from "../helpers/did-key.js";
import { testIin } from "../helpers/iin.js";
import { admin, bearer, institutionBody, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;

let svc: TestService;
// The clock is fixed on Monday 23 November 2026, 09:00 in Astana, so the working-day dates below stay true;
// it moves a millisecond per reading so that audit events keep their order.
const START = Date.parse("2026-11-23T04:00:00Z");
let ticks = 0;
const clock = () => new Date(START + ticks++);
const t = (kk: string, ru: string, en: string) => ({ kk, ru, en });

const call = async (method: "GET" | "POST" | "PUT", url: string, token: string | null, payload?: object) =>
  svc.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

async function ok(method: "GET" | "POST" | "PUT", url: string, token: string | null, payload?: object, status = 200): Promise<Json> {
  const res = await call(method, url, token, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

/** A user with roles in an institution and a personal token that acts as them. */
async function person(name: string, slug: string, roles: string[]): Promise<{ id: string; token: string }> {
  const user = await ok("POST", "/users", admin.authorization.slice(7), { email: `${name}@${slug}.kz`, fullName: name }, 201);
  for (const role of roles) await ok("PUT", `/orgs/${slug}/members/${user.id}/roles/${role}`, admin.authorization.slice(7));
  const token = await ok("POST", `/users/${user.id}/tokens`, admin.authorization.slice(7), { name: "personal", institution: slug }, 201);
  return { id: user.id, token: token.token };
}

interface Staff {
  registrar: string;
  secretary: { id: string; token: string };
  members: { id: string; token: string }[];
  teacher: { id: string; token: string };
  practitioner: { id: string; token: string };
}

async function staffOf(slug: string): Promise<Staff> {
  const registrar = (
    await ok("POST", `/orgs/${slug}/tokens`, admin.authorization.slice(7), { name: "registrar", roles: ["registrar"] }, 201)
  ).token as string;
  return {
    registrar,
    secretary: await person(`secretary-${slug}`, slug, ["commission_secretary"]),
    members: [
      await person(`member1-${slug}`, slug, ["commission_member"]),
      await person(`member2-${slug}`, slug, ["commission_member"]),
      await person(`member3-${slug}`, slug, ["commission_member"]),
    ],
    teacher: await person(`teacher-${slug}`, slug, ["expert"]),
    practitioner: await person(`practitioner-${slug}`, slug, ["expert"]),
  };
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
      syllabusTopics: [{ code: "T1", text: t("Деректерді тазалау", "Очистка данных", "Data cleaning") }],
      competences: [{ code: "C1", text: { en: "Prepares and analyses data sets statistically" } }],
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

const conclusion = (codes: { code: string; recommendation: "recognise" | "partly" | "not"; letter?: string }[]) => ({
  assessments: {
    learningOutcomes: { match: "full", comment: "The outcomes match the discipline's outcomes." },
    programmeGoals: { match: "full", comment: "The goals are those of the discipline." },
    volume: { match: "full", comment: "150 academic hours, as the discipline." },
    grade: { match: "full", comment: "Passing grade on the letter scale." },
  },
  recommendations: codes.map((c) => ({
    disciplineCode: c.code,
    recommendation: c.recommendation,
    ...(c.letter ? { letter: c.letter, credits: 5, hours: 150 } : {}),
    comment: c.recommendation === "recognise" ? "Re-credit in full." : "Outcomes do not match.",
  })),
  summary: "The group recommends re-crediting the matching discipline.",
});

beforeAll(async () => {
  svc = await startService({ clock });
}, 60_000);
afterAll(async () => {
  await svc?.destroy();
});

describe("recognition across two institutions (M п.19–26, R п.13–19)", () => {
  let b: Staff;
  let learnerId: string;
  let microJwt: string;
  let applicationId: string;
  let commissionId: string;
  let meetingId: string;
  let groupId: string;

  it("institution A awards a micro-qualification; institution B has its programme, period, commission and experts", async () => {
    const { registrar: registrarA } = await withPublishedProgramme(svc, "kaznu", 1);
    const attestation = await ok(
      "POST",
      "/orgs/kaznu/programmes/DA-101/attestations",
      registrarA,
      { learner: { fullName: "Әлия Нұрланқызы", iin: testIin(7) }, session: "2026-06", heldOn: "2026-06-20", result: { percent: 87 } },
      201,
    );
    microJwt = (await ok("POST", "/orgs/kaznu/programmes/DA-101/awards", registrarA, { attestationId: attestation.id }, 201)).jwt;
    expect(microJwt).toMatch(/^ey/);

    await ok("POST", "/orgs", admin.authorization.slice(7), institutionBody("enu", 2), 201);
    b = await staffOf("enu");
    await ok(
      "POST",
      "/orgs/enu/academic-periods",
      b.registrar,
      { code: "2027-spring", names: t("2027 көктем", "Весна 2027", "Spring 2027"), startsOn: "2027-01-11", endsOn: "2027-05-31" },
      201,
    );
    await ok("POST", "/orgs/enu/curricula", b.registrar, curriculum, 201);
    learnerId = (await ok("POST", "/orgs/enu/learners", b.registrar, { fullName: "Әлия Нұрланқызы", iin: testIin(7) }, 201)).id;
    await ok("PUT", `/orgs/enu/learners/${learnerId}/enrolment`, b.registrar, { curriculum: "6B06101" });

    const commission = await ok(
      "POST",
      "/orgs/enu/commissions",
      b.registrar,
      {
        kind: "micro_qualification",
        orderNumber: "45-н",
        orderDate: "2026-09-01",
        secretaryUserId: b.secretary.id,
        members: b.members.map((m, i) => ({ userId: m.id, category: i === 0 ? "industry" : "teacher" })),
      },
      201,
    );
    commissionId = commission.id;
    groupId = (
      await ok(
        "POST",
        "/orgs/enu/expert-groups",
        b.registrar,
        {
          name: "IT experts",
          orderNumber: "46-н",
          orderDate: "2026-09-02",
          members: [
            { userId: b.teacher.id, kind: "teacher" },
            { userId: b.practitioner.id, kind: "practitioner" },
          ],
        },
        201,
      )
    ).id;
  });

  it("M п.23, R п.6–10: the application is verified and prepared — the credential's course proposed for the matching discipline only", async () => {
    const application = await ok(
      "POST",
      "/orgs/enu/recognition-applications",
      b.secretary.token,
      {
        procedure: "micro",
        learnerId,
        curriculum: "6B06101",
        academicPeriod: "2027-spring",
        disciplines: ["DA-201", "NN-301"],
        applicationText: "Прошу перезачесть микроквалификацию «Младший аналитик данных».",
        documents: [{ kind: "certificate", title: "Micro-qualification credential, KazNU", credential: microJwt }],
      },
      201,
    );
    applicationId = application.id;
    expect(application.number).toBe(1);
    expect(application.stage).toBe("submitted");
    expect(application.documents[0].verdict).toBe("valid");
    const prep = application.preparation;
    expect(prep.receivingHoursPerCredit).toBe(30);
    expect(prep.courses[0].volume).toMatchObject({ ok: true, hours: 150, credits: 5 });
    expect(prep.courses[0].grade).toMatchObject({ ok: true, letter: "B+" });
    const [da, nn] = prep.disciplines;
    expect(da).toMatchObject({ code: "DA-201", proposal: "recognise", outcomeCoverage: 1, grade: { letter: "B+" } });
    expect(da.outcomes.every((o: Json) => o.covered)).toBe(true);
    expect(nn).toMatchObject({ code: "NN-301", proposal: "not" });
    // Working days: 2026-11-23 (Mon) + 3 = 2026-11-26 (R п.14).
    expect(application.forwardingDue).toBe("2026-11-26");
  });

  it("R п.14–16: forwarded to the expert group; an incomplete conclusion is refused, a complete one accepted", async () => {
    const forwarded = await ok("POST", `/orgs/enu/recognition-applications/${applicationId}/forward`, b.secretary.token, {
      expertGroupId: groupId,
    });
    expect(forwarded.stage).toBe("with_experts");
    expect(forwarded.conclusionDue).toBe("2026-11-30");

    const incomplete = conclusion([
      { code: "DA-201", recommendation: "recognise", letter: "B+" },
      { code: "NN-301", recommendation: "not" },
    ]) as Json;
    delete incomplete.assessments.grade;
    const refused = await call("POST", `/orgs/enu/recognition-applications/${applicationId}/conclusion`, b.teacher.token, incomplete);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("EXPERT_CONCLUSION_INCOMPLETE");
    expect(refused.json().title).toContain("R п.16");

    const outsider = await call(
      "POST",
      `/orgs/enu/recognition-applications/${applicationId}/conclusion`,
      b.registrar,
      conclusion([{ code: "DA-201", recommendation: "recognise", letter: "B+" }]),
    );
    expect(outsider.statusCode).toBe(403);

    const concluded = await ok(
      "POST",
      `/orgs/enu/recognition-applications/${applicationId}/conclusion`,
      b.practitioner.token,
      conclusion([
        { code: "DA-201", recommendation: "recognise", letter: "B+" },
        { code: "NN-301", recommendation: "not" },
      ]),
    );
    expect(concluded.stage).toBe("concluded");
  });

  it("R п.12, 17: the chair is elected at the first meeting; members vote in person; the decision needs a majority", async () => {
    const [m1, m2, m3] = b.members as [Staff["secretary"], Staff["secretary"], Staff["secretary"]];
    meetingId = (
      await ok(
        "POST",
        `/orgs/enu/commissions/${commissionId}/meetings`,
        b.secretary.token,
        { heldOn: "2026-11-23", present: [m1.id, m2.id, m3.id] },
        201,
      )
    ).id;
    await ok("POST", `/orgs/enu/meetings/${meetingId}/agenda`, b.secretary.token, { applicationId });
    await ok("PUT", `/orgs/enu/meetings/${meetingId}/agenda/${applicationId}/motion`, b.secretary.token, {
      outcome: "recognise",
      disciplines: [{ code: "DA-201", credits: 5, hours: 150, letter: "B+" }],
    });
    const vote = (who: { token: string }, choice: string) =>
      call("POST", `/orgs/enu/meetings/${meetingId}/agenda/${applicationId}/votes`, who.token, { choice });

    expect((await vote(b.secretary, "for")).statusCode).toBe(403); // the secretary holds no member role
    expect((await vote(m1, "for")).statusCode).toBe(200);
    const twice = await vote(m1, "against");
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("VOTE_ALREADY_CAST");
    expect((await vote(m2, "against")).statusCode).toBe(200);
    expect((await vote(m3, "abstain")).statusCode).toBe(200);

    const noChair = await call("POST", `/orgs/enu/meetings/${meetingId}/agenda/${applicationId}/decision`, b.secretary.token);
    expect(noChair.json().code).toBe("CHAIR_NOT_ELECTED");
    const election = await ok(
      "POST",
      `/orgs/enu/commissions/${commissionId}/elections`,
      b.secretary.token,
      { meetingId, position: "chair", candidateUserId: m1.id, votes: [m1, m2, m3].map((m) => ({ voterUserId: m.id, choice: "for" })) },
      201,
    );
    expect(election.election.elected).toBe(true);
    expect(election.commission.chairUserId).toBe(m1.id);
    const badElection = await call("POST", `/orgs/enu/commissions/${commissionId}/elections`, b.secretary.token, {
      meetingId,
      position: "deputy",
      candidateUserId: m2.id,
      votes: [{ voterUserId: b.secretary.id, choice: "for" }],
    });
    expect(badElection.json().code).toBe("ELECTION_INVALID");

    // 1 for, 1 against, 1 abstained of 3 taking part: no majority (R п.17); nothing changes.
    const noMajority = await call("POST", `/orgs/enu/meetings/${meetingId}/agenda/${applicationId}/decision`, b.secretary.token);
    expect(noMajority.statusCode).toBe(422);
    expect(noMajority.json().code).toBe("NO_MAJORITY");
    expect((await ok("GET", `/orgs/enu/recognition-applications/${applicationId}`, b.registrar)).stage).toBe("concluded");

    // The secretary puts the draft again (earlier votes void); two of three vote for.
    await ok("PUT", `/orgs/enu/meetings/${meetingId}/agenda/${applicationId}/motion`, b.secretary.token, {
      outcome: "recognise",
      disciplines: [{ code: "DA-201", credits: 5, hours: 150, letter: "B+" }],
    });
    expect((await vote(m1, "for")).statusCode).toBe(200);
    expect((await vote(m2, "for")).statusCode).toBe(200);
    expect((await vote(m3, "against")).statusCode).toBe(200);
    const decided = await ok("POST", `/orgs/enu/meetings/${meetingId}/agenda/${applicationId}/decision`, b.secretary.token);
    expect(decided.stage).toBe("decided");
    expect(decided.decision).toMatchObject({ outcome: "recognised", tally: { for: 2, against: 1, abstain: 0, participating: 3 } });
  });

  it("R п.17–18: the meeting closes into protocol No. 1, with its extract, as JSON and PDF", async () => {
    const closed = await ok("POST", `/orgs/enu/meetings/${meetingId}/close`, b.secretary.token);
    expect(closed.protocolNumber).toBe(1);
    const protocol = await ok("GET", `/orgs/enu/meetings/${meetingId}/protocol?format=json`, b.registrar);
    expect(protocol.items[0]).toMatchObject({ vote: { for: 2, against: 1, abstain: 0 }, outcome: "adopted" });
    for (const url of [
      `/orgs/enu/meetings/${meetingId}/protocol?format=pdf&lang=kk`,
      `/orgs/enu/meetings/${meetingId}/extracts/${applicationId}?format=pdf&lang=ru`,
    ]) {
      const pdf = await call("GET", url, b.registrar);
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      expect(pdf.headers["content-type"]).toContain("application/pdf");
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    }
  });

  it("R п.18–19, M п.24: the registrar records the transcript; the decision credential verifies; the trail shows every step", async () => {
    // A failure while signing the decision (after the transcript entries were written) leaves nothing behind.
    const deps = svc.wired.deps;
    const failing = {
      ...deps,
      agent: { ...deps.agent, createVerifiableCredential: () => Promise.reject(new Error("signer unavailable")) },
    } as typeof deps;
    const enu = (await deps.repos.institutions.findBySlug("enu"))!;
    await expect(recordInTranscript(enu, applicationId, undefined, "test", failing)).rejects.toThrow("signer unavailable");
    expect((await ok("GET", `/orgs/enu/recognition-applications/${applicationId}`, b.registrar)).stage).toBe("decided");
    expect((await ok("GET", `/orgs/enu/learners/${learnerId}/transcript`, b.registrar)).entries).toEqual([]);

    const recorded = await ok("POST", `/orgs/enu/recognition-applications/${applicationId}/transcript`, b.registrar, {});
    expect(recorded.stage).toBe("recorded");
    const again = await call("POST", `/orgs/enu/recognition-applications/${applicationId}/transcript`, b.registrar, {});
    expect(again.statusCode).toBe(409);

    const verified = await call("POST", "/credentials/verify", null, { verifiableCredential: recorded.credential.jwt });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().verified).toBe(true);
    const subject = recorded.credential.document.credentialSubject;
    expect(recorded.credential.document.type).toEqual(["VerifiableCredential", "RecognitionDecisionCredential"]);
    expect(subject.recognisedDisciplines).toEqual([
      expect.objectContaining({ code: "DA-201", credits: 5, hours: 150, letterGrade: "B+", recognition: "re-credited" }),
    ]);
    expect(subject.protocol).toMatchObject({ number: "1", date: "2026-11-23" });
    expect(subject.diplomaSupplementCompetences).toEqual(["Prepares and analyses data sets statistically"]);

    // The public page the QR code opens shows the decision in the reader's language.
    const page = await svc.app.inject({
      method: "GET",
      url: `/credentials/${recorded.credential.id}?lang=kk`,
      headers: { accept: "text/html" },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-verdict="valid"');
    expect(page.body).toContain("Қайта есептелген пәндер");
    expect(page.body).toContain("DA-201 · Data analysis — 5 кр., 150 сағ., B+");
    const pdf = await svc.app.inject({ method: "GET", url: `/credentials/${recorded.credential.id}/certificate.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const transcript = await ok("GET", `/orgs/enu/learners/${learnerId}/transcript`, b.registrar);
    expect(transcript.entries).toEqual([
      expect.objectContaining({ disciplineCode: "DA-201", letter: "B+", credits: 5, hours: 150, kind: "re_credited" }),
    ]);
    expect(transcript.disciplines.find((d: Json) => d.code === "DA-201").status).toBe("re_credited");
    expect(transcript.disciplines.find((d: Json) => d.code === "NN-301").status).toBe("to_study");
    expect(transcript.microQualifications).toMatchObject({ transferredCredits: 5, countsTowards: ["DA-201"] });

    const view = await ok("GET", `/orgs/enu/recognition-applications/${applicationId}`, b.registrar);
    expect(view.auditTrail.map((e: Json) => e.action)).toEqual([
      "application.submitted",
      "application.forward",
      "application.conclude",
      "application.put_on_agenda",
      "meeting.motion",
      "meeting.vote",
      "meeting.vote",
      "meeting.vote",
      "meeting.motion",
      "meeting.vote",
      "meeting.vote",
      "meeting.vote",
      "application.decide",
      "application.record",
    ]);
  });
});

describe("procedure B: a recognition centre's document and the 10-working-day deadline (R п.20–30)", () => {
  let b: Staff;
  let learnerId: string;
  let centreJwt: string;

  const application = (receivedOn: string, documents: object[]) => ({
    procedure: "B",
    learnerId,
    curriculum: "6B06101",
    academicPeriod: "2026-autumn",
    disciplines: ["WLD-101"],
    applicationText: "Өтінемін, кәсіптік біліктілігімді тануды.",
    receivedOn,
    gradeScale: "five-point",
    documents,
  });
  const identity = {
    kind: "identity_document",
    title: "ID card copy",
    file: { name: "id.pdf", mediaType: "application/pdf", contentBase64: Buffer.from("%PDF-1.4 id").toString("base64") },
  };

  beforeAll(async () => {
    await ok("POST", "/orgs", admin.authorization.slice(7), institutionBody("kazatu", 3), 201);
    b = await staffOf("kazatu");
    await ok(
      "POST",
      "/orgs/kazatu/academic-periods",
      b.registrar,
      { code: "2026-autumn", names: t("2026 күз", "Осень 2026", "Autumn 2026"), startsOn: "2026-09-01", endsOn: "2026-12-31" },
      201,
    );
    await ok("POST", "/orgs/kazatu/curricula", b.registrar, curriculum, 201);
    learnerId = (await ok("POST", "/orgs/kazatu/learners", b.registrar, { fullName: "Ерлан Сапаров", iin: testIin(8) }, 201)).id;
    await ok("PUT", `/orgs/kazatu/learners/${learnerId}/enrolment`, b.registrar, { curriculum: "6B06101" });

    const centre = freshDidKey();
    centreJwt = await new SignJWT({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential"],
      issuer: centre.did,
      validFrom: "2026-05-01T00:00:00Z",
      credentialSubject: {
        qualification: "Welder, 4th grade",
        courses: [{ title: "Welding of metal structures", hours: 120, grade: "5", learningOutcomes: ["Welds metal structures of steel"] }],
      },
    })
      .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: centre.kid })
      .sign(centre.privateKey);
    await ok("PUT", "/trust-registry", admin.authorization.slice(7), {
      issuers: [
        {
          did: centre.did,
          names: t("Тану орталығы", "Центр признания", "Recognition centre"),
          kind: "recognition_centre",
          accreditation: "R п.20: accredited",
        },
      ],
    });
  });

  it("R п.24: received 2026-08-18 is late — Constitution Day moved to Monday 31 August leaves 9 working days", async () => {
    const late = await call(
      "POST",
      "/orgs/kazatu/recognition-applications",
      b.secretary.token,
      application("2026-08-18", [identity, { kind: "recognition_centre_document", title: "Certificate", credential: centreJwt }]),
    );
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: "APPLICATION_LATE", latestSubmission: "2026-08-17", rule: "R п.24" });
    expect((await ok("GET", "/orgs/kazatu/recognition-applications", b.registrar)).total).toBe(0);
  });

  it("R п.24: without the identity document copy the application is refused, naming what is missing", async () => {
    const missing = await call(
      "POST",
      "/orgs/kazatu/recognition-applications",
      b.secretary.token,
      application("2026-08-17", [{ kind: "recognition_centre_document", title: "Certificate", credential: centreJwt }]),
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe("APPLICATION_DOCUMENTS_MISSING");
    expect(missing.json().title).toContain("identity_document");
  });

  it("R п.20–30: on time, the centre's credential verifies as trusted, the 5-point grade converts (R п.8), and the decision is issued with a Data Integrity proof", async () => {
    const submitted = await ok(
      "POST",
      "/orgs/kazatu/recognition-applications",
      b.secretary.token,
      application("2026-08-17", [identity, { kind: "recognition_centre_document", title: "Certificate", credential: centreJwt }]),
      201,
    );
    expect(submitted.documents.find((d: Json) => d.kind === "recognition_centre_document").verdict).toBe("valid");
    const weld = submitted.preparation.disciplines[0];
    expect(weld).toMatchObject({ code: "WLD-101", proposal: "recognise", grade: { letter: "A" } });
    // Received on Monday 17 August: 3 working days later is Thursday 20 August (R п.25).
    expect(submitted.forwardingDue).toBe("2026-08-20");

    const commission = await ok(
      "POST",
      "/orgs/kazatu/commissions",
      b.registrar,
      {
        kind: "professional",
        orderNumber: "12",
        orderDate: "2026-08-01",
        secretaryUserId: b.secretary.id,
        members: b.members.map((m) => ({ userId: m.id, category: "teacher" })),
      },
      201,
    );
    const group = await ok(
      "POST",
      "/orgs/kazatu/expert-groups",
      b.registrar,
      {
        name: "Welding",
        orderNumber: "13",
        orderDate: "2026-08-02",
        members: [
          { userId: b.teacher.id, kind: "teacher" },
          { userId: b.practitioner.id, kind: "practitioner" },
        ],
      },
      201,
    );
    const overdue = await ok("GET", "/orgs/kazatu/recognition-applications", b.registrar);
    expect(overdue.items[0].overdue).toEqual([{ step: "forwarding", due: "2026-08-20", rule: "R п.25" }]);
    await ok("POST", `/orgs/kazatu/recognition-applications/${submitted.id}/forward`, b.secretary.token, { expertGroupId: group.id });
    await ok(
      "POST",
      `/orgs/kazatu/recognition-applications/${submitted.id}/conclusion`,
      b.teacher.token,
      conclusion([{ code: "WLD-101", recommendation: "recognise", letter: "A" }]),
    );

    const members = b.members;
    const meeting = await ok(
      "POST",
      `/orgs/kazatu/commissions/${commission.id}/meetings`,
      b.secretary.token,
      { heldOn: "2026-11-23", present: members.map((m) => m.id) },
      201,
    );
    await ok(
      "POST",
      `/orgs/kazatu/commissions/${commission.id}/elections`,
      b.secretary.token,
      {
        meetingId: meeting.id,
        position: "chair",
        candidateUserId: members[0]!.id,
        votes: members.map((m) => ({ voterUserId: m.id, choice: "for" })),
      },
      201,
    );
    await ok("POST", `/orgs/kazatu/meetings/${meeting.id}/agenda`, b.secretary.token, { applicationId: submitted.id });
    await ok("PUT", `/orgs/kazatu/meetings/${meeting.id}/agenda/${submitted.id}/motion`, b.secretary.token, {
      outcome: "recognise",
      disciplines: [{ code: "WLD-101", credits: 4, hours: 120, letter: "A" }],
    });
    for (const m of members)
      await ok("POST", `/orgs/kazatu/meetings/${meeting.id}/agenda/${submitted.id}/votes`, m.token, { choice: "for" });
    await ok("POST", `/orgs/kazatu/meetings/${meeting.id}/agenda/${submitted.id}/decision`, b.secretary.token);
    const early = await call("POST", `/orgs/kazatu/recognition-applications/${submitted.id}/transcript`, b.registrar, {});
    expect(early.json().code).toBe("PROTOCOL_NOT_READY");
    await ok("POST", `/orgs/kazatu/meetings/${meeting.id}/close`, b.secretary.token);
    const recorded = await ok("POST", `/orgs/kazatu/recognition-applications/${submitted.id}/transcript`, b.registrar, { format: "di" });
    expect(recorded.credential.format).toBe("di");
    const verified = await call("POST", "/credentials/verify", null, { verifiableCredential: recorded.credential.document });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().verified).toBe(true);
  });
});
