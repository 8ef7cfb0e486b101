import type { IKey, ManagedKeyInfo } from "@veramo/core-types";
import { AbstractKeyStore } from "@veramo/key-manager";
import type { StoredKey, VeramoStorage } from "./storage.js";

/** Veramo's public-key metadata store on our database. Private halves live in PrivateKeyStore. */
export class KeyStore extends AbstractKeyStore {
  constructor(private readonly storage: VeramoStorage) {
    super();
  }

  async importKey(args: Partial<IKey>): Promise<boolean> {
    if (!args.kid || !args.kms || !args.type || !args.publicKeyHex) {
      throw new Error("invalid_argument: a key needs kid, kms, type and publicKeyHex");
    }
    await this.storage.putKey({
      kid: args.kid,
      kms: args.kms,
      type: args.type,
      publicKeyHex: args.publicKeyHex,
      meta: (args.meta as Record<string, unknown> | null | undefined) ?? null,
    });
    return true;
  }

  async getKey({ kid }: { kid: string }): Promise<IKey> {
    const key = await this.storage.getKey(kid);
    if (!key) throw new Error(`not_found: key ${kid}`);
    return toIKey(key);
  }

  async deleteKey({ kid }: { kid: string }): Promise<boolean> {
    const deleted = await this.storage.deleteKey(kid);
    if (!deleted) throw new Error(`not_found: key ${kid}`);
    return true;
  }

  async listKeys(): Promise<ManagedKeyInfo[]> {
    return (await this.storage.listKeys()).map(toIKey);
  }
}

export function toIKey(key: StoredKey): IKey {
  return { kid: key.kid, kms: key.kms, type: key.type as IKey["type"], publicKeyHex: key.publicKeyHex, meta: key.meta ?? undefined };
}
