import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Attestation, Learner } from "../../db/repositories/learners.js";
import type { Deps } from "../../services/deps.js";
import { findLearner, recordAttestation, registerLearner, updateLearner, upsertLearner } from "../../services/learners.js";
import { findProgramme } from "../../services/programmes.js";
import { runInTransaction } from "../../db/transaction.js";
import { problems } from "../schemas/common.js";
import { SlugParams } from "../schemas/institutions.js";
import { AttestationBody, AttestationView, LearnerBody, LearnerParams, LearnerPatchBody, LearnerView } from "../schemas/learners.js";
import { ProgrammeParams } from "../schemas/programmes.js";

const learnerView = (l: Learner): z.infer<typeof LearnerView> => ({
  id: l.id,
  fullName: l.fullName,
  iin: l.iin,
  email: l.email,
  holderDid: l.holderDid,
  createdAt: l.createdAt.toISOString(),
});

export const attestationView = (a: Attestation, programmeCode: string): z.infer<typeof AttestationView> => ({
  id: a.id,
  programme: programmeCode,
  learnerId: a.learnerId,
  session: a.session,
  heldOn: a.heldOn,
  percent: a.percent,
  letter: a.letter,
  gpa: a.gpa,
  passing: a.passing,
  createdAt: a.createdAt.toISOString(),
});

export const learnerRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const security = [{ bearer: [] }];
  const registrar = { access: { scope: "institution", roles: ["registrar"] } } as const;
  const readers = { access: { scope: "institution", roles: ["registrar", "viewer"] } } as const;
  const page = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };

  app.post(
    "/orgs/:slug/learners",
    {
      config: registrar,
      schema: {
        tags: ["learners"],
        summary: "Register a learner",
        security,
        params: SlugParams,
        body: LearnerBody,
        response: { 201: LearnerView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(learnerView(await registerLearner(request.institution!, request.body, request.principal!.actor, deps))),
  );

  app.get(
    "/orgs/:slug/learners",
    {
      config: readers,
      schema: {
        tags: ["learners"],
        summary: "Find learners by name, IIN prefix or e-mail",
        security,
        params: SlugParams,
        querystring: z.strictObject({ q: z.string().trim().min(1).max(100).optional(), ...page }),
        response: { 200: z.object({ items: z.array(LearnerView), total: z.number() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { items, total } = await deps.repos.learners.list({
        institutionId: request.institution!.id,
        search: request.query.q,
        limit: request.query.limit,
        offset: request.query.offset,
      });
      return { items: items.map(learnerView), total };
    },
  );

  app.get(
    "/orgs/:slug/learners/:learnerId",
    {
      config: readers,
      schema: {
        tags: ["learners"],
        summary: "One learner",
        security,
        params: LearnerParams,
        response: { 200: LearnerView, ...problems(401, 403, 404) },
      },
    },
    async (request) => learnerView(await findLearner(request.institution!, request.params.learnerId, deps)),
  );

  app.patch(
    "/orgs/:slug/learners/:learnerId",
    {
      config: registrar,
      schema: {
        tags: ["learners"],
        summary: "Correct a learner's name, e-mail or wallet DID",
        security,
        params: LearnerParams,
        body: LearnerPatchBody,
        response: { 200: LearnerView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      learnerView(await updateLearner(request.institution!, request.params.learnerId, request.body, request.principal!.actor, deps)),
  );

  app.post(
    "/orgs/:slug/programmes/:code/attestations",
    {
      config: registrar,
      schema: {
        tags: ["learners"],
        summary: "Record a final attestation result (M п.16)",
        description:
          "A percentage is converted with the Kazakhstan letter scale (M п.17). Sending the same result again answers 200 with the stored record; a different result for the same session is a 409.",
        security,
        params: ProgrammeParams,
        body: AttestationBody,
        response: { 201: AttestationView, 200: AttestationView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      const body = request.body;
      const actor = request.principal!.actor;
      const { attestation, created } = await runInTransaction(deps.db, async () => {
        const programme = await findProgramme(institution, request.params.code, deps);
        const learner = body.learner
          ? await upsertLearner(institution, body.learner, actor, deps)
          : await findLearner(institution, body.learnerId!, deps);
        const result =
          "percent" in body.result
            ? ({ kind: "percent", value: body.result.percent } as const)
            : ({ kind: "letter", value: body.result.letter } as const);
        return recordAttestation(institution, programme, learner, { session: body.session, heldOn: body.heldOn, result }, actor, deps);
      });
      return reply.code(created ? 201 : 200).send(attestationView(attestation, request.params.code));
    },
  );

  app.get(
    "/orgs/:slug/programmes/:code/attestations",
    {
      config: readers,
      schema: {
        tags: ["learners"],
        summary: "Final attestation results of a programme",
        security,
        params: ProgrammeParams,
        querystring: z.strictObject(page),
        response: { 200: z.object({ items: z.array(AttestationView), total: z.number() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const programme = await findProgramme(request.institution!, request.params.code, deps);
      const { items, total } = await deps.repos.learners.listAttestations({
        programmeId: programme.id,
        limit: request.query.limit,
        offset: request.query.offset,
      });
      return { items: items.map((a) => attestationView(a, programme.code)), total };
    },
  );
};
