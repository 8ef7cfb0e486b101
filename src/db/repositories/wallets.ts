// Wallet protocol state: credential offers with their codes (OpenID4VCI), one-time nonces, and presentation
// requests with their results (OpenID4VP). Secrets are stored as SHA-256 hashes only.
import type { Prisma } from "../../../generated/postgres/client.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

export type OfferStatus = "offered" | "token_issued" | "credential_issued" | "blocked";

export interface CredentialOfferRecord {
  readonly id: string;
  readonly institutionId: string;
  readonly credentialId: string;
  readonly configurationId: string;
  readonly offer: Record<string, unknown>;
  readonly txCodeHash: string | null;
  readonly txCodeLength: number | null;
  readonly wrongTxCodes: number;
  readonly status: OfferStatus;
  readonly expiresAt: Date;
  readonly accessTokenExpiresAt: Date | null;
  readonly holderDid: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export type PresentationStatus = "pending" | "verified" | "rejected" | "expired";

export interface PresentationRequestRecord {
  readonly id: string;
  readonly nonce: string;
  readonly state: string;
  readonly clientId: string;
  readonly requestObject: string;
  readonly resultKeyHash: string;
  readonly query: Record<string, unknown>;
  readonly requester: string;
  readonly purpose: string | null;
  readonly status: PresentationStatus;
  readonly result: Record<string, unknown> | null;
  readonly expiresAt: Date;
  readonly respondedAt: Date | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

const offerFromRow = (r: Prisma.CredentialOfferGetPayload<object>): CredentialOfferRecord => ({
  id: r.id,
  institutionId: r.institutionId,
  credentialId: r.credentialId,
  configurationId: r.configurationId,
  offer: r.offer as Record<string, unknown>,
  txCodeHash: r.txCodeHash,
  txCodeLength: r.txCodeLength,
  wrongTxCodes: r.wrongTxCodes,
  status: r.status as OfferStatus,
  expiresAt: r.expiresAt,
  accessTokenExpiresAt: r.accessTokenExpiresAt,
  holderDid: r.holderDid,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

const requestFromRow = (r: Prisma.PresentationRequestGetPayload<object>): PresentationRequestRecord => ({
  id: r.id,
  nonce: r.nonce,
  state: r.state,
  clientId: r.clientId,
  requestObject: r.requestObject,
  resultKeyHash: r.resultKeyHash,
  query: r.query as Record<string, unknown>,
  requester: r.requester,
  purpose: r.purpose,
  status: r.status as PresentationStatus,
  result: (r.result as Record<string, unknown> | null) ?? null,
  expiresAt: r.expiresAt,
  respondedAt: r.respondedAt,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

export function walletsRepository(db: Db) {
  return {
    async createOffer(
      data: Omit<CredentialOfferRecord, "createdAt" | "wrongTxCodes" | "status" | "accessTokenExpiresAt" | "holderDid"> & {
        preAuthorizedCodeHash: string;
      },
    ): Promise<CredentialOfferRecord> {
      return offerFromRow(
        await clientOf(db).credentialOffer.create({ data: { ...data, offer: data.offer as Prisma.InputJsonValue, status: "offered" } }),
      );
    },
    async findOffer(id: string): Promise<CredentialOfferRecord | null> {
      const row = await clientOf(db).credentialOffer.findUnique({ where: { id } });
      return row ? offerFromRow(row) : null;
    },
    async findOfferByCode(preAuthorizedCodeHash: string): Promise<CredentialOfferRecord | null> {
      const row = await clientOf(db).credentialOffer.findUnique({ where: { preAuthorizedCodeHash } });
      return row ? offerFromRow(row) : null;
    },
    async findOfferByAccessToken(accessTokenHash: string): Promise<CredentialOfferRecord | null> {
      const row = await clientOf(db).credentialOffer.findUnique({ where: { accessTokenHash } });
      return row ? offerFromRow(row) : null;
    },
    async countWrongTxCode(id: string, blockAfter: number): Promise<number> {
      const row = await clientOf(db).credentialOffer.update({ where: { id }, data: { wrongTxCodes: { increment: 1 } } });
      if (row.wrongTxCodes >= blockAfter) await clientOf(db).credentialOffer.update({ where: { id }, data: { status: "blocked" } });
      return row.wrongTxCodes;
    },
    /** Moves the offer on only from the status it was read in: a replayed code or token finds it already moved. */
    async advanceOffer(
      id: string,
      from: OfferStatus,
      data: { status: OfferStatus; accessTokenHash?: string; accessTokenExpiresAt?: Date; holderDid?: string },
    ): Promise<boolean> {
      const result = await clientOf(db).credentialOffer.updateMany({ where: { id, status: from }, data });
      return result.count === 1;
    },
    async offersOf(credentialId: string): Promise<CredentialOfferRecord[]> {
      const rows = await clientOf(db).credentialOffer.findMany({ where: { credentialId }, orderBy: { createdAt: "desc" } });
      return rows.map(offerFromRow);
    },

    async createNonce(value: string, institutionId: string, expiresAt: Date): Promise<void> {
      await clientOf(db).walletNonce.create({ data: { value, institutionId, expiresAt } });
    },
    /** Uses the nonce up: true only the first time, before it expires. */
    async useNonce(value: string, institutionId: string, at: Date): Promise<boolean> {
      const result = await clientOf(db).walletNonce.updateMany({
        where: { value, institutionId, usedAt: null, expiresAt: { gt: at } },
        data: { usedAt: at },
      });
      return result.count === 1;
    },

    async createRequest(
      data: Omit<PresentationRequestRecord, "createdAt" | "status" | "result" | "respondedAt">,
    ): Promise<PresentationRequestRecord> {
      return requestFromRow(
        await clientOf(db).presentationRequest.create({ data: { ...data, query: data.query as Prisma.InputJsonValue, status: "pending" } }),
      );
    },
    async findRequest(id: string): Promise<PresentationRequestRecord | null> {
      const row = await clientOf(db).presentationRequest.findUnique({ where: { id } });
      return row ? requestFromRow(row) : null;
    },
    async findRequestByState(state: string): Promise<PresentationRequestRecord | null> {
      const row = await clientOf(db).presentationRequest.findUnique({ where: { state } });
      return row ? requestFromRow(row) : null;
    },
    /** Records the answer once: a second response for the same request finds it no longer pending. */
    async answerRequest(id: string, status: PresentationStatus, result: Record<string, unknown>, at: Date): Promise<boolean> {
      const updated = await clientOf(db).presentationRequest.updateMany({
        where: { id, status: "pending" },
        data: { status, result: result as Prisma.InputJsonValue, respondedAt: at },
      });
      return updated.count === 1;
    },
  };
}

export type WalletsRepository = ReturnType<typeof walletsRepository>;
