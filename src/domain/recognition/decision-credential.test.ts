import { describe, expect, it } from "vitest";
import { buildDecisionCredential, RecognitionDecisionCredentialSchema } from "./decision-credential.js";

const t = (kk: string, ru: string, en: string) => ({ kk, ru, en });

const input = {
  id: "https://k.example/credentials/1",
  contextUrl: "https://k.example/contexts/recognition-decision-v1.jsonld",
  schemaUrl: "https://k.example/schemas/recognition-decision-credential.json",
  issuer: { did: "did:web:k.example:orgs:enu", names: t("ЕҰУ", "ЕНУ", "ENU"), url: "https://k.example/orgs/enu", bin: "080540000015" },
  lang: "en" as const,
  learner: { fullName: "Әлия Нұрланқызы", identity: { kind: "hashed_iin" as const, identityHash: "sha256$abc", salt: "s" } },
  procedure: "micro" as const,
  programme: { code: "6B06101", names: t("Ақпараттық жүйелер", "Информационные системы", "Information systems") },
  disciplines: [
    { code: "DA-201", names: t("Деректерді талдау", "Анализ данных", "Data analysis"), credits: 5, hours: 150, letter: "B+", gpa: 3.33 },
  ],
  basisDocuments: [
    {
      kind: "certificate",
      title: "Micro-qualification",
      credentialId: "https://a/credentials/9",
      issuer: "did:web:a",
      verdict: "valid",
      sha256: null,
    },
  ],
  protocol: { number: 1, date: "2026-11-23", commissionKind: "micro_qualification", orderNumber: "45-н", orderDate: "2026-09-01" },
  competences: ["Prepares and analyses data sets"],
  validFrom: new Date("2026-11-23T10:00:00Z"),
  status: [{ purpose: "revocation" as const, listUrl: "https://k.example/orgs/enu/status/revocation/1", index: 7 }],
};

describe("RecognitionDecisionCredential", () => {
  it("R п.18, M п.18, 24: carries the re-credited disciplines, the protocol as basis and the Diploma Supplement competences", () => {
    const vc = buildDecisionCredential(input);
    expect(vc.type).toEqual(["VerifiableCredential", "RecognitionDecisionCredential"]);
    const subject = vc.credentialSubject as Record<string, unknown>;
    expect(subject.recognisedDisciplines).toEqual([
      expect.objectContaining({
        code: "DA-201",
        credits: 5,
        hours: 150,
        letterGrade: "B+",
        recognition: "re-credited",
        nameKk: "Деректерді талдау",
      }),
    ]);
    expect(subject.protocol).toEqual({
      number: "1",
      date: "2026-11-23",
      commission: "micro_qualification",
      commissionOrder: "№ 45-н, 2026-09-01",
    });
    expect(subject.diplomaSupplementCompetences).toEqual(["Prepares and analyses data sets"]);
    expect(JSON.stringify(vc)).not.toContain("IIN");
  });

  it("R п.18: the published schema accepts what we issue and refuses a failing grade", () => {
    const vc = buildDecisionCredential(input);
    expect(RecognitionDecisionCredentialSchema.safeParse(vc).success).toBe(true);
    const failing = buildDecisionCredential({ ...input, disciplines: [{ ...input.disciplines[0]!, letter: "FX", gpa: 0.5 }] });
    expect(RecognitionDecisionCredentialSchema.safeParse(failing).success).toBe(false);
  });
});
