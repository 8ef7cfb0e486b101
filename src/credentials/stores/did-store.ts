import type { IIdentifier, IService } from "@veramo/core-types";
import { AbstractDIDStore } from "@veramo/did-manager";
import { toIKey } from "./key-store.js";
import type { StoredIdentifier, VeramoStorage } from "./storage.js";

/** Veramo's identifier store on our database. */
export class DIDStore extends AbstractDIDStore {
  // Every credential signed looks its issuer up here; identifiers change only on key rotation.
  private readonly cache: Map<string, { identifier: IIdentifier; until: number }> = new Map();

  constructor(
    private readonly storage: VeramoStorage,
    private readonly cacheTtlMs = 0,
  ) {
    super();
  }

  async importDID(args: IIdentifier): Promise<boolean> {
    this.cache.delete(args.did);
    await this.storage.putIdentifier({
      did: args.did,
      alias: args.alias ?? null,
      provider: args.provider ?? null,
      controllerKeyId: args.controllerKeyId ?? null,
      keys: args.keys.map((k) => ({
        kid: k.kid,
        kms: k.kms,
        type: k.type,
        publicKeyHex: k.publicKeyHex,
        meta: (k.meta as Record<string, unknown> | null | undefined) ?? null,
      })),
      services: args.services.map((s) => ({
        id: s.id,
        type: s.type,
        serviceEndpoint: s.serviceEndpoint,
        description: s.description ?? null,
      })),
    });
    return true;
  }

  async getDID(args: { did: string } | { alias: string }): Promise<IIdentifier> {
    const cached = "did" in args ? this.cache.get(args.did) : undefined;
    // A copy whose key and service lists the caller may change (DIDManager pushes keys, then re-imports).
    if (cached && cached.until > Date.now())
      return { ...cached.identifier, keys: [...cached.identifier.keys], services: [...cached.identifier.services] };
    const found = await this.storage.getIdentifier(args);
    if (!found) throw new Error(`not_found: identifier ${"did" in args ? args.did : args.alias}`);
    const identifier = toIIdentifier(found);
    if (this.cacheTtlMs > 0)
      this.cache.set(identifier.did, {
        identifier: { ...identifier, keys: [...identifier.keys], services: [...identifier.services] },
        until: Date.now() + this.cacheTtlMs,
      });
    return identifier;
  }

  async deleteDID({ did }: { did: string }): Promise<boolean> {
    this.cache.delete(did);
    return this.storage.deleteIdentifier(did);
  }

  async listDIDs(args: { alias?: string; provider?: string }): Promise<IIdentifier[]> {
    return (await this.storage.listIdentifiers(args)).map(toIIdentifier);
  }
}

function toIIdentifier(stored: StoredIdentifier): IIdentifier {
  return {
    did: stored.did,
    alias: stored.alias ?? undefined,
    provider: stored.provider ?? "",
    controllerKeyId: stored.controllerKeyId ?? undefined,
    keys: stored.keys.map(toIKey),
    services: stored.services.map((s): IService => ({
      id: s.id,
      type: s.type,
      serviceEndpoint: s.serviceEndpoint as IService["serviceEndpoint"],
      description: s.description ?? undefined,
    })),
  };
}
