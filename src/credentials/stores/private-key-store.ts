import { randomUUID } from "node:crypto";
import type { TKeyType } from "@veramo/core-types";
import { AbstractPrivateKeyStore, type AbstractSecretBox, type ImportablePrivateKey, type ManagedPrivateKey } from "@veramo/key-manager";
import type { VeramoStorage } from "./storage.js";

/**
 * Private keys for Veramo's local KMS. Every key is sealed with the secret box (KUALIK_SECRET_KEY)
 * before it reaches storage and opened only in memory when the KMS signs; the abstract class
 * does not do this by itself.
 */
export class PrivateKeyStore extends AbstractPrivateKeyStore {
  constructor(
    private readonly storage: VeramoStorage,
    private readonly secretBox: AbstractSecretBox,
  ) {
    super();
  }

  async importKey(args: ImportablePrivateKey): Promise<ManagedPrivateKey> {
    const alias = args.alias ?? randomUUID();
    const sealed = await this.secretBox.encrypt(args.privateKeyHex);
    const added = await this.storage.addPrivateKey({ alias, type: args.type, sealed });
    if (!added) throw new Error(`key_already_exists: a private key with alias ${alias} is already stored`);
    return { alias, type: args.type, privateKeyHex: args.privateKeyHex };
  }

  async getKey({ alias }: { alias: string }): Promise<ManagedPrivateKey> {
    const stored = await this.storage.getPrivateKey(alias);
    if (!stored) throw new Error(`not_found: private key ${alias}`);
    return { alias, type: stored.type as TKeyType, privateKeyHex: await this.secretBox.decrypt(stored.sealed) };
  }

  async deleteKey({ alias }: { alias: string }): Promise<boolean> {
    return this.storage.deletePrivateKey(alias);
  }

  async listKeys(): Promise<ManagedPrivateKey[]> {
    const all = await this.storage.listPrivateKeys();
    return Promise.all(
      all.map(async (k) => ({ alias: k.alias, type: k.type as TKeyType, privateKeyHex: await this.secretBox.decrypt(k.sealed) })),
    );
  }
}
