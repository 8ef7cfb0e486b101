// Status lists of an institution: index allocation (random, never reused), publication and re-signing.
import { randomInt, randomUUID } from "node:crypto";
import { verificationMethodId } from "../credentials/did-web.js";
import { emptyEncodedList, STATUS_LIST_LENGTH, statusListCredential } from "../credentials/status-list.js";
import { signVcJwt } from "../credentials/vc-jose.js";
import type { StatusList, StatusPurpose } from "../db/repositories/credentials.js";
import type { Institution } from "../domain/institutions/institution.js";
import type { Deps } from "./deps.js";

/** A list takes new indexes until it is three-quarters full, so random picks stay cheap. */
const FILL_LIMIT = Math.floor(STATUS_LIST_LENGTH * 0.75);

export function statusListUrl(publicUrl: URL, slug: string, purpose: StatusPurpose, sequence: number): string {
  return `${publicUrl.href.replace(/\/$/, "")}/orgs/${slug}/status/${purpose}/${sequence}`;
}

export interface AllocatedIndex {
  readonly listId: string;
  readonly url: string;
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
    const url = statusListUrl(deps.config.publicUrl, institution.slug, purpose, list.sequence);
    for (let i = 0; i < take; i++) {
      let index: number;
      do index = randomInt(list.length);
      while (used.has(index));
      used.add(index);
      result.push({ listId: list.id, url, index });
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

/** Signs the list's current bits with the institution's active key and stores the result. */
export async function signStatusList(institution: Institution, list: StatusList, deps: Deps): Promise<StatusList> {
  const signer = await deps.signing.signer(institution.activeKid);
  const url = statusListUrl(deps.config.publicUrl, institution.slug, list.purpose, list.sequence);
  const credential = statusListCredential({
    url,
    issuerDid: institution.did,
    purpose: list.purpose,
    encodedList: list.encodedList,
    validFrom: deps.clock(),
  });
  const signedJwt = signVcJwt(credential, signer, verificationMethodId(institution.did, signer.publicKeyHex));
  return deps.repos.credentials.saveList(list.id, { signedJwt });
}
