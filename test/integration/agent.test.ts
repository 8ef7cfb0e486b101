// The Veramo agent built from agent.yml: every configured DID method creates and resolves, on our stores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startService, type TestService } from "../helpers/service.js";

let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc?.destroy();
});

describe("agent from agent.yml", () => {
  for (const provider of ["did:key", "did:jwk"] as const) {
    it(`creates and resolves ${provider} identifiers, with the private key sealed in our store`, async () => {
      const { agent, db } = svc.wired.deps;
      const identifier = await agent.didManagerCreate({ provider, kms: "local", options: { keyType: "Ed25519" } });
      expect(identifier.did.startsWith(`${provider}:`)).toBe(true);
      const resolved = await agent.resolveDid({ didUrl: identifier.did });
      expect(resolved.didDocument?.id).toBe(identifier.did);
      expect(await db.veramoIdentifier.count({ where: { did: identifier.did } })).toBe(1);
      const listed = await agent.didManagerFind({ provider });
      expect(listed.map((i) => i.did)).toContain(identifier.did);

      const vc = await agent.createVerifiableCredential({
        credential: { issuer: { id: identifier.did }, credentialSubject: { id: "did:example:holder", skill: "welding" } },
        proofFormat: "jwt",
      });
      expect((await agent.verifyCredential({ credential: vc })).verified).toBe(true);
    });
  }

  it("resolves our own did:web from the database without a network call", async () => {
    const { agent } = svc.wired.deps;
    const resolved = await agent.resolveDid({ didUrl: "did:web:localhost%3A3999" });
    expect(resolved.didDocument?.id).toBe("did:web:localhost%3A3999");
  });

  it("deletes an identifier together with its keys", async () => {
    const { agent, db } = svc.wired.deps;
    const identifier = await agent.didManagerCreate({ provider: "did:key", kms: "local", options: { keyType: "Ed25519" } });
    const kid = identifier.keys[0]!.kid;
    expect(await agent.didManagerDelete({ did: identifier.did })).toBe(true);
    expect(await db.veramoIdentifier.count({ where: { did: identifier.did } })).toBe(0);
    expect(await db.veramoKey.count({ where: { kid } })).toBe(0);
  });
});
