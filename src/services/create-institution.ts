import { randomUUID } from "node:crypto";
import { didWebFor } from "../credentials/did-web.js";
import { runInTransaction } from "../db/transaction.js";
import { checkBin } from "../domain/institutions/kz-identifier.js";
import type { Institution, LocalizedText } from "../domain/institutions/institution.js";
import { RESERVED_SLUGS } from "../domain/institutions/institution.js";
import type { InstitutionKind } from "../domain/institutions/kind.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";

export interface CreateInstitutionInput {
  readonly slug: string;
  readonly names: LocalizedText;
  readonly bin: string;
  readonly kind: InstitutionKind;
  readonly contact?: { email?: string | null; phone?: string | null; website?: string | null };
  readonly credentialFormat?: Institution["credentialFormat"];
}

/**
 * Registers an education organisation with its own did:web (under PUBLIC_URL, at /orgs/{slug}) and a
 * fresh Ed25519 signing key. The DID, the sealed key and the institution are written in one transaction.
 */
export async function createInstitution(input: CreateInstitutionInput, actor: string, deps: Deps): Promise<Institution> {
  const bin = checkBin(input.bin);
  if (!bin.valid) throw new AppError("BIN_INVALID", { bin: input.bin }, { details: { problem: bin.problem } });
  if (RESERVED_SLUGS.has(input.slug)) throw new AppError("INSTITUTION_SLUG_TAKEN", { slug: input.slug }, { details: { reserved: true } });

  const { repos, agent } = deps;
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    if (await repos.institutions.findBySlug(input.slug)) throw new AppError("INSTITUTION_SLUG_TAKEN", { slug: input.slug });
    if (await repos.institutions.existsWithBin(input.bin)) throw new AppError("INSTITUTION_BIN_TAKEN", { bin: input.bin });

    const did = didWebFor(deps.config.publicUrl, ["orgs", input.slug]);
    // A DID left behind by an earlier institution with this slug (deleted by hand) would be reused with
    // its old keys; refuse rather than silently inherit them.
    const leftover = await repos.veramo.getIdentifier({ did });
    if (leftover) throw new AppError("INSTITUTION_SLUG_TAKEN", { slug: input.slug }, { details: { did } });

    const identifier = await agent.didManagerCreate({
      provider: "did:web",
      alias: did.slice("did:web:".length),
      kms: "local",
      options: { keyType: "Ed25519" },
    });
    const key = identifier.keys[0];
    if (!key) throw new Error("did:web provider returned an identifier without a key");

    const institution = await repos.institutions.create({
      id: randomUUID(),
      slug: input.slug,
      names: input.names,
      bin: input.bin,
      kind: input.kind,
      contact: { email: input.contact?.email ?? null, phone: input.contact?.phone ?? null, website: input.contact?.website ?? null },
      did: identifier.did,
      activeKid: key.kid,
      credentialFormat: input.credentialFormat ?? "vc+jwt",
    });
    await repos.audit.record(
      {
        actor,
        action: "institution.created",
        institutionId: institution.id,
        subject: institution.slug,
        details: { did: institution.did, kid: key.kid },
      },
      now,
    );
    return institution;
  }).finally(() => deps.caches.trust.clear()); // a DID verified before it was ours is trusted now
}
