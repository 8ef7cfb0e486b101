import { z } from "zod";
import { ERROR_CODES } from "../../errors.js";

export const LocalizedTextSchema = z.strictObject({
  kk: z.string().trim().min(1).max(500),
  ru: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string().describe("Human-readable, in the language asked for (Accept-Language or ?lang=kk|ru|en)"),
    status: z.number().int(),
    code: z.enum(ERROR_CODES as [string, ...string[]]).describe("Stable machine-readable error code"),
    instance: z.string(),
    requestId: z.string(),
  })
  .catchall(z.unknown())
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

/** The error responses a route can produce, for the OpenAPI document. */
export function problems(...statuses: number[]): Record<number, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
}

export const IsoDate = z.iso.datetime({ offset: true });
