// The public page a QR code opens: a verdict in plain words and each check, in kk/ru/en, readable on a
// phone without JavaScript. Server-rendered HTML; styles inline in the document (no scripts at all).
import type { Lang } from "../../errors.js";
import type { VerificationReport } from "../../services/verify-credential.js";
import { checkLine, t, type PageTextKey } from "./messages.js";

type Json = Record<string, unknown>;

export const escape = (value: unknown) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export interface CredentialSummary {
  readonly issuerName: string | null;
  readonly learnerName: string | null;
  readonly qualification: string | null;
  readonly grade: string | null;
  readonly credits: number | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  /** A RecognitionDecisionCredential: the disciplines re-credited and the protocol it rests on. */
  readonly decision: {
    readonly disciplines: readonly {
      readonly code: string;
      readonly name: string;
      readonly credits: number;
      readonly hours: number;
      readonly letter: string;
    }[];
    readonly protocol: string | null;
  } | null;
}

/** What a person wants to read off an Open Badges (or plain W3C) credential. */
export function summarise(credential: Json | null): CredentialSummary {
  const c = credential ?? {};
  const issuer = c.issuer as Json | string | undefined;
  const subject = ([c.credentialSubject].flat()[0] ?? {}) as Json;
  const identifiers = ([subject.identifier].flat().filter(Boolean) as Json[]) ?? [];
  const learner = (subject.learner ?? {}) as Json;
  const name =
    identifiers.find((i) => i.identityType === "name" && i.hashed === false)?.identityHash ?? subject.name ?? learner.name ?? null;
  const recognised = ([subject.recognisedDisciplines].flat().filter(Boolean) as Json[]) ?? [];
  const protocol = (subject.protocol ?? null) as Json | null;
  const achievement = (subject.achievement ?? {}) as Json;
  const results = ([subject.result].flat().filter(Boolean) as Json[]) ?? [];
  const letter = results.find((r) => String(r.resultDescription ?? "").endsWith("#grade"))?.value;
  const gpa = results.find((r) => String(r.resultDescription ?? "").endsWith("#gpa"))?.value;
  const percent = results.find((r) => String(r.resultDescription ?? "").endsWith("#percent"))?.value;
  const grade = letter
    ? `${String(letter)}${gpa ? ` (${String(gpa)}${percent ? `; ${String(percent)} %` : ""})` : ""}`
    : ((results[0]?.value as string | undefined) ?? null);
  return {
    issuerName: typeof issuer === "object" && issuer ? ((issuer.name as string | undefined) ?? (issuer.id as string)) : (issuer ?? null),
    learnerName: name as string | null,
    qualification: (achievement.name as string | undefined) ?? (c.name as string | undefined) ?? null,
    grade,
    credits:
      typeof subject.creditsEarned === "number"
        ? subject.creditsEarned
        : typeof subject.totalCredits === "number"
          ? subject.totalCredits
          : null,
    validFrom: (c.validFrom as string | undefined) ?? (c.issuanceDate as string | undefined) ?? null,
    validUntil: (c.validUntil as string | undefined) ?? (c.expirationDate as string | undefined) ?? null,
    decision:
      recognised.length > 0
        ? {
            disciplines: recognised.map((d) => ({
              code: String(d.code ?? ""),
              name: String(d.name ?? ""),
              credits: Number(d.credits ?? 0),
              hours: Number(d.hours ?? 0),
              letter: String(d.letterGrade ?? ""),
            })),
            protocol: protocol ? `№ ${String(protocol.number ?? "")}, ${String(protocol.date ?? "")}` : null,
          }
        : null,
  };
}

/** The locale each page language formats dates and numbers in. */
export const LOCALES: Readonly<Record<Lang, string>> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };
const formatDate = (iso: string | null, lang: Lang) =>
  iso ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long", timeZone: "Asia/Almaty" }).format(new Date(iso)) : "";

const STYLE = `
:root{color-scheme:light;--ok:#0b6b2f;--bad:#a40e0e;--warn:#8a5a00;--ink:#1b1b1b;--muted:#555;--line:#d9d9d9}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#f6f7f9}
main{max-width:40rem;margin:0 auto;padding:1rem}
nav{display:flex;gap:.75rem;justify-content:flex-end;font-size:.9rem}nav a{color:#1f4e79}nav a[aria-current]{font-weight:700;text-decoration:none;color:var(--ink)}
.verdict{border-radius:.5rem;padding:1rem 1.25rem;margin:.75rem 0 1rem;color:#fff;font-size:1.25rem;font-weight:700}
.verdict.ok{background:var(--ok)}.verdict.bad{background:var(--bad)}.verdict.warn{background:var(--warn)}
dl{display:grid;grid-template-columns:minmax(7rem,35%) 1fr;gap:.4rem 1rem;background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0}
dt{color:var(--muted);overflow-wrap:break-word;hyphens:auto}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
h2{font-size:1.05rem;margin:1.25rem 0 .5rem}
ul.checks{list-style:none;padding:0;margin:0;background:#fff;border:1px solid var(--line);border-radius:.5rem}
ul.checks li{padding:.55rem .9rem;border-top:1px solid var(--line);display:flex;gap:.6rem}ul.checks li:first-child{border-top:0}
.mark{font-weight:700;min-width:1.2rem}.passed .mark{color:var(--ok)}.failed .mark{color:var(--bad)}.warning .mark{color:var(--warn)}.skipped .mark{color:var(--muted)}
footer{margin:1.25rem 0;font-size:.9rem;color:var(--muted)}footer a{color:#1f4e79}
`;

const MARK = { passed: "✓", failed: "✗", warning: "!", skipped: "–" } as const;

export function renderVerifyPage(input: {
  lang: Lang;
  report: VerificationReport | null;
  links: { pdf: string | null; json: string | null; self: string };
  checkedAt: Date;
  /** Names in the page's language, when the service knows them (its own institutions and programmes). */
  localized?: { issuerName?: string; qualification?: string };
}): string {
  const { lang, report } = input;
  const langLinks = (["kk", "ru", "en"] as const)
    .map((l) => `<a href="?lang=${l}" lang="${l}"${l === lang ? ' aria-current="true"' : ""}>${escape(t("languageName", l))}</a>`)
    .join("");
  if (!report) {
    return page(
      lang,
      `<nav aria-label="Language">${langLinks}</nav><div class="verdict bad" role="status">${escape(t("notFound", lang))}</div>`,
    );
  }
  const tone = report.verdict === "valid" ? "ok" : report.verdict === "untrusted_issuer" ? "warn" : "bad";
  const s = { ...summarise(report.credential), ...input.localized };
  const decision = s.decision;
  const rows: [PageTextKey, string | null][] = [
    ["issuedBy", s.issuerName],
    ["issuedTo", s.learnerName],
    decision ? ["protocolBasis", decision.protocol] : ["qualification", s.qualification],
    ["grade", decision ? null : s.grade],
    ["credits", s.credits === null ? null : String(s.credits)],
    ["issuedOn", formatDate(s.validFrom, lang) || null],
    ["validUntil", s.validUntil ? formatDate(s.validUntil, lang) : t("noEnd", lang)],
  ];
  const details = rows
    .filter(([, value]) => value)
    .map(([key, value]) => `<dt>${escape(t(key, lang))}</dt><dd>${escape(value)}</dd>`)
    .join("");
  const checks = report.checks
    .filter((c) => c.id !== "format")
    .map(
      (c) =>
        `<li class="${c.outcome}" data-check="${c.id}"><span class="mark" aria-hidden="true">${MARK[c.outcome]}</span><span>${escape(checkLine(c.code, c.reason, lang))}</span></li>`,
    )
    .join("");
  const body = `
<nav aria-label="Language">${langLinks}</nav>
<div class="verdict ${tone}" role="status" data-verdict="${report.verdict}">${escape(t(`verdict_${report.verdict}` as PageTextKey, lang))}</div>
<dl>${details}</dl>
${
  decision
    ? `<h2>${escape(t("recognised", lang))}</h2><ul class="checks" data-recognised>${decision.disciplines
        .map(
          (d) =>
            `<li><span>${escape(d.code)} · ${escape(d.name)} — ${escape(d.credits)} ${escape(t("creditsShort", lang))}, ${escape(d.hours)} ${escape(t("hoursShort", lang))}, ${escape(d.letter)}</span></li>`,
        )
        .join("")}</ul>`
    : ""
}
<h2>${escape(t("checksTitle", lang))}</h2>
<ul class="checks">${checks}</ul>
<footer>
  <p>${escape(t("checkedAt", lang))}: ${escape(new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Almaty" }).format(input.checkedAt))}</p>
  <p>${[
    input.links.pdf ? `<a href="${escape(input.links.pdf)}">${escape(t("downloadPdf", lang))}</a>` : "",
    input.links.json ? `<a href="${escape(input.links.json)}">${escape(t("machineReadable", lang))}</a>` : "",
  ]
    .filter(Boolean)
    .join(" · ")}</p>
</footer>`;
  return page(lang, body);
}

/** The form where a credential can be pasted (no JavaScript needed). */
export function renderPastePage(input: {
  lang: Lang;
  text?: string;
  error?: boolean;
  report?: VerificationReport | null;
  checkedAt: Date;
}): string {
  const langLinks = (["kk", "ru", "en"] as const)
    .map((l) => `<a href="?lang=${l}" lang="${l}"${l === input.lang ? ' aria-current="true"' : ""}>${escape(t("languageName", l))}</a>`)
    .join("");
  const form = `
<nav aria-label="Language">${langLinks}</nav>
<h2>${escape(t("pasteTitle", input.lang))}</h2>
<p>${escape(t("pasteHelp", input.lang))}</p>
<form method="post" action="/verify?lang=${input.lang}" enctype="multipart/form-data">
  <label for="credential">${escape(t("pasteLabel", input.lang))}</label>
  <textarea id="credential" name="credential" rows="8" style="display:block;width:100%;margin:.4rem 0;font:13px/1.4 ui-monospace,monospace">${escape(input.text ?? "")}</textarea>
  <label for="file" style="display:block;margin:.4rem 0">${escape(t("uploadLabel", input.lang))}</label>
  <input id="file" name="file" type="file" accept=".json,.jwt,.txt,application/json,text/plain" style="display:block;margin-bottom:.6rem">
  <button type="submit" style="font-size:1rem;padding:.5rem 1.25rem">${escape(t("pasteButton", input.lang))}</button>
</form>
${input.error ? `<div class="verdict bad" role="status">${escape(t("pasteNotCredential", input.lang))}</div>` : ""}`;
  if (!input.report) return page(input.lang, form);
  const result = renderVerifyPage({
    lang: input.lang,
    report: input.report,
    links: { pdf: null, json: null, self: "/verify" },
    checkedAt: input.checkedAt,
  });
  const reportBody = result.slice(result.indexOf("</nav>") + "</nav>".length, result.indexOf("</main>"));
  return page(input.lang, form + reportBody);
}

export function page(lang: Lang, body: string, title: PageTextKey = "pageTitle", head = ""): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">${head}
<title>${escape(t(title, lang))} · Kualik</title>
<style>${STYLE}</style>
</head>
<body><main>
<h1 style="font-size:1.1rem;margin:.25rem 0">${escape(t(title, lang))}</h1>
${body}
</main></body>
</html>`;
}
