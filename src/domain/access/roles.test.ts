import { describe, expect, it } from "vitest";
import { decide, type Principal } from "./roles.js";

const registrarOfA: Principal = { actor: "token:1", platformAdmin: false, grants: [{ institutionId: "A", role: "registrar" }] };
const admin: Principal = { actor: "admin-token", platformAdmin: true, grants: [] };

describe("decide", () => {
  it("lets anyone through a public route", () => {
    expect(decide(null, { scope: "public" })).toEqual({ allowed: true });
  });

  it("asks an anonymous caller to authenticate", () => {
    expect(decide(null, { scope: "institution", roles: ["registrar"] }, "A")).toMatchObject({ allowed: false, reason: "unauthenticated" });
  });

  it("lets a platform admin act in any institution", () => {
    expect(decide(admin, { scope: "institution", roles: ["registrar"] }, "B")).toEqual({ allowed: true });
    expect(decide(admin, { scope: "platform" })).toEqual({ allowed: true });
  });

  it("keeps an institution's staff out of another institution", () => {
    expect(decide(registrarOfA, { scope: "institution", roles: ["registrar"] }, "B")).toMatchObject({
      allowed: false,
      reason: "other_institution",
    });
  });

  it("requires one of the listed roles in that institution", () => {
    expect(decide(registrarOfA, { scope: "institution", roles: ["registrar", "viewer"] }, "A")).toEqual({ allowed: true });
    expect(decide(registrarOfA, { scope: "institution", roles: ["commission_secretary"] }, "A")).toEqual({
      allowed: false,
      reason: "missing_role",
      held: ["registrar"],
    });
  });

  it("does not let institution staff use platform routes", () => {
    expect(decide(registrarOfA, { scope: "platform" })).toMatchObject({ allowed: false, reason: "missing_role" });
  });
});
