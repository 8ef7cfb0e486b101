// Request schemas of the recognition API. Responses are the services' plain data, described loosely.
import { z } from "zod";
import { IsoDateSchema } from "../../domain/calendar/working-days.js";
import { LETTERS } from "../../domain/grading/letter-scale.js";
import { COMMISSION_KINDS } from "../../domain/recognition/commission.js";
import { PROCEDURES } from "../../domain/recognition/deadlines.js";
import { LocalizedTextSchema } from "./common.js";
import { SlugSchema } from "./institutions.js";

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "letters, digits, '.', '_' and '-', up to 64");
const id = z.string().min(1).max(64);
const shortText = z.string().trim().min(1).max(500);
const partialLocalized = z
  .strictObject({ kk: shortText.optional(), ru: shortText.optional(), en: shortText.optional() })
  .refine((t) => t.kk ?? t.ru ?? t.en, "give the text in at least one language");
const localizedItem = z.strictObject({ code, text: partialLocalized });

export const Json = z.record(z.string(), z.unknown());
export const Items = z.object({ items: z.array(Json) });

export const AcademicPeriodBody = z.strictObject({ code, names: LocalizedTextSchema, startsOn: IsoDateSchema, endsOn: IsoDateSchema });

export const DisciplineBody = z.strictObject({
  code,
  names: LocalizedTextSchema,
  credits: z.number().positive().max(300),
  hours: z.number().int().positive().max(9000),
  period: z.number().int().min(1).max(20),
  learningOutcomes: z.array(localizedItem).max(100),
  syllabusTopics: z.array(localizedItem).max(300).default([]),
  competences: z.array(localizedItem).max(100).default([]),
  goal: partialLocalized.nullable().default(null),
});

export const CurriculumBody = z.strictObject({
  code,
  names: LocalizedTextSchema,
  level: z.string().trim().max(100).nullable().default(null),
  goals: partialLocalized.nullable().default(null),
  disciplines: z.array(DisciplineBody).min(1).max(300),
});

/** The service's input for a curriculum body: what describes the programme and each discipline goes to `content`. */
export const curriculumInput = ({ code, names, level, goals, disciplines }: z.infer<typeof CurriculumBody>) => ({
  code,
  names,
  content: { level, goals },
  disciplines: disciplines.map((d) => ({
    code: d.code,
    names: d.names,
    credits: d.credits,
    hours: d.hours,
    period: d.period,
    content: { learningOutcomes: d.learningOutcomes, syllabusTopics: d.syllabusTopics, competences: d.competences, goal: d.goal },
  })),
});

export const EnrolmentBody = z.strictObject({ curriculum: code.nullable() });

export const CommissionBody = z.strictObject({
  kind: z.enum(COMMISSION_KINDS),
  orderNumber: shortText,
  orderDate: IsoDateSchema,
  secretaryUserId: id,
  members: z
    .array(z.strictObject({ userId: id, category: z.enum(["teacher", "industry", "administrator", "other"]) }))
    .min(1)
    .max(50),
});

const VoteChoiceSchema = z.enum(["for", "against", "abstain"]);

export const ElectionBody = z.strictObject({
  meetingId: id,
  position: z.enum(["chair", "deputy"]),
  candidateUserId: id,
  votes: z
    .array(z.strictObject({ voterUserId: id, choice: VoteChoiceSchema }))
    .min(1)
    .max(50),
});

export const MeetingBody = z.strictObject({
  heldOn: IsoDateSchema,
  place: shortText.nullable().default(null),
  present: z.array(id).max(50),
});
export const AttendanceBody = z.strictObject({ present: z.array(id).max(50) });
export const AgendaBody = z.strictObject({ applicationId: id });
export const MotionBody = z.strictObject({
  outcome: z.enum(["recognise", "refuse"]),
  disciplines: z
    .array(z.strictObject({ code, credits: z.number().min(0).max(300), hours: z.number().int().min(0).max(9000), letter: z.enum(LETTERS) }))
    .max(100),
  note: z.string().trim().max(2000).nullable().default(null),
});
export const VoteBody = z.strictObject({ choice: VoteChoiceSchema });

export const ExpertGroupBody = z.strictObject({
  name: shortText,
  orderNumber: shortText,
  orderDate: IsoDateSchema,
  members: z
    .array(z.strictObject({ userId: id, kind: z.enum(["teacher", "practitioner"]) }))
    .min(1)
    .max(30),
});

const CourseBody = z.strictObject({
  title: shortText,
  outcomes: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
  credits: z.number().min(0).max(300).nullable().default(null),
  hours: z.number().min(0).max(9000).nullable().default(null),
  sourceHoursPerCredit: z.number().positive().max(60).nullable().default(null),
  grade: z.string().trim().min(1).max(40).nullable().default(null),
  documentId: id.nullable().default(null),
});

const DocumentBody = z
  .strictObject({
    kind: z.enum(["certificate", "identity_document", "recognition_centre_document", "other"]),
    title: shortText,
    file: z
      .strictObject({
        name: z.string().trim().min(1).max(200),
        mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/),
        contentBase64: z.base64().min(1),
      })
      .optional(),
    credential: z.union([z.string().min(10).max(200_000), z.record(z.string(), z.unknown())]).optional(),
  })
  .refine((d) => d.file !== undefined || d.credential !== undefined, "a document needs a file, a credential, or both");

export const ApplicationBody = z.strictObject({
  procedure: z.enum(PROCEDURES),
  learnerId: id,
  curriculum: code,
  academicPeriod: code,
  disciplines: z.array(code).min(1).max(50),
  applicationText: z.string().max(20_000),
  receivedOn: IsoDateSchema.optional(),
  gradeScale: code.nullable().optional(),
  documents: z.array(DocumentBody).max(20),
  courses: z.array(CourseBody).max(100).optional(),
});

export const CoursesBody = z.strictObject({ courses: z.array(CourseBody).max(100), gradeScale: code.nullable().default(null) });
export const OverrideBody = z.strictObject({ reason: z.string().trim().min(5).max(2000) });
export const ForwardBody = z.strictObject({ expertGroupId: id });
export const TranscriptBody = z.strictObject({ format: z.enum(["vc+jwt", "di"]).optional() });
export const ApplicationListQuery = z.strictObject({
  stage: z.enum(["submitted", "with_experts", "concluded", "decided", "recorded"]).optional(),
  learner: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const DocumentQuery = z.strictObject({
  format: z.enum(["json", "pdf"]).default("json"),
  lang: z.enum(["kk", "ru", "en"]).optional(),
});

export const SlugIdParams = z.strictObject({ slug: SlugSchema, id });
export const MeetingParams = z.strictObject({ slug: SlugSchema, meetingId: id });
export const AgendaParams = z.strictObject({ slug: SlugSchema, meetingId: id, applicationId: id });
export const ApplicationParams = z.strictObject({ slug: SlugSchema, applicationId: id });
export const DocumentParams = z.strictObject({ slug: SlugSchema, applicationId: id, documentId: id });
export const CodeParams = z.strictObject({ slug: SlugSchema, code });
export const LearnerParams = z.strictObject({ slug: SlugSchema, learnerId: id });
