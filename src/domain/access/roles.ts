// Who may do what. Pure: the HTTP layer builds a Principal and a route's Requirement, this decides.

export const INSTITUTION_ROLES = ["registrar", "commission_secretary", "commission_member", "expert", "viewer"] as const;
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

export interface Grant {
  readonly institutionId: string;
  readonly role: InstitutionRole;
}

export interface Principal {
  /** For audit records: "admin-token", "token:<id>", "user:<id>". */
  readonly actor: string;
  readonly platformAdmin: boolean;
  readonly grants: readonly Grant[];
  /** Set when a person acts (a personal token): what the law asks a named person to do — vote, conclude — needs it. */
  readonly userId?: string;
}

export type Requirement =
  | {
      readonly scope: "public";
      /** The Authorization header belongs to the route's own protocol (an OpenID4VCI access token), not to us. */
      readonly protocolBearer?: true;
    }
  /** Any authenticated caller; what they see is narrowed by the handler. */
  | { readonly scope: "authenticated" }
  | { readonly scope: "platform" }
  /** One of these roles in the institution the route addresses. Platform admins always pass. */
  | { readonly scope: "institution"; readonly roles: readonly InstitutionRole[] };

export type Decision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly reason: "unauthenticated" | "other_institution" | "missing_role";
      readonly held: readonly string[];
    };

export function decide(principal: Principal | null, requirement: Requirement, institutionId?: string): Decision {
  if (requirement.scope === "public") return { allowed: true };
  if (!principal) return { allowed: false, reason: "unauthenticated", held: [] };
  if (principal.platformAdmin || requirement.scope === "authenticated") return { allowed: true };
  const held = principal.grants.map((g) => g.role);
  if (requirement.scope === "platform") return { allowed: false, reason: "missing_role", held };
  if (institutionId === undefined) throw new Error("an institution-scoped requirement needs the institution being addressed");
  const here = principal.grants.filter((g) => g.institutionId === institutionId);
  if (here.length === 0) return { allowed: false, reason: "other_institution", held };
  return here.some((g) => requirement.roles.includes(g.role))
    ? { allowed: true }
    : { allowed: false, reason: "missing_role", held: here.map((g) => g.role) };
}

/** Every institution role: for routes any member of the institution may use (read-only views). */
export const ANY_MEMBER: readonly InstitutionRole[] = INSTITUTION_ROLES;
