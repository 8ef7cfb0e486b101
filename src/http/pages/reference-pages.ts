// The reference data recognition works from, kept in the console: academic periods, educational programmes
// (curricula) with their disciplines, learners and their enrolment, and the bodies formed by order — commissions
// (R п.11, 21; M п.19) and expert groups (R п.15, 26). Server-rendered forms in kk/ru/en; a refused form comes
// back with what was typed and the reason.
import type { Curriculum } from "../../db/repositories/curricula.js";
import { COMMISSION_KINDS } from "../../domain/recognition/commission.js";
import {
  csrfField,
  dayText,
  errorBox,
  group,
  inputField,
  LANGS,
  noticeBox,
  numberText,
  selectField,
  submitButton,
  textAreaField,
  tk,
  trioFields,
  type Values,
} from "./form-kit.js";
import { t, type PageTextKey } from "./messages.js";
import { type ConsoleFrame, layout, pager, table, type Paging } from "./registrar-pages.js";
import { escape } from "./verify-page.js";

const href = (frame: ConsoleFrame, path: string, query = "") =>
  `/console/orgs/${escape(frame.slug)}/${path}?lang=${frame.lang}${query ? `&amp;${query}` : ""}`;
const box = (content: string, attrs = "") =>
  `<section style="background:#fff;border:1px solid #d9d9d9;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0" ${attrs}>${content}</section>`;

export interface FormState {
  readonly values: Values;
  readonly error: string | null;
  readonly problems?: readonly string[];
  /** The HTTP status a refused form comes back with. */
  readonly status?: number;
}
export const EMPTY_FORM: FormState = { values: {}, error: null };

// ---- academic periods and the list of educational programmes ----

export interface ReferencePageData {
  readonly periods: readonly { code: string; name: string; startsOn: string; endsOn: string }[];
  readonly curricula: readonly { code: string; name: string; disciplines: number; credits: number }[];
  readonly canEdit: boolean;
  readonly periodForm: FormState;
  readonly notice: string | null;
}

export function renderReferencePage(frame: ConsoleFrame, d: ReferencePageData): string {
  const { lang } = frame;
  const periods = table(
    lang,
    ["code", "periodName", "startsOn", "endsOn"],
    d.periods.map((p) => [escape(p.code), escape(p.name), dayText(p.startsOn, lang), dayText(p.endsOn, lang)]),
    t("academicPeriods", lang),
  );
  const periodForm = d.canEdit
    ? `<h3>${escape(t("addPeriod", lang))}</h3>${errorBox(d.periodForm.error)}<form method="post" action="${href(frame, "reference/periods")}" data-form="period">${csrfField(frame.csrfToken)}
${inputField(d.periodForm.values, "code", t("code", lang), 'required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}"')}
${trioFields(d.periodForm.values, "names", t("periodName", lang))}
${inputField(d.periodForm.values, "startsOn", t("startsOn", lang), 'type="date" required')}
${inputField(d.periodForm.values, "endsOn", t("endsOn", lang), 'type="date" required')}
${submitButton(t("addPeriod", lang))}</form>`
    : "";
  const curricula = table(
    lang,
    ["code", "curriculumName", "disciplines", "credits"],
    d.curricula.map((c) => [
      `<a href="${href(frame, `curricula/${encodeURIComponent(c.code)}`)}">${escape(c.code)}</a>`,
      escape(c.name),
      escape(c.disciplines),
      escape(numberText(c.credits, lang)),
    ]),
    t("curricula", lang),
  );
  return layout(
    frame,
    "navReference",
    `<p>${escape(t("referenceHelp", lang))}</p>${noticeBox(d.notice)}
${box(`<h2 style="margin-top:0">${escape(t("academicPeriods", lang))}</h2>${periods}${periodForm}`, 'id="periods"')}
${box(
  `<h2 style="margin-top:0">${escape(t("curricula", lang))}</h2>${
    d.canEdit ? `<p><a class="button" href="${href(frame, "curricula/new")}">${escape(t("newCurriculum", lang))}</a></p>` : ""
  }${curricula}`,
  'id="curricula"',
)}`,
  );
}

// ---- a new educational programme: a form with discipline rows, or the API's JSON as a file ----

export const CURRICULUM_ROWS = 4;
export const MAX_CURRICULUM_ROWS = 60;

export function renderCurriculumForm(frame: ConsoleFrame, rows: number, form: FormState, hoursPerCredit: number): string {
  const { lang } = frame;
  const v = form.values;
  const discipline = (i: number) =>
    group(
      `${t("discipline", lang)} ${i}`,
      `${inputField(v, `d.${i}.code`, `${t("code", lang)} (${t("discipline", lang)} ${i})`, 'pattern="[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}"')}
${LANGS.map((l) => inputField(v, `d.${i}.${l}`, `${t("disciplineName", lang)} ${i} (${l})`)).join("")}
<div style="display:flex;gap:1rem;flex-wrap:wrap"><div>${inputField(v, `d.${i}.credits`, `${t("credits", lang)} ${i}`, 'type="number" min="0.5" step="0.5"')}</div>
<div>${inputField(v, `d.${i}.hours`, `${t("f_hours", lang)} ${i}`, 'type="number" min="1" step="1"')}</div>
<div>${inputField(v, `d.${i}.period`, `${t("term", lang)} ${i}`, 'type="number" min="1" max="20" step="1"')}</div></div>
${LANGS.map((l) => textAreaField(v, `d.${i}.outcomes.${l}`, `${t("outcomesLines", lang)} ${i} (${l})`, 3)).join("")}`,
      `data-discipline="${i}"`,
    );
  return layout(
    frame,
    "newCurriculum",
    `<p>${escape(t("curriculumHelp", lang))} <strong>${escape(t("hoursPerCredit", lang))}: ${hoursPerCredit}</strong></p>
${errorBox(form.error, form.problems)}
<form method="post" action="${href(frame, "curricula/new")}" data-form="curriculum">${csrfField(frame.csrfToken)}
<input type="hidden" name="rows" value="${rows}">
${inputField(v, "code", t("code", lang), 'required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}"')}
${trioFields(v, "names", t("curriculumName", lang))}
${inputField(v, "level", t("level", lang))}
${Array.from({ length: rows }, (_, i) => discipline(i + 1)).join("")}
<p style="display:flex;gap:.75rem;flex-wrap:wrap">${submitButton(t("saveCurriculum", lang))}${
      rows < MAX_CURRICULUM_ROWS
        ? `<button class="button quiet" type="submit" name="more" value="1" formnovalidate>${escape(t("moreRows", lang))}</button>`
        : ""
    }</p></form>
${box(
  `<form method="post" enctype="multipart/form-data" action="${href(frame, "curricula/upload")}" data-form="curriculum-file">${csrfField(frame.csrfToken)}
<label for="curriculum-file">${escape(t("uploadCurriculum", lang).replace("{slug}", frame.slug))}</label>
<input id="curriculum-file" name="file" type="file" accept=".json,application/json" required class="field">
${submitButton(t("upload", lang))}</form>`,
)}`,
  );
}

export function renderCurriculumPage(frame: ConsoleFrame, c: Curriculum, notice: string | null): string {
  const { lang } = frame;
  const outcomes = (d: Curriculum["disciplines"][number]) =>
    `<ul style="margin:0;padding-left:1.2rem">${d.content.learningOutcomes
      .map((o) => `<li>${escape(o.text[lang] ?? o.text.ru ?? o.text.kk ?? o.text.en ?? o.code)}</li>`)
      .join("")}</ul>`;
  return layout(
    frame,
    "curricula",
    `${noticeBox(notice)}<dl><dt>${escape(t("code", lang))}</dt><dd data-curriculum="${escape(c.code)}">${escape(c.code)}</dd><dt>${escape(
      t("curriculumName", lang),
    )}</dt><dd>${escape(c.names[lang])}</dd>${c.content.level ? `<dt>${escape(t("level", lang))}</dt><dd>${escape(c.content.level)}</dd>` : ""}</dl>
${table(
  lang,
  ["code", "discipline", "credits", "f_hours", "term", "f_outcomes"],
  c.disciplines.map((d) => [
    escape(d.code),
    escape(d.names[lang]),
    escape(numberText(d.credits, lang)),
    escape(d.hours),
    escape(d.period),
    outcomes(d),
  ]),
  t("disciplines", lang),
)}
<p><a href="${href(frame, "reference")}">${escape(t("navReference", lang))}</a></p>`,
  );
}

// ---- learners and their enrolment ----

export interface LearnersPageData {
  readonly q: string;
  readonly rows: readonly { id: string; name: string; email: string | null; curriculum: string | null }[];
  readonly curricula: readonly { code: string; name: string }[];
  readonly paging: Paging;
  readonly canEdit: boolean;
  readonly form: FormState;
  readonly notice: string | null;
}

export function renderLearnersPage(frame: ConsoleFrame, d: LearnersPageData): string {
  const { lang } = frame;
  const options = [["", t("noCurriculum", lang)] as const, ...d.curricula.map((c) => [c.code, `${c.code} · ${c.name}`] as const)];
  const rows = d.rows.map((l) => [
    `<a href="${href(frame, `learners/${l.id}/transcript`)}">${escape(l.name)}</a>`,
    escape(l.email ?? "—"),
    d.canEdit
      ? `<form method="post" action="${href(frame, `learners/${l.id}/enrolment`)}" style="display:flex;gap:.5rem;align-items:center">${csrfField(frame.csrfToken)}
${selectField(
  `enrol-${l.id}`,
  "curriculum",
  options,
  l.curriculum ?? "",
  `style="margin:0" aria-label="${escape(`${t("enrolment", lang)}: ${l.name}`)}"`,
)}${submitButton(t("enrol", lang))}</form>`
      : escape(l.curriculum ?? t("noCurriculum", lang)),
  ]);
  const form = d.canEdit
    ? box(
        `<h2 style="margin-top:0">${escape(t("registerLearner", lang))}</h2>${errorBox(d.form.error)}
<form method="post" action="${href(frame, "learners")}" data-form="learner">${csrfField(frame.csrfToken)}
${inputField(d.form.values, "fullName", t("fullName", lang), 'required maxlength="300" autocomplete="off"')}
${inputField(d.form.values, "iin", t("iin", lang), 'required inputmode="numeric" pattern="\\d{12}" maxlength="12" autocomplete="off"')}
${inputField(d.form.values, "email", t("email", lang), 'type="email" autocomplete="off"')}
<label for="curriculum">${escape(t("enrolment", lang))}</label>${selectField("curriculum", "curriculum", options, d.form.values.curriculum ?? "")}
${submitButton(t("registerLearner", lang))}</form>`,
      )
    : "";
  return layout(
    frame,
    "navLearners",
    `<p>${escape(t("learnersHelp", lang))}</p>${noticeBox(d.notice)}
<form method="get" action="${href(frame, "learners").split("?")[0]}" role="search" style="display:flex;gap:.5rem;align-items:end">
<input type="hidden" name="lang" value="${lang}">
<div style="flex:1"><label for="q">${escape(t("search", lang))}</label><input id="q" name="q" class="field" value="${escape(d.q)}" placeholder="${escape(t("searchHint", lang))}" style="margin-bottom:0"></div>
${submitButton(t("search", lang))}</form>
${table(lang, ["learner", "email", "enrolment"], rows, t("navLearners", lang))}
${pager(lang, `/console/orgs/${frame.slug}/learners`, d.q ? { q: d.q } : {}, d.paging)}
${form}`,
  );
}

// ---- commissions and expert groups formed by order ----

export interface Person {
  readonly id: string;
  readonly name: string;
}

/** The form that records a commission formed by the head's order: kind, order, secretary (not a member), members. */
export function commissionForm(frame: ConsoleFrame, secretaries: readonly Person[], members: readonly Person[], form: FormState): string {
  const { lang } = frame;
  const v = form.values;
  const categories = ["", "teacher", "industry", "administrator", "other"].map(
    (c) => [c, c ? tk(`memberCategory_${c}`, lang) : t("notMember", lang)] as const,
  );
  const memberRows = members.length
    ? members
        .map(
          (m) =>
            `<label for="member-${escape(m.id)}">${escape(m.name)}</label>${selectField(`member-${m.id}`, `member.${m.id}`, categories, v[`member.${m.id}`] ?? "")}`,
        )
        .join("")
    : `<p data-empty>${escape(t("nobodyWithRole", lang))} (${escape(t("role_commission_member", lang))})</p>`;
  return box(
    `<h2 style="margin-top:0">${escape(t("formCommission", lang))}</h2>${errorBox(form.error, form.problems)}
<form method="post" action="${href(frame, "commissions/new")}" data-form="commission">${csrfField(frame.csrfToken)}
<label for="kind">${escape(t("commissionKind", lang))}</label>${selectField(
      "kind",
      "kind",
      COMMISSION_KINDS.map((k) => [k, tk(`commissionKind_${k}`, lang)] as const),
      v.kind ?? "",
    )}
${inputField(v, "orderNumber", t("orderNumber", lang), 'required maxlength="500"')}
${inputField(v, "orderDate", t("orderDate", lang), 'type="date" required')}
<label for="secretary">${escape(t("secretary", lang))}</label>${
      secretaries.length
        ? selectField(
            "secretary",
            "secretaryUserId",
            secretaries.map((s) => [s.id, s.name] as const),
            v.secretaryUserId ?? "",
          )
        : `<p data-empty>${escape(t("nobodyWithRole", lang))} (${escape(t("role_commission_secretary", lang))})</p>`
    }
${group(t("members", lang), memberRows)}
${submitButton(t("formCommission", lang))}</form>`,
    'id="new-commission"',
  );
}

export interface ExpertGroupsData {
  readonly groups: readonly {
    id: string;
    name: string;
    order: { number: string; date: string };
    members: readonly { name: string; kind: string }[];
  }[];
  readonly experts: readonly Person[];
  readonly canEdit: boolean;
  readonly form: FormState;
}

export function expertGroupsSection(frame: ConsoleFrame, d: ExpertGroupsData): string {
  const { lang } = frame;
  const v = d.form.values;
  const list = table(
    lang,
    ["groupName", "orderNumber", "members"],
    d.groups.map((g) => [
      escape(g.name),
      `${escape(g.order.number)}, ${dayText(g.order.date, lang)}`,
      escape(g.members.map((m) => `${m.name} (${tk(`expertKind_${m.kind}`, lang)})`).join(", ")),
    ]),
    t("expertGroups", lang),
  );
  const kinds = ["", "teacher", "practitioner"].map((k) => [k, k ? tk(`expertKind_${k}`, lang) : t("notMember", lang)] as const);
  const form = d.canEdit
    ? `<h3>${escape(t("formExpertGroup", lang))}</h3><p>${escape(t("compositionHelp", lang))}</p>${errorBox(d.form.error, d.form.problems)}
<form method="post" action="${href(frame, "expert-groups/new")}" data-form="expert-group">${csrfField(frame.csrfToken)}
${inputField(v, "name", t("groupName", lang), 'required maxlength="500"', "group-name")}
${inputField(v, "orderNumber", t("orderNumber", lang), 'required maxlength="500"', "group-orderNumber")}
${inputField(v, "orderDate", t("orderDate", lang), 'type="date" required', "group-orderDate")}
${group(
  t("members", lang),
  d.experts.length
    ? d.experts
        .map(
          (m) =>
            `<label for="expert-${escape(m.id)}">${escape(m.name)}</label>${selectField(`expert-${m.id}`, `expert.${m.id}`, kinds, v[`expert.${m.id}`] ?? "")}`,
        )
        .join("")
    : `<p data-empty>${escape(t("nobodyWithRole", lang))} (${escape(t("role_expert", lang))})</p>`,
)}
${submitButton(t("formExpertGroup", lang))}</form>`
    : "";
  return box(`<h2 style="margin-top:0">${escape(t("expertGroups", lang))}</h2>${list}${form}`, 'id="expert-groups"');
}

// ---- a learner's transcript: re-credited disciplines with their basis, what is left to study, micro-qualifications ----

export interface TranscriptPageData {
  readonly learner: string;
  readonly curriculum: { code: string; name: string; totalCredits: number } | null;
  readonly entries: readonly {
    code: string;
    name: string;
    credits: number;
    hours: number;
    letter: string;
    protocol: string;
    protocolDate: string;
    recordedOn: string;
  }[];
  readonly disciplines: readonly { code: string; name: string; credits: number; period: number; status: "re_credited" | "to_study" }[];
  readonly micro: readonly { programme: string; credits: number; letter: string; heldOn: string }[];
}

export function renderTranscriptPage(frame: ConsoleFrame, d: TranscriptPageData): string {
  const { lang } = frame;
  const entries = table(
    lang,
    ["discipline", "credits", "f_hours", "letter", "protocolBasis", "recordedOn"],
    d.entries.map((e) => [
      `${escape(e.code)} · ${escape(e.name)}`,
      escape(numberText(e.credits, lang)),
      escape(e.hours),
      `<strong>${escape(e.letter)}</strong>`,
      `№ ${escape(e.protocol)}, ${dayText(e.protocolDate, lang)}`,
      dayText(e.recordedOn, lang),
    ]),
    t("transcriptRecredited", lang),
  );
  const plan = table(
    lang,
    ["discipline", "credits", "term", "status"],
    d.disciplines.map((x) => [
      `${escape(x.code)} · ${escape(x.name)}`,
      escape(numberText(x.credits, lang)),
      escape(x.period),
      `<span data-discipline-status="${x.status}">${escape(tk(`disciplineStatus_${x.status}`, lang))}</span>`,
    ]),
    t("transcriptPlan", lang),
  );
  const micro = table(
    lang,
    ["programme", "credits", "letter", "issuedOn"],
    d.micro.map((m) => [escape(m.programme), escape(numberText(m.credits, lang)), escape(m.letter), dayText(m.heldOn, lang)]),
    t("transcriptMicro", lang),
  );
  // A table names itself in its caption; an empty one says so under a heading.
  const titled = (key: PageTextKey, count: number, html: string) => (count > 0 ? html : `<h3>${escape(t(key, lang))}</h3>${html}`);
  return layout(
    frame,
    "transcriptTitle",
    `<dl><dt>${escape(t("learner", lang))}</dt><dd data-learner>${escape(d.learner)}</dd><dt>${escape(t("enrolment", lang))}</dt><dd>${
      d.curriculum
        ? `${escape(d.curriculum.code)} · ${escape(d.curriculum.name)} (${escape(numberText(d.curriculum.totalCredits, lang))} ${escape(t("creditsShort", lang))})`
        : escape(t("noCurriculum", lang))
    }</dd></dl>
${titled("transcriptRecredited", d.entries.length, entries)}
${titled("transcriptPlan", d.disciplines.length, plan)}
${titled("transcriptMicro", d.micro.length, micro)}
<p><a href="${href(frame, "learners")}">${escape(t("navLearners", lang))}</a></p>`,
  );
}
