// @digitalbazaar/bitstring ships no type declarations; these cover what we use.
declare module "@digitalbazaar/bitstring" {
  export class Bitstring {
    constructor(options: { length?: number; buffer?: Uint8Array; leftToRightIndexing?: boolean });
    readonly length: number;
    readonly bits: Uint8Array;
    set(position: number, on: boolean): void;
    get(position: number): boolean;
    /** gzip + base64url, no multibase prefix. */
    encodeBits(): Promise<string>;
    static decodeBits(options: { encoded: string }): Promise<Uint8Array>;
  }
}
