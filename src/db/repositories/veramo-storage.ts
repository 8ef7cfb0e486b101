import type { Prisma } from "../../../generated/postgres/client.js";
import type { StoredIdentifier, StoredKey, StoredPrivateKey, VeramoStorage } from "../../credentials/stores/storage.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

type KeyRow = { kid: string; kms: string; type: string; publicKeyHex: string; meta: unknown };

function keyFromRow(row: KeyRow): StoredKey {
  return {
    kid: row.kid,
    kms: row.kms,
    type: row.type,
    publicKeyHex: row.publicKeyHex,
    meta: (row.meta as Record<string, unknown> | null) ?? null,
  };
}

const identifierInclude = { keys: true, services: true } as const;

type IdentifierRow = Prisma.VeramoIdentifierGetPayload<{ include: typeof identifierInclude }>;

function identifierFromRow(row: IdentifierRow): StoredIdentifier {
  return {
    did: row.did,
    alias: row.alias,
    provider: row.provider,
    controllerKeyId: row.controllerKeyId,
    keys: row.keys.map(keyFromRow),
    services: row.services.map((s) => ({ id: s.id, type: s.type, serviceEndpoint: s.serviceEndpoint, description: s.description })),
  };
}

const asJson = (value: unknown): Prisma.InputJsonValue => value as Prisma.InputJsonValue;

export function veramoStorage(db: Db): VeramoStorage {
  return {
    async putKey(key) {
      const data = { kms: key.kms, type: key.type, publicKeyHex: key.publicKeyHex, meta: key.meta ? asJson(key.meta) : undefined };
      await clientOf(db).veramoKey.upsert({ where: { kid: key.kid }, create: { kid: key.kid, ...data }, update: data });
    },
    async getKey(kid) {
      const row = await clientOf(db).veramoKey.findUnique({ where: { kid } });
      return row ? keyFromRow(row) : null;
    },
    async deleteKey(kid) {
      const { count } = await clientOf(db).veramoKey.deleteMany({ where: { kid } });
      return count > 0;
    },
    async listKeys() {
      return (await clientOf(db).veramoKey.findMany({ orderBy: { kid: "asc" } })).map(keyFromRow);
    },

    async addPrivateKey(key: StoredPrivateKey) {
      const client = clientOf(db);
      const existing = await client.veramoPrivateKey.findUnique({ where: { alias: key.alias } });
      if (existing) return false;
      await client.veramoPrivateKey.create({ data: { alias: key.alias, type: key.type, encryptedPrivateKeyHex: key.sealed } });
      return true;
    },
    async getPrivateKey(alias) {
      const row = await clientOf(db).veramoPrivateKey.findUnique({ where: { alias } });
      return row ? { alias: row.alias, type: row.type, sealed: row.encryptedPrivateKeyHex } : null;
    },
    async deletePrivateKey(alias) {
      const { count } = await clientOf(db).veramoPrivateKey.deleteMany({ where: { alias } });
      return count > 0;
    },
    async listPrivateKeys() {
      const rows = await clientOf(db).veramoPrivateKey.findMany({ orderBy: { alias: "asc" } });
      return rows.map((r) => ({ alias: r.alias, type: r.type, sealed: r.encryptedPrivateKeyHex }));
    },

    async putIdentifier(identifier) {
      const client = clientOf(db);
      const fields = { alias: identifier.alias, provider: identifier.provider, controllerKeyId: identifier.controllerKeyId };
      await client.veramoIdentifier.upsert({ where: { did: identifier.did }, create: { did: identifier.did, ...fields }, update: fields });
      for (const key of identifier.keys) {
        const data = {
          kms: key.kms,
          type: key.type,
          publicKeyHex: key.publicKeyHex,
          meta: key.meta ? asJson(key.meta) : undefined,
          identifierDid: identifier.did,
        };
        await client.veramoKey.upsert({ where: { kid: key.kid }, create: { kid: key.kid, ...data }, update: data });
      }
      // Keys and services that the identifier no longer lists are detached or removed.
      await client.veramoKey.updateMany({
        where: { identifierDid: identifier.did, kid: { notIn: identifier.keys.map((k) => k.kid) } },
        data: { identifierDid: null },
      });
      await client.veramoService.deleteMany({ where: { identifierDid: identifier.did } });
      if (identifier.services.length > 0) {
        await client.veramoService.createMany({
          data: identifier.services.map((s) => ({
            id: s.id,
            type: s.type,
            serviceEndpoint: asJson(s.serviceEndpoint),
            description: s.description,
            identifierDid: identifier.did,
          })),
        });
      }
    },
    async getIdentifier(by) {
      const where = "did" in by ? { did: by.did } : { alias: by.alias };
      const row = await clientOf(db).veramoIdentifier.findFirst({ where, include: identifierInclude });
      return row ? identifierFromRow(row) : null;
    },
    async deleteIdentifier(did) {
      const { count } = await clientOf(db).veramoIdentifier.deleteMany({ where: { did } });
      return count > 0;
    },
    async listIdentifiers(filter) {
      const rows = await clientOf(db).veramoIdentifier.findMany({
        where: { alias: filter.alias, provider: filter.provider },
        include: identifierInclude,
        orderBy: { createdAt: "asc" },
      });
      return rows.map(identifierFromRow);
    },
  };
}
