// Single sign-on through an institution's OpenID Connect provider: the administrator configures it; staff who already
// hold a role in the institution sign in with the e-mail their provider vouches for. No accounts are created by SSO.
import type { Institution } from "../domain/institutions/institution.js";
import { AppError } from "../errors.js";
import { finishLogin, startLogin, type OidcProvider, type PendingLogin } from "../sso/oidc.js";
import type { Deps } from "./deps.js";
import { seal, unseal } from "./sealed.js";
import { openSession, type SignedIn } from "./sessions.js";

const LOGIN_TTL_MS = 10 * 60_000;
export const SSO_COOKIE = "kualik_sso";

export async function putSso(
  institution: Institution,
  input: { issuer: string; clientId: string; clientSecret: string; emailDomain: string | null },
  actor: string,
  deps: Deps,
): Promise<void> {
  await deps.repos.sso.put({
    institutionId: institution.id,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecretSealed: seal(input.clientSecret, deps.config.secretKey, "sso-client-secret"),
    emailDomain: input.emailDomain?.toLowerCase() ?? null,
    updatedBy: actor,
  });
  await deps.repos.audit.record(
    { actor, action: "sso.configured", institutionId: institution.id, details: { issuer: input.issuer, clientId: input.clientId } },
    deps.clock(),
  );
}

async function providerOf(institution: Institution, deps: Deps): Promise<{ provider: OidcProvider; emailDomain: string | null }> {
  const settings = await deps.repos.sso.find(institution.id);
  const clientSecret = settings ? unseal(settings.clientSecretSealed, deps.config.secretKey, "sso-client-secret") : null;
  if (!settings || clientSecret === null) throw new AppError("SSO_NOT_CONFIGURED", { slug: institution.slug });
  return { provider: { issuer: settings.issuer, clientId: settings.clientId, clientSecret }, emailDomain: settings.emailDomain };
}

const redirectUriOf = (institution: Institution, deps: Deps) =>
  `${deps.config.publicUrl.href.replace(/\/$/, "")}/console/sso/${institution.slug}/callback`;
const insecureAllowed = (deps: Deps) => deps.config.publicUrl.protocol === "http:";

/** Where to send the browser, and the sealed state of the sign-in for its cookie. */
export async function startSso(institution: Institution, deps: Deps): Promise<{ url: string; cookie: string }> {
  const { provider } = await providerOf(institution, deps);
  const { url, pending } = await startLogin(provider, redirectUriOf(institution, deps), insecureAllowed(deps));
  const cookie = seal(
    JSON.stringify({ ...pending, slug: institution.slug, until: deps.clock().getTime() + LOGIN_TTL_MS }),
    deps.config.secretKey,
    "sso-login",
  );
  return { url, cookie };
}

export async function finishSso(institution: Institution, query: string, cookie: string | undefined, deps: Deps): Promise<SignedIn> {
  const opened = cookie ? unseal(cookie, deps.config.secretKey, "sso-login") : null;
  const pending = opened ? (JSON.parse(opened) as PendingLogin & { slug: string; until: number }) : null;
  if (!pending || pending.slug !== institution.slug || pending.until < deps.clock().getTime())
    throw new AppError("SSO_FAILED", { reason: "the sign-in was not started here or took too long" });
  const { provider, emailDomain } = await providerOf(institution, deps);
  let email: string;
  try {
    ({ email } = await finishLogin(provider, new URL(`${redirectUriOf(institution, deps)}?${query}`), pending, insecureAllowed(deps)));
  } catch (error) {
    throw new AppError("SSO_FAILED", { reason: (error as Error).message }, { cause: error });
  }
  email = email.trim().toLowerCase();
  if (!email || (emailDomain && !email.endsWith(`@${emailDomain}`)))
    throw new AppError("SSO_FAILED", { reason: "the provider gave no e-mail of this institution" });
  const user = await deps.repos.users.findByEmail(email);
  if (!user || user.disabledAt || !user.grants.some((g) => g.institutionId === institution.id))
    throw new AppError("SSO_NO_ACCOUNT", { email });
  return openSession(user.id, "sso", deps);
}
