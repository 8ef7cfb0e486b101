// The service listens on HTTPS (TLS_CERT/TLS_KEY) and a stock did:web resolver (web-did-resolver,
// https only) resolves an institution's DID from it; did-jwt-vc then verifies a credential with it.
import { execFileSync } from "node:child_process";
import https from "node:https";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredential } from "did-jwt-vc";
import { Resolver } from "did-resolver";
import { getResolver as webResolver } from "web-did-resolver";
import { admin, institutionBody, startService, type TestService } from "../helpers/service.js";

let svc: TestService;
let certDir: string;
let port: number;
const savedCa = https.globalAgent.options.ca;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  certDir = mkdtempSync(path.join(tmpdir(), "kualik-tls-"));
  const key = path.join(certDir, "key.pem");
  const cert = path.join(certDir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
    ],
    { stdio: "ignore" },
  );
  // Trust our throw-away certificate in this test process only (web-did-resolver fetches through https.globalAgent).
  https.globalAgent.options.ca = readFileSync(cert);

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
