// npm run admin:create -- <email> "<full name>"
// Creates the first platform administrator (or resets the password of an existing user and makes them an admin)
// and prints a generated password once. Works on the same database as the service (DATABASE_URL, ./data by default).
import { ConfigError, loadConfig } from "../src/config.js";
import { createUser } from "../src/services/users.js";
import { resetPassword } from "../src/services/sessions.js";
import { wire } from "../src/wiring.js";

const [email, ...name] = process.argv.slice(2);
if (!email || !email.includes("@") || name.length === 0) {
  console.error('usage: npm run admin:create -- <email> "<full name>"');
  process.exit(2);
}
try {
  const wired = await wire(loadConfig());
  const { deps } = wired;
  try {
    const existing = await deps.repos.users.findByEmail(email.trim().toLowerCase());
    const user = existing ?? (await createUser({ email, fullName: name.join(" "), isPlatformAdmin: true }, "cli", deps));
    if (existing && !existing.isPlatformAdmin) {
      console.error(`${email} exists and is not a platform administrator; grant that through the API first.`);
      process.exit(1);
    }
    const { password } = await resetPassword(user.id, null, "cli", deps);
    console.log(
      `Platform administrator: ${user.email}\nPassword (shown once): ${password}\nSign in at ${deps.config.publicUrl.href.replace(/\/$/, "")}/console`,
    );
  } finally {
    await wired.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
