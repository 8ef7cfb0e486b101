// OpenID4VP 1.0 with DCQL on @openid4vc/openid4vp and dcql: the signed request object (by reference, the verifier
// identified by its did:web), the direct_post response, and whether what was presented satisfies the query.
// The presentation's cryptography is checked by our verification pipeline, not here.
import { setGlobalConfig } from "@openid4vc/oauth2";
import { Openid4vpVerifier, type Openid4vpAuthorizationRequest } from "@openid4vc/openid4vp";
import { DcqlPresentationResult, DcqlQuery } from "dcql";
import { callbacks, type CallbackEnvironment } from "./callbacks.js";
import { ProtocolError } from "./issuer.js";

export const PRESENTATION_SCHEME = "openid4vp://";

/** "A micro-qualification credential, showing the achievement and the grade." */
export const MICRO_QUALIFICATION_QUERY = {
  credentials: [
    {
      id: "micro_qualification",
      format: "jwt_vc_json",
      meta: { type_values: [["VerifiableCredential", "OpenBadgeCredential"]] },
      claims: [{ path: ["credentialSubject", "achievement", "name"] }, { path: ["credentialSubject", "result"] }],
    },
  ],
} as const;

/** A DCQL query, checked against the DCQL rules; a broken query is refused before anything is stored. */
export function parseDcqlQuery(input: unknown): Record<string, unknown> {
  try {
    const query = DcqlQuery.parse(input as DcqlQuery.Input);
    DcqlQuery.validate(query);
    return query as unknown as Record<string, unknown>;
  } catch (error) {
    throw new ProtocolError(400, "invalid_request", `not a valid DCQL query: ${(error as Error).message}`);
  }
}

export interface RequestParameters {
  readonly clientId: string;
  readonly responseUri: string;
  readonly nonce: string;
  readonly state: string;
  readonly query: Record<string, unknown>;
  readonly clientName: string;
}

function payloadOf(p: RequestParameters): Openid4vpAuthorizationRequest {
  return {
    response_type: "vp_token",
    client_id: p.clientId,
    response_uri: p.responseUri,
    response_mode: "direct_post",
    nonce: p.nonce,
    state: p.state,
    dcql_query: p.query,
    client_metadata: {
      client_name: p.clientName,
      vp_formats_supported: { jwt_vc_json: { alg_values: ["EdDSA", "ES256"] }, ldp_vc: { proof_type_values: ["DataIntegrityProof"] } },
    },
  } as Openid4vpAuthorizationRequest;
}

export function openid4vpVerifier(env: CallbackEnvironment, options: { allowInsecureUrls: boolean }) {
  setGlobalConfig({ allowInsecureUrls: options.allowInsecureUrls });
  const cb = callbacks(env);
  const verifier = new Openid4vpVerifier({ callbacks: cb as never });

  return {
    /** The openid4vp:// URI (for the QR code) and the signed request object served at request_uri. */
    async createRequest(p: RequestParameters & { requestUri: string; signerDidUrl: string; expiresInSeconds: number }) {
      const created = await verifier.createOpenId4vpAuthorizationRequest({
        authorizationRequestPayload: payloadOf(p),
        jar: {
          requestUri: p.requestUri,
          jwtSigner: { method: "did", didUrl: p.signerDidUrl, alg: "EdDSA" },
          expiresInSeconds: p.expiresInSeconds,
          additionalJwtPayload: { aud: "https://self-issued.me/v2" },
        },
      });
      const requestObject = created.jar?.authorizationRequestJwt;
      if (!requestObject) throw new Error("no request object was created");
      return { authorizationRequest: created.authorizationRequest, requestObject };
    },

    /** The presentations per credential query of a direct_post response, after the library's state and shape checks. */
    async parseResponse(p: RequestParameters, form: Record<string, unknown>) {
      try {
        const parsed = await verifier.parseOpenid4vpAuthorizationResponse({
          authorizationResponse: form,
          authorizationRequestPayload: payloadOf(p),
          callbacks: cb as never,
        });
        if (parsed.type !== "dcql") throw new ProtocolError(400, "invalid_request", "the response must answer the DCQL query");
        return parsed.dcql.presentations as Record<string, unknown[]>;
      } catch (error) {
        if (error instanceof ProtocolError) throw error;
        throw new ProtocolError(400, "invalid_request", (error as Error).message);
      }
    },

    /** Do the verified credentials satisfy the query (types, claims)? */
    satisfies(
      query: Record<string, unknown>,
      presented: Record<string, readonly { format: string; credential: Record<string, unknown> }[]>,
    ): boolean {
      const dcqlQuery = DcqlQuery.parse(query as DcqlQuery.Input);
      const asDcql = Object.fromEntries(
        Object.entries(presented).map(([id, list]) => [
          id,
          list.map((c) => ({
            credential_format: c.format,
            type: ([c.credential.type].flat() as string[]).filter((t) => typeof t === "string"),
            claims: c.credential,
            cryptographic_holder_binding: true,
          })),
        ]),
      );
      return DcqlPresentationResult.fromDcqlPresentation(asDcql as never, { dcqlQuery }).can_be_satisfied;
    },
  };
}
