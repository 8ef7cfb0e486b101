import { describe, expect, it } from "vitest";
import { buildDidDocument, didWebDocumentUrl, didWebFor, ed25519Multibase, parseDidWeb } from "./did-web.js";

describe("did:web naming (W3C did:web method)", () => {
  it("percent-encodes the port and joins path segments with colons", () => {
    expect(didWebFor(new URL("http://localhost:3000"), ["orgs", "kaznu"])).toBe("did:web:localhost%3A3000:orgs:kaznu");
    expect(didWebFor(new URL("https://kualik.edu.kz"), [])).toBe("did:web:kualik.edu.kz");
    expect(didWebFor(new URL("https://edu.kz/kualik"), ["orgs", "enu"])).toBe("did:web:edu.kz:kualik:orgs:enu");
  });

  it("finds the document at /path/did.json, or /.well-known/did.json without a path", () => {
    expect(didWebDocumentUrl("did:web:localhost%3A3000:orgs:kaznu", "http").href).toBe("http://localhost:3000/orgs/kaznu/did.json");
    expect(didWebDocumentUrl("did:web:kualik.edu.kz").href).toBe("https://kualik.edu.kz/.well-known/did.json");
    expect(didWebDocumentUrl("did:web:kualik.edu.kz#key-1").href).toBe("https://kualik.edu.kz/.well-known/did.json");
  });

  it("parses the host case-insensitively and refuses other methods", () => {
    expect(parseDidWeb("did:web:EDU.kz:orgs:x")).toEqual({ host: "edu.kz", segments: ["orgs", "x"] });
    expect(() => parseDidWeb("did:key:z6Mk")).toThrow();
  });
});

describe("Ed25519 multibase", () => {
  it("matches the did:key encoding of the same public key (z6Mk… prefix)", () => {
    // The did:key specification's example key: did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK.
    const hex = "2e6fcce36701dc791488e0d0b1745cc1e33a4c1c9fcc41c63bd343dbbe0970e6";
    expect(ed25519Multibase(hex)).toBe("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
  });
  it("refuses keys of the wrong length", () => {
    expect(() => ed25519Multibase("abcd")).toThrow(/32 bytes/);
  });
});

describe("buildDidDocument", () => {
  it("lists every key for assertion, in the given order", () => {
    const did = "did:web:x.kz:orgs:a";
    const doc = buildDidDocument(did, [
      { type: "Ed25519", publicKeyHex: "2e6fcce36701dc791488e0d0b1745cc1e33a4c1c9fcc41c63bd343dbbe0970e6" },
      { type: "Ed25519", publicKeyHex: "11".repeat(32) },
    ]);
    expect(doc.verificationMethod.map((m) => m.controller)).toEqual([did, did]);
    expect(doc.assertionMethod).toEqual(doc.verificationMethod.map((m) => m.id));
    expect(doc.verificationMethod[0]!.id).toBe(`${did}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`);
  });
});
