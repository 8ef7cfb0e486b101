// buildApp(deps): the Fastify application with every plugin and route, registered in reading order.
// Nothing here listens; src/main.ts does.
import { readFileSync } from "node:fs";
import helmet, { type HelmetOptions } from "helmet";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import path from "node:path";
import rateLimit from "@fastify/rate-limit";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "../errors.js";
import type { Deps } from "../services/deps.js";
import { registerAuth } from "./plugins/auth.js";
import { registerErrorHandling } from "./plugins/error-handler.js";
import { registerOpenApi } from "./plugins/openapi.js";
import { accessRoutes } from "./routes/access.js";
import { didDocumentRoutes } from "./routes/did-documents.js";
import { healthRoutes } from "./routes/health.js";
import { institutionRoutes } from "./routes/institutions.js";
import { programmeRoutes } from "./routes/programmes.js";
import { learnerRoutes } from "./routes/learners.js";
import { credentialRoutes } from "./routes/credentials.js";
import { publicDocumentRoutes } from "./routes/public-documents.js";
import { awardBatchRoutes } from "./routes/award-batches.js";
import { verificationRoutes } from "./routes/verification.js";
import { trustRegistryRoutes } from "./routes/trust-registry.js";
import { recognitionRoutes } from "./routes/recognition.js";
import { openid4vciRoutes } from "./routes/openid4vci.js";
import { openid4vpRoutes } from "./routes/openid4vp.js";
import { consoleRoutes } from "./routes/console.js";
import { consoleRegistrarRoutes } from "./routes/console-registrar.js";
import { consoleRecognitionRoutes } from "./routes/console-recognition.js";
import { consoleReferenceRoutes } from "./routes/console-reference.js";
import { consoleAdminRoutes } from "./routes/console-admin.js";
import { projectRoot } from "../paths.js";

export const VERSION: string = (JSON.parse(readFileSync(`${projectRoot}/package.json`, "utf8")) as { version: string }).version;

/** Log fields that must never be written: credentials of callers and anything key-shaped. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "*.token",
  "*.password",
  "*.secretKey",
  "*.privateKeyHex",
  "*.adminToken",
];

/**
 * The headers helmet sets for these options. @fastify/helmet builds helmet's middleware again (parsing every CSP
 * directive) for each request; with no per-route options and no nonces the headers never change, so they are
 * worked out once here and set by one hook.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export interface AppOptions {
  /** Where logs go instead of stdout (tests read them back). */
  readonly logStream?: { write(line: string): void };
  readonly logLevel?: Config["logLevel"];
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: options.logLevel ?? config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ...(config.tls ? { https: { cert: readFileSync(config.tls.certPath), key: readFileSync(config.tls.keyPath) } } : {}),
    return503OnClosing: true,
    requestIdHeader: false,
    // One access line per request (below) instead of Fastify's two, each with every header.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  // At debug level, each request as it arrives, with its headers (credentials redacted, above).
  const level = options.logLevel ?? config.logLevel;
  if (level === "debug" || level === "trace")
    app.addHook("onRequest", async (request) => {
      request.log.debug({ req: { method: request.method, url: request.url, headers: request.headers } }, "incoming request");
    });
  // The access log: method, path (never the query), the route it matched, status and time taken.
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.url.split("?", 1)[0],
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      "request",
    );
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: anything else is a 415 rather than a string the schemas would then reject.
  app.removeContentTypeParser("text/plain");
  // Fastify's own JSON parser (with its prototype-poisoning checks), except that an empty body is no body:
  // clients often send Content-Type: application/json on a POST that carries nothing.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, undefined);
    parseJson(request, text, done);
  });

  const problemBase = config.publicUrl.href.replace(/\/$/, "");
  registerErrorHandling(app, problemBase);

  const securityHeaders = helmetHeaders({
    // Swagger UI (and later our pages) ship their own assets from this origin.
    contentSecurityPolicy: {
      directives: { "img-src": ["'self'", "data:"], "script-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"] },
    },
    hsts: config.tls !== undefined || config.publicUrl.protocol === "https:",
  });
  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(securityHeaders);
  });
  if (config.rateLimit.enabled) {
    await app.register(rateLimit, {
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowMs,
      errorResponseBuilder: (_request, context) => new AppError("RATE_LIMITED", { retryAfter: Math.ceil(context.ttl / 1000) }),
    });
  }
  await app.register(cookie);
  registerAuth(app, deps);
  await registerOpenApi(app, { version: VERSION, publicUrl: config.publicUrl });

  await app.register(healthRoutes, { deps, version: VERSION });
  await app.register(didDocumentRoutes, { deps });
  await app.register(institutionRoutes, { deps });
  await app.register(accessRoutes, { deps });
  await app.register(programmeRoutes, { deps });
  await app.register(learnerRoutes, { deps });
  await app.register(credentialRoutes, { deps });
  await app.register(publicDocumentRoutes, { deps });
  await app.register(awardBatchRoutes, { deps });
  await app.register(verificationRoutes, { deps });
  await app.register(trustRegistryRoutes, { deps });
  await app.register(recognitionRoutes, { deps });
  await app.register(openid4vciRoutes, { deps });
  await app.register(openid4vpRoutes, { deps });
  await app.register(consoleRoutes, { deps });
  await app.register(consoleRegistrarRoutes, { deps });
  await app.register(consoleRecognitionRoutes, { deps });
  await app.register(consoleReferenceRoutes, { deps });
  await app.register(consoleAdminRoutes, { deps });
  // The console's scripts (web/) and the one library they use (uPlot), served from this origin.
  await app.register(fastifyStatic, { root: path.join(projectRoot, "web"), prefix: "/web/", maxAge: 3600_000, decorateReply: false });
  await app.register(fastifyStatic, {
    root: path.join(projectRoot, "node_modules", "uplot", "dist"),
    prefix: "/vendor/uplot/",
    decorateReply: false,
    allowedPath: (pathName) => /\/uPlot\.(iife\.min\.js|min\.css)$/.test(pathName),
  });
  return app;
}
