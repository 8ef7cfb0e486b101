// The storage port behind our Veramo stores. credentials/ defines it; db/ implements it on Prisma,
// so neither folder imports the other's library.

export interface StoredKey {
  readonly kid: string;
  readonly kms: string;
  readonly type: string;
  readonly publicKeyHex: string;
  readonly meta: Record<string, unknown> | null;
}

export interface StoredService {
  readonly id: string;
  readonly type: string;
  readonly serviceEndpoint: unknown;
  readonly description: string | null;
}

export interface StoredIdentifier {
  readonly did: string;
  readonly alias: string | null;
  readonly provider: string | null;
  readonly controllerKeyId: string | null;
  readonly keys: readonly StoredKey[];
  readonly services: readonly StoredService[];
}

export interface StoredPrivateKey {
  readonly alias: string;
  readonly type: string;
  /** Sealed with the platform secret key; this port never sees the key in clear. */
  readonly sealed: string;
}

export interface VeramoStorage {
  putKey(key: StoredKey): Promise<void>;
  getKey(kid: string): Promise<StoredKey | null>;
  deleteKey(kid: string): Promise<boolean>;
  listKeys(): Promise<StoredKey[]>;

  /** Returns false when a key with this alias already exists. */
  addPrivateKey(key: StoredPrivateKey): Promise<boolean>;
  getPrivateKey(alias: string): Promise<StoredPrivateKey | null>;
  deletePrivateKey(alias: string): Promise<boolean>;
  listPrivateKeys(): Promise<StoredPrivateKey[]>;

  /** Insert or replace the identifier together with its keys and services. */
  putIdentifier(identifier: StoredIdentifier): Promise<void>;
  getIdentifier(by: { did: string } | { alias: string }): Promise<StoredIdentifier | null>;
  deleteIdentifier(did: string): Promise<boolean>;
  listIdentifiers(filter: { alias?: string; provider?: string }): Promise<StoredIdentifier[]>;
}
