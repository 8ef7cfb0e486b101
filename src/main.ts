// Process entry: configuration, wiring, listen, graceful shutdown. Nothing else calls listen().
import closeWithGrace from "close-with-grace";
import { pino } from "pino";
import cluster from "node:cluster";
import { ConfigError, loadConfig, type Config } from "./config.js";
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
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config);

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

/**
 * WORKERS > 1: this process migrates the database and creates the platform identity once, then starts
 * that many workers sharing the port (node:cluster) and replaces any that dies. Each worker is a node in
 * the multi-node sense: its caches see other workers' changes within CACHE_TTL_MS.
 */
async function runPrimary(config: Config): Promise<void> {
  const setup = await wire(config, { log: bootLog });
  if (setup.migration.applied.length > 0) bootLog.info({ applied: setup.migration.applied }, "database migrated");
  await setup.close();
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    bootLog.error({ worker: worker.process.pid, code, signal }, "a worker stopped; starting another");
    cluster.fork();
  });
  bootLog.info({ workers: config.workers }, "started workers");
  closeWithGrace({ delay: 15_000 }, async ({ signal }) => {
    stopping = true;
    bootLog.info({ signal }, "shutting down workers");
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once("exit", () => resolve());
            worker.kill("SIGTERM");
          }),
      ),
    );
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SecretKeyMismatchError) {
    bootLog.fatal(error.message);
  } else {
    bootLog.fatal({ err: error }, "Kualik could not start");
  }
  process.exit(1);
});
