// Browser tests drive Debian's chromium (playwright-core never downloads a browser). On the project's
// machines (Debian, root) this installs it when it is missing; elsewhere it says what to do.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
if (!canInstall) {
  console.error(`Browser tests need Debian's chromium at ${path}: run "apt-get install chromium" as root, or set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log("Installing Debian's chromium for the browser tests (once)…");
execSync("apt-get update -qq && apt-get install -y -qq chromium", {
  stdio: "inherit",
  env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
});
