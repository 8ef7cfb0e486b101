import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAnalysisProgramme } from "../fixtures/programmes.js";
import { cohortCsv } from "../helpers/cohort.js";
import { testIin } from "../helpers/iin.js";
import { bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

let svc: TestService;
let registrar: string;

const post = (url: string, payload?: object | string | Buffer, contentType?: string) =>
  svc.app.inject({
    method: "POST",
    url,
    headers: { ...bearer(registrar), ...(contentType ? { "content-type": contentType } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });
const get = (url: string) => svc.app.inject({ method: "GET", url, headers: bearer(registrar) });

async function waitForBatch(url: string) {
  for (let i = 0; i < 400; i++) {
    const batch = (await get(url)).json();
    if (batch.status === "completed" || batch.status === "failed") return batch;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("batch did not finish");
}

beforeAll(async () => {
  svc = await startService();
  ({ registrar } = await withPublishedProgramme(svc));
});
afterAll(async () => {
  await svc?.destroy();
});

describe("bulk award from CSV", () => {
  const file = [
    "full_name,iin,result,session,held_on,email",
    `Айгерім Сейітова,${testIin(1)},92,2026-06,2026-06-20,a@kaznu.kz`,
    `Ерлан Нұрланұлы,${testIin(2)},B+,2026-06,2026-06-20,`,
    `Bad IIN,950701300128,90,2026-06,2026-06-20,`,
    `Дана Асқарқызы,${testIin(3)},FX,2026-06,2026-06-20,`,
    `Марат Әлиев,${testIin(4)},"74,5",2026-06,2026-06-20,`,
  ].join("\r\n");
  let batchUrl: string;

  it("answers 202 and awards every passing row; bad rows are reported one by one", async () => {
    const res = await post("/orgs/kaznu/programmes/DA-101/award-batches?fileName=cohort.csv", Buffer.from(`\uFEFF${file}`), "text/csv");
    expect(res.statusCode).toBe(202);
    batchUrl = res.json().links.self;
    const batch = await waitForBatch(batchUrl);
    expect(batch).toMatchObject({
      status: "completed",
      total: 5,
      processed: 5,
      issued: 3,
      alreadyIssued: 0,
      failed: 2,
      percent: 100,
      fileName: "cohort.csv",
    });
    const failed = (await get(`${batchUrl}/results?outcome=failed`)).json().items;
    expect(failed.map((r: { row: number; errorCode: string }) => [r.row, r.errorCode])).toEqual([
      [3, "IIN_INVALID"],
      [4, "RESULT_NOT_PASSING"],
    ]);
    const issued = (await get(`${batchUrl}/results?outcome=issued`)).json().items;
    expect(issued).toHaveLength(3);
    const credential = (await get(`/orgs/kaznu/credentials/${issued[2].credentialId}`)).json();
    expect(credential.credential.credentialSubject.result[0].value).toBe("C+"); // 74.5 % → C+ (70–74), never rounded up
  });

  it("streams progress as server-sent events until done", async () => {
    const res = await get(`${batchUrl}/events`);
    expect(res.headers["content-type"]).toContain("text/event-stream");
    expect(res.body).toContain("event: progress");
    expect(res.body).toMatch(/event: done\ndata: .*"status":"completed"/);
  });

  it("never issues twice when the same file is sent again", async () => {
    const before = await svc.wired.deps.db.issuedCredential.count();
    const res = await post("/orgs/kaznu/programmes/DA-101/award-batches", file, "text/csv");
    const batch = await waitForBatch(res.json().links.self);
    expect(batch).toMatchObject({ status: "completed", issued: 0, alreadyIssued: 3, failed: 2 });
    expect(await svc.wired.deps.db.issuedCredential.count()).toBe(before);
  });

  it("accepts JSON rows and a semicolon-separated CSV", async () => {
    const json = await post("/orgs/kaznu/programmes/DA-101/award-batches", {
      rows: [{ full_name: "JSON Learner", iin: testIin(40), result: 88, session: "2026-06", held_on: "2026-06-20" }],
    });
    expect((await waitForBatch(json.json().links.self)).issued).toBe(1);
    const semicolons = await post(
      "/orgs/kaznu/programmes/DA-101/award-batches",
      `full_name;iin;result;session;held_on\nSemi Colon;${testIin(41)};A;2026-06;2026-06-20\n`,
      "text/csv",
    );
    expect((await waitForBatch(semicolons.json().links.self)).issued).toBe(1);
  });

  it("awards a larger cohort in Data Integrity format as well", async () => {
    const res = await post("/orgs/kaznu/programmes/DA-101/award-batches?format=di", cohortCsv(30, { first: 500 }), "text/csv");
    const batch = await waitForBatch(res.json().links.self);
    expect(batch).toMatchObject({ status: "completed", issued: 30, format: "di" });
  });
});

describe("bad cohort files are refused whole, with nothing written", () => {
  const counts = async () => ({
    batches: await svc.wired.deps.db.awardBatch.count(),
    learners: await svc.wired.deps.db.learner.count(),
    credentials: await svc.wired.deps.db.issuedCredential.count(),
  });

  it.each([
    ["a missing column", "full_name,iin,session,held_on\nA,950701300127,2026-06,2026-06-20\n", 400, "FILE_COLUMNS_MISSING"],
    [
      "a wrong encoding (Windows-1251)",
      Buffer.concat([
        Buffer.from("full_name,iin,result,session,held_on\n"),
        Buffer.from([0xc0, 0xf1, 0xea, 0xe0, 0xf0]),
        Buffer.from(`,${testIin(60)},90,2026-06,2026-06-20\n`),
      ]),
      400,
      "FILE_ENCODING_INVALID",
    ],
    [
      "a duplicate learner row",
      `full_name,iin,result,session,held_on\nA,${testIin(61)},90,s1,2026-06-20\nB,${testIin(62)},90,s1,2026-06-20\nA again,${testIin(61)},80,s1,2026-06-20\n`,
      422,
      "FILE_DUPLICATE_ROWS",
    ],
    ["a header and no rows", "full_name,iin,result,session,held_on\n", 400, "FILE_EMPTY"],
    ["a broken quote", `full_name,iin,result,session,held_on\n"A,${testIin(63)},90,s,2026-06-20\n`, 400, "FILE_MALFORMED"],
  ])("%s → %i %s", async (_what, body, status, code) => {
    const before = await counts();
    const res = await post("/orgs/kaznu/programmes/DA-101/award-batches", body as string | Buffer, "text/csv");
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it("names the rows of a duplicate", async () => {
    const res = await post(
      "/orgs/kaznu/programmes/DA-101/award-batches",
      `full_name,iin,result,session,held_on\nA,${testIin(61)},90,s1,2026-06-20\nA,${testIin(61)},90,s1,2026-06-20\n`,
      "text/csv",
    );
    expect(res.json().duplicates).toEqual([{ session: "s1", rows: [1, 2] }]);
  });

  it("refuses JSON rows with unknown keys, and an unpublished programme", async () => {
    expect((await post("/orgs/kaznu/programmes/DA-101/award-batches", { rows: [{ name: "x" }] })).json().code).toBe("VALIDATION_FAILED");
    await post("/orgs/kaznu/programmes", dataAnalysisProgramme("DRAFT"));
    expect((await post("/orgs/kaznu/programmes/DRAFT/award-batches", cohortCsv(1), "text/csv")).json().code).toBe(
      "PROGRAMME_NOT_PUBLISHED",
    );
  });
});
