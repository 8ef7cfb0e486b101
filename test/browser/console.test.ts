// The staff console in a real browser: the first administrator is created with the README's command, signs in
// (after a wrong password), sees the home page and signs out; in kk/ru/en, with axe-core finding no WCAG 2.1 AA
// violations on either page, and a keyboard-only sign-in.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, SCREENSHOTS } from "../helpers/browser.js";
import { startService, type TestService } from "../helpers/service.js";

let svc: TestService;
let browser: Browser;
let base: string;
let password: string;

beforeAll(async () => {
  svc = await startService();
  base = await svc.app.listen({ host: "127.0.0.1", port: 0 });
  // The README's command for the first administrator, against the same database.
  const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", "admin@kualik.kz", "Дина Асқарова"], {
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: svc.config.database.url,
      DATA_DIR: svc.dataDir,
      KUALIK_SECRET_KEY: svc.secretKey,
      PUBLIC_URL: base,
      LOG_LEVEL: "silent",
    },
    encoding: "utf8",
  });
  password = /Password \(shown once\): (\S+)/.exec(out)![1]!;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await svc?.destroy();
});

describe("the staff console", () => {
  for (const [lang, wrong, admin, signOut] of [
    ["kk", "E-mail немесе құпиясөз қате.", "Платформа әкімшісі", "Шығу"],
    ["ru", "Неверный e-mail или пароль.", "Администратор платформы", "Выйти"],
    ["en", "Wrong e-mail or password.", "Platform administrator", "Sign out"],
  ] as const) {
    it(`${lang}: sign-in refuses a wrong password, lets the admin in with the keyboard, and signs out; no axe violations`, async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${base}/console?lang=${lang}`);
      expect(new URL(page.url()).pathname).toBe("/console/sign-in");
      expect(await axeViolations(page)).toEqual([]);

      await page.locator("#email").fill("admin@kualik.kz");
      await page.locator("#password").fill("not the password");
      await page.locator("#password").press("Enter");
      await page.locator("[data-error]").waitFor();
      expect((await page.locator("[data-error]").textContent())?.trim()).toBe(wrong);
      expect(await page.locator("#email").inputValue()).toBe("admin@kualik.kz");

      // Keyboard only: Tab from the e-mail to the password, Enter to send.
      await page.locator("#email").focus();
      await page.keyboard.press("Tab");
      await page.keyboard.type(password);
      await page.keyboard.press("Enter");
      await page.locator("[data-user]").waitFor();
      expect(await page.locator("[data-role=platform_admin]").textContent()).toBe(admin);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `console-home-${lang}.png`), fullPage: true });

      await page.getByRole("button", { name: signOut }).click();
      expect(new URL(page.url()).pathname).toBe("/console/sign-in");
      await page.goto(`${base}/console`);
      expect(new URL(page.url()).pathname).toBe("/console/sign-in");
      await context.close();
    });
  }
});
