import type { InstitutionKind } from "./kind.js";

export interface LocalizedText {
  readonly kk: string;
  readonly ru: string;
  readonly en: string;
}

export interface Institution {
  readonly id: string;
  readonly slug: string;
  readonly names: LocalizedText;
  readonly bin: string;
  readonly kind: InstitutionKind;
  readonly contact: { readonly email: string | null; readonly phone: string | null; readonly website: string | null };
  readonly did: string;
  readonly activeKid: string;
  /** The proof format of credentials when an award does not name one. */
  readonly credentialFormat: "vc+jwt" | "di";
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Lower-case letters, digits and single hyphens; starts with a letter; 2–63 characters (a DNS label). */
export const SLUG_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,62}$/;

/** Slugs that would collide with the service's own paths. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["new", "admin", "api", "docs", "well-known", "static", "me"]);
