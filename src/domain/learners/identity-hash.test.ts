import { describe, expect, it } from "vitest";
import { hashIdentity } from "./identity-hash.js";

describe("hashIdentity (Open Badges 3.0 IdentityObject)", () => {
  it("is sha256$ + hex of the identity followed by the salt", () => {
    // printf 'abcsalt' | sha256sum
    expect(hashIdentity("abc", "salt")).toBe("sha256$169b3a2b0977ebee2eb1fd392c6aa470a3281d439ff32f20baea7309d7f40eec");
  });

  it("differs with the salt, so equal IINs do not link two credentials", () => {
    expect(hashIdentity("950701300127", "a")).not.toBe(hashIdentity("950701300127", "b"));
  });
});
