// The W3C VC API issuer endpoint: an institution's own system sends a credential (VC DM 2.0 or 1.1) and
// gets it back signed with the institution's key, with a Bitstring Status List entry when asked for one.
import { randomUUID } from "node:crypto";
import type { CredentialPayload } from "../credentials/agent.js";
import { runInTransaction } from "../db/transaction.js";
import type { Institution } from "../domain/institutions/institution.js";
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from "../domain/qualifications/micro-credential.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";
import { allocateStatusIndexes, statusListUrl } from "./status-lists.js";

type Json = Record<string, unknown>;

const STATUS_V1_CONTEXT = "https://www.w3.org/ns/credentials/status/v1";

export interface VcApiIssueInput {
  readonly credential: Json;
  readonly options: {
    readonly credentialStatus?: { readonly type: "BitstringStatusListEntry"; readonly statusPurpose?: "revocation" | "suspension" };
    readonly format?: "vc+jwt" | "di";
  };
}

export async function issueViaVcApi(institution: Institution, input: VcApiIssueInput, actor: string, deps: Deps): Promise<Json> {
  const credential: Json = structuredClone(input.credential);
  const contexts = [credential["@context"]].flat();
  const version = contexts[0] === VC_V2_CONTEXT ? "2.0" : contexts[0] === VC_V1_CONTEXT ? "1.1" : null;
  const types = [credential.type].flat();
  if (!version || !types.includes("VerifiableCredential") || !credential.credentialSubject) throw new AppError("NOT_A_CREDENTIAL");

  const named =
    typeof credential.issuer === "string" ? credential.issuer : ((credential.issuer as Json | undefined)?.id as string | undefined);
  if (named && named !== institution.did) throw new AppError("ISSUER_NOT_THIS_INSTITUTION", { issuer: named, did: institution.did });
  if (!named) credential.issuer = institution.did;
  const now = deps.clock();
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  if (version === "2.0" && !credential.validFrom) credential.validFrom = stamp;
  if (version === "1.1" && !credential.issuanceDate) credential.issuanceDate = stamp;
  credential.id ??= `urn:uuid:${randomUUID()}`;

  // VC 1.1 JWTs are Veramo's own "jwt" format (the vc claim); everything else uses our providers.
  const format = version === "1.1" && input.options.format !== "di" ? "jwt" : (input.options.format ?? institution.credentialFormat);

  return runInTransaction(deps.db, async () => {
    let status: { listId: string; index: number; purpose: "revocation" | "suspension" } | null = null;
    if (input.options.credentialStatus) {
      const purpose = input.options.credentialStatus.statusPurpose ?? "revocation";
      const [position] = await allocateStatusIndexes(institution, purpose, 1, deps);
      status = { listId: position!.listId, index: position!.index, purpose };
      const url = statusListUrl(deps.config.publicUrl, institution.slug, purpose, position!.sequence, format === "di" ? "di" : "vc+jwt");
      credential.credentialStatus = {
        id: `${url}#${position!.index}`,
        type: "BitstringStatusListEntry",
        statusPurpose: purpose,
        statusListIndex: String(position!.index),
        statusListCredential: url,
      };
      if (version === "1.1" && format === "di" && !contexts.includes(STATUS_V1_CONTEXT))
        credential["@context"] = [...contexts, STATUS_V1_CONTEXT];
    }
    const signed = (await deps.agent
      .createVerifiableCredential({
        credential: credential as unknown as CredentialPayload,
        proofFormat: format,
        keyRef: institution.activeKid,
      })
      .catch((error: Error) => {
        // JSON-LD "safe mode": a term no context defines would be silently dropped from what is signed.
        if (format === "di" && /ValidationError|invalid property|relative @type|undefined term/i.test(`${error.name} ${error.message}`)) {
          throw new AppError("CREDENTIAL_NOT_SIGNABLE", { reason: error.message.split("\n")[0]!.slice(0, 300) }, { cause: error });
        }
        throw error;
      })) as unknown as Json & { proof?: { jwt?: string } };
    const jwt = format === "di" ? null : (signed.proof?.jwt ?? null);
    await deps.repos.credentials.recordApiIssued({
      id: randomUUID(),
      institutionId: institution.id,
      format,
      document: jwt ? credential : signed,
      jwt,
      issuedAt: now,
      statusListId: status?.listId ?? null,
      statusIndex: status?.index ?? null,
      statusPurpose: status?.purpose ?? null,
      issuedBy: actor,
    });
    await deps.repos.audit.record(
      {
        actor,
        action: "credential.issued_vc_api",
        institutionId: institution.id,
        subject: String(credential.id),
        details: { format, version },
      },
      now,
    );
    // VC DM 2.0 carries a JOSE-secured credential as an EnvelopedVerifiableCredential.
    if (format === "vc+jwt")
      return { "@context": [VC_V2_CONTEXT], id: `data:application/vc+jwt,${jwt}`, type: "EnvelopedVerifiableCredential" };
    return signed;
  });
}
