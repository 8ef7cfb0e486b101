// Bitstring Status List (W3C): the list's bits, gzip-compressed and base64url-encoded, inside a signed
// BitstringStatusListCredential. Index 0 is the left-most bit of the first byte.
import { Bitstring } from "@digitalbazaar/bitstring";
import { VC_V2_CONTEXT } from "../domain/qualifications/micro-credential.js";

/** The minimum length the specification sets (16 KB of bits), so that a list hides whom it describes. */
export const STATUS_LIST_LENGTH = 131_072;

export async function emptyEncodedList(length = STATUS_LIST_LENGTH): Promise<string> {
  return new Bitstring({ length }).encodeBits();
}

export async function setStatusBit(encoded: string, index: number, on: boolean): Promise<string> {
  const list = new Bitstring({ buffer: await Bitstring.decodeBits({ encoded }) });
  if (index < 0 || index >= list.length) throw new RangeError(`status index ${index} is outside the list of ${list.length}`);
  list.set(index, on);
  return list.encodeBits();
}

/** Decodes a list once, for reading many positions. */
export async function decodeStatusList(encoded: string): Promise<{ length: number; get(index: number): boolean }> {
  const list = new Bitstring({ buffer: await Bitstring.decodeBits({ encoded }) });
  return { length: list.length, get: (index) => list.get(index) };
}

export function statusListCredential(input: {
  url: string;
  issuerDid: string;
  purpose: "revocation" | "suspension";
  encodedList: string;
  validFrom: Date;
}): Record<string, unknown> {
  return {
    "@context": [VC_V2_CONTEXT],
    id: input.url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: input.issuerDid,
    validFrom: input.validFrom.toISOString().replace(/\.\d{3}Z$/, "Z"),
    credentialSubject: {
      id: `${input.url}#list`,
      type: "BitstringStatusList",
      statusPurpose: input.purpose,
      // Multibase base64url: the "u" prefix.
      encodedList: `u${input.encodedList}`,
    },
  };
}
