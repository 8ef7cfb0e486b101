// Awarding a micro-qualification (M п.16): one signed MicroQualificationCredential per passing final
// attestation. The attestation is the idempotency key: awarding it again returns the credential issued.
import { randomBytes, randomUUID } from "node:crypto";
import type { CredentialFormat, IssuedCredential } from "../db/repositories/credentials.js";
import type { Attestation, Learner } from "../db/repositories/learners.js";
import type { Programme } from "../db/repositories/programmes.js";
import { runInTransaction } from "../db/transaction.js";
import { gradeOfLetter } from "../domain/grading/letter-scale.js";
import type { Institution } from "../domain/institutions/institution.js";
import { hashIdentity } from "../domain/learners/identity-hash.js";
import { addMonths, buildMicroCredential } from "../domain/qualifications/micro-credential.js";
import { canAward } from "../domain/qualifications/programme.js";
import { AppError } from "../errors.js";
import { achievementUrlOf, credentialUrlOf, schemaUrlOf } from "./urls.js";
import type { Deps } from "./deps.js";
import { allocateStatusIndexes, statusListUrl, type AllocatedIndex } from "./status-lists.js";
import type { CredentialPayload } from "../credentials/agent.js";

export interface AwardRequest {
  readonly programme: Programme;
  readonly attestation: Attestation;
  readonly learner: Learner;
}

function checkAwardable(institution: Institution, { programme, attestation }: AwardRequest): void {
  if (!canAward(programme.status)) throw new AppError("PROGRAMME_NOT_PUBLISHED", { code: programme.code, status: programme.status });
  if (attestation.programmeId !== programme.id || attestation.institutionId !== institution.id) {
    throw new AppError("ATTESTATION_NOT_FOUND", { attestationId: attestation.id });
  }
  if (!attestation.passing) throw new AppError("RESULT_NOT_PASSING", { letter: attestation.letter });
}

/** Builds and signs the credentials for already-allocated status positions. No database writes. */
export async function signAwards(
  institution: Institution,
  requests: readonly AwardRequest[],
  positions: { revocation: readonly AllocatedIndex[]; suspension: readonly AllocatedIndex[] },
  format: CredentialFormat,
  deps: Deps,
): Promise<IssuedCredential[]> {
  const issuedAt = deps.clock();
  const { publicUrl } = deps.config;
  const listUrl = (purpose: "revocation" | "suspension", sequence: number) =>
    statusListUrl(publicUrl, institution.slug, purpose, sequence, format);
  const issued: IssuedCredential[] = [];
  for (const [i, request] of requests.entries()) {
    const { programme, attestation, learner } = request;
    const revocation = positions.revocation[i]!;
    const suspension = positions.suspension[i]!;
    const id = randomUUID();
    const salt = randomBytes(16).toString("hex");
    const validUntil = programme.content.validityMonths ? addMonths(issuedAt, programme.content.validityMonths) : null;
    const document = buildMicroCredential({
      id: credentialUrlOf(publicUrl, id),
      issuer: {
        did: institution.did,
        names: institution.names,
        bin: institution.bin,
        url: `${publicUrl.href.replace(/\/$/, "")}/orgs/${institution.slug}`,
      },
      programme: {
        achievementUrl: achievementUrlOf(publicUrl, institution.slug, programme.code),
        code: programme.code,
        content: programme.content,
        workload: { credits: programme.credits, hours: programme.hours },
      },
      learner: {
        fullName: learner.fullName,
        identity: learner.holderDid
          ? { kind: "did", did: learner.holderDid }
          : { kind: "hashed_iin", identityHash: hashIdentity(learner.iin, salt), salt },
      },
      result: {
        grade: gradeOfLetter(attestation.letter),
        percent: attestation.percent,
        session: attestation.session,
        heldOn: attestation.heldOn,
      },
      validFrom: issuedAt,
      validUntil,
      status: [
        { purpose: "revocation", listUrl: listUrl("revocation", revocation.sequence), index: revocation.index },
        { purpose: "suspension", listUrl: listUrl("suspension", suspension.sequence), index: suspension.index },
      ],
      schemaUrl: schemaUrlOf(publicUrl),
    });
    // Signed by our providers in the agent's credential plugin (src/credentials/providers.ts, agent.yml).
    const signed = (await deps.agent.createVerifiableCredential({
      credential: document as unknown as CredentialPayload,
      proofFormat: format,
      keyRef: institution.activeKid,
    })) as unknown as Record<string, unknown> & { proof?: { jwt?: string } };
    const jwt = format === "vc+jwt" ? (signed.proof?.jwt ?? null) : null;
    if (format === "vc+jwt" && !jwt) throw new Error("the vc+jwt provider returned no JWT");
    issued.push({
      id,
      institutionId: institution.id,
      kind: "micro_qualification",
      programmeId: programme.id,
      learnerId: learner.id,
      attestationId: attestation.id,
      applicationId: null,
      format,
      document: jwt ? document : signed,
      jwt,
      issuedAt,
      validUntil,
      revocationListId: revocation.listId,
      revocationIndex: revocation.index,
      suspensionListId: suspension.listId,
      suspensionIndex: suspension.index,
      status: "active",
      statusReason: null,
      statusChangedAt: null,
      holderToken: randomBytes(24).toString("base64url"),
    });
  }
  return issued;
}

export async function awardMicroQualification(
  institution: Institution,
  request: AwardRequest,
  format: CredentialFormat,
  actor: string,
  deps: Deps,
): Promise<{ credential: IssuedCredential; created: boolean }> {
  return runInTransaction(deps.db, async () => {
    const existing = await deps.repos.credentials.findByAttestation(request.attestation.id);
    if (existing) return { credential: existing, created: false };
    checkAwardable(institution, request);
    const revocation = await allocateStatusIndexes(institution, "revocation", 1, deps);
    const suspension = await allocateStatusIndexes(institution, "suspension", 1, deps);
    const [signed] = await signAwards(institution, [request], { revocation, suspension }, format, deps);
    const credential = await deps.repos.credentials.create(signed!);
    await deps.repos.audit.record(
      {
        actor,
        action: "credential.issued",
        institutionId: institution.id,
        subject: credential.id,
        details: { programme: request.programme.code, attestationId: request.attestation.id, format },
      },
      deps.clock(),
    );
    return { credential, created: true };
  });
}
