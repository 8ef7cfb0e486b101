// Whether the platform vouches for an issuer at a given moment. Pure.
import type { TrustLevel } from "./report.js";

export interface TrustEntry {
  readonly did: string;
  readonly validFrom: Date | null;
  readonly validUntil: Date | null;
}

/** Trusted within the entry's validity; after it ends, "no-longer-accredited"; without an entry, unknown. */
export function trustLevel(entry: TrustEntry | null, at: Date): TrustLevel {
  if (!entry) return "unknown";
  if (entry.validUntil && entry.validUntil.getTime() < at.getTime()) return "no-longer-accredited";
  if (entry.validFrom && entry.validFrom.getTime() > at.getTime()) return "unknown";
  return "trusted";
}
