// Fetching documents a credential points to (status lists, schemas, DID documents) from other hosts:
// https only, no redirects, a timeout and a size cap, and never a private or loopback address unless the
// host is allowed by configuration (FETCH_ALLOW_HOSTS, for tests and local demos; plain http is then
// accepted too).
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export interface FetchPolicy {
  readonly allowHosts: readonly string[];
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export class FetchRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchRefused";
  }
}

function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split(".").map(Number) as [number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const lower = address.toLowerCase();
  return (
    lower === "::1" ||
    lower === "::" ||
    lower.startsWith("fc") ||
    lower.startsWith("fd") ||
    lower.startsWith("fe80") ||
    lower.startsWith("::ffff:127.") ||
    lower.startsWith("::ffff:10.") ||
    lower.startsWith("::ffff:192.168.")
  );
}

export async function safeFetch(url: URL, policy: FetchPolicy, accept: string): Promise<{ body: string; contentType: string }> {
  const host = url.host.toLowerCase();
  const allowed = policy.allowHosts.includes(host);
  if (url.protocol !== "https:" && !(allowed && url.protocol === "http:")) throw new FetchRefused(`${url.href}: only https is fetched`);
  if (!allowed) {
    const addresses = isIP(url.hostname) ? [url.hostname] : (await lookup(url.hostname, { all: true })).map((a) => a.address);
    if (addresses.some(isPrivateAddress)) throw new FetchRefused(`${url.href}: private or loopback address`);
  }
  const maxBytes = policy.maxBytes ?? 1024 * 1024;
  const response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(policy.timeoutMs ?? 5_000), headers: { accept } });
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new FetchRefused(`${url.href}: larger than ${maxBytes} bytes`);
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) {
      await reader?.cancel();
      throw new FetchRefused(`${url.href}: larger than ${maxBytes} bytes`);
    }
    chunks.push(next.value);
  }
  return { body: Buffer.concat(chunks).toString("utf8"), contentType: response.headers.get("content-type") ?? "" };
}
