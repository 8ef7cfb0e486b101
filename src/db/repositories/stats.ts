// Counters for the dashboard: verifications of an institution's credentials per day.
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

export function statsRepository(db: Db) {
  return {
    async addVerifications(day: string, institutionId: string, count: number): Promise<void> {
      await clientOf(db).verificationDay.upsert({
        where: { day_institutionId: { day, institutionId } },
        create: { day, institutionId, count },
        update: { count: { increment: count } },
      });
    },
    async verificationsSince(institutionId: string, fromDay: string): Promise<{ day: string; count: number }[]> {
      return clientOf(db).verificationDay.findMany({
        where: { institutionId, day: { gte: fromDay } },
        select: { day: true, count: true },
        orderBy: { day: "asc" },
      });
    },
    async issuedSince(institutionId: string, from: Date): Promise<Date[]> {
      const rows = await clientOf(db).issuedCredential.findMany({
        where: { institutionId, issuedAt: { gte: from } },
        select: { issuedAt: true },
      });
      return rows.map((r) => r.issuedAt);
    },
  };
}

export type StatsRepository = ReturnType<typeof statsRepository>;
