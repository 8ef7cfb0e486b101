// API tokens for machine clients: shown once, stored as a SHA-256 hash, revocable, optionally expiring.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { runInTransaction } from "../db/transaction.js";
import type { ApiTokenRecord } from "../db/repositories/api-tokens.js";
import type { InstitutionRole, Principal } from "../domain/access/roles.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";

const TOKEN_PREFIX = "kualik_";

// A token has 256 random bits, so a fast hash is enough: there is nothing to brute-force. Session ids, offer codes
// and access tokens are hashed with it too.
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export interface IssueTokenInput {
  readonly name: string;
  readonly institutionId: string | null;
  readonly roles: readonly InstitutionRole[];
  readonly platformAdmin: boolean;
  readonly expiresAt: Date | null;
  readonly createdByUserId?: string | null;
  /** For a personal token: the user it acts as (roles then come from the user's memberships). */
  readonly userId?: string | null;
}

export async function issueApiToken(input: IssueTokenInput, actor: string, deps: Deps): Promise<{ token: string; record: ApiTokenRecord }> {
  const now = deps.clock();
  if (input.expiresAt && input.expiresAt <= now) throw new AppError("TOKEN_EXPIRY_IN_PAST", { expiresAt: input.expiresAt.toISOString() });
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await runInTransaction(deps.db, async () => {
    const created = await deps.repos.apiTokens.create({
      id: randomUUID(),
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      institutionId: input.institutionId,
      roles: [...new Set(input.roles)],
      platformAdmin: input.platformAdmin,
      createdByUserId: input.createdByUserId ?? null,
      userId: input.userId ?? null,
      createdAt: now,
      expiresAt: input.expiresAt,
    });
    await deps.repos.audit.record(
      {
        actor,
        action: "api_token.issued",
        institutionId: input.institutionId,
        subject: created.id,
        details: {
          name: input.name,
          roles: created.roles,
          platformAdmin: input.platformAdmin,
          ...(input.userId ? { userId: input.userId } : {}),
        },
      },
      now,
    );
    return created;
  });
  return { token, record };
}

export async function revokeApiToken(tokenId: string, institutionId: string | null, actor: string, deps: Deps): Promise<ApiTokenRecord> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const found = await deps.repos.apiTokens.findById(tokenId);
    if (!found || found.institutionId !== institutionId) throw new AppError("TOKEN_NOT_FOUND", { tokenId });
    if (found.revokedAt) throw new AppError("TOKEN_ALREADY_REVOKED", { tokenId });
    const revoked = await deps.repos.apiTokens.revoke(tokenId, now);
    await deps.repos.audit.record({ actor, action: "api_token.revoked", institutionId, subject: tokenId }, now);
    return revoked;
  }).finally(() => deps.caches.tokens.clear());
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Turns a bearer token into a Principal, or throws the precise 401. */
export async function authenticateBearer(token: string, deps: Deps): Promise<Principal> {
  const admin = deps.config.adminToken;
  if (admin !== undefined && constantTimeEquals(token, admin)) {
    return { actor: "admin-token", platformAdmin: true, grants: [] };
  }
  const hash = hashToken(token);
  const cached = deps.caches.tokens.get(hash);
  const record = cached ?? (await deps.repos.apiTokens.findByHash(hash));
  if (!record) throw new AppError("TOKEN_INVALID");
  const now = deps.clock();
  if (record.revokedAt) throw new AppError("TOKEN_REVOKED");
  if (record.expiresAt && record.expiresAt <= now) throw new AppError("TOKEN_EXPIRED", { expiredAt: record.expiresAt.toISOString() });
  // Write "last used" at most once a minute per token, not on every request.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await deps.repos.apiTokens.touch(record.id, now);
    deps.caches.tokens.set(hash, { ...record, lastUsedAt: now });
  } else if (!cached) {
    deps.caches.tokens.set(hash, record);
  }
  if (record.userId) {
    const user = await deps.repos.users.findById(record.userId);
    if (!user || user.disabledAt) throw new AppError("TOKEN_REVOKED");
    return {
      actor: `user:${user.id}`,
      userId: user.id,
      platformAdmin: user.isPlatformAdmin,
      grants: user.grants.filter((g) => record.institutionId === null || g.institutionId === record.institutionId),
    };
  }
  return {
    actor: `token:${record.id}`,
    platformAdmin: record.platformAdmin,
    grants: record.institutionId ? record.roles.map((role) => ({ institutionId: record.institutionId!, role })) : [],
  };
}

function constantTimeEquals(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right);
}
