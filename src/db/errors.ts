// Recognising database errors without leaking Prisma types out of db/.

/**
 * The columns of a unique constraint that a write violated (Prisma P2002), or null for any other error.
 * Driver adapters report the constraint in different places, so look in each.
 */
export function uniqueViolation(error: unknown): string[] | null {
  const e = error as { code?: string; meta?: Record<string, unknown> } | null;
  if (e?.code !== "P2002") return null;
  const meta = e.meta ?? {};
  const target = meta.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: unknown; index?: unknown } } } | undefined)?.cause;
  const fields = cause?.constraint?.fields;
  if (Array.isArray(fields)) return fields.map((f) => String(f).replaceAll('"', ""));
  if (typeof cause?.constraint?.index === "string") return [cause.constraint.index];
  return [];
}
