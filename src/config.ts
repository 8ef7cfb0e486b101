// The only reader of process.env. Parses once, fails listing every bad variable, returns a frozen Config.
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export type DbProvider = "sqlite" | "postgres";

export interface Config {
  readonly env: "development" | "production" | "test";
  readonly host: string;
  readonly port: number;
  readonly publicUrl: URL;
  readonly dataDir: string;
  readonly database: { readonly provider: DbProvider; readonly url: string };
  readonly secretKey: string;
  /** Where the secret key came from: the environment, or a generated development file. */
  readonly secretKeySource: "env" | "file";
  readonly adminToken: string | undefined;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  readonly rateLimit: { readonly enabled: boolean; readonly max: number; readonly windowMs: number };
  readonly bodyLimitBytes: number;
  readonly tls: { readonly certPath: string; readonly keyPath: string } | undefined;
  readonly fetchAllowHosts: readonly string[];
  readonly trustProxy: boolean;
  /** How long another node's change may take to be seen here (institutions, tokens, DID documents). */
  readonly cacheTtlMs: number;
  /** An award batch whose process has been silent this long is taken over by another process. */
  readonly batchStaleMs: number;
  /** HTTP worker processes (node:cluster) sharing the port; 1 runs in this process. */
  readonly workers: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const boolean = z.enum(["true", "false", "1", "0", "yes", "no", "on", "off"]).transform((v) => ["true", "1", "yes", "on"].includes(v));

const hexKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters (32 bytes); generate one with `openssl rand -hex 32`");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL, for example https://kualik.example.kz" }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .optional(),
  KUALIK_SECRET_KEY: hexKey.optional(),
  KUALIK_ADMIN_TOKEN: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RATE_LIMIT_ENABLED: boolean.default(true),
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  FETCH_ALLOW_HOSTS: z.string().default(""),
  TRUST_PROXY: boolean.default(false),
  CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  BATCH_STALE_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  WORKERS: z
    .union([z.literal("auto"), z.coerce.number().int().min(1).max(64)])
    .default(1)
    .transform((v) => (v === "auto" ? Math.max(1, availableParallelism()) : v)),
});

type Env = Readonly<Record<string, string | undefined>>;

export interface LoadOptions {
  /** Called once when a development secret key file is created, so the caller can log it loudly. */
  onGeneratedSecret?: (filePath: string) => void;
}

/** Reads and validates the environment. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env, options: LoadOptions = {}): Config {
  // Empty strings count as "not set": shells and .env files often export VAR= for unset.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];

  if ((e.TLS_CERT === undefined) !== (e.TLS_KEY === undefined)) {
    problems.push("TLS_CERT and TLS_KEY: set both (paths to a PEM certificate and its key) or neither");
  }
  if (e.NODE_ENV === "production") {
    if (!e.KUALIK_SECRET_KEY) problems.push("KUALIK_SECRET_KEY: required in production (64 hex characters)");
    if (!e.PUBLIC_URL) problems.push("PUBLIC_URL: required in production (the address verifiers and wallets use)");
    if (e.KUALIK_ADMIN_TOKEN !== undefined && e.KUALIK_ADMIN_TOKEN.length < 24) {
      problems.push("KUALIK_ADMIN_TOKEN: must be at least 24 characters in production");
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  const scheme = e.TLS_CERT ? "https" : "http";
  const publicHost = e.HOST === "0.0.0.0" || e.HOST === "::" ? "localhost" : e.HOST;
  const publicUrl = new URL(e.PUBLIC_URL ?? `${scheme}://${publicHost === "127.0.0.1" ? "localhost" : publicHost}:${e.PORT}`);
  publicUrl.pathname = publicUrl.pathname.replace(/\/+$/, "");
  publicUrl.search = "";
  publicUrl.hash = "";

  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "kualik.db")}`;
  const provider: DbProvider = databaseUrl.startsWith("file:") ? "sqlite" : "postgres";

  let secretKey = e.KUALIK_SECRET_KEY;
  let secretKeySource: Config["secretKeySource"] = "env";
  if (!secretKey) {
    secretKey = readOrCreateDevSecret(dataDir, options.onGeneratedSecret);
    secretKeySource = "file";
  }

  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir,
    database: Object.freeze({ provider, url: databaseUrl }),
    secretKey: secretKey.toLowerCase(),
    secretKeySource,
    adminToken: e.KUALIK_ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    rateLimit: Object.freeze({ enabled: e.RATE_LIMIT_ENABLED, max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS }),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    tls: e.TLS_CERT && e.TLS_KEY ? Object.freeze({ certPath: e.TLS_CERT, keyPath: e.TLS_KEY }) : undefined,
    fetchAllowHosts: Object.freeze(
      e.FETCH_ALLOW_HOSTS.split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
    trustProxy: e.TRUST_PROXY,
    cacheTtlMs: e.CACHE_TTL_MS,
    batchStaleMs: e.BATCH_STALE_MS,
    workers: e.WORKERS,
  });
}

const DEV_SECRET_FILE = "secret.key";

function readOrCreateDevSecret(dataDir: string, onGenerated?: (filePath: string) => void): string {
  const file = path.join(dataDir, DEV_SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    const check = hexKey.safeParse(stored);
    if (!check.success) throw new ConfigError([`${file}: does not hold a 64-hex-character key; restore it or set KUALIK_SECRET_KEY`]);
    return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(32).toString("hex");
  // wx: never overwrite a key another process wrote a moment ago.
  writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: "wx" });
  onGenerated?.(file);
  return generated;
}
