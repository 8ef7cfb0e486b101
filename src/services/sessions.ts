// Signing in to the staff console: local accounts (scrypt), server-side sessions behind an HttpOnly cookie, a CSRF
// token per session, lock-out after repeated wrong passwords, and password resets by an administrator.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Principal } from "../domain/access/roles.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";
import { hashToken } from "./api-tokens.js";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./passwords.js";

export const SESSION_COOKIE = "kualik_session";
/** A session ends after 2 hours without use, and after 12 hours in any case. */
export const IDLE_MS = 2 * 3600_000;
export const ABSOLUTE_MS = 12 * 3600_000;
/** Five wrong passwords in a row lock the account for 15 minutes. */
export const LOCK_AFTER = 5;
export const LOCK_MS = 15 * 60_000;

// Spent on unknown e-mails too, so that timing does not tell which accounts exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export interface SignedIn {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly userId: string;
}

export async function signIn(email: string, password: string, deps: Deps): Promise<SignedIn> {
  const now = deps.clock();
  const account = await deps.repos.users.credentialsOf(email.trim().toLowerCase());
  if (!account?.passwordHash || account.disabledAt) {
    await verifyPassword(password, DUMMY_HASH);
    throw new AppError("SIGN_IN_FAILED");
  }
  if (account.lockedUntil && account.lockedUntil > now) throw new AppError("ACCOUNT_LOCKED", { until: account.lockedUntil.toISOString() });
  if (!(await verifyPassword(password, account.passwordHash))) {
    await deps.repos.users.signInFailed(account.id, LOCK_AFTER, new Date(now.getTime() + LOCK_MS));
    await deps.repos.audit.record({ actor: `user:${account.id}`, action: "console.sign_in_failed" }, now);
    throw new AppError("SIGN_IN_FAILED");
  }
  await deps.repos.users.signInSucceeded(account.id);
  return openSession(account.id, "password", deps);
}

/** A new session for a person who proved who they are (password, or the institution's SSO). */
export async function openSession(userId: string, method: "password" | "sso", deps: Deps): Promise<SignedIn> {
  const now = deps.clock();
  const sessionId = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  await deps.repos.sessions.create({
    idHash: hashToken(sessionId),
    userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + IDLE_MS),
    lastSeenAt: now,
  });
  await deps.repos.audit.record({ actor: `user:${userId}`, action: "console.signed_in", details: { method } }, now);
  return { sessionId, csrfToken, userId };
}

export interface SessionPrincipal {
  readonly principal: Principal;
  readonly csrfToken: string;
  readonly userName: string;
}

/** The principal behind a session cookie; SESSION_EXPIRED when it ended, null when there is no such session. */
export async function sessionPrincipal(sessionId: string, deps: Deps): Promise<SessionPrincipal | null> {
  const idHash = hashToken(sessionId);
  const session = await deps.repos.sessions.find(idHash);
  if (!session) return null;
  const now = deps.clock();
  if (session.expiresAt <= now) {
    await deps.repos.sessions.remove(idHash);
    throw new AppError("SESSION_EXPIRED");
  }
  const user = await deps.repos.users.findById(session.userId);
  if (!user || user.disabledAt) {
    await deps.repos.sessions.remove(idHash);
    throw new AppError("SESSION_EXPIRED");
  }
  // Slide the idle limit, at most once a minute, never past the absolute one.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    const expiresAt = new Date(Math.min(now.getTime() + IDLE_MS, session.createdAt.getTime() + ABSOLUTE_MS));
    await deps.repos.sessions.touch(idHash, now, expiresAt);
  }
  return {
    principal: { actor: `user:${user.id}`, userId: user.id, platformAdmin: user.isPlatformAdmin, grants: user.grants },
    csrfToken: session.csrfToken,
    userName: user.fullName,
  };
}

export function csrfMatches(expected: string, sent: unknown): boolean {
  if (typeof sent !== "string" || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

export async function signOut(sessionId: string, deps: Deps): Promise<void> {
  await deps.repos.sessions.remove(hashToken(sessionId));
}

/**
 * An administrator sets a user's password (or has one generated, shown once). The user's sessions end and the
 * lock-out is lifted.
 */
export async function resetPassword(
  userId: string,
  password: string | null,
  actor: string,
  deps: Deps,
): Promise<{ password: string | null }> {
  const user = await deps.repos.users.findById(userId);
  if (!user) throw new AppError("USER_NOT_FOUND", { userId });
  const chosen = password ?? generatePassword();
  if (chosen.length < MIN_PASSWORD_LENGTH) throw new AppError("PASSWORD_TOO_SHORT", { min: MIN_PASSWORD_LENGTH });
  await deps.repos.users.setPassword(user.id, await hashPassword(chosen));
  await deps.repos.sessions.removeAllOf(user.id);
  await deps.repos.audit.record({ actor, action: "user.password_reset", subject: user.id }, deps.clock());
  return { password: password === null ? chosen : null };
}
