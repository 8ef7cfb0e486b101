import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { gradeOfPercent } from "../grading/letter-scale.js";
import { addMonths, buildMicroCredential, primaryLanguage, type MicroCredentialInput } from "./micro-credential.js";
import { microQualificationJsonSchema, MicroQualificationCredentialSchema, SCHEMA_FILE_ID } from "./micro-credential-schema.js";
import type { ProgrammeContent } from "./programme.js";

const t = (s: string) => ({ kk: `${s} kk`, ru: `${s} ru`, en: s });
const content: ProgrammeContent = {
  names: t("Welding"),
  qualificationName: t("Welder, level 3"),
  goal: t("Train welders"),
  description: null,
  form: "offline",
  nqfLevel: 3,
  accreditations: [],
  workload: { credits: 2, hours: 48 },
  languages: ["ru", "kk"],
  professionalBasis: { kind: "market_requirements", wording: t("Labour market") },
  learningOutcomes: [{ code: "LO1", text: t("Welds") }],
  thematicPlan: [],
  teachingMethods: t("Workshop"),
  assessment: null,
  fieldOfStudy: null,
  validityMonths: 36,
};

function input(over: Partial<MicroCredentialInput> = {}): MicroCredentialInput {
  return {
    id: "https://k.kz/credentials/1",
    issuer: { did: "did:web:k.kz:orgs:c", names: t("College"), url: "https://k.kz/orgs/c", bin: "990140001154" },
    programme: { achievementUrl: "https://k.kz/orgs/c/achievements/W1", code: "W1", content, workload: { credits: 2, hours: 48 } },
    learner: { fullName: "Асқар Бекұлы", identity: { kind: "hashed_iin", identityHash: `sha256$${"a".repeat(64)}`, salt: "s" } },
    result: { grade: gradeOfPercent(72), percent: 72, session: "2026-05", heldOn: "2026-05-30" },
    validFrom: new Date("2026-06-01T10:00:00.123Z"),
    validUntil: addMonths(new Date("2026-06-01T10:00:00Z"), 36),
    status: [
      { purpose: "revocation", listUrl: "https://k.kz/orgs/c/status/revocation/1", index: 5 },
      { purpose: "suspension", listUrl: "https://k.kz/orgs/c/status/suspension/1", index: 9 },
    ],
    schemaUrl: "https://k.kz/schemas/micro-qualification-credential.json",
    ...over,
  };
}

describe("buildMicroCredential", () => {
  it("M п.16: builds an Open Badges 3.0 credential that satisfies our published JSON Schema", () => {
    const vc = buildMicroCredential(input());
    expect(MicroQualificationCredentialSchema.safeParse(vc).success).toBe(true);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync("schemas/micro-qualification-credential.json", "utf8")));
    expect(validate(vc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("writes dates without milliseconds and sets validUntil from the programme's validity", () => {
    const vc = buildMicroCredential(input());
    expect(vc.validFrom).toBe("2026-06-01T10:00:00Z");
    expect(vc.validUntil).toBe("2029-06-01T10:00:00Z");
  });

  it("R п.8 / M п.17: records the letter, grade points and percentage as OB results", () => {
    const subject = buildMicroCredential(input()).credentialSubject as { result: { value: string }[] };
    expect(subject.result.map((r) => r.value)).toEqual(["C+", "2.33", "72"]);
  });

  it("presents texts in the first language of instruction", () => {
    expect(primaryLanguage(content)).toBe("ru");
    expect((buildMicroCredential(input()) as { name: string }).name).toBe("Welder, level 3 ru");
  });

  it("keeps the IIN out: the subject is named in clear and identified only by a salted hash", () => {
    const subject = buildMicroCredential(input()).credentialSubject as {
      id?: string;
      identifier: { identityType: string; hashed: boolean }[];
    };
    expect(subject.id).toBeUndefined();
    expect(subject.identifier.map((i) => [i.identityType, i.hashed])).toEqual([
      ["name", false],
      ["nationalIdentityNumber", true],
    ]);
  });
});

describe("addMonths", () => {
  it("clamps to the end of a shorter month", () => {
    expect(addMonths(new Date("2026-01-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(addMonths(new Date("2027-11-30T00:00:00Z"), 3).toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });
});

describe("published JSON Schema", () => {
  it("is up to date with the zod definition (run npm run schemas:build)", () => {
    const committed = JSON.parse(readFileSync("schemas/micro-qualification-credential.json", "utf8"));
    expect(committed).toEqual(microQualificationJsonSchema(SCHEMA_FILE_ID));
  });
});
