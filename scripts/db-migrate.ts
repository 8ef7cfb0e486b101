// npm run db:migrate: apply pending migrations to DATABASE_URL (the service also does this at start-up).
import { ConfigError, loadConfig } from "../src/config.js";
import { migrate } from "../src/db/migrate.js";

try {
  const config = loadConfig();
  const result = await migrate(config.database);
  console.log(
    result.applied.length > 0
      ? `${config.database.provider}: applied ${result.applied.join(", ")}`
      : `${config.database.provider}: up to date (${result.alreadyApplied} migrations)`,
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
