// npm run schemas:build: writes the JSON Schemas of our credential types into schemas/ from the zod definitions.
import { writeFileSync } from "node:fs";
import { microQualificationJsonSchema, SCHEMA_FILE_ID } from "../src/domain/qualifications/micro-credential-schema.js";
import { DECISION_SCHEMA_FILE_ID, recognitionDecisionJsonSchema } from "../src/domain/recognition/decision-credential.js";

export const SCHEMA_FILES: Record<string, () => Record<string, unknown>> = {
  "schemas/micro-qualification-credential.json": () => microQualificationJsonSchema(SCHEMA_FILE_ID),
  "schemas/recognition-decision-credential.json": () => recognitionDecisionJsonSchema(DECISION_SCHEMA_FILE_ID),
};

if (process.argv[1]?.endsWith("build-schemas.ts")) {
  for (const [file, build] of Object.entries(SCHEMA_FILES)) {
    writeFileSync(file, `${JSON.stringify(build(), null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}
