// The learner's "Add to wallet" page and the employer's "Request a credential" page, in kk/ru/en.
// Server-rendered; the request page refreshes itself (no scripts), so it works on any phone or kiosk.
import type { IssuedCredential } from "../../db/repositories/credentials.js";
import type { Lang } from "../../errors.js";
import type { CreatedOffer } from "../../services/wallet-issuance.js";
import { t } from "./messages.js";
import { escape, page, summarise } from "./verify-page.js";

type Json = Record<string, unknown>;

const langLinks = (lang: Lang, path: string, query = "") =>
  `<nav aria-label="Language">${(["kk", "ru", "en"] as const)
    .map(
      (l) =>
        `<a href="${escape(path)}?${query ? `${escape(query)}&amp;` : ""}lang=${l}" lang="${l}"${l === lang ? ' aria-current="true"' : ""}>${escape(t("languageName", l))}</a>`,
    )
    .join("")}</nav>`;

const BUTTON =
  "display:inline-block;margin:.75rem 0;padding:.7rem 1.2rem;border:0;border-radius:.5rem;background:#1f4e79;color:#fff;font:inherit;font-weight:700;cursor:pointer";

export function renderHolderPage(input: {
  lang: Lang;
  credential: IssuedCredential;
  verificationUrl: string;
  offer: CreatedOffer | null;
  formAction: string;
}): string {
  const { lang, credential, offer } = input;
  const s = summarise(credential.document as Json);
  const details = [
    ["issuedBy", s.issuerName],
    ["issuedTo", s.learnerName],
    ["qualification", s.qualification],
    ["grade", s.grade],
  ] as const;
  const dl = `<dl>${details
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${escape(t(k, lang))}</dt><dd>${escape(v)}</dd>`)
    .join("")}</dl>`;
  let wallet: string;
  if (credential.status === "revoked") wallet = `<div class="verdict bad" role="status">${escape(t("walletRevoked", lang))}</div>`;
  else if (!offer)
    wallet = `<p>${escape(t("walletAddHelp", lang))}</p>
<form method="post" action="${escape(input.formAction)}?lang=${lang}"><button type="submit" style="${BUTTON}">${escape(t("walletAdd", lang))}</button></form>`;
  else
    wallet = `<p>${escape(t("walletScan", lang))}</p>
<p><img data-offer-qr src="${escape(offer.qrPngDataUrl)}" alt="${escape(t("walletAdd", lang))}: QR" width="320" height="320" style="max-width:100%;height:auto;background:#fff"></p>
<p><a data-offer-uri href="${escape(offer.offerUri)}">${escape(t("walletOpenLink", lang))}</a></p>
${
  offer.txCode
    ? `<dl><dt>${escape(t("walletPin", lang))}</dt><dd data-pin style="font-size:1.6rem;letter-spacing:.3rem">${escape(offer.txCode)}</dd></dl>
<p>${escape(t("walletPinWarning", lang))}</p>`
    : ""
}`;
  const body = `${langLinks(lang, input.formAction)}
${dl}
<h2>${escape(t("walletAdd", lang))}</h2>
${wallet}
<footer><p><a href="${escape(input.verificationUrl)}?lang=${lang}">${escape(t("pageTitle", lang))}</a></p></footer>`;
  return page(lang, body, "walletTitle");
}

export interface RequestPageState {
  readonly id: string;
  readonly status: "pending" | "verified" | "rejected" | "expired";
  readonly qrPngDataUrl: string | null;
  readonly authorizationRequest: string | null;
  readonly result: Json | null;
  readonly selfUrl: string;
  /** The page's own key, kept on every link (language switches, refreshes). */
  readonly keyQuery: string;
  readonly newUrl: string;
}

export function renderRequestPage(lang: Lang, state: RequestPageState): string {
  let content: string;
  if (state.status === "pending")
    content = `<p>${escape(t("requestHelp", lang))}</p>
<p><img data-request-qr src="${escape(state.qrPngDataUrl ?? "")}" alt="${escape(t("requestTitle", lang))}: QR" width="320" height="320" style="max-width:100%;height:auto;background:#fff"></p>
<p><a data-request-uri href="${escape(state.authorizationRequest ?? "")}">${escape(t("walletOpenLink", lang))}</a></p>
<div class="verdict warn" role="status" data-status="pending">${escape(t("requestWaiting", lang))}</div>`;
  else if (state.status === "expired")
    content = `<div class="verdict bad" role="status" data-status="expired">${escape(t("requestExpired", lang))}</div>`;
  else {
    const credentials = ((state.result?.credentials as Json[] | undefined) ?? []).map((c) =>
      summarise((c.credential as Json | null) ?? null),
    );
    const ok = state.status === "verified";
    content = `<div class="verdict ${ok ? "ok" : "bad"}" role="status" data-status="${state.status}">${escape(t(ok ? "requestVerified" : "requestRejected", lang))}</div>
${credentials
  .map(
    (s) =>
      `<dl>${(
        [
          ["issuedBy", s.issuerName],
          ["issuedTo", s.learnerName],
          ["qualification", s.qualification],
          ["grade", s.grade],
          ["holder", (state.result?.holder as string | undefined) ?? null],
        ] as const
      )
        .filter(([, v]) => v)
        .map(([k, v]) => `<dt>${escape(t(k, lang))}</dt><dd>${escape(v)}</dd>`)
        .join("")}</dl>`,
  )
  .join("")}`;
  }
  const refresh = state.status === "pending" ? `<meta http-equiv="refresh" content="2">` : "";
  const body = `${langLinks(lang, state.selfUrl, state.keyQuery)}
${content}
<footer><p><a href="${escape(state.newUrl)}?lang=${lang}">${escape(t("requestNew", lang))}</a></p></footer>`;
  return page(lang, body, "requestTitle", refresh);
}
