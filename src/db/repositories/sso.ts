// Institutions' single sign-on settings. The client secret arrives here already sealed.
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

export interface SsoSettings {
  readonly institutionId: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecretSealed: string;
  readonly emailDomain: string | null;
}

export function ssoRepository(db: Db) {
  return {
    async put(data: SsoSettings & { updatedBy: string }): Promise<void> {
      await clientOf(db).institutionSso.upsert({ where: { institutionId: data.institutionId }, create: data, update: data });
    },
    async find(institutionId: string): Promise<SsoSettings | null> {
      return clientOf(db).institutionSso.findUnique({
        where: { institutionId },
        select: { institutionId: true, issuer: true, clientId: true, clientSecretSealed: true, emailDomain: true },
      });
    },
    async institutionsWithSso(): Promise<string[]> {
      return (await clientOf(db).institutionSso.findMany({ select: { institutionId: true } })).map((r) => r.institutionId);
    },
  };
}

export type SsoRepository = ReturnType<typeof ssoRepository>;
