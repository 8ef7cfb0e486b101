// The service listens on HTTPS (TLS_CERT/TLS_KEY) and a stock did:web resolver (web-did-resolver,
// https only) resolves an institution's DID from it; did-jwt-vc then verifies a credential with it.
import https from "node:https";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredential } from "did-jwt-vc";
import { Resolver } from "did-resolver";
import { getResolver as webResolver } from "web-did-resolver";
import { admin, institutionBody, startService, type TestService } from "../helpers/service.js";
import { freePort, throwAwayCertificate } from "../helpers/network.js";

let svc: TestService;
let certDir: string;
let port: number;
const savedCa = https.globalAgent.options.ca;

beforeAll(async () => {
  // A throw-away certificate for localhost, trusted by this test process (web-did-resolver fetches through https.globalAgent).
  const tls = throwAwayCertificate();
  certDir = tls.dir;
  const { key, cert } = tls;
  port = await freePort();
  svc = await startService({
    env: { TLS_CERT: cert, TLS_KEY: key, PUBLIC_URL: `https://localhost:${port}`, PORT: String(port), HOST: "127.0.0.1" },
  });
  await svc.app.listen({ host: "127.0.0.1", port });
});

afterAll(async () => {
  https.globalAgent.options.ca = savedCa;
  await svc?.destroy();
  rmSync(certDir, { recursive: true, force: true });
});

describe("did:web over HTTPS", () => {
  it("resolves an institution's DID with the stock web-did-resolver and verifies its credential", async () => {
    const created = await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("iitu", 70) });
    expect(created.statusCode).toBe(201);
    const { did, signingKey } = created.json();
    expect(did).toBe(`did:web:localhost%3A${port}:orgs:iitu`);

    const resolver = new Resolver(webResolver());
    const resolved = await resolver.resolve(did);
    expect(resolved.didResolutionMetadata.error).toBeUndefined();
    expect(resolved.didDocument?.id).toBe(did);
    const method = resolved.didDocument?.verificationMethod?.[0];
    expect(method).toMatchObject({ id: signingKey, type: "Multikey", controller: did });
    expect(method?.publicKeyMultibase).toMatch(/^z6Mk/);

    const vc = await svc.wired.deps.agent.createVerifiableCredential({
      credential: { issuer: { id: did }, credentialSubject: { id: "did:example:graduate", name: "Web development" } },
      proofFormat: "jwt",
    });
    const verified = await verifyCredential(vc.proof.jwt as string, resolver);
    expect(verified.verified).toBe(true);
  });

  it("resolves the platform DID from /.well-known/did.json", async () => {
    const resolved = await new Resolver(webResolver()).resolve(`did:web:localhost%3A${port}`);
    expect(resolved.didDocument?.id).toBe(`did:web:localhost%3A${port}`);
  });
});
