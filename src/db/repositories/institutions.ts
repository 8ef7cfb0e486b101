import type { Institution } from "../../domain/institutions/institution.js";
import type { InstitutionKind } from "../../domain/institutions/kind.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";
import { uniqueViolation } from "../errors.js";
import { AppError } from "../../errors.js";

interface InstitutionRow {
  id: string;
  slug: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  bin: string;
  kind: string;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
  did: string;
  activeKid: string;
  credentialFormat: string;
  createdAt: Date;
  updatedAt: Date;
}

function fromRow(row: InstitutionRow): Institution {
  return {
    id: row.id,
    slug: row.slug,
    names: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn },
    bin: row.bin,
    kind: row.kind as InstitutionKind,
    contact: { email: row.contactEmail, phone: row.contactPhone, website: row.website },
    did: row.did,
    activeKid: row.activeKid,
    credentialFormat: row.credentialFormat === "di" ? "di" : "vc+jwt",
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export interface NewInstitution {
  readonly id: string;
  readonly slug: string;
  readonly names: Institution["names"];
  readonly bin: string;
  readonly kind: InstitutionKind;
  readonly contact: Institution["contact"];
  readonly did: string;
  readonly activeKid: string;
  readonly credentialFormat: Institution["credentialFormat"];
}

export interface InstitutionKeyRecord {
  readonly kid: string;
  readonly createdAt: Date;
  readonly retiredAt: Date | null;
}

export function institutionsRepository(db: Db) {
  return {
    async findBySlug(slug: string): Promise<Institution | null> {
      const row = await clientOf(db).institution.findUnique({ where: { slug } });
      return row ? fromRow(row) : null;
    },
    async findById(id: string): Promise<Institution | null> {
      const row = await clientOf(db).institution.findUnique({ where: { id } });
      return row ? fromRow(row) : null;
    },
    async findByDid(did: string): Promise<Institution | null> {
      const row = await clientOf(db).institution.findUnique({ where: { did } });
      return row ? fromRow(row) : null;
    },
    async existsWithBin(bin: string): Promise<boolean> {
      return (await clientOf(db).institution.count({ where: { bin } })) > 0;
    },
    async list(filter: { ids?: readonly string[] } = {}): Promise<Institution[]> {
      const rows = await clientOf(db).institution.findMany({
        where: filter.ids ? { id: { in: [...filter.ids] } } : {},
        orderBy: { slug: "asc" },
      });
      return rows.map(fromRow);
    },
    /** Throws INSTITUTION_SLUG_TAKEN or INSTITUTION_BIN_TAKEN when another writer got there first. */
    async create(data: NewInstitution): Promise<Institution> {
      const client = clientOf(db);
      const row = await client.institution
        .create({
          data: {
            id: data.id,
            slug: data.slug,
            nameKk: data.names.kk,
            nameRu: data.names.ru,
            nameEn: data.names.en,
            bin: data.bin,
            kind: data.kind,
            contactEmail: data.contact.email,
            contactPhone: data.contact.phone,
            website: data.contact.website,
            did: data.did,
            activeKid: data.activeKid,
            credentialFormat: data.credentialFormat,
          },
        })
        .catch((error: unknown) => {
          const fields = uniqueViolation(error);
          if (fields === null) throw error;
          const which = fields.join(" ");
          if (/bin/i.test(which)) throw new AppError("INSTITUTION_BIN_TAKEN", { bin: data.bin }, { cause: error });
          throw new AppError("INSTITUTION_SLUG_TAKEN", { slug: data.slug }, { cause: error });
        });
      await client.institutionKey.create({ data: { kid: data.activeKid, institutionId: data.id } });
      return fromRow(row);
    },
    async update(
      id: string,
      changes: {
        names?: Institution["names"];
        contact?: Partial<Institution["contact"]>;
        credentialFormat?: Institution["credentialFormat"];
      },
    ): Promise<Institution> {
      const row = await clientOf(db).institution.update({
        where: { id },
        data: {
          nameKk: changes.names?.kk,
          nameRu: changes.names?.ru,
          nameEn: changes.names?.en,
          contactEmail: changes.contact?.email,
          contactPhone: changes.contact?.phone,
          website: changes.contact?.website,
          credentialFormat: changes.credentialFormat,
        },
      });
      return fromRow(row);
    },
    async keys(institutionId: string): Promise<InstitutionKeyRecord[]> {
      const rows = await clientOf(db).institutionKey.findMany({ where: { institutionId }, orderBy: { createdAt: "desc" } });
      return rows.map((r) => ({ kid: r.kid, createdAt: r.createdAt, retiredAt: r.retiredAt }));
    },
    /** Makes newKid the signing key; the previous one is retired but stays published. */
    async switchActiveKey(institutionId: string, newKid: string, at: Date): Promise<Institution> {
      const client = clientOf(db);
      await client.institutionKey.updateMany({ where: { institutionId, retiredAt: null }, data: { retiredAt: at } });
      await client.institutionKey.create({ data: { kid: newKid, institutionId, createdAt: at } });
      return fromRow(await client.institution.update({ where: { id: institutionId }, data: { activeKid: newKid } }));
    },
  };
}

export type InstitutionsRepository = ReturnType<typeof institutionsRepository>;
