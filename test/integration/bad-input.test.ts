// Every kind of bad input gets its own 4xx problem+json with a stable code, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, bearer, institutionBody, startService, testBin, type TestService } from "../helpers/service.js";

let svc: TestService;

async function rowCounts() {
  const db = svc.wired.deps.db;
  return {
    institutions: await db.institution.count(),
    identifiers: await db.veramoIdentifier.count(),
    keys: await db.veramoKey.count(),
    privateKeys: await db.veramoPrivateKey.count(),
    tokens: await db.apiToken.count(),
    users: await db.user.count(),
    audit: await db.auditEvent.count(),
  };
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(typeof body.title).toBe("string");
  expect((body.title as string).length).toBeGreaterThan(10);
  expect(body.type).toMatch(/\/problems\/[a-z-]+$/);
  return body;
}

beforeAll(async () => {
  svc = await startService({ env: { BODY_LIMIT_BYTES: "4096" } });
  const res = await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("enu", 10) });
  expect(res.statusCode).toBe(201);
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("satbayev", 11) });
});
afterAll(async () => {
  await svc?.destroy();
});

describe("bad input to POST /orgs writes nothing", () => {
  const cases: [string, unknown, number, string][] = [
    ["an unknown field", { ...institutionBody("a-new", 20), color: "blue" }, 400, "VALIDATION_FAILED"],
    ["a wrong type", { ...institutionBody("a-new", 21), kind: 3 }, 400, "VALIDATION_FAILED"],
    ["an unknown kind", { ...institutionBody("a-new", 22), kind: "school" }, 400, "VALIDATION_FAILED"],
    ["a missing name", { ...institutionBody("a-new", 23), names: { kk: "Қ", ru: "Р" } }, 400, "VALIDATION_FAILED"],
    ["a bad slug", { ...institutionBody("A New!", 24) }, 400, "VALIDATION_FAILED"],
    ["a reserved slug", { ...institutionBody("docs", 25) }, 409, "INSTITUTION_SLUG_TAKEN"],
    ["a BIN with a wrong check digit", { ...institutionBody("a-new", 26), bin: "990140001155" }, 422, "BIN_INVALID"],
    ["a BIN of 11 digits", { ...institutionBody("a-new", 27), bin: "99014000115" }, 422, "BIN_INVALID"],
    ["a duplicate slug", institutionBody("enu", 28), 409, "INSTITUTION_SLUG_TAKEN"],
    ["a duplicate BIN", { ...institutionBody("a-new", 29), bin: testBin(10) }, 409, "INSTITUTION_BIN_TAKEN"],
  ];

  for (const [what, payload, status, code] of cases) {
    it(`${what} → ${status} ${code}`, async () => {
      const before = await rowCounts();
      const res = await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: payload as object });
      expectProblem(res, status, code);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it("names the problem field for a malformed BIN", async () => {
    const res = await svc.app.inject({
      method: "POST",
      url: "/orgs",
      headers: admin,
      payload: { ...institutionBody("a-new", 30), bin: "991340001154" },
    });
    expect(expectProblem(res, 422, "BIN_INVALID").problem).toBe("month");
  });

  it("an oversized body → 413 BODY_TOO_LARGE", async () => {
    const before = await rowCounts();
    const big = { ...institutionBody("a-new", 31), names: { kk: "x".repeat(5000), ru: "y", en: "z" } };
    expectProblem(await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: big }), 413, "BODY_TOO_LARGE");
    expect(await rowCounts()).toEqual(before);
  });

  it("a body that is not JSON → 400 MALFORMED_BODY", async () => {
    const res = await svc.app.inject({
      method: "POST",
      url: "/orgs",
      headers: { ...admin, "content-type": "application/json" },
      payload: '{"slug": "x",',
    });
    expectProblem(res, 400, "MALFORMED_BODY");
  });

  it("a body of another media type → 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const res = await svc.app.inject({
      method: "POST",
      url: "/orgs",
      headers: { ...admin, "content-type": "text/plain" },
      payload: "slug=x",
    });
    expectProblem(res, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("a half-created institution is rolled back when the database refuses the last write", async () => {
    // Two requests race for the same BIN: exactly one wins, the loser leaves no DID or key behind.
    const before = await rowCounts();
    const [a, b] = await Promise.all([
      svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("race-one", 40) }),
      svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: { ...institutionBody("race-two", 41), bin: testBin(40) } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const after = await rowCounts();
    expect(after.institutions).toBe(before.institutions + 1);
    expect(after.identifiers).toBe(before.identifiers + 1);
    expect(after.privateKeys).toBe(before.privateKeys + 1);
  });
});

describe("addressing", () => {
  it("an unknown institution → 404 INSTITUTION_NOT_FOUND", async () => {
    expectProblem(await svc.app.inject({ method: "GET", url: "/orgs/nowhere", headers: admin }), 404, "INSTITUTION_NOT_FOUND");
    expectProblem(await svc.app.inject({ method: "GET", url: "/orgs/nowhere/did.json" }), 404, "INSTITUTION_NOT_FOUND");
  });

  it("an unknown route → 404 ROUTE_NOT_FOUND", async () => {
    expectProblem(await svc.app.inject({ method: "GET", url: "/no/such/thing" }), 404, "ROUTE_NOT_FOUND");
  });

  it("speaks the caller's language", async () => {
    const kk = await svc.app.inject({
      method: "GET",
      url: "/orgs/nowhere",
      headers: { ...admin, "accept-language": "kk-KZ,kk;q=0.9,ru;q=0.8" },
    });
    expect(kk.json().title).toBe("«nowhere» ұйымы табылмады.");
    const ru = await svc.app.inject({ method: "GET", url: "/orgs/nowhere?lang=ru", headers: admin });
    expect(ru.json().title).toBe("Организация «nowhere» не найдена.");
    const en = await svc.app.inject({ method: "GET", url: "/orgs/nowhere", headers: { ...admin, "accept-language": "de" } });
    expect(en.json().title).toBe("There is no institution 'nowhere'.");
  });
});

describe("access", () => {
  let registrarOfEnu: string;
  let viewerOfEnu: string;

  beforeAll(async () => {
    const issue = async (slug: string, roles: string[]) => {
      const res = await svc.app.inject({
        method: "POST",
        url: `/orgs/${slug}/tokens`,
        headers: admin,
        payload: { name: `${roles[0]} client`, roles },
      });
      expect(res.statusCode).toBe(201);
      return res.json().token as string;
    };
    registrarOfEnu = await issue("enu", ["registrar"]);
    viewerOfEnu = await issue("enu", ["viewer"]);
  });

  it("a missing token → 401 UNAUTHENTICATED with a Bearer challenge", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/orgs/enu" });
    expectProblem(res, 401, "UNAUTHENTICATED");
    expect(res.headers["www-authenticate"]).toContain("Bearer");
  });

  it("a token nobody issued → 401 TOKEN_INVALID", async () => {
    expectProblem(await svc.app.inject({ method: "GET", url: "/orgs/enu", headers: bearer("kualik_made-up") }), 401, "TOKEN_INVALID");
    expectProblem(await svc.app.inject({ method: "GET", url: "/orgs/enu", headers: { authorization: "Basic abc" } }), 401, "TOKEN_INVALID");
  });

  it("a token works for its own institution, within its roles", async () => {
    expect((await svc.app.inject({ method: "GET", url: "/orgs/enu", headers: bearer(registrarOfEnu) })).statusCode).toBe(200);
    expect((await svc.app.inject({ method: "GET", url: "/orgs/enu/audit", headers: bearer(registrarOfEnu) })).statusCode).toBe(200);
    const me = (await svc.app.inject({ method: "GET", url: "/me", headers: bearer(registrarOfEnu) })).json();
    expect(me).toMatchObject({ platformAdmin: false, roles: [{ institution: "enu", role: "registrar" }] });
    const list = (await svc.app.inject({ method: "GET", url: "/orgs", headers: bearer(registrarOfEnu) })).json();
    expect(list.items.map((i: { slug: string }) => i.slug)).toEqual(["enu"]);
  });

  it("a token of another institution → 403 OTHER_INSTITUTION", async () => {
    expectProblem(
      await svc.app.inject({ method: "GET", url: "/orgs/satbayev", headers: bearer(registrarOfEnu) }),
      403,
      "OTHER_INSTITUTION",
    );
    expectProblem(
      await svc.app.inject({ method: "GET", url: "/orgs/satbayev/keys", headers: bearer(registrarOfEnu) }),
      403,
      "OTHER_INSTITUTION",
    );
  });

  it("a role that is not enough → 403 FORBIDDEN naming what is needed", async () => {
    const body = expectProblem(
      await svc.app.inject({ method: "GET", url: "/orgs/enu/audit", headers: bearer(viewerOfEnu) }),
      403,
      "FORBIDDEN",
    );
    expect(body.title).toContain("registrar");
  });

  it("institution staff cannot use the admin API", async () => {
    const before = await rowCounts();
    expectProblem(
      await svc.app.inject({ method: "POST", url: "/orgs", headers: bearer(registrarOfEnu), payload: institutionBody("sneaky", 50) }),
      403,
      "FORBIDDEN",
    );
    expectProblem(
      await svc.app.inject({ method: "POST", url: "/orgs/enu/keys/rotate", headers: bearer(registrarOfEnu) }),
      403,
      "FORBIDDEN",
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("a revoked token → 401 TOKEN_REVOKED; revoking twice → 409", async () => {
    const issued = (
      await svc.app.inject({ method: "POST", url: "/orgs/enu/tokens", headers: admin, payload: { name: "to revoke", roles: ["viewer"] } })
    ).json();
    expect((await svc.app.inject({ method: "GET", url: "/orgs/enu", headers: bearer(issued.token) })).statusCode).toBe(200);
    const revoke = await svc.app.inject({ method: "DELETE", url: `/orgs/enu/tokens/${issued.id}`, headers: admin });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    expectProblem(await svc.app.inject({ method: "GET", url: "/orgs/enu", headers: bearer(issued.token) }), 401, "TOKEN_REVOKED");
    expectProblem(
      await svc.app.inject({ method: "DELETE", url: `/orgs/enu/tokens/${issued.id}`, headers: admin }),
      409,
      "TOKEN_ALREADY_REVOKED",
    );
  });

  it("a token cannot be revoked through another institution's path", async () => {
    const issued = (
      await svc.app.inject({ method: "POST", url: "/orgs/enu/tokens", headers: admin, payload: { name: "x", roles: ["viewer"] } })
    ).json();
    expectProblem(
      await svc.app.inject({ method: "DELETE", url: `/orgs/satbayev/tokens/${issued.id}`, headers: admin }),
      404,
      "TOKEN_NOT_FOUND",
    );
  });

  it("an expired token → 401 TOKEN_EXPIRED; an expiry in the past is refused", async () => {
    expectProblem(
      await svc.app.inject({
        method: "POST",
        url: "/orgs/enu/tokens",
        headers: admin,
        payload: { name: "old", roles: ["viewer"], expiresAt: "2001-01-01T00:00:00Z" },
      }),
      422,
      "TOKEN_EXPIRY_IN_PAST",
    );
    const soon = new Date(Date.now() + 1500).toISOString();
    const issued = (
      await svc.app.inject({
        method: "POST",
        url: "/orgs/enu/tokens",
        headers: admin,
        payload: { name: "brief", roles: ["viewer"], expiresAt: soon },
      })
    ).json();
    expect((await svc.app.inject({ method: "GET", url: "/orgs/enu", headers: bearer(issued.token) })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1700));
    expectProblem(await svc.app.inject({ method: "GET", url: "/orgs/enu", headers: bearer(issued.token) }), 401, "TOKEN_EXPIRED");
  });

  it("stores only a hash of each token and never lists the secret", async () => {
    const issued = (
      await svc.app.inject({ method: "POST", url: "/orgs/enu/tokens", headers: admin, payload: { name: "hashed", roles: ["viewer"] } })
    ).json();
    const row = await svc.wired.deps.db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.tokenHash).not.toContain(issued.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = (await svc.app.inject({ method: "GET", url: "/orgs/enu/tokens", headers: admin })).body;
    expect(listed).not.toContain(issued.token);
    expect(listed).toContain(issued.prefix);
  });

  it("a platform token issued by the admin can act as admin", async () => {
    const issued = (await svc.app.inject({ method: "POST", url: "/tokens", headers: admin, payload: { name: "ops" } })).json();
    expect(issued.platformAdmin).toBe(true);
    expect((await svc.app.inject({ method: "GET", url: "/orgs/satbayev/audit", headers: bearer(issued.token) })).statusCode).toBe(200);
  });
});

describe("users and roles", () => {
  it("creates a user, grants and revokes a role, refuses a duplicate e-mail", async () => {
    const created = await svc.app.inject({
      method: "POST",
      url: "/users",
      headers: admin,
      payload: { email: "Aigerim@ENU.kz", fullName: "Айгерім Сейітқызы" },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user.email).toBe("aigerim@enu.kz");

    const dup = await svc.app.inject({
      method: "POST",
      url: "/users",
      headers: admin,
      payload: { email: "aigerim@enu.kz", fullName: "Another" },
    });
    expectProblem(dup, 409, "USER_EMAIL_TAKEN");

    const granted = await svc.app.inject({ method: "PUT", url: `/orgs/enu/members/${user.id}/roles/commission_secretary`, headers: admin });
    expect(granted.json().roles).toEqual([{ institution: "enu", role: "commission_secretary" }]);
    // Idempotent.
    await svc.app.inject({ method: "PUT", url: `/orgs/enu/members/${user.id}/roles/commission_secretary`, headers: admin });
    const members = (await svc.app.inject({ method: "GET", url: "/orgs/enu/members", headers: admin })).json().items;
    expect(members).toHaveLength(1);

    expectProblem(
      await svc.app.inject({ method: "PUT", url: `/orgs/enu/members/${user.id}/roles/dean`, headers: admin }),
      400,
      "VALIDATION_FAILED",
    );
    expectProblem(
      await svc.app.inject({ method: "PUT", url: `/orgs/enu/members/nobody/roles/expert`, headers: admin }),
      404,
      "USER_NOT_FOUND",
    );

    const revoked = await svc.app.inject({
      method: "DELETE",
      url: `/orgs/enu/members/${user.id}/roles/commission_secretary`,
      headers: admin,
    });
    expect(revoked.json().roles).toEqual([]);
  });
});
