import { renderCertificatePdf } from "../documents/certificate-pdf.js";
import type { IssuedCredential } from "../db/repositories/credentials.js";
import { gradeOfLetter } from "../domain/grading/letter-scale.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";
import { decisionCredentialPdf } from "./recognition/protocols.js";
import { credentialUrlOf } from "./urls.js";

/** The printable A4 certificate (kk/ru/en) of an issued credential, from the records it was issued from. */
export async function certificatePdf(credential: IssuedCredential, deps: Deps): Promise<Buffer> {
  if (credential.kind === "recognition_decision") return decisionCredentialPdf(credential, "en", deps);
  if (!credential.programmeId || !credential.attestationId) throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId: credential.id });
  const [institution, programme, learner, attestation] = await Promise.all([
    deps.repos.institutions.findById(credential.institutionId),
    deps.repos.programmes.findById(credential.programmeId),
    deps.repos.learners.findById(credential.institutionId, credential.learnerId),
    deps.repos.learners.findAttestationById(credential.institutionId, credential.attestationId),
  ]);
  if (!institution || !programme || !learner || !attestation) throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId: credential.id });
  const grade = gradeOfLetter(attestation.letter);
  return renderCertificatePdf({
    institution: institution.names,
    learnerName: learner.fullName,
    programme: programme.content.names,
    qualification: programme.content.qualificationName,
    grade: { letter: grade.letter, gpa: grade.gpa, percent: attestation.percent },
    credits: programme.credits,
    hours: programme.hours,
    nqfLevel: programme.content.nqfLevel,
    attestationDate: attestation.heldOn,
    issuedOn: credential.issuedAt.toISOString().slice(0, 10),
    credentialId: credential.id,
    verificationUrl: credentialUrlOf(deps.config.publicUrl, credential.id),
    status: credential.status,
  });
}
