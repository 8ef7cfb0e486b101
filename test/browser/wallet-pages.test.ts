// The wallet pages in a real browser (Debian's chromium): the learner's "Add to wallet" page, whose QR code is read
// back from the rendered image and redeemed with its PIN by a wallet client; and the employer's request page, which
// shows a QR code and then, without any script, the verified result once a wallet answers. kk/ru/en.
import path from "node:path";
import { decodeJwt, SignJWT } from "jose";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, SCREENSHOTS } from "../helpers/browser.js";
import { testIin } from "../helpers/iin.js";
import { bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";
import { decodeQrPng, redeemOffer, walletKey, type WalletKey } from "../helpers/wallet.js";
import { freePort } from "../helpers/network.js";

let svc: TestService;
let browser: Browser;
let base: string;
let registrar: string;
let wallet: WalletKey;

async function award(n: number): Promise<{ id: string; holderUrl: string }> {
  const post = (url: string, payload: object) => svc.app.inject({ method: "POST", url, headers: bearer(registrar), payload });
  const attestation = await post("/orgs/kaznu/programmes/DA-101/attestations", {
    learner: { fullName: `Әлия Нұрланқызы ${n}`, iin: testIin(n) },
    session: "2026-06",
    heldOn: "2026-06-20",
    result: { percent: 96 },
  });
  const credential = (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.json().id })).json();
  return { id: credential.id, holderUrl: credential.holderUrl };
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  svc = await startService({ env: { PUBLIC_URL: base, PORT: String(port) } });
  await svc.app.listen({ host: "127.0.0.1", port });
  ({ registrar } = await withPublishedProgramme(svc));
  wallet = await walletKey();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

describe("the learner's page: Add to wallet", () => {
  for (const [lang, button, pinLabel] of [
    ["kk", "Әмиянға қосу", "PIN код"],
    ["ru", "Добавить в кошелёк", "PIN-код"],
    ["en", "Add to wallet", "PIN"],
  ] as const) {
    it(`${lang}: the holder link opens the page; the button shows a QR code that a wallet redeems with the PIN`, async () => {
      const credential = await award(lang === "kk" ? 1 : lang === "ru" ? 2 : 3);
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
        locale: lang === "kk" ? "kk-KZ" : lang === "ru" ? "ru-RU" : "en-GB",
      });
      const page = await context.newPage();
      await page.goto(`${credential.holderUrl}?lang=${lang}`);
      expect(page.url()).toContain("/wallet");
      await page.goto(`${base}${new URL(page.url()).pathname}?lang=${lang}`);
      await page.getByRole("button", { name: button }).click();
      const qr = page.locator("img[data-offer-qr]");
      await qr.waitFor();
      expect(await page.locator("dt").filter({ hasText: pinLabel }).count()).toBe(1);
      const pin = (await page.locator("[data-pin]").textContent())!.trim();
      expect(pin).toMatch(/^\d{6}$/);
      await page.screenshot({ path: path.join(SCREENSHOTS, `wallet-offer-${lang}.png`), fullPage: true });

      // The QR code as the browser drew it, read back like a phone camera would.
      const offerUri = decodeQrPng(await qr.screenshot());
      expect(offerUri).toBe(await page.locator("a[data-offer-uri]").getAttribute("href"));
      expect(
        offerUri.startsWith(
          `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${base}/orgs/kaznu/openid4vci/offers/`)}`,
        ),
      ).toBe(true);

      const received = (await redeemOffer(offerUri, wallet, fetch, { txCode: pin })) as string;
      expect(decodeJwt(received).sub).toBe(wallet.did);
      await context.close();
    });
  }
});

describe("the employer's page: request a credential", () => {
  for (const [lang, waiting, verified] of [
    ["kk", "Жауап күтілуде", "Ұсынылған құжат тексерілді және жарамды"],
    ["ru", "Ожидаем ответ", "Предъявленный документ проверен и действителен"],
    ["en", "Waiting for the wallet", "The presented credential is verified and valid"],
  ] as const) {
    it(`${lang}: shows a QR code, then the verified result once the wallet answers`, async () => {
      // The wallet holds a credential bound to its key (issued through OpenID4VCI, as above).
      const credential = await award(lang === "kk" ? 11 : lang === "ru" ? 12 : 13);
      const offer = (
        await svc.app.inject({
          method: "POST",
          url: `/orgs/kaznu/credentials/${credential.id}/offers`,
          headers: bearer(registrar),
          payload: { pin: false },
        })
      ).json();
      const held = (await redeemOffer(offer.offerUri, wallet, fetch)) as string;

      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/verify/request?lang=${lang}`);
      await page.getByText(waiting).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `presentation-request-${lang}.png`), fullPage: true });
      const authorizationRequest = decodeQrPng(await page.locator("img[data-request-qr]").screenshot());
      expect(authorizationRequest).toBe(await page.locator("a[data-request-uri]").getAttribute("href"));
      expect(authorizationRequest.startsWith("openid4vp://?client_id=")).toBe(true);

      // The wallet's side, by hand: read the request object, sign the presentation, post it (direct_post).
      const requestUri = new URL(authorizationRequest.replace("openid4vp://", "https://x/")).searchParams.get("request_uri")!;
      const request = decodeJwt(await (await fetch(requestUri)).text()) as {
        nonce: string;
        state: string;
        client_id: string;
        response_uri: string;
        dcql_query: { credentials: { id: string }[] };
      };
      const vp = await new SignJWT({
        nonce: request.nonce,
        vp: { "@context": ["https://www.w3.org/2018/credentials/v1"], type: ["VerifiablePresentation"], verifiableCredential: [held] },
      })
        .setProtectedHeader({ alg: "EdDSA", typ: "JWT", kid: wallet.didUrl })
        .setIssuer(wallet.did)
        .setAudience(request.client_id)
        .setIssuedAt()
        .sign(wallet.privateKey);
      const queryId = request.dcql_query.credentials[0]!.id;
      const posted = await fetch(request.response_uri, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ vp_token: JSON.stringify({ [queryId]: [vp] }), state: request.state }),
      });
      expect(posted.status).toBe(200);

      // The page refreshes itself and shows the verified result with the achievement and grade.
      await page.getByText(verified).waitFor({ timeout: 15_000 });
      expect(await page.locator("[data-status]").getAttribute("data-status")).toBe("verified");
      expect(await page.locator("dd").allTextContents()).toEqual(expect.arrayContaining(["Кіші деректер талдаушысы", wallet.did]));
      await page.screenshot({ path: path.join(SCREENSHOTS, `presentation-result-${lang}.png`), fullPage: true });
      await context.close();
    });
  }
});
