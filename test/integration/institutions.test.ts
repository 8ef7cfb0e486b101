import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, institutionBody, startService, type TestService } from "../helpers/service.js";

let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc?.destroy();
});

describe("institutions", () => {
  it("creates an institution with its own did:web and Ed25519 key", async () => {
    const res = await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kaznu", 1) });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe("/orgs/kaznu");
    const body = res.json();
    expect(body).toMatchObject({
      slug: "kaznu",
      kind: "higher",
      hoursPerCredit: 30,
      did: "did:web:localhost%3A3999:orgs:kaznu",
      didDocumentUrl: "http://localhost:3999/orgs/kaznu/did.json",
    });
    expect(body.signingKey).toMatch(/^did:web:localhost%3A3999:orgs:kaznu#z6Mk/);
  });

  it("serves the DID document where did:web says it must be", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/orgs/kaznu/did.json" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/did+json");
    const doc = res.json();
    expect(doc.id).toBe("did:web:localhost%3A3999:orgs:kaznu");
    expect(doc.verificationMethod).toHaveLength(1);
    expect(doc.verificationMethod[0]).toMatchObject({ type: "Multikey", controller: doc.id });
    expect(doc.assertionMethod).toEqual([doc.verificationMethod[0].id]);
  });

  it("serves the platform's own DID document at /.well-known/did.json", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/.well-known/did.json" });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe("did:web:localhost%3A3999");
    expect(res.json().verificationMethod).toHaveLength(1);
  });

  it("records TVET colleges with 24 hours per credit (R п.7)", async () => {
    const res = await svc.app.inject({
      method: "POST",
      url: "/orgs",
      headers: admin,
      payload: institutionBody("college-almaty", 2, "tvet"),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().hoursPerCredit).toBe(24);
  });

  it("lists institutions for the platform admin", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/orgs", headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { slug: string }) => i.slug)).toEqual(["college-almaty", "kaznu"]);
  });

  it("updates names and contact, and records it in the audit log", async () => {
    const res = await svc.app.inject({
      method: "PATCH",
      url: "/orgs/kaznu",
      headers: admin,
      payload: { contact: { email: "registrar@kaznu.kz", website: "https://www.kaznu.kz" } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().contact).toEqual({ email: "registrar@kaznu.kz", phone: null, website: "https://www.kaznu.kz" });
    const audit = await svc.app.inject({ method: "GET", url: "/orgs/kaznu/audit", headers: admin });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(["institution.updated", "institution.created"]);
  });

  it("rotates the key and keeps the old one in the DID document", async () => {
    const before = (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/did.json" })).json();
    const oldKey = before.verificationMethod[0].id as string;

    const res = await svc.app.inject({ method: "POST", url: "/orgs/kaznu/keys/rotate", headers: admin });
    expect(res.statusCode).toBe(201);
    const newKey = res.json().signingKey as string;
    expect(newKey).not.toBe(oldKey);

    const after = (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/did.json" })).json();
    expect(after.verificationMethod.map((m: { id: string }) => m.id)).toEqual([newKey, oldKey]);
    expect(after.assertionMethod).toEqual([newKey, oldKey]);

    const keys = (await svc.app.inject({ method: "GET", url: "/orgs/kaznu/keys", headers: admin })).json().items;
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatchObject({ verificationMethod: newKey, active: true, retiredAt: null });
    expect(keys[1]).toMatchObject({ verificationMethod: oldKey, active: false });
    expect(keys[1].retiredAt).not.toBeNull();
  });

  it("publishes OpenAPI with every route", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/orgs", "/orgs/{slug}", "/orgs/{slug}/did.json", "/health", "/ready", "/tokens"]),
    );
    expect(doc.paths["/orgs"].post.requestBody.content["application/json"].schema.properties.bin).toBeDefined();
  });

  it("answers health and readiness", async () => {
    expect((await svc.app.inject({ method: "GET", url: "/health" })).json().status).toBe("ok");
    const ready = await svc.app.inject({ method: "GET", url: "/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database).toBe(svc.config.database.provider);
  });
});
