// The administrator's console pages for API tokens and the trust registry, through app.inject: only a platform
// administrator gets them (403 otherwise, nothing changed), every form needs its CSRF token, a token's secret is
// shown once and works, revoking twice is harmless, and a bad registry file is refused with the reason while the
// registry stays as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleGet, consolePerson, consolePost, consoleUpload } from "../helpers/console.js";
import { freshDidKey } from "../helpers/did-key.js";
import { admin, bearer, institutionBody, startService, testBin, type TestService } from "../helpers/service.js";

let svc: TestService;
let adminCookie: string;
let adminCsrf: string;
let registrarCookie: string;
let registrarCsrf: string;

type Who = { cookie: string; csrf: string | null };
const person = (email: string, fullName: string, platformAdmin: boolean) =>
  consolePerson(svc, { email, fullName, institution: "kaznu", roles: platformAdmin ? [] : ["registrar"], platformAdmin });
const get = (url: string, cookie = adminCookie) => consoleGet(svc, { cookie, csrf: null }, url);
const post = (url: string, fields: Record<string, string | string[]>, who: Who = { cookie: adminCookie, csrf: adminCsrf }) =>
  consolePost(svc, who, url, fields);
const upload = (file: string, who: Who = { cookie: adminCookie, csrf: adminCsrf }, confirm = true) =>
  consoleUpload(
    svc,
    who,
    "/console/admin/trust-registry/file?lang=en",
    { field: "file", name: "registry.json", type: "application/json", content: file },
    confirm ? { confirm: "yes" } : {},
  );

const tokenCount = async () =>
  (await svc.wired.deps.repos.apiTokens.list({ institutionId: (await svc.wired.deps.repos.institutions.findBySlug("kaznu"))!.id })).length;
const registry = async () => (await svc.app.inject({ method: "GET", url: "/trust-registry" })).json().issuers as { did: string }[];
const entry = (did: string) => ({
  dids: did,
  "names.kk": "Тану орталығы",
  "names.ru": "Центр признания",
  "names.en": "Recognition centre",
  kind: "recognition_centre",
  accreditation: "Order No. 12, 2025",
  validFrom: "2025-01-01",
  validUntil: "",
});

beforeAll(async () => {
  svc = await startService();
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kaznu", 1) });
  ({ cookie: adminCookie, csrf: adminCsrf } = await person("admin@kualik.kz", "Platform Admin", true));
  ({ cookie: registrarCookie, csrf: registrarCsrf } = await person("registrar@kaznu.kz", "Айгерім Сейітова", false));
});
afterAll(async () => {
  await svc?.destroy();
});

describe("the console's API tokens page", () => {
  let secret: string;
  let tokenId: string;

  it("creates a token whose secret is shown once, works, and is never stored or shown again", async () => {
    const created = await post("/console/admin/tokens?lang=en", {
      institution: "kaznu",
      name: "Moodle",
      roles: ["registrar", "viewer"],
      days: "30",
    });
    expect(created.statusCode, created.body).toBe(303);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/console\/admin\/tokens\?lang=en&shown=/);
    const shown = await get(location);
    expect(shown.headers["cache-control"]).toBe("no-store");
    secret = /data-token-secret>([^<]+)</.exec(shown.body)![1]!;
    expect(secret).toMatch(/^kualik_/);
    expect(location).not.toContain(secret);
    expect((await get(location)).body).not.toContain(secret); // shown once

    const me = await svc.app.inject({ method: "GET", url: "/me", headers: bearer(secret) });
    expect(me.json()).toMatchObject({
      platformAdmin: false,
      roles: [
        { institution: "kaznu", role: "registrar" },
        { institution: "kaznu", role: "viewer" },
      ],
    });
    const [record] = await svc.wired.deps.repos.apiTokens.list({
      institutionId: (await svc.wired.deps.repos.institutions.findBySlug("kaznu"))!.id,
    });
    tokenId = record!.id;
    expect(record).toMatchObject({ name: "Moodle", roles: ["registrar", "viewer"] });
    expect(Math.abs(record!.expiresAt!.getTime() - record!.createdAt.getTime() - 30 * 86_400_000)).toBeLessThan(1_000);
    const audit = await svc.wired.deps.repos.audit.list({ limit: 100 });
    expect(JSON.stringify(audit)).not.toContain(secret);

    const list = await get("/console/admin/tokens?lang=ru");
    expect(list.body).toContain("Moodle");
    expect(list.body).toContain("Действует");
    expect(list.body).not.toContain(secret);
  });

  it("refuses a form without roles, without a name or with a bad expiry, saying why, and creates nothing", async () => {
    const before = await tokenCount();
    const res = await post("/console/admin/tokens?lang=kk", { institution: "kaznu", name: " ", days: "0" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("data-error");
    expect(res.body).toContain("кемінде бір рөл");
    expect(res.body).toContain("3650");
    expect(await tokenCount()).toBe(before);
  });

  it("refuses a form posted without its CSRF token, and changes nothing", async () => {
    const before = await tokenCount();
    const res = await post(
      "/console/admin/tokens?lang=en",
      { institution: "kaznu", name: "forged", roles: "registrar" },
      { cookie: adminCookie, csrf: null },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("CSRF_TOKEN_INVALID");
    expect(await tokenCount()).toBe(before);
    const revoke = await post(`/console/admin/tokens/${tokenId}/revoke?lang=en`, {}, { cookie: adminCookie, csrf: null });
    expect(revoke.statusCode).toBe(403);
    expect((await svc.app.inject({ method: "GET", url: "/me", headers: bearer(secret) })).statusCode).toBe(200);
  });

  it("refuses a registrar (403) on every page and action, and changes nothing", async () => {
    const before = await tokenCount();
    const registrar = { cookie: registrarCookie, csrf: registrarCsrf };
    expect((await get("/console/admin/tokens?lang=en", registrarCookie)).statusCode).toBe(403);
    expect((await get(`/console/admin/tokens/${tokenId}/revoke?lang=en`, registrarCookie)).statusCode).toBe(403);
    expect(
      (await post("/console/admin/tokens?lang=en", { institution: "kaznu", name: "mine", roles: "registrar" }, registrar)).statusCode,
    ).toBe(403);
    expect((await post(`/console/admin/tokens/${tokenId}/revoke?lang=en`, {}, registrar)).statusCode).toBe(403);
    expect(await tokenCount()).toBe(before);
    expect((await svc.app.inject({ method: "GET", url: "/me", headers: bearer(secret) })).statusCode).toBe(200);
  });

  it("revokes after a confirmation page; a second submission is harmless", async () => {
    const confirm = await get(`/console/admin/tokens/${tokenId}/revoke?lang=en`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Yes, revoke the token");
    const first = await post(`/console/admin/tokens/${tokenId}/revoke?lang=en`, {});
    expect(first.headers.location).toBe("/console/admin/tokens?lang=en&notice=revoked");
    expect((await svc.app.inject({ method: "GET", url: "/me", headers: bearer(secret) })).statusCode).toBe(401);
    const second = await post(`/console/admin/tokens/${tokenId}/revoke?lang=en`, {});
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe("/console/admin/tokens?lang=en&notice=alreadyRevoked");
    expect((await get(second.headers.location as string)).body).toContain("already revoked; nothing changed");
    const revocations = (await svc.wired.deps.repos.audit.list({ limit: 100 })).filter((a) => a.action === "api_token.revoked");
    expect(revocations).toHaveLength(1);
  });

  it("creates a platform token, which needs no roles", async () => {
    const created = await post("/console/admin/tokens?lang=en", { institution: "_platform", name: "Backups", days: "" });
    expect(created.statusCode, created.body).toBe(303);
    const platformSecret = /data-token-secret>([^<]+)</.exec((await get(created.headers.location as string)).body)![1]!;
    expect((await svc.app.inject({ method: "GET", url: "/me", headers: bearer(platformSecret) })).json().platformAdmin).toBe(true);
  });
});

describe("the console's new institution form", () => {
  const institution = (bin: string) => ({
    slug: "aitu",
    bin,
    kind: "tvet",
    "names.kk": "Astana IT университеті",
    "names.ru": "Astana IT университет",
    "names.en": "Astana IT University",
    credentialFormat: "di",
  });
  const count = async () => (await svc.wired.deps.repos.institutions.list()).length;

  it("refuses a wrong BIN, a registrar and a form without its CSRF token, creating nothing; then creates the institution once", async () => {
    const before = await count();
    const badBin = await post("/console/admin/institutions?lang=kk", institution("123456789012"));
    expect(badBin.statusCode).toBe(422);
    expect(badBin.body).toContain('value="aitu"');
    expect(
      (await post("/console/admin/institutions", institution(testBin(90)), { cookie: registrarCookie, csrf: registrarCsrf })).statusCode,
    ).toBe(403);
    expect((await post("/console/admin/institutions", institution(testBin(90)), { cookie: adminCookie, csrf: null })).statusCode).toBe(403);
    expect(await count()).toBe(before);
    expect((await post("/console/admin/institutions?lang=en", institution(testBin(90)))).statusCode).toBe(303);
    const twice = await post("/console/admin/institutions?lang=en", institution(testBin(90)));
    expect(twice.statusCode).toBe(409);
    expect(await count()).toBe(before + 1);
    const created = await svc.wired.deps.repos.institutions.findBySlug("aitu");
    expect(created).toMatchObject({ kind: "tvet", credentialFormat: "di" });
  });
});

describe("the console's token list, a page at a time", () => {
  it("pages through every token newest first, and a page past the end shows the last one", async () => {
    for (let i = 0; i < 25; i++)
      await svc.app.inject({
        method: "POST",
        url: "/orgs/kaznu/tokens",
        headers: admin,
        payload: { name: `bulk ${i}`, roles: ["viewer"] },
      });
    const total = (await svc.wired.deps.repos.apiTokens.page({ limit: 1, offset: 0 })).total;
    const statuses = (body: string) => [...body.matchAll(/data-token-status=/g)].length;
    const first = await get("/console/admin/tokens?lang=en");
    expect(statuses(first.body)).toBe(20);
    expect(first.body).toContain("bulk 24"); // newest first
    const last = await get(`/console/admin/tokens?lang=en&offset=${Math.floor((total - 1) / 20) * 20}`);
    expect(statuses(last.body)).toBe(total - Math.floor((total - 1) / 20) * 20);
    const beyond = await get("/console/admin/tokens?lang=en&offset=1000");
    expect(statuses(beyond.body)).toBe(statuses(last.body));
  });
});

describe("the console's trust registry page", () => {
  const centre = freshDidKey().did;

  it("adds an entry to the registry as it is, and refuses the same DID again", async () => {
    const other = freshDidKey().did;
    await svc.app.inject({
      method: "PUT",
      url: "/trust-registry",
      headers: admin,
      payload: { issuers: [{ did: other, names: { kk: "Колледж", ru: "Колледж", en: "College" }, kind: "tvet" }] },
    });
    const added = await post("/console/admin/trust-registry/entries?lang=en", entry(centre));
    expect(added.statusCode, added.body).toBe(303);
    expect((await registry()).map((e) => e.did).sort()).toEqual([centre, other].sort());
    expect((await registry()).find((e) => e.did === centre)).toMatchObject({
      kind: "recognition_centre",
      validFrom: "2025-01-01T00:00:00.000Z",
      validUntil: null,
    });
    const again = await post("/console/admin/trust-registry/entries?lang=en", entry(centre));
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(`Already in the registry, or given twice: ${centre}`);
    expect(await registry()).toHaveLength(2);
  });

  it("names the fields of a bad entry and adds nothing", async () => {
    const res = await post("/console/admin/trust-registry/entries?lang=ru", {
      ...entry("not-a-did"),
      "names.kk": "",
      validUntil: "2024-01-01",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("data-error");
    expect(res.body).toContain("<li>DID (по одному в строке)</li>");
    expect(res.body).toContain("<li>Название (Қазақша)</li>");
    expect(res.body).toContain("<li>Действует до</li>");
    expect(await registry()).toHaveLength(2);
  });

  it("refuses a bad file with the reason, and without confirmation or a CSRF token; the registry is unchanged", async () => {
    const before = await registry();
    const wrongKind = await upload(
      JSON.stringify({ issuers: [{ did: centre, names: { kk: "А", ru: "Б", en: "C" }, kind: "university" }] }),
    );
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.body).toContain("does not match the registry format");
    expect(wrongKind.body).toContain("issuers[0].kind:");
    const notJson = await upload("{ issuers: ");
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain("could not be read as JSON");
    const twice = await upload(JSON.stringify({ issuers: [entryJson(centre), entryJson(centre)] }));
    expect(twice.body).toContain("each DID appears once");
    const unconfirmed = await upload(JSON.stringify({ issuers: [] }), undefined, false);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain("Tick the box");
    const forged = await upload(JSON.stringify({ issuers: [] }), { cookie: adminCookie, csrf: "wrong" });
    expect(forged.statusCode).toBe(403);
    const byRegistrar = await upload(JSON.stringify({ issuers: [] }), { cookie: registrarCookie, csrf: registrarCsrf });
    expect(byRegistrar.statusCode).toBe(403);
    expect(
      await post("/console/admin/trust-registry/entries?lang=en", entry(freshDidKey().did), {
        cookie: registrarCookie,
        csrf: registrarCsrf,
      }),
    ).toMatchObject({
      statusCode: 403,
    });
    expect(await registry()).toEqual(before);
  });

  it("replaces the registry from the file GET /trust-registry exports", async () => {
    const exported = (await svc.app.inject({ method: "GET", url: "/trust-registry" })).body;
    const replaced = await upload(exported);
    expect(replaced.statusCode, replaced.body).toBe(303);
    expect(replaced.headers.location).toBe("/console/admin/trust-registry?lang=en&notice=replaced&count=2");
    expect((await svc.app.inject({ method: "GET", url: "/trust-registry" })).body).toBe(exported);
  });

  it("removes an entry after a confirmation page; a second submission is harmless", async () => {
    const confirm = await get(`/console/admin/trust-registry/remove?${new URLSearchParams({ did: centre, lang: "kk" })}`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Иә, алып тастау");
    const first = await post("/console/admin/trust-registry/remove?lang=en", { did: centre });
    expect(first.headers.location).toBe("/console/admin/trust-registry?lang=en&notice=removed");
    expect((await registry()).map((e) => e.did)).not.toContain(centre);
    const second = await post("/console/admin/trust-registry/remove?lang=en", { did: centre });
    expect(second.headers.location).toBe("/console/admin/trust-registry?lang=en&notice=notListed");
    expect(await registry()).toHaveLength(1);
  });
});

function entryJson(did: string) {
  return { did, names: { kk: "Орталық", ru: "Центр", en: "Centre" }, kind: "other" };
}
