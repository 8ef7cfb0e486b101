import type { z } from "zod";
import { AppError } from "../errors.js";

/** zod-parses a value the route could not declare as its schema (a body of several media types, say). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ where, path: `/${i.path.join("/")}`, message: i.message }));
  const first = errors[0]!;
  return (() => {
    throw new AppError(
      "VALIDATION_FAILED",
      {
        summary: `${where}${first.path === "/" ? "" : first.path}: ${first.message}${errors.length > 1 ? ` (+${errors.length - 1})` : ""}`,
      },
      { details: { errors } },
    );
  })();
}
