// oidc-provider (the test's OpenID Connect provider) ships no type declarations; the tests use its constructor and
// listen() only.
declare module "oidc-provider" {
  import type { Server } from "node:http";
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number): Server;
  }
}
