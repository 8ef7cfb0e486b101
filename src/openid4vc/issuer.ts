// OpenID4VCI 1.0 for one institution, on @openid4vc/openid4vci and @openid4vc/oauth2: the credential issuer and
// authorization server metadata, credential offers (pre-authorized code, optional PIN), the token request, the
// nonce and the credential request with its proof of possession. Stateless: offers, codes, tokens and nonces
// are kept by the service (services/wallet-issuance.ts); this only speaks the protocol.
import {
  Oauth2AuthorizationServer,
  Oauth2ServerErrorResponseError,
  preAuthorizedCodeGrantIdentifier,
  setGlobalConfig,
  type AuthorizationServerMetadata,
} from "@openid4vc/oauth2";
import { Openid4vciIssuer, Openid4vciVersion, type CredentialIssuerMetadata, type IssuerMetadataResult } from "@openid4vc/openid4vci";
import type { LocalizedText } from "../domain/institutions/institution.js";
import { callbacks, didJwkOf, type CallbackEnvironment } from "./callbacks.js";

export const OFFER_SCHEME = "openid-credential-offer://";

/** What we offer: the micro-qualification credential as a JWT (VC data model 1.1 claims) or with a Data Integrity proof. */
export const CREDENTIAL_CONFIGURATIONS = {
  MicroQualificationCredential_jwt_vc_json: { format: "jwt_vc_json" },
  MicroQualificationCredential_ldp_vc: { format: "ldp_vc" },
} as const;
export type ConfigurationId = keyof typeof CREDENTIAL_CONFIGURATIONS;
export const isConfigurationId = (id: string): id is ConfigurationId => id in CREDENTIAL_CONFIGURATIONS;

const OB_TYPES = ["VerifiableCredential", "OpenBadgeCredential"];
const DISPLAY_NAME: LocalizedText = { kk: "Микробіліктілік", ru: "Микроквалификация", en: "Micro-qualification" };

/** Protocol errors carry the codes the specs define; the HTTP layer answers them as { error, error_description }. */
export class ProtocolError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly wwwAuthenticate?: string,
  ) {
    super(`${error}: ${description}`);
    this.name = "ProtocolError";
  }
}

/** The library's own error responses, in our one protocol error type. */
export function asProtocolError(error: unknown): ProtocolError | null {
  if (error instanceof ProtocolError) return error;
  if (error instanceof Oauth2ServerErrorResponseError) {
    const body = error.errorResponse as { error: string; error_description?: string };
    return new ProtocolError(error.status ?? 400, body.error, body.error_description ?? body.error);
  }
  return null;
}

export interface IssuerIdentity {
  readonly credentialIssuer: string;
  readonly names: LocalizedText;
  /** Plain http is accepted only for a development PUBLIC_URL. */
  readonly allowInsecureUrls: boolean;
}

export function openid4vciIssuer(identity: IssuerIdentity, env: CallbackEnvironment) {
  setGlobalConfig({ allowInsecureUrls: identity.allowInsecureUrls });
  const cb = callbacks(env);
  const issuer = new Openid4vciIssuer({ callbacks: cb });
  const authServer = new Oauth2AuthorizationServer({ callbacks: cb });
  const base = identity.credentialIssuer;
  const display = (["kk", "ru", "en"] as const).map((locale) => ({ locale, name: DISPLAY_NAME[locale] }));

  const credentialIssuerMetadata: CredentialIssuerMetadata = issuer.createCredentialIssuerMetadata({
    credential_issuer: base,
    credential_endpoint: `${base}/openid4vci/credential`,
    nonce_endpoint: `${base}/openid4vci/nonce`,
    display: (["kk", "ru", "en"] as const).map((locale) => ({ locale, name: identity.names[locale] })),
    credential_configurations_supported: {
      MicroQualificationCredential_jwt_vc_json: {
        format: "jwt_vc_json",
        scope: "MicroQualificationCredential",
        cryptographic_binding_methods_supported: ["did:key", "did:jwk", "jwk"],
        credential_signing_alg_values_supported: ["EdDSA"],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ["EdDSA", "ES256"] } },
        credential_definition: { type: OB_TYPES },
        credential_metadata: { display },
      },
      MicroQualificationCredential_ldp_vc: {
        format: "ldp_vc",
        scope: "MicroQualificationCredential",
        cryptographic_binding_methods_supported: ["did:key", "did:jwk", "jwk"],
        credential_signing_alg_values_supported: ["eddsa-rdfc-2022"],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ["EdDSA", "ES256"] } },
        credential_definition: {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          type: OB_TYPES,
        },
        credential_metadata: { display },
      },
    },
  });

  const authorizationServerMetadata: AuthorizationServerMetadata = authServer.createAuthorizationServerMetadata({
    issuer: base,
    token_endpoint: `${base}/openid4vci/token`,
    grant_types_supported: [preAuthorizedCodeGrantIdentifier],
    "pre-authorized_grant_anonymous_access_supported": true,
  });

  const issuerMetadata: IssuerMetadataResult = {
    originalDraftVersion: Openid4vciVersion.V1,
    credentialIssuer: credentialIssuerMetadata,
    authorizationServers: [authorizationServerMetadata],
    knownCredentialConfigurations: issuer.getKnownCredentialConfigurationsSupported(credentialIssuerMetadata),
  };

  return {
    credentialIssuerMetadata,
    authorizationServerMetadata,

    /** An offer by reference; the pre-authorized code is generated here, the PIN (when asked for) by the caller. */
    async createOffer(input: {
      configurationId: ConfigurationId;
      offerUri: string;
      txCode: { length: number; description: string } | null;
    }) {
      const { credentialOffer, credentialOfferObject } = await issuer.createCredentialOffer({
        issuerMetadata,
        credentialConfigurationIds: [input.configurationId],
        grants: {
          [preAuthorizedCodeGrantIdentifier]: input.txCode
            ? { tx_code: { input_mode: "numeric", length: input.txCode.length, description: input.txCode.description } }
            : {},
        },
        credentialOfferUri: input.offerUri,
      });
      const grant = credentialOfferObject.grants?.[preAuthorizedCodeGrantIdentifier] as { "pre-authorized_code": string } | undefined;
      if (!grant) throw new Error("the offer has no pre-authorized code");
      return {
        offerUri: credentialOffer,
        offer: credentialOfferObject as unknown as Record<string, unknown>,
        preAuthorizedCode: grant["pre-authorized_code"],
      };
    },

    /** Reads a token request (form fields); only the pre-authorized code grant is offered. */
    parseTokenRequest(request: { url: string; headers: Headers }, form: Record<string, unknown>) {
      const parsed = authServer.parseAccessTokenRequest({
        request: { method: "POST", url: request.url, headers: request.headers },
        accessTokenRequest: form,
      });
      if (parsed.grant.grantType !== preAuthorizedCodeGrantIdentifier)
        throw new ProtocolError(400, "unsupported_grant_type", "only the pre-authorized code grant is supported");
      return parsed as typeof parsed & {
        grant: { grantType: typeof preAuthorizedCodeGrantIdentifier; preAuthorizedCode: string; txCode?: string };
      };
    },

    /** The library's checks of the grant (code, its expiry, the PIN) once ours (single use, attempts) passed. */
    async verifyTokenRequest(
      parsed: ReturnType<Oauth2AuthorizationServer["parseAccessTokenRequest"]>,
      request: { url: string; headers: Headers },
      expected: { preAuthorizedCode: string; txCode: string | undefined; expiresAt: Date; now: Date },
    ) {
      await authServer.verifyPreAuthorizedCodeAccessTokenRequest({
        authorizationServerMetadata,
        grant: parsed.grant as never,
        accessTokenRequest: parsed.accessTokenRequest,
        request: { method: "POST", url: request.url, headers: request.headers },
        expectedPreAuthorizedCode: expected.preAuthorizedCode,
        expectedTxCode: expected.txCode,
        preAuthorizedCodeExpiresAt: expected.expiresAt,
        now: expected.now,
      });
    },

    nonceResponse(cNonce: string, expiresInSeconds: number) {
      return issuer.createNonceResponse({ cNonce, cNonceExpiresIn: expiresInSeconds });
    },

    parseCredentialRequest(body: Record<string, unknown>) {
      const parsed = issuer.parseCredentialRequest({ issuerMetadata, credentialRequest: body });
      const configurationId = parsed.credentialConfigurationId;
      if (!configurationId || !isConfigurationId(configurationId))
        throw new ProtocolError(400, "unknown_credential_configuration", "the credential configuration is not one this issuer offers");
      const proof = parsed.proofs?.jwt?.[0];
      if (!proof) throw new ProtocolError(400, "invalid_proof", "a jwt proof of possession is required");
      return { parsed, configurationId, proof };
    },

    /** Checks the proof of possession (signature, audience, nonce) and names the holder's DID. */
    async verifyProof(jwt: string, expectedNonce: string, nonceExpiresAt: Date, now: Date): Promise<string> {
      const { signer } = await issuer.verifyCredentialRequestJwtProof({ issuerMetadata, jwt, expectedNonce, nonceExpiresAt, now });
      if (signer.method === "did") return signer.didUrl.split("#")[0]!;
      if (signer.method === "jwk") return didJwkOf(signer.publicJwk);
      throw new ProtocolError(400, "invalid_proof", "the proof names no key we can bind the credential to");
    },

    credentialResponse(parsed: ReturnType<Openid4vciIssuer["parseCredentialRequest"]>, credential: string | Record<string, unknown>) {
      return issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential }] });
    },
  };
}

export type Openid4vciIssuerFacade = ReturnType<typeof openid4vciIssuer>;
