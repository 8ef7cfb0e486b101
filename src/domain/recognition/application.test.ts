import { describe, expect, it } from "vitest";
import { basisDocumentKinds, missingDocuments, stageAfter } from "./application.js";

const file = (kind: "certificate" | "identity_document" | "recognition_centre_document") => ({ kind, hasFile: true, hasCredential: false });
const credential = (kind: "certificate" | "recognition_centre_document") => ({ kind, hasFile: false, hasCredential: true });

describe("required documents", () => {
  it("R п.13: procedure A needs the application to the chair and the certificate", () => {
    expect(missingDocuments("A", "Прошу признать…", [credential("certificate")])).toEqual([]);
    expect(missingDocuments("A", "   ", [])).toEqual([
      { kind: "application_text", rule: "R п.13" },
      { kind: "certificate", rule: "R п.13" },
    ]);
  });

  it("R п.24: procedure B needs the application, an identity document copy and the recognition centre's document", () => {
    expect(missingDocuments("B", "Өтініш", [file("identity_document"), credential("recognition_centre_document")])).toEqual([]);
    expect(missingDocuments("B", "Өтініш", [credential("recognition_centre_document")])).toEqual([
      { kind: "identity_document", rule: "R п.24" },
    ]);
    // A certificate is not the recognition centre's document.
    expect(missingDocuments("B", "Өтініш", [file("identity_document"), file("certificate")])).toEqual([
      { kind: "recognition_centre_document", rule: "R п.24" },
    ]);
  });

  it("M п.26: a micro-qualification transfer needs the application and the certificate", () => {
    expect(missingDocuments("micro", "Application", [])).toEqual([{ kind: "certificate", rule: "M п.26" }]);
  });

  it("R п.10, 20: the appendix of courses is read from the certificate (A, micro) or the recognition centre's document (B)", () => {
    expect(basisDocumentKinds("A")).toEqual(["certificate"]);
    expect(basisDocumentKinds("B")).toEqual(["recognition_centre_document"]);
  });
});

describe("stages", () => {
  it("R п.14–18: submitted → with the experts → concluded → decided → recorded, in that order only", () => {
    expect(stageAfter("submitted", "forward")).toBe("with_experts");
    expect(stageAfter("with_experts", "conclude")).toBe("concluded");
    expect(stageAfter("concluded", "decide")).toBe("decided");
    expect(stageAfter("decided", "record")).toBe("recorded");
    expect(stageAfter("submitted", "decide")).toBeNull();
    expect(stageAfter("concluded", "forward")).toBeNull();
    expect(stageAfter("recorded", "record")).toBeNull();
  });

  it("R п.10: the appendix and overrides can change only before the conclusion", () => {
    expect(stageAfter("with_experts", "edit_courses")).toBe("with_experts");
    expect(stageAfter("concluded", "edit_courses")).toBeNull();
    expect(stageAfter("decided", "override")).toBeNull();
  });
});
