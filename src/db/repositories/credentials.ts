import { Prisma } from "../../../generated/postgres/client.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";
import { bulkInsert, type Columns } from "../bulk-insert.js";
import type { DbProvider } from "../../config.js";

export type CredentialFormat = "vc+jwt" | "di";
export type CredentialKind = "micro_qualification" | "recognition_decision";
export type CredentialStatus = "active" | "suspended" | "revoked";
export type StatusPurpose = "revocation" | "suspension";

export interface IssuedCredential {
  readonly id: string;
  readonly institutionId: string;
  readonly kind: CredentialKind;
  /** Set for a micro-qualification credential. */
  readonly programmeId: string | null;
  readonly learnerId: string;
  /** Set for a micro-qualification credential. */
  readonly attestationId: string | null;
  /** Set for a recognition decision credential. */
  readonly applicationId: string | null;
  readonly format: CredentialFormat;
  readonly document: Record<string, unknown>;
  readonly jwt: string | null;
  readonly issuedAt: Date;
  readonly validUntil: Date | null;
  readonly revocationListId: string;
  readonly revocationIndex: number;
  readonly suspensionListId: string;
  readonly suspensionIndex: number;
  readonly status: CredentialStatus;
  readonly statusReason: string | null;
  readonly statusChangedAt: Date | null;
  readonly holderToken: string;
}

export interface StatusList {
  readonly id: string;
  readonly institutionId: string;
  readonly purpose: StatusPurpose;
  readonly sequence: number;
  readonly length: number;
  readonly encodedList: string;
  readonly allocated: number;
  readonly version: number;
  readonly signedJwt: string | null;
  readonly signedJson: Record<string, unknown> | null;
  readonly updatedAt: Date;
}

// A vc+jwt credential's JSON is its JWT's claims: it is not stored twice, but read out of the JWT.
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

const credentialFromRow = (r: Prisma.IssuedCredentialGetPayload<object>): IssuedCredential => ({
  ...r,
  kind: r.kind as CredentialKind,
  format: r.format as CredentialFormat,
  status: r.status as CredentialStatus,
  document: r.document === null && r.jwt ? claimsOf(r.jwt) : (r.document as Record<string, unknown>),
});

const storedDocument = (c: IssuedCredential) => (c.jwt ? null : c.document);

const listFromRow = (r: Prisma.StatusListGetPayload<object>): StatusList => ({
  id: r.id,
  institutionId: r.institutionId,
  purpose: r.purpose as StatusPurpose,
  sequence: r.sequence,
  length: r.length,
  encodedList: r.encodedList,
  allocated: r.allocated,
  version: r.version,
  signedJwt: r.signedJwt,
  signedJson: (r.signedJson as Record<string, unknown> | null) ?? null,
  updatedAt: r.updatedAt,
});

export interface CredentialFilter {
  readonly institutionId: string;
  readonly learnerId?: string;
  /** Any of these learners (a search by name or IIN). */
  readonly learnerIds?: readonly string[];
  readonly programmeId?: string;
  readonly status?: CredentialStatus;
  readonly issuedFrom?: Date;
  readonly issuedTo?: Date;
  readonly limit: number;
  readonly offset: number;
}

const CREDENTIAL_COLUMNS: Columns = [
  ["id", "text"],
  ["institutionId", "text"],
  ["kind", "text"],
  ["programmeId", "text"],
  ["learnerId", "text"],
  ["attestationId", "text"],
  ["applicationId", "text"],
  ["format", "text"],
  ["document", "json"],
  ["jwt", "text"],
  ["issuedAt", "timestamp"],
  ["validUntil", "timestamp"],
  ["revocationListId", "text"],
  ["revocationIndex", "int"],
  ["suspensionListId", "text"],
  ["suspensionIndex", "int"],
  ["status", "text"],
  ["statusReason", "text"],
  ["statusChangedAt", "timestamp"],
  ["holderToken", "text"],
];

export function credentialsRepository(db: Db, provider: DbProvider) {
  return {
    async create(data: IssuedCredential): Promise<IssuedCredential> {
      const document = storedDocument(data);
      return credentialFromRow(
        await clientOf(db).issuedCredential.create({
          data: { ...data, document: document === null ? Prisma.JsonNull : (document as Prisma.InputJsonValue) },
        }),
      );
    },
    async createMany(rows: readonly IssuedCredential[]): Promise<void> {
      await bulkInsert(
        clientOf(db),
        provider,
        "IssuedCredential",
        CREDENTIAL_COLUMNS,
        rows.map((r) => CREDENTIAL_COLUMNS.map(([name]) => (name === "document" ? storedDocument(r) : r[name as keyof IssuedCredential]))),
      );
    },
    async findById(id: string): Promise<IssuedCredential | null> {
      const row = await clientOf(db).issuedCredential.findUnique({ where: { id } });
      return row ? credentialFromRow(row) : null;
    },
    async findByHolderToken(holderToken: string): Promise<IssuedCredential | null> {
      const row = await clientOf(db).issuedCredential.findUnique({ where: { holderToken } });
      return row ? credentialFromRow(row) : null;
    },
    async findByAttestation(attestationId: string): Promise<IssuedCredential | null> {
      const row = await clientOf(db).issuedCredential.findUnique({ where: { attestationId } });
      return row ? credentialFromRow(row) : null;
    },
    async findByAttestations(attestationIds: readonly string[]): Promise<IssuedCredential[]> {
      const rows = await clientOf(db).issuedCredential.findMany({ where: { attestationId: { in: [...attestationIds] } } });
      return rows.map(credentialFromRow);
    },
    async list(filter: CredentialFilter): Promise<{ items: IssuedCredential[]; total: number }> {
      const where: Prisma.IssuedCredentialWhereInput = {
        institutionId: filter.institutionId,
        learnerId: filter.learnerId ?? (filter.learnerIds ? { in: [...filter.learnerIds] } : undefined),
        programmeId: filter.programmeId,
        status: filter.status,
        issuedAt: filter.issuedFrom || filter.issuedTo ? { gte: filter.issuedFrom, lt: filter.issuedTo } : undefined,
      };
      const client = clientOf(db);
      const [rows, total] = await Promise.all([
        client.issuedCredential.findMany({
          where,
          orderBy: [{ issuedAt: "desc" }, { id: "asc" }],
          take: filter.limit,
          skip: filter.offset,
        }),
        client.issuedCredential.count({ where }),
      ]);
      return { items: rows.map(credentialFromRow), total };
    },
    async setStatus(id: string, status: CredentialStatus, reason: string, at: Date): Promise<IssuedCredential> {
      return credentialFromRow(
        await clientOf(db).issuedCredential.update({ where: { id }, data: { status, statusReason: reason, statusChangedAt: at } }),
      );
    },
    async recordStatusEvent(data: {
      id: string;
      credentialId: string;
      action: string;
      reason: string;
      actor: string;
      at: Date;
    }): Promise<void> {
      await clientOf(db).credentialStatusEvent.create({ data });
    },
    async statusEvents(credentialId: string) {
      return clientOf(db).credentialStatusEvent.findMany({ where: { credentialId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    },

    // ---- status lists ----
    async newestList(institutionId: string, purpose: StatusPurpose): Promise<StatusList | null> {
      const row = await clientOf(db).statusList.findFirst({ where: { institutionId, purpose }, orderBy: { sequence: "desc" } });
      return row ? listFromRow(row) : null;
    },
    async findList(institutionId: string, purpose: StatusPurpose, sequence: number): Promise<StatusList | null> {
      const row = await clientOf(db).statusList.findUnique({
        where: { institutionId_purpose_sequence: { institutionId, purpose, sequence } },
      });
      return row ? listFromRow(row) : null;
    },
    async findListById(id: string): Promise<StatusList | null> {
      const row = await clientOf(db).statusList.findUnique({ where: { id } });
      return row ? listFromRow(row) : null;
    },
    async createList(data: {
      id: string;
      institutionId: string;
      purpose: StatusPurpose;
      sequence: number;
      length: number;
      encodedList: string;
    }): Promise<StatusList> {
      return listFromRow(await clientOf(db).statusList.create({ data }));
    },
    async usedIndexes(listId: string, purpose: StatusPurpose): Promise<Set<number>> {
      const client = clientOf(db);
      // Positions of credentials issued through the VC API count too.
      const api = await client.apiIssuedCredential.findMany({ where: { statusListId: listId }, select: { statusIndex: true } });
      const used = new Set(api.map((r) => r.statusIndex!));
      if (purpose === "revocation") {
        const rows = await client.issuedCredential.findMany({ where: { revocationListId: listId }, select: { revocationIndex: true } });
        for (const r of rows) used.add(r.revocationIndex);
        return used;
      }
      const rows = await client.issuedCredential.findMany({ where: { suspensionListId: listId }, select: { suspensionIndex: true } });
      for (const r of rows) used.add(r.suspensionIndex);
      return used;
    },
    async recordApiIssued(data: {
      id: string;
      institutionId: string;
      format: string;
      document: Record<string, unknown>;
      jwt: string | null;
      issuedAt: Date;
      statusListId: string | null;
      statusIndex: number | null;
      statusPurpose: StatusPurpose | null;
      issuedBy: string;
    }): Promise<void> {
      await clientOf(db).apiIssuedCredential.create({ data: { ...data, document: data.document as Prisma.InputJsonValue } });
    },
    async addAllocated(listId: string, count: number): Promise<void> {
      await clientOf(db).statusList.update({ where: { id: listId }, data: { allocated: { increment: count } } });
    },
    async saveList(
      id: string,
      changes: { encodedList?: string; signedJwt?: string | null; signedJson?: Record<string, unknown> | null; bumpVersion?: boolean },
    ): Promise<StatusList> {
      const row = await clientOf(db).statusList.update({
        where: { id },
        data: {
          encodedList: changes.encodedList,
          signedJwt: changes.signedJwt,
          signedJson: changes.signedJson === null ? undefined : (changes.signedJson as Prisma.InputJsonValue | undefined),
          version: changes.bumpVersion ? { increment: 1 } : undefined,
        },
      });
      return listFromRow(row);
    },
  };
}

export type CredentialsRepository = ReturnType<typeof credentialsRepository>;
