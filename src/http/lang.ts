import { LANGS, type Lang } from "../errors.js";

/** Picks kk, ru or en from ?lang= or Accept-Language (quality-ordered); English when nothing matches. */
export function pickLang(acceptLanguage: string | undefined, explicit?: string): Lang {
  if (explicit && (LANGS as readonly string[]).includes(explicit)) return explicit as Lang;
  if (!acceptLanguage) return "en";
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { primary: tag.split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) if ((LANGS as readonly string[]).includes(r.primary)) return r.primary as Lang;
  return "en";
}
