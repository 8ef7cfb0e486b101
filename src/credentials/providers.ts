// Our two proof formats as Veramo credential providers, registered in the agent's CredentialPlugin
// (agent.yml): "vc+jwt" (VC-JOSE, EdDSA, signed with node:crypto) and "di" (Data Integrity
// eddsa-rdfc-2022 with the @digitalbazaar libraries). Verification has its own pipeline, not these.
import type { CredentialPayload, IAgentContext, IIdentifier, IKey, IResolver, VerifiableCredential } from "@veramo/core-types";
import type { ICredentialProvider } from "@veramo/credential-w3c";
import { extractIssuer, pickSigningKey } from "@veramo/utils";
import { documentLoader, signDataIntegrity } from "./data-integrity.js";
import { verificationMethodId } from "./did-web.js";
import type { SigningKeys } from "./signing-keys.js";
import { signVcJwt } from "./vc-jose.js";
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from "../domain/qualifications/micro-credential.js";

type Context = IAgentContext<IResolver & { didManagerGet(args: { did: string }): Promise<IIdentifier> }>;
type IssueArgs = { credential: CredentialPayload; keyRef?: string };

/**
 * Veramo's CredentialPlugin prepares every credential for VC 1.1: it puts the v1 context first and adds
 * `issuanceDate`. A VC 2.0 credential has neither (validFrom instead), so undo both for those.
 */
function asIssued(credential: CredentialPayload): Record<string, unknown> {
  const copy = { ...credential } as Record<string, unknown>;
  const contexts = [copy["@context"]].flat();
  if (contexts.includes(VC_V2_CONTEXT)) {
    copy["@context"] = contexts.filter((c) => c !== VC_V1_CONTEXT);
    delete copy.issuanceDate;
  }
  return copy;
}

async function signingKeyFor(args: IssueArgs, context: Context): Promise<{ did: string; key: IKey }> {
  const did = extractIssuer(args.credential, { removeParameters: true });
  const identifier = await context.agent.didManagerGet({ did });
  return { did, key: pickSigningKey(identifier, args.keyRef) };
}

abstract class IssuingOnlyProvider implements ICredentialProvider {
  abstract readonly formats: readonly string[];
  abstract createVerifiableCredential(args: IssueArgs, context: Context): Promise<VerifiableCredential>;

  getProofFormatsSupportedForKey(key: IKey): string[] {
    return key.type === "Ed25519" ? [...this.formats] : [];
  }
  canIssueProofFormat({ proofFormat }: { proofFormat: string }): boolean {
    return this.formats.includes(proofFormat);
  }
  canVerifyDocumentType(): boolean {
    return false;
  }
  async createVerifiablePresentation(): Promise<never> {
    throw new Error("not_supported: this provider issues credentials only");
  }
  async verifyCredential(): Promise<never> {
    throw new Error("not_supported: verification runs in Kualik's verification pipeline");
  }
  async verifyPresentation(): Promise<never> {
    throw new Error("not_supported: verification runs in Kualik's verification pipeline");
  }
}

export class VcJoseCredentialProvider extends IssuingOnlyProvider {
  readonly formats = ["vc+jwt"] as const;
  constructor(private readonly keys: SigningKeys) {
    super();
  }

  async createVerifiableCredential(args: IssueArgs, context: Context): Promise<VerifiableCredential> {
    const { did, key } = await signingKeyFor(args, context);
    const signer = await this.keys.signer(key.kid);
    const claims = asIssued(args.credential);
    const jwt = signVcJwt(claims, signer, verificationMethodId(did, signer.publicKeyHex));
    // Veramo's convention for a JWT-secured credential: the claims with the JWT as proof.jwt. (Veramo's
    // VerifiableCredential type still requires the VC 1.1 issuanceDate, which a VC 2.0 credential lacks.)
    return { ...claims, proof: { type: "JwtProof2020", jwt } } as unknown as VerifiableCredential;
  }
}

export class DataIntegrityCredentialProvider extends IssuingOnlyProvider {
  readonly formats = ["di", "lds"] as const;
  constructor(private readonly keys: SigningKeys) {
    super();
  }

  async createVerifiableCredential(args: IssueArgs, context: Context): Promise<VerifiableCredential> {
    const { did, key } = await signingKeyFor(args, context);
    const signer = await this.keys.signer(key.kid);
    const loader = documentLoader({
      didDocument: async (id) => ((await context.agent.resolveDid({ didUrl: id })).didDocument as Record<string, unknown> | null) ?? null,
    });
    return (await signDataIntegrity(
      asIssued(args.credential),
      { seed: await signer.seed(), controller: did },
      loader,
    )) as unknown as VerifiableCredential;
  }
}
