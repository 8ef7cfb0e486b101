// API tokens, users and their roles, and "who am I".
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ANY_MEMBER } from "../../domain/access/roles.js";
import { AppError } from "../../errors.js";
import { issueApiToken, revokeApiToken } from "../../services/api-tokens.js";
import type { Deps } from "../../services/deps.js";
import { createUser, grantRole, revokeRole } from "../../services/users.js";
import {
  CreateInstitutionTokenBody,
  CreatePersonalTokenBody,
  CreatePlatformTokenBody,
  CreateUserBody,
  IssuedTokenView,
  RoleSchema,
  TokenView,
  UserView,
} from "../schemas/access.js";
import { problems } from "../schemas/common.js";
import { SlugParams, SlugSchema } from "../schemas/institutions.js";
import { tokenView, userView } from "../views.js";

export const accessRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const slugResolver = async () => {
    const all = await deps.repos.institutions.list();
    const bySlug = new Map(all.map((i) => [i.id, i.slug]));
    return (id: string) => bySlug.get(id);
  };
  const platform = { access: { scope: "platform" } } as const;
  const security = [{ bearer: [] }];

  app.get(
    "/me",
    {
      config: { access: { scope: "authenticated" } },
      schema: {
        tags: ["access"],
        summary: "Who the caller is and what they may do",
        security,
        response: {
          200: z.object({
            actor: z.string(),
            platformAdmin: z.boolean(),
            roles: z.array(z.object({ institution: z.string(), role: RoleSchema })),
          }),
          ...problems(401),
        },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const slugOf = await slugResolver();
      return {
        actor: principal.actor,
        platformAdmin: principal.platformAdmin,
        roles: principal.grants.map((g) => ({ institution: slugOf(g.institutionId) ?? g.institutionId, role: g.role })),
      };
    },
  );

  // ---- institution tokens (machine clients of one institution) ----

  app.post(
    "/orgs/:slug/tokens",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Issue an API token for an institution's machine client",
        security,
        params: SlugParams,
        body: CreateInstitutionTokenBody,
        response: { 201: IssuedTokenView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      const { token, record } = await issueApiToken(
        {
          name: request.body.name,
          institutionId: institution.id,
          roles: request.body.roles,
          platformAdmin: false,
          expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
        },
        request.principal!.actor,
        deps,
      );
      return reply
        .code(201)
        .header("cache-control", "no-store")
        .send({ ...tokenView(record, institution.slug), token });
    },
  );

  app.get(
    "/orgs/:slug/tokens",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "An institution's API tokens (never the secrets)",
        security,
        params: SlugParams,
        response: { 200: z.object({ items: z.array(TokenView) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const institution = request.institution!;
      return { items: (await deps.repos.apiTokens.list({ institutionId: institution.id })).map((t) => tokenView(t, institution.slug)) };
    },
  );

  app.delete(
    "/orgs/:slug/tokens/:tokenId",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Revoke an institution's API token",
        security,
        params: z.strictObject({ slug: SlugSchema, tokenId: z.string().min(1).max(64) }),
        response: { 200: TokenView, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const institution = request.institution!;
      const revoked = await revokeApiToken(request.params.tokenId, institution.id, request.principal!.actor, deps);
      return tokenView(revoked, institution.slug);
    },
  );

  // ---- platform tokens ----

  app.post(
    "/tokens",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Issue a platform-admin API token",
        security,
        body: CreatePlatformTokenBody,
        response: { 201: IssuedTokenView, ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { token, record } = await issueApiToken(
        {
          name: request.body.name,
          institutionId: null,
          roles: [],
          platformAdmin: true,
          expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
        },
        request.principal!.actor,
        deps,
      );
      return reply
        .code(201)
        .header("cache-control", "no-store")
        .send({ ...tokenView(record, null), token });
    },
  );

  app.get(
    "/tokens",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Platform-admin API tokens",
        security,
        response: { 200: z.object({ items: z.array(TokenView) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: (await deps.repos.apiTokens.list({ institutionId: null })).map((t) => tokenView(t, null)) }),
  );

  app.delete(
    "/tokens/:tokenId",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Revoke a platform-admin API token",
        security,
        params: z.strictObject({ tokenId: z.string().min(1).max(64) }),
        response: { 200: TokenView, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => tokenView(await revokeApiToken(request.params.tokenId, null, request.principal!.actor, deps), null),
  );

  // ---- personal tokens ----

  app.post(
    "/users/:userId/tokens",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Issue a personal API token that acts as the user",
        description:
          "The token carries the user's own roles (now and as they change) and records the user as the actor: what the law asks a named person to do — a commission member's vote, an expert's conclusion — needs one.",
        security,
        params: z.strictObject({ userId: z.string().min(1).max(64) }),
        body: CreatePersonalTokenBody,
        response: { 201: IssuedTokenView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const user = await deps.repos.users.findById(request.params.userId);
      if (!user) throw new AppError("USER_NOT_FOUND", { userId: request.params.userId });
      let institution: { id: string; slug: string } | null = null;
      if (request.body.institution) {
        institution = await deps.repos.institutions.findBySlug(request.body.institution);
        if (!institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug: request.body.institution });
      }
      const { token, record } = await issueApiToken(
        {
          name: request.body.name,
          institutionId: institution?.id ?? null,
          roles: [],
          platformAdmin: false,
          userId: user.id,
          expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
        },
        request.principal!.actor,
        deps,
      );
      return reply
        .code(201)
        .header("cache-control", "no-store")
        .send({ ...tokenView(record, institution?.slug ?? null), token });
    },
  );

  // ---- users and roles ----

  app.post(
    "/users",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Create a user",
        security,
        body: CreateUserBody,
        response: { 201: UserView, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = await createUser(request.body, request.principal!.actor, deps);
      return reply.code(201).send(userView(user, await slugResolver()));
    },
  );

  app.get(
    "/users",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Users, optionally only those with a role in one institution",
        security,
        querystring: z.strictObject({ institution: SlugSchema.optional() }),
        response: { 200: z.object({ items: z.array(UserView) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      let institutionId: string | undefined;
      if (request.query.institution) {
        const institution = await deps.repos.institutions.findBySlug(request.query.institution);
        if (!institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug: request.query.institution });
        institutionId = institution.id;
      }
      const slugOf = await slugResolver();
      return { items: (await deps.repos.users.list({ institutionId })).map((u) => userView(u, slugOf)) };
    },
  );

  app.get(
    "/orgs/:slug/members",
    {
      config: { access: { scope: "institution", roles: ANY_MEMBER } },
      schema: {
        tags: ["access"],
        summary: "The institution's staff and their roles",
        security,
        params: SlugParams,
        response: { 200: z.object({ items: z.array(UserView) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const institution = request.institution!;
      const users = await deps.repos.users.list({ institutionId: institution.id });
      return {
        items: users.map((u) =>
          userView({ ...u, grants: u.grants.filter((g) => g.institutionId === institution.id) }, (id) =>
            id === institution.id ? institution.slug : undefined,
          ),
        ),
      };
    },
  );

  const memberParams = z.strictObject({ slug: SlugSchema, userId: z.string().min(1).max(64), role: RoleSchema });

  app.put(
    "/orgs/:slug/members/:userId/roles/:role",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Give a user a role in the institution (idempotent)",
        security,
        params: memberParams,
        response: { 200: UserView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = await grantRole(request.params.userId, request.institution!, request.params.role, request.principal!.actor, deps);
      return userView(user, await slugResolver());
    },
  );

  app.delete(
    "/orgs/:slug/members/:userId/roles/:role",
    {
      config: platform,
      schema: {
        tags: ["access"],
        summary: "Take a role away from a user",
        security,
        params: memberParams,
        response: { 200: UserView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = await revokeRole(request.params.userId, request.institution!, request.params.role, request.principal!.actor, deps);
      return userView(user, await slugResolver());
    },
  );
};
