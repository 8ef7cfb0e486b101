import { describe, expect, it } from "vitest";
import { seal, unseal } from "./sealed.js";

const key = "11".repeat(32);

describe("sealed secrets", () => {
  it("open only with the same key and purpose, and not once altered", () => {
    const sealed = seal("client-secret", key, "sso-client-secret");
    expect(sealed).not.toContain("client-secret");
    expect(unseal(sealed, key, "sso-client-secret")).toBe("client-secret");
    expect(unseal(sealed, key, "sso-login")).toBeNull();
    expect(unseal(sealed, "22".repeat(32), "sso-client-secret")).toBeNull();
    expect(unseal(`${sealed.slice(0, -2)}AA`, key, "sso-client-secret")).toBeNull();
  });
});
