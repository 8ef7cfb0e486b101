// Counting verifications of our institutions' credentials for the dashboard, without slowing verification down:
// counts gather in memory and are added to the database in one batch every few seconds (and on shutdown).
import { kzDateOf } from "../domain/calendar/working-days.js";
import type { StatsRepository } from "../db/repositories/stats.js";
import type { Institution } from "../domain/institutions/institution.js";

export class VerificationStats {
  private pending = new Map<string, number>();
  private readonly institutionOf = new Map<string, string | null>();

  constructor(
    private readonly repos: { stats: StatsRepository; institutions: { findByDid(did: string): Promise<Institution | null> } },
    private readonly clock: () => Date,
  ) {}

  /** Counts one verification of a credential by this issuer, when the issuer is one of our institutions. */
  async record(issuerDid: string | null): Promise<void> {
    if (!issuerDid) return;
    let institutionId = this.institutionOf.get(issuerDid);
    if (institutionId === undefined) {
      institutionId = (await this.repos.institutions.findByDid(issuerDid))?.id ?? null;
      if (this.institutionOf.size > 10_000) this.institutionOf.clear();
      this.institutionOf.set(issuerDid, institutionId);
    }
    if (!institutionId) return;
    const key = `${kzDateOf(this.clock())}|${institutionId}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const [key, count] of batch) {
      const [day, institutionId] = key.split("|") as [string, string];
      await this.repos.stats.addVerifications(day, institutionId, count);
    }
  }
}
