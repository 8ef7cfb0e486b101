import { createHash } from "node:crypto";

/**
 * Open Badges 3.0 hashed identity: "sha256$" + hex(SHA-256(identity + salt)). A verifier who is shown the
 * learner's IIN can check it against the credential; nobody can read the IIN out of it.
 */
export function hashIdentity(identity: string, salt: string): string {
  return `sha256$${createHash("sha256")
    .update(identity + salt)
    .digest("hex")}`;
}
