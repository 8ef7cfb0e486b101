// Process entry: configuration, wiring, listen, graceful shutdown. Nothing else calls listen().
import closeWithGrace from "close-with-grace";
import { pino } from "pino";
import { ConfigError, loadConfig } from "./config.js";
import { buildApp, REDACTED_PATHS } from "./http/app.js";
import { SecretKeyMismatchError, wire } from "./wiring.js";

const bootLog = pino({ level: "info", redact: REDACTED_PATHS });

async function main(): Promise<void> {
  const config = loadConfig(process.env, {
    onGeneratedSecret: (file) =>
      bootLog.warn(
        { file },
        "!!! Generated a new KUALIK_SECRET_KEY for development and saved it in this file. It encrypts every private key: back it up, and set KUALIK_SECRET_KEY yourself in production. !!!",
      ),
  });
  const wired = await wire(config, { log: bootLog });
  if (wired.migration.applied.length > 0) bootLog.info({ applied: wired.migration.applied }, "database migrated");
  if (wired.institutionsUnderOtherUrl.length > 0) {
    bootLog.warn(
      { institutions: wired.institutionsUnderOtherUrl, publicUrl: config.publicUrl.href },
      "these institutions' DIDs were created under another PUBLIC_URL; verifiers cannot resolve them at this address",
    );
  }
  if (config.env !== "production" && config.adminToken === undefined) {
    bootLog.info("KUALIK_ADMIN_TOKEN is not set: the admin API is closed until you set it (or issue a platform token)");
  }

  const app = await buildApp(wired.deps);
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, "shutting down after an error");
    else app.log.info({ signal }, "shutting down");
    await app.close();
    await wired.close();
  });

  await app.listen({ host: config.host, port: config.port });
  wired.runner.start();
  app.log.info(
    {
      database: config.database.provider,
      publicUrl: config.publicUrl.href,
      platformDid: wired.platformDid,
      docs: `${config.publicUrl.href.replace(/\/$/, "")}/docs`,
    },
    "Kualik is ready",
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SecretKeyMismatchError) {
    bootLog.fatal(error.message);
  } else {
    bootLog.fatal({ err: error }, "Kualik could not start");
  }
  process.exit(1);
});
