// Signing staff in through an institution's own OpenID Connect provider (authorization code flow with PKCE, state
// and nonce), on openid-client. The only place that library is imported.
import * as client from "openid-client";

export interface OidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

const configurations = new Map<string, { config: client.Configuration; until: number }>();

/** The provider's configuration from its discovery document, kept for ten minutes. */
async function configurationOf(provider: OidcProvider, allowInsecure: boolean): Promise<client.Configuration> {
  const key = `${provider.issuer}|${provider.clientId}`;
  const cached = configurations.get(key);
  if (cached && cached.until > Date.now()) return cached.config;
  const config = await client.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
    ...(allowInsecure ? { execute: [client.allowInsecureRequests] } : {}),
    timeout: 10,
  });
  configurations.set(key, { config, until: Date.now() + 600_000 });
  return config;
}

export interface PendingLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export async function startLogin(
  provider: OidcProvider,
  redirectUri: string,
  allowInsecure: boolean,
): Promise<{ url: string; pending: PendingLogin }> {
  const config = await configurationOf(provider, allowInsecure);
  const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, pending };
}

/** The signed-in person's e-mail, after the code exchange and the ID token's checks (issuer, audience, nonce). */
export async function finishLogin(
  provider: OidcProvider,
  callbackUrl: URL,
  pending: PendingLogin,
  allowInsecure: boolean,
): Promise<{ email: string; emailVerified: boolean }> {
  const config = await configurationOf(provider, allowInsecure);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  let claims: Record<string, unknown> = tokens.claims() ?? {};
  // Many providers put the e-mail only in the UserInfo response, not in the ID token.
  if (typeof claims.email !== "string" && typeof claims.sub === "string")
    claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)) };
  return { email: typeof claims.email === "string" ? claims.email : "", emailVerified: claims.email_verified === true };
}
