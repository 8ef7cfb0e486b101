// Status lists of an institution: index allocation (random, never reused), publication and re-signing.
import { randomInt, randomUUID } from "node:crypto";
import { verificationMethodId } from "../credentials/did-web.js";
import { emptyEncodedList, STATUS_LIST_LENGTH, statusListCredential } from "../credentials/status-list.js";
import { signVcJwt } from "../credentials/vc-jose.js";
import type { CredentialFormat, StatusList, StatusPurpose } from "../db/repositories/credentials.js";
import { signDataIntegrity } from "../credentials/data-integrity.js";
import { serviceDocumentLoader } from "./json-ld.js";
import type { Institution } from "../domain/institutions/institution.js";
import type { Deps } from "./deps.js";

/** A list takes new indexes until it is three-quarters full, so random picks stay cheap. */
const FILL_LIMIT = Math.floor(STATUS_LIST_LENGTH * 0.75);

/**
 * Each list is published twice, signed for each proof format, so that a credential's verifier gets the
 * list in the format it already handles: JSON with a Data Integrity proof at the base URL, and the same
 * bits as vc+jwt at /jwt.
 */
export function statusListUrl(
  publicUrl: URL,
  slug: string,
  purpose: StatusPurpose,
  sequence: number,
  format: CredentialFormat = "di",
): string {
  const base = `${publicUrl.href.replace(/\/$/, "")}/orgs/${slug}/status/${purpose}/${sequence}`;
  return format === "vc+jwt" ? `${base}/jwt` : base;
}

export interface AllocatedIndex {
  readonly listId: string;
  readonly sequence: number;
  readonly index: number;
}

/**
 * Reserves `count` unused positions on the institution's current list for `purpose`, opening a new list
 * when the current one is full. Call inside the transaction that stores the credentials: the unique
 * constraints on (list, index) catch a concurrent node that picked the same position.
 */
export async function allocateStatusIndexes(
  institution: Institution,
  purpose: StatusPurpose,
  count: number,
  deps: Deps,
): Promise<AllocatedIndex[]> {
  const result: AllocatedIndex[] = [];
  let list = await deps.repos.credentials.newestList(institution.id, purpose);
  while (result.length < count) {
    if (!list || list.allocated >= FILL_LIMIT) list = await openList(institution, purpose, (list?.sequence ?? 0) + 1, deps);
    const take = Math.min(count - result.length, FILL_LIMIT - list.allocated);
    const used = await deps.repos.credentials.usedIndexes(list.id, purpose);
    for (let i = 0; i < take; i++) {
      let index: number;
      do index = randomInt(list.length);
      while (used.has(index));
      used.add(index);
      result.push({ listId: list.id, sequence: list.sequence, index });
    }
    await deps.repos.credentials.addAllocated(list.id, take);
    list = { ...list, allocated: list.allocated + take };
  }
  return result;
}

async function openList(institution: Institution, purpose: StatusPurpose, sequence: number, deps: Deps): Promise<StatusList> {
  const created = await deps.repos.credentials.createList({
    id: randomUUID(),
    institutionId: institution.id,
    purpose,
    sequence,
    length: STATUS_LIST_LENGTH,
    encodedList: await emptyEncodedList(),
  });
  return signStatusList(institution, created, deps);
}

/** Signs the list's current bits, in both formats, with the institution's active key and stores them. */
export async function signStatusList(institution: Institution, list: StatusList, deps: Deps): Promise<StatusList> {
  const signer = await deps.signing.signer(institution.activeKid);
  const validFrom = deps.clock();
  const common = { issuerDid: institution.did, purpose: list.purpose, encodedList: list.encodedList, validFrom };
  const urlFor = (format: CredentialFormat) => statusListUrl(deps.config.publicUrl, institution.slug, list.purpose, list.sequence, format);
  const signedJwt = signVcJwt(
    statusListCredential({ ...common, url: urlFor("vc+jwt") }),
    signer,
    verificationMethodId(institution.did, signer.publicKeyHex),
  );
  const signedJson = await signDataIntegrity(
    statusListCredential({ ...common, url: urlFor("di") }),
    { seed: await signer.seed(), controller: institution.did },
    serviceDocumentLoader(deps),
  );
  return deps.repos.credentials.saveList(list.id, { signedJwt, signedJson });
}
