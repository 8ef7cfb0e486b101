// The recognition API: reference data (calendar, periods, programmes, scales), commissions and expert groups,
// applications with their preparation, meetings with votes, protocols, transcripts. Thin: each handler calls one service.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CalendarYearSchema, kzDateOf } from "../../domain/calendar/working-days.js";
import { ANY_MEMBER, type InstitutionRole } from "../../domain/access/roles.js";
import { ConversionScaleSchema } from "../../domain/recognition/grade-conversion.js";
import { ExpertConclusionDraftSchema } from "../../domain/recognition/expert-conclusion.js";
import type { RecognitionApplication } from "../../db/repositories/recognition-applications.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../../services/deps.js";
import { calendarYears, putCalendarYear } from "../../services/recognition/calendar.js";
import {
  concludeApplication,
  findApplication,
  forwardToExperts,
  overdueSteps,
  overrideDocument,
  setCourses,
  submitApplication,
} from "../../services/recognition/applications.js";
import { createCommission, createExpertGroup, findCommission, recordElection } from "../../services/recognition/commissions.js";
import {
  createAcademicPeriod,
  createCurriculum,
  enrolLearner,
  findCurriculum,
  gradeScales,
  putGradeScale,
} from "../../services/recognition/curricula.js";
import {
  addToAgenda,
  castVote,
  closeMeeting,
  decideApplication,
  findMeeting,
  openMeeting,
  putMotion,
  setAttendance,
} from "../../services/recognition/meetings.js";
import { extractPdf, protocolOf, protocolPdf } from "../../services/recognition/protocols.js";
import { recordInTranscript, transcriptOf } from "../../services/recognition/transcripts.js";
import { pickLang } from "../lang.js";
import { LocalizedTextSchema, problems } from "../schemas/common.js";
import { SlugParams } from "../schemas/institutions.js";
import {
  AcademicPeriodBody,
  AgendaBody,
  AgendaParams,
  ApplicationBody,
  ApplicationListQuery,
  ApplicationParams,
  AttendanceBody,
  CodeParams,
  CommissionBody,
  CoursesBody,
  CurriculumBody,
  curriculumInput,
  DocumentParams,
  DocumentQuery,
  ElectionBody,
  EnrolmentBody,
  ExpertGroupBody,
  ForwardBody,
  Items,
  Json,
  LearnerParams,
  MeetingBody,
  MeetingParams,
  MotionBody,
  OverrideBody,
  SlugIdParams,
  TranscriptBody,
  VoteBody,
} from "../schemas/recognition.js";

const plain = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

export const recognitionRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const security = [{ bearer: [] }];
  const tags = ["recognition"];
  const roles = (...r: InstitutionRole[]) => ({ access: { scope: "institution", roles: r } }) as const;
  const secretary = roles("commission_secretary");
  const staff = roles("registrar", "commission_secretary");
  const anyMember = { access: { scope: "institution", roles: ANY_MEMBER } } as const;

  const applicationView = async (a: RecognitionApplication) => {
    const today = kzDateOf(deps.clock());
    const trail = await deps.repos.audit.listBySubject(`application:${a.id}`);
    return plain({
      ...a,
      documents: a.documents.map((d) => ({ ...d, credential: undefined, hasCredential: d.credential !== null })),
      overdue: overdueSteps(a, today),
      auditTrail: trail.map((e) => ({ at: e.at.toISOString(), actor: e.actor, action: e.action, details: e.details })),
    });
  };

  // ---- the working-day calendar ----
  app.get(
    "/calendar",
    {
      config: { access: { scope: "public" } },
      schema: { tags, summary: "Kazakhstan's working-day calendar, per year", response: { 200: Items } },
    },
    async () => ({ items: (await calendarYears(deps)).map(plain) }),
  );
  app.put(
    "/calendar/:year",
    {
      config: { access: { scope: "platform" } },
      schema: {
        tags,
        summary: "Load one year's days off and working weekend days (the government's decree)",
        security,
        params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: CalendarYearSchema,
        response: { 200: Json, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      if (request.body.year !== request.params.year)
        throw new AppError("VALIDATION_FAILED", { summary: "the year in the body differs from the year in the path" });
      return plain(await putCalendarYear(request.body, request.principal!.actor, deps));
    },
  );

  // ---- academic periods, educational programmes, enrolment, grade scales ----
  app.post(
    "/orgs/:slug/academic-periods",
    {
      config: staff,
      schema: {
        tags,
        summary: "Add an academic period",
        security,
        params: SlugParams,
        body: AcademicPeriodBody,
        response: { 201: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(plain(await createAcademicPeriod(request.institution!, request.body, request.principal!.actor, deps))),
  );
  app.get(
    "/orgs/:slug/academic-periods",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "The institution's academic periods",
        security,
        params: SlugParams,
        response: { 200: Items, ...problems(401, 403, 404) },
      },
    },
    async (request) => ({ items: (await deps.repos.curricula.listPeriods(request.institution!.id)).map(plain) }),
  );
  app.post(
    "/orgs/:slug/curricula",
    {
      config: staff,
      schema: {
        tags,
        summary: "Describe an educational programme with its disciplines (the targets of re-crediting)",
        description:
          "Each discipline: credits and hours agreeing at the institution's rate (R п.7), learning outcomes and syllabus topics (R п.6, 9), competences (M п.18).",
        security,
        params: SlugParams,
        body: CurriculumBody,
        response: { 201: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const curriculum = await createCurriculum(request.institution!, curriculumInput(request.body), request.principal!.actor, deps);
      return reply.code(201).send(plain(curriculum));
    },
  );
  app.get(
    "/orgs/:slug/curricula",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "The institution's educational programmes",
        security,
        params: SlugParams,
        response: { 200: Items, ...problems(401, 403, 404) },
      },
    },
    async (request) => ({ items: (await deps.repos.curricula.listCurricula(request.institution!.id)).map(plain) }),
  );
  app.get(
    "/orgs/:slug/curricula/:code",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "One educational programme",
        security,
        params: CodeParams,
        response: { 200: Json, ...problems(401, 403, 404) },
      },
    },
    async (request) => plain(await findCurriculum(request.institution!, request.params.code, deps)),
  );
  app.put(
    "/orgs/:slug/learners/:learnerId/enrolment",
    {
      config: roles("registrar"),
      schema: {
        tags,
        summary: "Enrol a learner in an educational programme",
        security,
        params: LearnerParams,
        body: EnrolmentBody,
        response: { 200: Json, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      plain(await enrolLearner(request.institution!, request.params.learnerId, request.body.curriculum, request.principal!.actor, deps)),
  );
  app.get(
    "/orgs/:slug/grade-scales",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "Conversion scales to the letter system (R п.8): built-in templates and the institution's own",
        security,
        params: SlugParams,
        response: { 200: Items, ...problems(401, 403, 404) },
      },
    },
    async (request) => ({ items: (await gradeScales(request.institution!, deps)).map(plain) }),
  );
  app.put(
    "/orgs/:slug/grade-scales/:code",
    {
      config: staff,
      schema: {
        tags,
        summary: "Define or replace a conversion scale (R п.8); a scale that leaves a grade unmapped is refused",
        security,
        params: CodeParams,
        body: z.strictObject({ names: LocalizedTextSchema, scale: ConversionScaleSchema }),
        response: { 200: Json, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      plain(await putGradeScale(request.institution!, { code: request.params.code, ...request.body }, request.principal!.actor, deps)),
  );

  // ---- commissions, elections, expert groups ----
  app.post(
    "/orgs/:slug/commissions",
    {
      config: staff,
      schema: {
        tags,
        summary: "Form a commission by order (R п.11, 21; M п.19)",
        description:
          "The secretary is staff holding commission_secretary and is not a member (R п.12, 23); members hold commission_member.",
        security,
        params: SlugParams,
        body: CommissionBody,
        response: { 201: Json, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(plain(await createCommission(request.institution!, request.body, request.principal!.actor, deps))),
  );
  app.get(
    "/orgs/:slug/commissions",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "The institution's commissions",
        security,
        params: SlugParams,
        response: { 200: Items, ...problems(401, 403, 404) },
      },
    },
    async (request) => ({ items: (await deps.repos.commissions.list(request.institution!.id)).map(plain) }),
  );
  app.get(
    "/orgs/:slug/commissions/:id",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "A commission with its elections and meetings",
        security,
        params: SlugIdParams,
        response: { 200: Json, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const commission = await findCommission(request.institution!, request.params.id, deps);
      return plain({
        ...commission,
        elections: await deps.repos.commissions.elections(commission.id),
        meetings: await deps.repos.commissions.listMeetings(commission.id),
      });
    },
  );
  app.post(
    "/orgs/:slug/commissions/:id/elections",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Record the open vote electing the chair or the deputy (R п.12, 23)",
        security,
        params: SlugIdParams,
        body: ElectionBody,
        response: { 201: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(plain(await recordElection(request.institution!, request.params.id, request.body, request.principal!.actor, deps))),
  );
  app.post(
    "/orgs/:slug/commissions/:id/meetings",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Open a meeting with the members present",
        security,
        params: SlugIdParams,
        body: MeetingBody,
        response: { 201: Json, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(plain(await openMeeting(request.institution!, request.params.id, request.body, request.principal!.actor, deps))),
  );
  app.post(
    "/orgs/:slug/expert-groups",
    {
      config: staff,
      schema: {
        tags,
        summary: "Form an expert group by order (R п.15, 26)",
        security,
        params: SlugParams,
        body: ExpertGroupBody,
        response: { 201: Json, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(plain(await createExpertGroup(request.institution!, request.body, request.principal!.actor, deps))),
  );
  app.get(
    "/orgs/:slug/expert-groups",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "The institution's expert groups",
        security,
        params: SlugParams,
        response: { 200: Items, ...problems(401, 403, 404) },
      },
    },
    async (request) => ({ items: (await deps.repos.commissions.listExpertGroups(request.institution!.id)).map(plain) }),
  );

  // ---- meetings ----
  app.get(
    "/orgs/:slug/meetings/:meetingId",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "A meeting: attendance, agenda, motions and votes",
        security,
        params: MeetingParams,
        response: { 200: Json, ...problems(401, 403, 404) },
      },
    },
    async (request) => plain((await findMeeting(request.institution!, request.params.meetingId, deps)).meeting),
  );
  app.put(
    "/orgs/:slug/meetings/:meetingId/attendance",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Record who is present",
        security,
        params: MeetingParams,
        body: AttendanceBody,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      plain(await setAttendance(request.institution!, request.params.meetingId, request.body.present, request.principal!.actor, deps)),
  );
  app.post(
    "/orgs/:slug/meetings/:meetingId/agenda",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Put a concluded application on the agenda",
        security,
        params: MeetingParams,
        body: AgendaBody,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      plain(await addToAgenda(request.institution!, request.params.meetingId, request.body.applicationId, request.principal!.actor, deps)),
  );
  app.put(
    "/orgs/:slug/meetings/:meetingId/agenda/:applicationId/motion",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Put the draft decision to the vote (a new draft voids earlier votes)",
        security,
        params: AgendaParams,
        body: MotionBody,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      plain(
        await putMotion(
          request.institution!,
          request.params.meetingId,
          request.params.applicationId,
          request.body,
          request.principal!.actor,
          deps,
        ),
      ),
  );
  app.post(
    "/orgs/:slug/meetings/:meetingId/agenda/:applicationId/votes",
    {
      config: roles("commission_member"),
      schema: {
        tags,
        summary: "A member present votes, in person (personal token)",
        security,
        params: AgendaParams,
        body: VoteBody,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      plain(
        await castVote(
          request.institution!,
          request.params.meetingId,
          request.params.applicationId,
          request.body.choice,
          { actor: request.principal!.actor, userId: request.principal!.userId },
          deps,
        ),
      ),
  );
  app.post(
    "/orgs/:slug/meetings/:meetingId/agenda/:applicationId/decision",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Record the decision from the votes: a majority of the members taking part (R п.17, 28)",
        security,
        params: AgendaParams,
        response: { 200: Json, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      applicationView(
        await decideApplication(
          request.institution!,
          request.params.meetingId,
          request.params.applicationId,
          request.principal!.actor,
          deps,
        ),
      ),
  );
  app.post(
    "/orgs/:slug/meetings/:meetingId/close",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Close the meeting and number its protocol",
        security,
        params: MeetingParams,
        response: { 200: Json, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => plain(await closeMeeting(request.institution!, request.params.meetingId, request.principal!.actor, deps)),
  );
  app.get(
    "/orgs/:slug/meetings/:meetingId/protocol",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "The protocol (R п.17, 28), as JSON or a printable PDF",
        security,
        params: MeetingParams,
        querystring: DocumentQuery,
      },
    },
    async (request, reply) => {
      if (request.query.format === "json") return plain(await protocolOf(request.institution!, request.params.meetingId, deps));
      const lang = pickLang(request.headers["accept-language"], request.query.lang);
      return reply.type("application/pdf").send(await protocolPdf(request.institution!, request.params.meetingId, lang, deps));
    },
  );
  app.get(
    "/orgs/:slug/meetings/:meetingId/extracts/:applicationId",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "The extract for the registrar (R п.18, 29), as JSON or PDF",
        security,
        params: AgendaParams,
        querystring: DocumentQuery,
      },
    },
    async (request, reply) => {
      const { meetingId, applicationId } = request.params;
      if (request.query.format === "json") {
        const protocol = await protocolOf(request.institution!, meetingId, deps);
        const item = protocol.items.find((i) => i.applicationId === applicationId);
        if (!item) throw new AppError("AGENDA_ITEM_NOT_FOUND", { applicationId });
        return plain({
          protocol: { number: protocol.number, date: protocol.date, commission: protocol.commission },
          institution: protocol.institution,
          item,
        });
      }
      const lang = pickLang(request.headers["accept-language"], request.query.lang);
      return reply.type("application/pdf").send(await extractPdf(request.institution!, meetingId, applicationId, lang, deps));
    },
  );

  // ---- applications ----
  app.post(
    "/orgs/:slug/recognition-applications",
    {
      config: secretary,
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: "Register an application for recognition (procedure A, B or micro-qualification transfer)",
        description:
          "Refused after its deadline (A, micro: before the period starts, R п.13; B: 10 working days before, R п.24) or without its documents (R п.13, 24; M п.26). Attached credentials are verified with trust required; the preparation proposes, per discipline, recognise / partly / not, with reasons.",
        security,
        params: SlugParams,
        body: ApplicationBody,
        response: { 201: Json, ...problems(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const application = await submitApplication(
        request.institution!,
        {
          procedure: b.procedure,
          learnerId: b.learnerId,
          curriculumCode: b.curriculum,
          academicPeriodCode: b.academicPeriod,
          disciplineCodes: b.disciplines,
          applicationText: b.applicationText,
          receivedOn: b.receivedOn,
          gradeScaleCode: b.gradeScale,
          documents: b.documents.map((d) => ({
            kind: d.kind,
            title: d.title,
            file: d.file
              ? { name: d.file.name, mediaType: d.file.mediaType, content: Buffer.from(d.file.contentBase64, "base64") }
              : undefined,
            credential: d.credential,
          })),
          courses: b.courses,
        },
        request.principal!.actor,
        deps,
      );
      return reply
        .code(201)
        .header("location", `/orgs/${request.institution!.slug}/recognition-applications/${application.id}`)
        .send(await applicationView(application));
    },
  );
  app.get(
    "/orgs/:slug/recognition-applications",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "Applications, newest first, with overdue steps flagged (R п.14, 16, 25, 27)",
        security,
        params: SlugParams,
        querystring: ApplicationListQuery,
        response: { 200: Json, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { stage, learner, limit, offset } = request.query;
      const today = kzDateOf(deps.clock());
      const { items, total } = await deps.repos.applications.list({
        institutionId: request.institution!.id,
        stage,
        learnerId: learner,
        limit,
        offset,
      });
      return {
        items: items.map((a) =>
          plain({
            id: a.id,
            number: a.number,
            procedure: a.procedure,
            stage: a.stage,
            learnerId: a.learnerId,
            receivedOn: a.receivedOn,
            forwardingDue: a.forwardingDue,
            conclusionDue: a.conclusionDue,
            overdue: overdueSteps(a, today),
          }),
        ),
        total,
        limit,
        offset,
      };
    },
  );
  app.get(
    "/orgs/:slug/recognition-applications/:applicationId",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "One application: documents, preparation, conclusion, decision and its audit trail",
        security,
        params: ApplicationParams,
        response: { 200: Json, ...problems(401, 403, 404) },
      },
    },
    async (request) => applicationView(await findApplication(request.institution!, request.params.applicationId, deps)),
  );
  app.get(
    "/orgs/:slug/recognition-applications/:applicationId/documents/:documentId/file",
    { config: anyMember, schema: { tags, summary: "The uploaded file of a document", security, params: DocumentParams } },
    async (request, reply) => {
      await findApplication(request.institution!, request.params.applicationId, deps);
      const file = await deps.repos.applications.documentFile(request.params.applicationId, request.params.documentId);
      if (!file) throw new AppError("DOCUMENT_NOT_FOUND", { documentId: request.params.documentId });
      return reply
        .type(file.mediaType)
        .header("content-disposition", `attachment; filename="${encodeURIComponent(file.name)}"`)
        .send(file.content);
    },
  );
  app.put(
    "/orgs/:slug/recognition-applications/:applicationId/courses",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Type in the appendix of a paper document (R п.10) and choose the conversion scale (R п.8)",
        security,
        params: ApplicationParams,
        body: CoursesBody,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      applicationView(
        await setCourses(
          request.institution!,
          request.params.applicationId,
          { courses: request.body.courses, gradeScaleCode: request.body.gradeScale },
          request.principal!.actor,
          deps,
        ),
      ),
  );
  app.post(
    "/orgs/:slug/recognition-applications/:applicationId/documents/:documentId/override",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Accept a credential that failed verification, with the reason recorded",
        security,
        params: DocumentParams,
        body: OverrideBody,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      applicationView(
        await overrideDocument(
          request.institution!,
          request.params.applicationId,
          request.params.documentId,
          request.body.reason,
          request.principal!.actor,
          deps,
        ),
      ),
  );
  app.post(
    "/orgs/:slug/recognition-applications/:applicationId/forward",
    {
      config: secretary,
      schema: {
        tags,
        summary: "Send the documents to the expert group (R п.14, 25: within 3 working days)",
        security,
        params: ApplicationParams,
        body: ForwardBody,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      applicationView(
        await forwardToExperts(
          request.institution!,
          request.params.applicationId,
          request.body.expertGroupId,
          request.principal!.actor,
          deps,
        ),
      ),
  );
  app.post(
    "/orgs/:slug/recognition-applications/:applicationId/conclusion",
    {
      config: roles("expert"),
      schema: {
        tags,
        summary: "The expert group's conclusion: learning outcomes, programme goals, volume and grade all assessed (R п.16, 27)",
        security,
        params: ApplicationParams,
        body: ExpertConclusionDraftSchema,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      applicationView(
        await concludeApplication(
          request.institution!,
          request.params.applicationId,
          request.body,
          { actor: request.principal!.actor, userId: request.principal!.userId, platformAdmin: request.principal!.platformAdmin },
          deps,
        ),
      ),
  );
  app.post(
    "/orgs/:slug/recognition-applications/:applicationId/transcript",
    {
      config: roles("registrar"),
      schema: {
        tags,
        summary: "Record the extract in the transcript (R п.18, 29) and issue the RecognitionDecisionCredential",
        security,
        params: ApplicationParams,
        body: TranscriptBody,
        response: { 200: Json, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { application, credential } = await recordInTranscript(
        request.institution!,
        request.params.applicationId,
        request.body.format,
        request.principal!.actor,
        deps,
      );
      return {
        ...(await applicationView(application)),
        credential: plain({
          id: credential.id,
          format: credential.format,
          holderToken: credential.holderToken,
          document: credential.document,
          jwt: credential.jwt,
        }),
      };
    },
  );
  app.get(
    "/orgs/:slug/learners/:learnerId/transcript",
    {
      config: anyMember,
      schema: {
        tags,
        summary: "The learner's transcript: re-credited disciplines, exemptions, stacked micro-qualifications",
        security,
        params: LearnerParams,
        response: { 200: Json, ...problems(401, 403, 404) },
      },
    },
    async (request) => plain(await transcriptOf(request.institution!, request.params.learnerId, deps)),
  );
};
