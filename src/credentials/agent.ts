// The one place that builds the Veramo agent: reads agent.yml, hands in our stores and runtime objects,
// and returns the agent typed as only the capabilities we use.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ICredentialPlugin, IDIDManager, IKeyManager, IResolver, TAgent } from "@veramo/core-types";
import type { DIDResolver } from "did-resolver";
import { parse } from "yaml";
import { createObjects } from "./object-graph.js";
import { DIDStore } from "./stores/did-store.js";
import { KeyStore } from "./stores/key-store.js";
import { PrivateKeyStore } from "./stores/private-key-store.js";
import type { VeramoStorage } from "./stores/storage.js";
import type { SigningKeys } from "./signing-keys.js";
import { DataIntegrityCredentialProvider, VcJoseCredentialProvider } from "./providers.js";

export type KualikAgent = TAgent<IDIDManager & IKeyManager & IResolver & ICredentialPlugin>;

export interface AgentDeps {
  readonly agentFile: string;
  readonly storage: VeramoStorage;
  readonly didWebResolver: DIDResolver;
  readonly signingKeys: SigningKeys;
  /** How long a stored identifier may be reused from memory. */
  readonly cacheTtlMs: number;
  /** Values agent.yml may read with $env (only what it needs, from the validated config). */
  readonly env: Readonly<Record<string, string>>;
}

export async function createAgent(deps: AgentDeps): Promise<KualikAgent> {
  const document: unknown = parse(readFileSync(deps.agentFile, "utf8"));
  const version = (document as { version?: unknown } | null)?.version;
  if (version !== 3 && version !== 3.0) throw new Error(`${deps.agentFile}: expected "version: 3.0", found ${String(version)}`);
  const { agent } = await createObjects(
    document,
    { agent: "/agent" },
    {
      env: deps.env,
      baseDir: path.dirname(path.resolve(deps.agentFile)),
      modules: {
        "kualik:runtime": {
          storage: deps.storage,
          didWeb: deps.didWebResolver,
          signingKeys: deps.signingKeys,
          cacheTtlMs: deps.cacheTtlMs,
        },
        "kualik:stores": { KeyStore, PrivateKeyStore, DIDStore },
        "kualik:providers": { VcJoseCredentialProvider, DataIntegrityCredentialProvider },
      },
    },
  );
  return agent as KualikAgent;
}
export type { CredentialPayload } from "@veramo/core-types";
