// The one place errors become HTTP: AppError → its status; framework and validation errors → our codes;
// anything else → 500 with a generic message (details go to the log only). RFC 9457 problem+json.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode } from "../../errors.js";
import { pickLang } from "../lang.js";
import { asProtocolError } from "../../openid4vc/issuer.js";

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance: string;
  requestId: string;
  [extension: string]: unknown;
}

function langOf(request: FastifyRequest): ReturnType<typeof pickLang> {
  const query = request.query as Record<string, unknown> | undefined;
  return pickLang(request.headers["accept-language"], typeof query?.lang === "string" ? query.lang : undefined);
}

export function problemFor(error: AppError, request: FastifyRequest, problemBase: string): Problem {
  return {
    type: `${problemBase}/problems/${error.code.toLowerCase().replaceAll("_", "-")}`,
    title: error.localized(langOf(request)),
    status: error.status,
    code: error.code,
    instance: request.url,
    requestId: request.id,
    ...(error.details ?? {}),
  };
}

export function sendProblem(reply: FastifyReply, error: AppError, problemBase: string): FastifyReply {
  const problem = problemFor(error, reply.request, problemBase);
  if (error.code === "UNAUTHENTICATED" || error.code.startsWith("TOKEN_")) {
    if (problem.status === 401) void reply.header("www-authenticate", 'Bearer realm="kualik"');
  }
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** Translates anything thrown into an AppError, or null for a genuine internal error. */
export function toAppError(error: FastifyError | Error, request: FastifyRequest): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const problems = error.validation.map((v) => ({
      where: (error as FastifyError).validationContext ?? "body",
      path: v.instancePath || "/",
      message: v.message ?? "invalid",
      ...(v.params && "issue" in v.params ? { issue: (v.params.issue as { code?: string }).code } : {}),
    }));
    const first = problems[0];
    const summary = first ? `${first.where}${first.path === "/" ? "" : first.path}: ${first.message}` : "invalid input";
    return new AppError(
      "VALIDATION_FAILED",
      { summary: problems.length > 1 ? `${summary} (+${problems.length - 1})` : summary },
      { details: { errors: problems } },
    );
  }
  const code = (error as FastifyError).code;
  switch (code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("BODY_TOO_LARGE", { limit: request.routeOptions.bodyLimit ?? 0 });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", { contentType: request.headers["content-type"] ?? "(none)" });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("MALFORMED_BODY");
    case "FST_ERR_VALIDATION":
      return new AppError("VALIDATION_FAILED", { summary: error.message });
  }
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) return new AppError("MALFORMED_BODY");
  if ((error as FastifyError).statusCode === 429) return new AppError("RATE_LIMITED", { retryAfter: 60 });
  if (isDatabaseDown(error)) return new AppError("DATABASE_UNAVAILABLE");
  return null;
}

const UNAVAILABLE_KINDS =
  /DatabaseNotReachable|DatabaseDoesNotExist|DatabaseAccessDenied|SocketTimeout|TooManyConnections|ConnectionClosed/;

function isDatabaseDown(error: Error): boolean {
  const kind = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string } } } }).meta?.driverAdapterError?.cause?.kind ?? "";
  const text = `${(error as { code?: string }).code ?? ""} ${kind} ${error.message}`;
  return (
    UNAVAILABLE_KINDS.test(text) ||
    /ECONNREFUSED|P1001|P1017|Cannot open database|unable to open database|database is locked|SQLITE_BUSY/i.test(text)
  );
}

export function registerErrorHandling(app: FastifyInstance, problemBase: string): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // OpenID4VCI/VP endpoints answer in the OAuth error format the specs define, not problem+json.
    const protocol = asProtocolError(error);
    if (protocol) {
      request.log.info({ error: protocol.error }, protocol.description);
      if (protocol.wwwAuthenticate) void reply.header("www-authenticate", protocol.wwwAuthenticate);
      return reply
        .code(protocol.status)
        .header("cache-control", "no-store")
        .send({ error: protocol.error, error_description: protocol.description });
    }
    const known = toAppError(error, request);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, "request failed");
      else request.log.info({ code: known.code }, known.message);
      return sendProblem(reply, known, problemBase);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, new AppError("INTERNAL", { requestId: request.id }), problemBase);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new AppError("ROUTE_NOT_FOUND", { method: request.method, url: request.url.split("?")[0] ?? request.url }),
      problemBase,
    ),
  );
}
