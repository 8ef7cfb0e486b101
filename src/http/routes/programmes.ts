import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Programme } from "../../db/repositories/programmes.js";
import { ANY_MEMBER } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";

import { registryApplication } from "../../domain/qualifications/registry-application.js";
import { renderRegistryApplicationPdf } from "../../documents/registry-application-pdf.js";
import type { Deps } from "../../services/deps.js";
import { achievementUrlOf } from "../../services/urls.js";
import { changeProgrammeStatus, createProgramme, editProgramme, findProgramme } from "../../services/programmes.js";
import { problems } from "../schemas/common.js";
import { SlugParams } from "../schemas/institutions.js";
import {
  ApproveProgrammeBody,
  CreateProgrammeBody,
  EditProgrammeBody,
  ProgrammeListQuery,
  ProgrammeParams,
  ProgrammeView,
} from "../schemas/programmes.js";

export const programmeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const security = [{ bearer: [] }];
  const registrar = { access: { scope: "institution", roles: ["registrar"] } } as const;
  const view = (institution: Institution, p: Programme): z.infer<typeof ProgrammeView> => ({
    id: p.id,
    code: p.code,
    institution: institution.slug,
    status: p.status,
    achievementUrl: achievementUrlOf(deps.config.publicUrl, institution.slug, p.code),
    workload: { credits: p.credits, hours: p.hours },
    content: { ...p.content },
    approval: p.approval ? { ...p.approval, approvedAt: p.approval.approvedAt.toISOString() } : null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    retiredAt: p.retiredAt?.toISOString() ?? null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  });

  app.post(
    "/orgs/:slug/programmes",
    {
      config: registrar,
      schema: {
        tags: ["programmes"],
        summary: "Describe a micro-qualification programme (starts as a draft)",
        description:
          "Checks M п.10 (at least 1 credit), R п.7 (credits and hours agree: 30 h per credit in higher education, 24 in TVET) and M п.9 (the thematic plan adds up).",
        security,
        params: SlugParams,
        body: CreateProgrammeBody,
        response: { 201: ProgrammeView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      const programme = await createProgramme(
        institution,
        { code: request.body.code, content: request.body.content },
        request.principal!.actor,
        deps,
      );
      return reply
        .code(201)
        .header("location", `/orgs/${institution.slug}/programmes/${programme.code}`)
        .send(view(institution, programme));
    },
  );

  app.get(
    "/orgs/:slug/programmes",
    {
      config: { access: { scope: "institution", roles: ANY_MEMBER } },
      schema: {
        tags: ["programmes"],
        summary: "The institution's programmes, newest change first",
        security,
        params: SlugParams,
        querystring: ProgrammeListQuery,
        response: {
          200: z.object({ items: z.array(ProgrammeView), total: z.number(), limit: z.number(), offset: z.number() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const institution = request.institution!;
      const { status, q, limit, offset } = request.query;
      const { items, total } = await deps.repos.programmes.list({ institutionId: institution.id, status, search: q, limit, offset });
      return { items: items.map((p) => view(institution, p)), total, limit, offset };
    },
  );

  app.get(
    "/orgs/:slug/programmes/:code",
    {
      config: { access: { scope: "institution", roles: ANY_MEMBER } },
      schema: {
        tags: ["programmes"],
        summary: "One programme",
        security,
        params: ProgrammeParams,
        response: { 200: ProgrammeView, ...problems(401, 403, 404) },
      },
    },
    async (request) => view(request.institution!, await findProgramme(request.institution!, request.params.code, deps)),
  );

  app.put(
    "/orgs/:slug/programmes/:code",
    {
      config: registrar,
      schema: {
        tags: ["programmes"],
        summary: "Edit a draft or approved programme (an approved one returns to draft)",
        security,
        params: ProgrammeParams,
        body: EditProgrammeBody,
        response: { 200: ProgrammeView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const institution = request.institution!;
      const edited = await editProgramme(
        institution,
        request.params.code,
        { version: request.body.version, content: request.body.content },
        request.principal!.actor,
        deps,
      );
      return view(institution, edited);
    },
  );

  app.post(
    "/orgs/:slug/programmes/:code/approve",
    {
      config: registrar,
      schema: {
        tags: ["programmes"],
        summary: "Record the academic council's approval (M п.4, 11)",
        security,
        params: ProgrammeParams,
        body: ApproveProgrammeBody,
        response: { 200: ProgrammeView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const institution = request.institution!;
      return view(
        institution,
        await changeProgrammeStatus(
          institution,
          request.params.code,
          { action: "approve", ...request.body },
          request.principal!.actor,
          deps,
        ),
      );
    },
  );

  for (const action of ["publish", "retire"] as const) {
    app.post(
      `/orgs/:slug/programmes/:code/${action}`,
      {
        config: registrar,
        schema: {
          tags: ["programmes"],
          summary:
            action === "publish"
              ? "Publish an approved programme: it can now award micro-qualifications"
              : "Retire a programme: no new awards; issued credentials stay valid",
          security,
          params: ProgrammeParams,
          response: { 200: ProgrammeView, ...problems(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const institution = request.institution!;
        return view(institution, await changeProgrammeStatus(institution, request.params.code, { action }, request.principal!.actor, deps));
      },
    );
  }

  app.get(
    "/orgs/:slug/programmes/:code/registry-application.pdf",
    {
      config: { access: { scope: "institution", roles: ANY_MEMBER } },
      schema: {
        tags: ["programmes"],
        summary: "The registry application as a printable A4 document",
        security,
        params: ProgrammeParams,
        querystring: z.strictObject({ lang: z.enum(["kk", "ru", "en"]).default("kk") }),
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      const programme = await findProgramme(institution, request.params.code, deps);
      const document = registryApplication(institution, programme.content, { credits: programme.credits, hours: programme.hours });
      const pdf = await renderRegistryApplicationPdf(document, request.query.lang, programme.approval);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="registry-application-${programme.code}-${request.query.lang}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    "/orgs/:slug/programmes/:code/registry-application",
    {
      config: { access: { scope: "institution", roles: ANY_MEMBER } },
      schema: {
        tags: ["programmes"],
        summary: "The application for the Registry of educational programmes (M appendix: its ten fields)",
        security,
        params: ProgrammeParams,
        response: { 200: z.object({}).catchall(z.unknown()), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      const programme = await findProgramme(institution, request.params.code, deps);
      const document = registryApplication(institution, programme.content, { credits: programme.credits, hours: programme.hours });
      return reply
        .header("content-disposition", `attachment; filename="registry-application-${programme.code}.json"`)
        .send({ ...document });
    },
  );
};
