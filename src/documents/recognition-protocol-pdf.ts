// The recognition commission's meeting protocol (R п.17, 28) and the extract from it for one application,
// which the secretary sends to the registrar's or academic office (R п.18, 29): printable A4, one language
// per document. The documents print what the commission did; the only thing they work out is the majority
// count, and they refuse to print a decision that contradicts its own votes.
//
// pdfkit is created here rather than through a4Document(): these documents need the catalogue's /Lang and
// buffered pages (for "page N of M" footers), which a4Document() does not take as options yet.
import PDFDocument from "pdfkit";
import type { LocalizedText } from "../domain/institutions/institution.js";
import { gradeOfLetter, type Letter } from "../domain/grading/letter-scale.js";
import type { Verdict } from "../domain/verification/report.js";
import { FONTS } from "./fonts.js";
import {
  LABELS,
  PROCEDURE_RULES,
  VERDICT_NAMES,
  agendaItemHeading,
  cite,
  establishedBy,
  exemptionNote,
  fromProtocol,
  majorityLine,
  procedureName,
  protocolReference,
  quorumLine,
  transcriptNote,
  type DocumentLang,
  type RecognitionProcedure,
} from "./recognition-protocol-texts.js";

export type { DocumentLang, RecognitionProcedure } from "./recognition-protocol-texts.js";

/** Text that has three names, or one written as it is (a person's position, a place, a conclusion). */
export type ProtocolText = string | LocalizedText;

/** A calendar date, YYYY-MM-DD; printed as DD.MM.YYYY. */
export type IsoDate = string;

export interface CommissionMember {
  readonly fullName: string;
  readonly position?: ProtocolText | null;
  /** Elected at the first meeting (R п.12, 23). */
  readonly role: "chair" | "deputy" | "member";
  readonly present: boolean;
  readonly absenceReason?: ProtocolText | null;
}

export interface BasisDocument {
  /** As on the document: "Сертификат", "Certificate of completion", … */
  readonly title: string;
  readonly issuer: string;
  readonly number?: string | null;
  readonly issuedOn?: IsoDate | null;
  /** The verdict of the digital check, when the document came as a verifiable credential. */
  readonly verdict?: Verdict | null;
}

export interface RecognisedDiscipline {
  readonly code: string;
  readonly names: LocalizedText;
  /** Credits and/or hours (R п.18): at least one of the two. */
  readonly credits: number | null;
  readonly hours: number | null;
  /** A positive letter grade, A … D. */
  readonly letter: Letter;
}

export interface ProtocolAgendaItem {
  /** Picks the item for the extract. */
  readonly applicationId: string;
  readonly applicationNumber?: string | number | null;
  readonly applicant: { readonly fullName: string; readonly programme?: ProtocolText | null; readonly group?: string | null };
  readonly procedure: RecognitionProcedure;
  readonly documents: readonly BasisDocument[];
  readonly expertConclusion: { readonly date?: IsoDate | null; readonly summary: ProtocolText };
  /** The disciplines the motion proposes to re-credit; empty for a motion to refuse. */
  readonly motion: readonly RecognisedDiscipline[];
  readonly vote: { readonly for: number; readonly against: number; readonly abstain: number };
  readonly outcome: "adopted" | "not_adopted";
}

export interface RecognitionProtocolInput {
  readonly institution: LocalizedText;
  readonly commission: { readonly names: LocalizedText; readonly order: { readonly number: string; readonly date: IsoDate } };
  readonly number: string | number;
  readonly date: IsoDate;
  readonly place?: ProtocolText | null;
  /** Every member of the commission, present or not: the quorum line counts them. */
  readonly members: readonly CommissionMember[];
  /** A staff specialist, not a member (R п.12, 23). */
  readonly secretary: { readonly fullName: string; readonly position?: ProtocolText | null };
  readonly items: readonly ProtocolAgendaItem[];
}

export interface ProtocolExtractInput {
  readonly protocol: RecognitionProtocolInput;
  readonly applicationId: string;
  /** The registrar's office in higher education, the academic office in TVET (R п.18, 29). Default: registrar. */
  readonly recipient?: "registrar" | "academic_office";
  readonly issuedOn?: IsoDate | null;
}

const LOCALES: Readonly<Record<DocumentLang, string>> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };

const MARGINS = { top: 50, bottom: 56, left: 70, right: 50 } as const;
const BODY = 10;
const SMALL = 8.5;
const TABLE = 8.5;

// ---- checks: a protocol that contradicts itself is never printed ----

function formatDate(iso: IsoDate, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1)
    throw new RangeError(`${what} is not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(iso)}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** The votes needed: more than half of the members taking part in the meeting (R п.17, 28). */
function majorityOf(taking: number): number {
  return Math.floor(taking / 2) + 1;
}

function checkItem(item: ProtocolAgendaItem, taking: number): void {
  const { for: yes, against, abstain } = item.vote;
  const where = `application ${item.applicationId}`;
  for (const n of [yes, against, abstain])
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${where}: votes are whole numbers ≥ 0, not ${n}`);
  if (yes + against + abstain > taking)
    throw new RangeError(`${where}: ${yes + against + abstain} votes cast but only ${taking} members take part in the meeting`);
  const adopted = yes >= majorityOf(taking);
  if (adopted !== (item.outcome === "adopted"))
    throw new RangeError(`${where}: outcome "${item.outcome}" contradicts the vote (${yes} for of ${taking} taking part)`);
  for (const d of item.motion) {
    if (d.credits === null && d.hours === null) throw new RangeError(`${where}: discipline ${d.code} has neither credits nor hours`);
    if (!gradeOfLetter(d.letter).passing) throw new RangeError(`${where}: discipline ${d.code} cannot be re-credited with ${d.letter}`);
  }
}

/** Who conducts the meeting: the chair, or the deputy in the chair's absence (R п.12, 23). */
function presiding(members: readonly CommissionMember[]): CommissionMember {
  const p = members.find((m) => m.role === "chair" && m.present) ?? members.find((m) => m.role === "deputy" && m.present);
  if (!p) throw new RangeError("neither the chair nor the deputy chair is present: the meeting has nobody to conduct it (R п.12, 23)");
  return p;
}

function checkProtocol(p: RecognitionProtocolInput): { taking: number; chair: CommissionMember } {
  formatDate(p.date, "protocol date");
  formatDate(p.commission.order.date, "order date");
  const taking = p.members.filter((m) => m.present).length;
  const chair = presiding(p.members);
  const ids = new Set<string>();
  for (const item of p.items) {
    if (ids.has(item.applicationId)) throw new RangeError(`application ${item.applicationId} is twice on the agenda`);
    ids.add(item.applicationId);
    checkItem(item, taking);
  }
  return { taking, chair };
}

// ---- layout ----

interface Page {
  readonly doc: PDFKit.PDFDocument;
  readonly lang: DocumentLang;
  readonly left: number;
  readonly width: number;
  finish(footer: string): Promise<Buffer>;
}

function openDocument(lang: DocumentLang, info: { title: string; subject: string; author: string }): Page {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    bufferPages: true,
    lang: LOCALES[lang],
    displayTitle: true,
    info: { Title: info.title, Subject: info.subject, Author: info.author, Creator: "Kualik" },
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("title", FONTS.serifBold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  return {
    doc,
    lang,
    left: MARGINS.left,
    width,
    finish: (footer) => {
      const { start, count } = doc.bufferedPageRange();
      for (let i = start; i < start + count; i++) {
        doc.switchToPage(i);
        // Writing below the bottom margin would make pdfkit open a new page.
        doc.page.margins.bottom = 0;
        doc
          .font("regular")
          .fontSize(7.5)
          .fillColor("#555555")
          .text(`${footer} · ${LABELS.page[lang]} ${i + 1} ${LABELS.pageOf[lang]} ${count}`, MARGINS.left, doc.page.height - 34, {
            width,
            align: "center",
            lineBreak: false,
          });
        doc.page.margins.bottom = MARGINS.bottom;
      }
      doc.end();
      return finished;
    },
  };
}

const quoted = (text: string, lang: DocumentLang) => (lang === "en" ? `“${text}”` : `«${text}»`);

const local = (text: ProtocolText, lang: DocumentLang) => (typeof text === "string" ? text : text[lang]);

function bottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit: keeps a heading with what follows it. */
function keepSpace(p: Page, height: number): void {
  if (p.doc.y + height > bottom(p.doc)) p.doc.addPage();
  p.doc.x = p.left;
}

function heading(p: Page, text: string, size = BODY + 1): void {
  keepSpace(p, 60);
  p.doc.moveDown(0.5).font("bold").fontSize(size).fillColor("#000000").text(text, p.left, p.doc.y, { width: p.width });
  p.doc.moveDown(0.2);
}

/** "Label: value" as one paragraph, the label in bold. */
function field(p: Page, label: string, value: string, indent = 0): void {
  keepSpace(p, 14);
  p.doc
    .font("bold")
    .fontSize(BODY)
    .fillColor("#000000")
    .text(`${label}: `, p.left + indent, p.doc.y, { width: p.width - indent, continued: true })
    .font("regular")
    .text(value);
}

function line(p: Page, text: string, options: { indent?: number; size?: number; font?: "regular" | "bold"; color?: string } = {}): void {
  const indent = options.indent ?? 0;
  keepSpace(p, 14);
  p.doc
    .font(options.font ?? "regular")
    .fontSize(options.size ?? BODY)
    .fillColor(options.color ?? "#000000")
    .text(text, p.left + indent, p.doc.y, { width: p.width - indent });
}

interface Column {
  readonly header: string;
  /** Share of the table's width. */
  readonly share: number;
  readonly align?: "left" | "center" | "right";
}

/**
 * A bordered table that breaks between rows, never inside one, and repeats its header on each new page.
 * `last` is an optional closing row in bold (the totals).
 */
function table(p: Page, columns: readonly Column[], rows: readonly (readonly string[])[], last?: readonly string[]): void {
  const { doc } = p;
  const pad = 3;
  const widths = columns.map((c) => c.share * p.width);
  const measure = (cells: readonly string[], font: "regular" | "bold") => {
    doc.font(font).fontSize(TABLE);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: readonly string[], font: "regular" | "bold", fill: string | null) => {
    const height = measure(cells, font);
    const y = doc.y;
    let x = p.left;
    cells.forEach((text, i) => {
      const w = widths[i]!;
      if (fill) doc.rect(x, y, w, height).fill(fill);
      doc.lineWidth(0.5).strokeColor("#444444").rect(x, y, w, height).stroke();
      doc
        .font(font)
        .fontSize(TABLE)
        .fillColor("#000000")
        .text(text, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]!.align ?? "left" });
      x += w;
    });
    doc.x = p.left;
    doc.y = y + height;
  };
  const header = columns.map((c) => c.header);
  const headerHeight = measure(header, "bold");
  keepSpace(p, headerHeight + measure(rows[0] ?? header, "regular"));
  draw(header, "bold", "#e8e8e8");
  for (const row of [...rows, ...(last ? [last] : [])]) {
    const font = row === last ? "bold" : "regular";
    if (doc.y + measure(row, font) > bottom(doc)) {
      doc.addPage();
      draw(header, "bold", "#e8e8e8");
    }
    draw(row, font, null);
  }
  doc.moveDown(0.4);
}

function number(value: number | null, lang: DocumentLang): string {
  return value === null ? "—" : new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

function sum(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

function disciplineTable(p: Page, disciplines: readonly RecognisedDiscipline[], recreditedColumn: boolean): void {
  const { lang } = p;
  const columns: Column[] = [
    { header: "№", share: 0.05, align: "center" },
    { header: LABELS.code[lang], share: 0.11 },
    { header: LABELS.discipline[lang], share: recreditedColumn ? 0.4 : 0.56 },
    { header: LABELS.credits[lang], share: 0.11, align: "center" },
    { header: LABELS.hours[lang], share: 0.08, align: "center" },
    { header: LABELS.grade[lang], share: 0.09, align: "center" },
    ...(recreditedColumn ? [{ header: LABELS.recrediting[lang], share: 0.16, align: "center" as const }] : []),
  ];

  const rows = disciplines.map((d, i) => [
    String(i + 1),
    d.code,
    d.names[lang],
    number(d.credits, lang),
    number(d.hours, lang),
    d.letter,
    ...(recreditedColumn ? [LABELS.recredited[lang]] : []),
  ]);
  const total = [
    "",
    "",
    LABELS.total[lang],
    number(sum(disciplines.map((d) => d.credits)), lang),
    number(sum(disciplines.map((d) => d.hours)), lang),
    "",
    ...(recreditedColumn ? [""] : []),
  ];
  table(p, columns, rows, total);
}

function institutionHeader(p: Page, institution: LocalizedText): void {
  p.doc.font("bold").fontSize(11).fillColor("#1f4e79").text(institution[p.lang], p.left, p.doc.y, { width: p.width, align: "center" });
  p.doc.moveDown(0.8);
}

function title(p: Page, text: string): void {
  p.doc.font("title").fontSize(15).fillColor("#000000").text(text, p.left, p.doc.y, { width: p.width, align: "center" });
}

function centred(p: Page, text: string, font: "regular" | "bold" = "regular"): void {
  p.doc
    .font(font)
    .fontSize(BODY + 1)
    .fillColor("#000000")
    .text(text, p.left, p.doc.y, { width: p.width, align: "center" });
}

/** A signature line: role on the left, a rule to sign on, the name on the right. */
function signature(p: Page, role: string, name: string): void {
  const { doc } = p;
  keepSpace(p, 40);
  doc.moveDown(1.4);
  const y = doc.y;
  doc
    .font("regular")
    .fontSize(BODY)
    .fillColor("#000000")
    .text(role, p.left, y, { width: p.width * 0.3 });
  const roleBottom = doc.y;
  const lineX = p.left + p.width * 0.32;
  const lineWidth = p.width * 0.25;
  doc
    .lineWidth(0.6)
    .strokeColor("#000000")
    .moveTo(lineX, y + BODY + 2)
    .lineTo(lineX + lineWidth, y + BODY + 2)
    .stroke();
  doc.text(name, lineX + lineWidth + 10, y, { width: p.width - (lineX + lineWidth + 10 - p.left) });
  doc.x = p.left;
  doc.y = Math.max(roleBottom, doc.y);
}

function roleName(role: CommissionMember["role"], lang: DocumentLang): string {
  return role === "chair" ? LABELS.chair[lang].toLowerCase() : role === "deputy" ? LABELS.deputy[lang].toLowerCase() : LABELS.member[lang];
}

function documentLine(d: BasisDocument, lang: DocumentLang): string {
  const parts = [`${d.title}, ${d.issuer}`];
  if (d.number) parts.push(`№ ${d.number}`);
  if (d.issuedOn) parts.push(formatDate(d.issuedOn, "document date"));
  let text = parts.join(", ");
  if (d.verdict) text += `; ${LABELS.digitalCheck[lang]}: ${VERDICT_NAMES[d.verdict][lang]}`;
  return text;
}

function voteLine(vote: ProtocolAgendaItem["vote"], lang: DocumentLang): string {
  return `${LABELS.for[lang]} — ${vote.for}, ${LABELS.against[lang]} — ${vote.against}, ${LABELS.abstain[lang]} — ${vote.abstain}`;
}

function decisionText(item: ProtocolAgendaItem, lang: DocumentLang): string {
  if (item.outcome === "not_adopted") return `${LABELS.notAdopted[lang]} — ${LABELS.consequenceNone[lang]}`;
  return `${LABELS.adopted[lang]} — ${item.motion.length ? LABELS.consequenceRecredit[lang] : LABELS.consequenceRefuse[lang]}`;
}

/** The facts of one application, shared by the protocol and the extract. */
function applicationBlock(p: Page, item: ProtocolAgendaItem, taking: number, motionTable: "motion" | "recredited"): void {
  const { lang } = p;
  const a = item.applicant;
  const who = [
    a.fullName,
    a.programme ? `${LABELS.programme[lang]}: ${local(a.programme, lang)}` : null,
    a.group ? `${LABELS.group[lang]} ${a.group}` : null,
  ]
    .filter(Boolean)
    .join("; ");
  if (item.applicationNumber !== null && item.applicationNumber !== undefined)
    field(p, LABELS.application[lang], `№ ${item.applicationNumber}`);
  field(p, LABELS.applicant[lang], who);
  field(p, LABELS.procedure[lang], procedureName(item.procedure, lang));
  if (item.documents.length) {
    line(p, `${LABELS.documents[lang]}:`, { font: "bold" });
    item.documents.forEach((d, i) => line(p, `${i + 1}) ${documentLine(d, lang)}`, { indent: 14 }));
  }
  if (motionTable === "motion") {
    const date = item.expertConclusion.date ? ` (${formatDate(item.expertConclusion.date, "conclusion date")})` : "";
    field(p, `${LABELS.expertConclusion[lang]}${date}`, local(item.expertConclusion.summary, lang));
    p.doc.moveDown(0.3);
    if (item.motion.length) {
      // the motion's heading stays with the table's header and first rows
      keepSpace(p, 80);
      line(p, LABELS.motionRecredit[lang], { font: "bold" });
      p.doc.moveDown(0.2);
      disciplineTable(p, item.motion, false);
    } else line(p, LABELS.motionRefuse[lang], { font: "bold" });
  }
  field(p, LABELS.vote[lang], voteLine(item.vote, lang));
  field(p, LABELS.decision[lang], decisionText(item, lang));
  line(p, majorityLine(item.procedure, { taking, for: item.vote.for, required: majorityOf(taking) }, lang), {
    size: SMALL,
    color: "#333333",
  });
  if (motionTable === "recredited") {
    p.doc.moveDown(0.5);
    const recredited = item.outcome === "adopted" ? item.motion : [];
    if (recredited.length) {
      disciplineTable(p, recredited, true);
      line(p, exemptionNote(item.procedure, lang));
      p.doc.moveDown(0.2);
      line(p, transcriptNote(item.procedure, lang));
    } else line(p, LABELS.noneRecredited[lang], { font: "bold" });
  }
}

function legalBasis(p: Page, procedures: readonly RecognitionProcedure[]): void {
  const { lang } = p;
  keepSpace(p, 50);
  p.doc.moveDown(0.8);
  line(p, `${LABELS.legalBasis[lang]}:`, { size: SMALL, font: "bold", color: "#333333" });
  line(p, LABELS.rules[lang], { size: SMALL, color: "#333333" });
  if (procedures.includes("micro")) line(p, LABELS.recommendations[lang], { size: SMALL, color: "#333333" });
}

// ---- the two documents ----

/** The protocol of one commission meeting: attendance, agenda, each application's motion, vote and decision. */
export async function renderRecognitionProtocolPdf(input: RecognitionProtocolInput, lang: DocumentLang): Promise<Buffer> {
  const { taking, chair } = checkProtocol(input);
  const number = String(input.number);
  const date = formatDate(input.date, "protocol date");
  const commission = input.commission.names[lang];
  const p = openDocument(lang, {
    title: `${LABELS.protocol[lang]} ${number} — ${commission}`,
    subject: protocolReference(number, date, lang),
    author: input.institution[lang],
  });
  const { doc } = p;

  institutionHeader(p, input.institution);
  title(p, `${LABELS.protocol[lang]} ${number}`);
  doc.moveDown(0.2);
  centred(p, LABELS.meetingOf[lang]);
  centred(p, quoted(commission, lang), "bold");
  doc.moveDown(0.8);

  field(p, LABELS.date[lang], date);
  if (input.place) field(p, LABELS.place[lang], local(input.place, lang));
  line(p, establishedBy({ number: input.commission.order.number, date: formatDate(input.commission.order.date, "order date") }, lang));
  doc.moveDown(0.3);

  const describe = (m: CommissionMember) =>
    `${m.fullName} — ${[m.position ? local(m.position, lang) : null, roleName(m.role, lang)].filter(Boolean).join(", ")}`;
  const present = input.members.filter((m) => m.present);
  const absent = input.members.filter((m) => !m.present);
  heading(p, `${LABELS.present[lang]}:`, BODY);
  present.forEach((m, i) => line(p, `${i + 1}. ${describe(m)}`, { indent: 14 }));
  heading(p, `${LABELS.absent[lang]}:`, BODY);
  if (absent.length)
    absent.forEach((m, i) =>
      line(p, `${i + 1}. ${describe(m)}${m.absenceReason ? ` (${local(m.absenceReason, lang)})` : ""}`, { indent: 14 }),
    );
  else line(p, LABELS.nobody[lang], { indent: 14 });
  doc.moveDown(0.3);
  const s = input.secretary;
  field(p, LABELS.secretary[lang], `${s.fullName}${s.position ? `, ${local(s.position, lang)}` : ""} (${LABELS.secretaryNote[lang]})`);
  field(p, LABELS.chairedBy[lang], `${chair.fullName} (${roleName(chair.role, lang)})`);
  line(p, quorumLine(taking, input.members.length, lang), { font: "bold" });

  heading(p, `${LABELS.agenda[lang]}:`);
  input.items.forEach((item, i) =>
    line(p, `${i + 1}. ${LABELS.agendaItem[lang]}: ${item.applicant.fullName} — ${procedureName(item.procedure, lang)}`, { indent: 14 }),
  );

  input.items.forEach((item, i) => {
    heading(p, `${agendaItemHeading(i + 1, lang)}: ${item.applicant.fullName}`);
    applicationBlock(p, item, taking, "motion");
  });

  legalBasis(
    p,
    input.items.map((i) => i.procedure),
  );
  keepSpace(p, 90);
  signature(p, chair.role === "chair" ? LABELS.chair[lang] : LABELS.deputy[lang], chair.fullName);
  signature(p, LABELS.secretary[lang], s.fullName);

  return p.finish(`${protocolReference(number, date, lang)} · ${commission}`);
}

/** The extract for one application, addressed to the registrar's (or academic) office. */
export async function renderProtocolExtractPdf(input: ProtocolExtractInput, lang: DocumentLang): Promise<Buffer> {
  const protocol = input.protocol;
  const { taking } = checkProtocol(protocol);
  const item = protocol.items.find((i) => i.applicationId === input.applicationId);
  if (!item) throw new RangeError(`application ${input.applicationId} is not on the agenda of protocol № ${protocol.number}`);
  const number = String(protocol.number);
  const date = formatDate(protocol.date, "protocol date");
  const commission = protocol.commission.names[lang];
  const p = openDocument(lang, {
    title: `${LABELS.extract[lang]} — ${protocolReference(number, date, lang)} — ${item.applicant.fullName}`,
    subject: commission,
    author: protocol.institution[lang],
  });
  const { doc } = p;

  institutionHeader(p, protocol.institution);
  title(p, LABELS.extract[lang]);
  doc.moveDown(0.2);
  centred(p, fromProtocol(number, date, lang));
  centred(p, quoted(commission, lang), "bold");
  doc.moveDown(0.8);

  const to = input.recipient === "academic_office" ? LABELS.academicOffice[lang] : LABELS.registrar[lang];
  field(p, LABELS.recipient[lang], `${to} (${cite("R", PROCEDURE_RULES[item.procedure].extract, lang)})`);
  doc.moveDown(0.3);
  applicationBlock(p, item, taking, "recredited");

  legalBasis(p, [item.procedure]);
  keepSpace(p, 70);
  doc.moveDown(0.6);
  line(p, LABELS.trueExtract[lang], { font: "bold" });
  signature(p, LABELS.commissionSecretary[lang], protocol.secretary.fullName);
  if (input.issuedOn) {
    doc.moveDown(0.6);
    line(p, `${LABELS.date[lang]}: ${formatDate(input.issuedOn, "extract date")}`);
  }

  return p.finish(`${LABELS.extract[lang]} · ${protocolReference(number, date, lang)}`);
}
