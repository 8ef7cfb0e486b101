import { randomUUID } from "node:crypto";
import type { LocalizedText } from "../../domain/institutions/institution.js";
import type { DbProvider } from "../../config.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

export interface TrustedIssuer {
  readonly did: string;
  readonly names: LocalizedText;
  readonly kind: "higher" | "tvet" | "recognition_centre" | "other";
  readonly accreditation: string | null;
  readonly validFrom: Date | null;
  readonly validUntil: Date | null;
}

/** The advisory lock that serialises changes to the registry on PostgreSQL (any constant; this one spells "trust"). */
const CHANGE_LOCK = 0x7472757374;

export function trustRegistryRepository(db: Db, provider: DbProvider) {
  const fromRow = (r: {
    did: string;
    nameKk: string;
    nameRu: string;
    nameEn: string;
    kind: string;
    accreditation: string | null;
    validFrom: Date | null;
    validUntil: Date | null;
  }): TrustedIssuer => ({
    did: r.did,
    names: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn },
    kind: r.kind as TrustedIssuer["kind"],
    accreditation: r.accreditation,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
  });
  return {
    async find(did: string): Promise<TrustedIssuer | null> {
      const row = await clientOf(db).trustedIssuer.findUnique({ where: { did } });
      return row ? fromRow(row) : null;
    },
    async list(): Promise<TrustedIssuer[]> {
      return (await clientOf(db).trustedIssuer.findMany({ orderBy: { did: "asc" } })).map(fromRow);
    },
    /**
     * Holds the registry for a change until the transaction ends: a second change waits, then reads the list as the
     * first left it. PostgreSQL: a transaction-scoped advisory lock; SQLite already writes one transaction at a time.
     */
    async lockForChange(): Promise<void> {
      if (provider === "postgres")
        await clientOf(db).$queryRawUnsafe("SELECT 1 FROM (SELECT pg_advisory_xact_lock($1::bigint)) AS l", CHANGE_LOCK);
    },
    /** Replaces the whole registry (call inside a transaction). */
    async replace(entries: readonly TrustedIssuer[]): Promise<void> {
      const client = clientOf(db);
      await client.trustedIssuer.deleteMany({});
      for (const e of entries) {
        await client.trustedIssuer.create({
          data: {
            id: randomUUID(),
            did: e.did,
            nameKk: e.names.kk,
            nameRu: e.names.ru,
            nameEn: e.names.en,
            kind: e.kind,
            accreditation: e.accreditation,
            validFrom: e.validFrom,
            validUntil: e.validUntil,
          },
        });
      }
    },
  };
}

export type TrustRegistryRepository = ReturnType<typeof trustRegistryRepository>;
