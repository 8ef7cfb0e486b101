// The recognition workspace in the console: the inbox, an application with its preparation beside it and the
// action the reader's role allows (forward, accept a document, conclude, put on the agenda, record), and the
// commission meeting (draft decision, votes in person, decision, protocol). kk/ru/en.
import type { Meeting } from "../../db/repositories/commissions.js";
import type { RecognitionApplication } from "../../db/repositories/recognition-applications.js";
import { LETTERS } from "../../domain/grading/letter-scale.js";
import type { Lang } from "../../errors.js";
import { t, type PageTextKey } from "./messages.js";
import { type ConsoleFrame, fill, layout, table } from "./registrar-pages.js";
import { dayString, dayText, momentString, noticeBox } from "./form-kit.js";
import { escape } from "./verify-page.js";

type Json = Record<string, unknown>;
const tt = (key: string, lang: Lang) => t(key as PageTextKey, lang);
const csrf = (frame: ConsoleFrame) => `<input type="hidden" name="_csrf" value="${escape(frame.csrfToken)}">`;
const action = (frame: ConsoleFrame, path: string) => `/console/orgs/${escape(frame.slug)}/${path}?lang=${frame.lang}`;
const select = (id: string, name: string, options: readonly [string, string][], selected = "") =>
  `<select id="${id}" name="${name}" class="field">${options.map(([v, label]) => `<option value="${escape(v)}"${v === selected ? " selected" : ""}>${escape(label)}</option>`).join("")}</select>`;

export interface InboxRow {
  readonly id: string;
  readonly number: number;
  readonly procedure: string;
  readonly learner: string;
  readonly stage: string;
  readonly receivedOn: string;
  readonly overdue: readonly { step: string; due: string; rule: string }[];
}

export function renderInbox(frame: ConsoleFrame, rows: readonly InboxRow[], canRegister = false): string {
  const { lang } = frame;
  return layout(
    frame,
    "navRecognition",
    (canRegister ? `<p><a class="button" href="${action(frame, "recognition/new")}">${escape(t("newApplication", lang))}</a></p>` : "") +
      table(
        lang,
        ["number", "learner", "procedure", "stage", "received", "overdue"],
        rows.map((r) => [
          `<a href="${action(frame, `recognition/${r.id}`)}">${escape(r.number)}</a>`,
          escape(r.learner),
          escape(tt(`procedure_${r.procedure}`, lang)),
          escape(tt(`stage_${r.stage}`, lang)),
          dayText(r.receivedOn, lang),
          r.overdue
            .map(
              (o) =>
                `<strong data-overdue style="color:#a40e0e">${escape(fill(tt(`overdue_${o.step}`, lang), { ...o, due: dayString(o.due, lang) }))}</strong>`,
            )
            .join("<br>"),
        ]),
        t("navRecognition", lang),
      ),
  );
}

export interface ApplicationPageData {
  readonly application: RecognitionApplication;
  readonly learner: string;
  readonly disciplineNames: ReadonlyMap<string, string>;
  readonly can: {
    readonly forward: boolean;
    readonly override: boolean;
    readonly conclude: boolean;
    readonly agenda: boolean;
    readonly record: boolean;
  };
  readonly expertGroups: readonly { id: string; name: string }[];
  readonly openMeetings: readonly { id: string; label: string }[];
  readonly trail: readonly { at: string; actor: string; action: string }[];
  readonly notice: string | null;
  readonly error: string | null;
  readonly credentialUrl: string | null;
}

export function renderApplicationPage(frame: ConsoleFrame, d: ApplicationPageData): string {
  const { lang } = frame;
  const a = d.application;
  const docs = table(
    lang,
    ["documents", "verdict", "actions"],
    a.documents.map((doc) => {
      const flagged = doc.credential !== null && doc.verdict !== "valid" && !doc.override;
      const accept =
        flagged && d.can.override
          ? `<form method="post" action="${action(frame, `recognition/${a.id}/documents/${doc.id}/override`)}">${csrf(frame)}<label for="reason-${doc.id}">${escape(t("reason", lang))}</label><input id="reason-${doc.id}" name="reason" required minlength="5" class="field"><button class="button quiet" type="submit">${escape(t("acceptDocument", lang))}</button></form>`
          : "";
      return [
        escape(doc.title),
        `<span data-verdict="${escape(doc.verdict ?? "paper")}">${escape(doc.verdict ?? t("paper", lang))}</span>${doc.override ? ` ✓ ${escape(doc.override.reason)}` : ""}`,
        accept,
      ];
    }),
    t("documents", lang),
  );
  const proposals = table(
    lang,
    ["discipline", "proposal", "reasons"],
    a.preparation.disciplines.map((p) => [
      `${escape(p.code)} · ${escape(p.names[lang])}`,
      `<strong data-proposal="${escape(p.code)}">${escape(tt(`proposal_${p.proposal}`, lang))}</strong>`,
      p.reasons.map((r) => escape(fill(tt(`reason_${r.code}`, lang) || r.code, { ...r.params, rule: r.rule }))).join("<br>"),
    ]),
    t("preparation", lang),
  );
  const forms: string[] = [];
  if (d.can.forward)
    forms.push(`<h2>${escape(t("forward", lang))}</h2><form method="post" action="${action(frame, `recognition/${a.id}/forward`)}">${csrf(frame)}
<label for="group">${escape(t("expertGroup", lang))}</label>${select(
      "group",
      "expertGroupId",
      d.expertGroups.map((g) => [g.id, g.name]),
    )}
<button class="button" type="submit">${escape(t("forward", lang))}</button></form>`);
  if (d.can.conclude) {
    const aspects = ["learningOutcomes", "programmeGoals", "volume", "grade"]
      .map(
        (
          k,
        ) => `<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(tt(`aspect_${k}`, lang))}</legend>
<label for="${k}-match">${escape(t("proposal", lang))}</label>${select(
          `${k}-match`,
          `${k}.match`,
          ["full", "partial", "none"].map((m) => [m, tt(`match_${m}`, lang)] as [string, string]),
        )}
<label for="${k}-comment">${escape(t("comment", lang))}</label><input id="${k}-comment" name="${k}.comment" required class="field"></fieldset>`,
      )
      .join("");
    const recommendations = a.disciplineCodes
      .map((code) => {
        const proposal = a.preparation.disciplines.find((p) => p.code === code);
        return `<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(code)} · ${escape(d.disciplineNames.get(code) ?? "")}</legend>
<label for="rec-${code}">${escape(t("recommendation", lang))}</label>${select(
          `rec-${code}`,
          `rec.${code}.recommendation`,
          ["recognise", "partly", "not"].map((r) => [r, tt(`proposal_${r}`, lang)] as [string, string]),
          proposal?.proposal,
        )}
<label for="letter-${code}">${escape(t("letter", lang))}</label>${select(`letter-${code}`, `rec.${code}.letter`, [["", "—"], ...LETTERS.map((l) => [l, l] as [string, string])], proposal?.grade?.letter ?? "")}
<label for="comment-${code}">${escape(t("comment", lang))}</label><input id="comment-${code}" name="rec.${code}.comment" required class="field"></fieldset>`;
      })
      .join("");
    forms.push(`<h2>${escape(t("conclusionTitle", lang))}</h2><form method="post" action="${action(frame, `recognition/${a.id}/conclusion`)}">${csrf(frame)}
${aspects}${recommendations}<label for="summary">${escape(t("summary", lang))}</label><input id="summary" name="summary" required class="field">
<button class="button" type="submit">${escape(t("submitConclusion", lang))}</button></form>`);
  }
  if (d.can.agenda && d.openMeetings.length > 0)
    forms.push(`<h2>${escape(t("putOnAgenda", lang))}</h2><form method="post" action="${action(frame, `recognition/${a.id}/agenda`)}">${csrf(frame)}
<label for="meeting">${escape(t("meeting", lang))}</label>${select(
      "meeting",
      "meetingId",
      d.openMeetings.map((m) => [m.id, m.label]),
    )}
<button class="button" type="submit">${escape(t("putOnAgenda", lang))}</button></form>`);
  if (d.can.record)
    forms.push(
      `<form method="post" action="${action(frame, `recognition/${a.id}/transcript`)}">${csrf(frame)}<button class="button" type="submit">${escape(t("recordTranscript", lang))}</button></form>`,
    );
  const decision = a.decision
    ? `<h2>${escape(t("decisionHeading", lang))}</h2><p data-decision="${escape(a.decision.outcome)}"><strong>${escape(tt(`decision_${a.decision.outcome}`, lang))}</strong>${
        a.decision.protocolNumber !== null
          ? ` · <a href="/orgs/${escape(frame.slug)}/meetings/${escape(a.decision.meetingId)}/protocol?format=pdf&amp;lang=${lang}">${escape(t("protocolPdf", lang))} № ${escape(a.decision.protocolNumber)}</a> · <a href="/orgs/${escape(frame.slug)}/meetings/${escape(a.decision.meetingId)}/extracts/${escape(a.id)}?format=pdf&amp;lang=${lang}">${escape(t("extractPdf", lang))}</a>`
          : ""
      }${d.credentialUrl ? ` · <a data-credential href="${escape(d.credentialUrl)}?lang=${lang}">${escape(t("pageTitle", lang))}</a>` : ""}${
        a.stage === "recorded"
          ? ` · <a data-transcript href="${action(frame, `learners/${a.learnerId}/transcript`)}">${escape(t("transcriptTitle", lang))}</a>`
          : ""
      }</p>`
    : "";
  const content = `${d.notice ? `<div class="notice" role="status">${escape(d.notice)}</div>` : ""}
${d.error ? `<div class="verdict bad" role="alert" data-error>${escape(d.error)}</div>` : ""}
<dl><dt>${escape(t("learner", lang))}</dt><dd>${escape(d.learner)}</dd><dt>${escape(t("procedure", lang))}</dt><dd>${escape(tt(`procedure_${a.procedure}`, lang))}</dd>
<dt>${escape(t("stage", lang))}</dt><dd data-stage="${escape(a.stage)}">${escape(tt(`stage_${a.stage}`, lang))}</dd><dt>${escape(t("received", lang))}</dt><dd>${dayText(a.receivedOn, lang)}</dd></dl>
${docs}${proposals}${decision}${forms.join("")}
<h2>${escape(t("history", lang))}</h2><ol>${d.trail.map((e) => `<li>${escape(momentString(e.at, lang))} · ${escape(e.action)} · ${escape(e.actor)}</li>`).join("")}</ol>`;
  return layout(frame, "navRecognition", `<p><strong>${escape(t("number", lang))} ${escape(a.number)}</strong></p>${content}`);
}

export interface MeetingPageData {
  readonly meeting: Meeting;
  readonly items: readonly {
    applicationId: string;
    number: number;
    learner: string;
    disciplines: readonly { code: string; credits: number; hours: number; letter: string }[];
  }[];
  readonly isSecretary: boolean;
  readonly voterId: string | null;
  /** The election form, when the commission has no chair yet and the reader is the secretary. */
  readonly election: string | null;
  readonly notice: string | null;
  readonly error: string | null;
}

export function renderMeetingPage(frame: ConsoleFrame, d: MeetingPageData): string {
  const { lang } = frame;
  const m = d.meeting;
  const items = d.items
    .map((item) => {
      const state = m.items.find((i) => i.applicationId === item.applicationId)!;
      const path = `meetings/${m.id}/agenda/${item.applicationId}`;
      const motion = state.motion
        ? `<p data-motion>${escape(state.motion.outcome === "recognise" ? state.motion.disciplines.map((x) => `${x.code}: ${x.credits} / ${x.hours} / ${x.letter}`).join("; ") : tt("decision_refused", lang))}</p>`
        : "";
      const tally = ["for", "against", "abstain"]
        .map((c) => `${tt(`vote_${c}`, lang)}: <span data-tally="${c}">${state.votes.filter((v) => v.choice === c).length}</span>`)
        .join(" · ");
      const myVote = d.voterId ? state.votes.find((v) => v.voterUserId === d.voterId) : undefined;
      const voting =
        d.voterId && state.motion && !state.outcome && !myVote && m.status === "open"
          ? `<form method="post" action="${action(frame, `${path}/votes`)}" style="display:flex;gap:.5rem">${csrf(frame)}${[
              "for",
              "against",
              "abstain",
            ]
              .map(
                (c) =>
                  `<button class="button${c === "for" ? "" : " quiet"}" type="submit" name="choice" value="${c}">${escape(tt(`vote_${c}`, lang))}</button>`,
              )
              .join("")}</form>`
          : "";
      const secretary =
        d.isSecretary && m.status === "open" && !state.outcome
          ? `<form method="post" action="${action(frame, `${path}/motion`)}">${csrf(frame)}${item.disciplines
              .map((x) => `<input type="hidden" name="discipline" value="${escape(`${x.code}|${x.credits}|${x.hours}|${x.letter}`)}">`)
              .join("")}<button class="button quiet" type="submit">${escape(t("putMotion", lang))}</button></form>
<form method="post" action="${action(frame, `${path}/decision`)}">${csrf(frame)}<button class="button" type="submit">${escape(t("recordDecision", lang))}</button></form>`
          : "";
      return `<section style="background:#fff;border:1px solid #d9d9d9;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0" data-item="${escape(item.applicationId)}">
<h3 style="margin:.2rem 0">${escape(t("number", lang))} ${escape(item.number)} · ${escape(item.learner)}${state.outcome ? ` — <span data-outcome="${escape(state.outcome)}">${escape(state.outcome)}</span>` : ""}</h3>
${motion}<p>${tally}</p>${voting}${secretary}</section>`;
    })
    .join("");
  const footer =
    m.status === "closed"
      ? `<p><a href="/orgs/${escape(frame.slug)}/meetings/${escape(m.id)}/protocol?format=pdf&amp;lang=${lang}">${escape(t("protocolPdf", lang))} № ${escape(m.protocolNumber)}</a></p>`
      : d.isSecretary
        ? `<form method="post" action="${action(frame, `meetings/${m.id}/close`)}">${csrf(frame)}<button class="button" type="submit">${escape(t("closeMeeting", lang))}</button></form>`
        : "";
  return layout(
    frame,
    "meeting",
    `${d.notice ? `<div class="notice" role="status">${escape(d.notice)}</div>` : ""}${d.error ? `<div class="verdict bad" role="alert" data-error>${escape(d.error)}</div>` : ""}
<p>${dayText(m.heldOn, lang)}${m.place ? ` · ${escape(m.place)}` : ""}</p>${d.election ?? ""}${items || `<p>${escape(t("empty", lang))}</p>`}${footer}`,
  );
}

export type { Json };

export interface NewApplicationData {
  readonly learners: readonly { id: string; name: string; curriculum: string }[];
  readonly periods: readonly { code: string; name: string }[];
  readonly disciplines: readonly { curriculum: string; code: string; name: string }[];
  readonly values: Readonly<Record<string, string>>;
  readonly error: string | null;
}

/** The secretary registers an application as received: procedure, learner, period, disciplines, text, documents. */
export function renderNewApplication(frame: ConsoleFrame, d: NewApplicationData): string {
  const { lang } = frame;
  const v = (name: string) => escape(d.values[name] ?? "");
  const kinds = ["certificate", "identity_document", "recognition_centre_document", "other"].map(
    (k) => [k, tt(`docKind_${k}`, lang)] as [string, string],
  );
  const documentFields = [1, 2]
    .map(
      (
        n,
      ) => `<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(t("document", lang))} ${n}</legend>
<label for="doc${n}-kind">${escape(t("documentKind", lang))}</label>${select(`doc${n}-kind`, `doc${n}.kind`, kinds, d.values[`doc${n}.kind`] ?? (n === 1 ? "certificate" : "identity_document"))}
<label for="doc${n}-title">${escape(t("documentTitle", lang))}</label><input id="doc${n}-title" name="doc${n}.title" value="${v(`doc${n}.title`)}" class="field">
<label for="doc${n}-file">${escape(t("file", lang))}</label><input id="doc${n}-file" name="doc${n}.file" type="file" class="field">
<label for="doc${n}-credential">${escape(t("credentialPaste", lang))}</label><textarea id="doc${n}-credential" name="doc${n}.credential" rows="3" class="field">${v(`doc${n}.credential`)}</textarea></fieldset>`,
    )
    .join("");
  const chosen = new Set((d.values.disciplines ?? "").split(","));
  return layout(
    frame,
    "newApplication",
    `${d.error ? `<div class="verdict bad" role="alert" data-error>${escape(d.error)}</div>` : ""}
<form method="post" enctype="multipart/form-data" action="${action(frame, "recognition/new")}">${csrf(frame)}
<label for="procedure">${escape(t("procedure", lang))}</label>${select(
      "procedure",
      "procedure",
      ["A", "B", "micro"].map((p) => [p, tt(`procedure_${p}`, lang)] as [string, string]),
      d.values.procedure,
    )}
<label for="learner">${escape(t("learner", lang))}</label>${select(
      "learner",
      "learnerId",
      d.learners.map((l) => [l.id, `${l.name} (${l.curriculum})`]),
      d.values.learnerId,
    )}
<label for="period">${escape(t("academicPeriod", lang))}</label>${select(
      "period",
      "academicPeriod",
      d.periods.map((p) => [p.code, p.name]),
      d.values.academicPeriod,
    )}
<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(t("disciplines", lang))}</legend>${d.disciplines
      .map(
        (x) =>
          `<label style="display:block"><input type="checkbox" name="disciplines" value="${escape(`${x.curriculum}|${x.code}`)}"${chosen.has(`${x.curriculum}|${x.code}`) ? " checked" : ""}> ${escape(x.curriculum)} · ${escape(x.code)} · ${escape(x.name)}</label>`,
      )
      .join("")}</fieldset>
<label for="receivedOn">${escape(t("received", lang))}</label><input id="receivedOn" name="receivedOn" type="date" value="${v("receivedOn")}" required class="field">
<label for="text">${escape(t("applicationText", lang))}</label><textarea id="text" name="applicationText" rows="4" required class="field">${v("applicationText")}</textarea>
${documentFields}
<button class="button" type="submit">${escape(t("register", lang))}</button></form>`,
  );
}

export interface CommissionsPageData {
  readonly commissions: readonly {
    readonly id: string;
    readonly kind: string;
    readonly order: { readonly number: string; readonly date: string };
    readonly chair: string | null;
    readonly members: readonly { id: string; name: string }[];
    readonly meetings: readonly { id: string; heldOn: string; status: string }[];
  }[];
  readonly canOpen: boolean;
  readonly today: string;
  /** The sections below the list: forming a commission, the expert groups. */
  readonly more: string;
  readonly notice: string | null;
}

/** The commissions, their meetings, and for the secretary the form that opens a meeting with its attendance. */
export function renderCommissions(frame: ConsoleFrame, d: CommissionsPageData): string {
  const { lang } = frame;
  const sections = d.commissions
    .map((c) => {
      const meetings = c.meetings
        .map(
          (m) =>
            `<li><a href="${action(frame, `meetings/${m.id}`)}">${dayText(m.heldOn, lang)}</a> · ${escape(tt(`meetingStatus_${m.status}`, lang))}</li>`,
        )
        .join("");
      const form = d.canOpen
        ? `<form method="post" action="${action(frame, `commissions/${c.id}/meetings`)}">${csrf(frame)}
<label for="date-${escape(c.id)}">${escape(t("meetingDate", lang))}</label><input id="date-${escape(c.id)}" name="heldOn" type="date" value="${escape(d.today)}" required class="field">
<label for="place-${escape(c.id)}">${escape(t("place", lang))}</label><input id="place-${escape(c.id)}" name="place" class="field">
<fieldset style="border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem"><legend>${escape(t("present", lang))}</legend>${c.members
            .map(
              (m) =>
                `<label style="display:block"><input type="checkbox" name="present" value="${escape(m.id)}" checked> ${escape(m.name)}</label>`,
            )
            .join("")}</fieldset>
<button class="button" type="submit">${escape(t("openMeeting", lang))}</button></form>`
        : "";
      return `<section style="background:#fff;border:1px solid #d9d9d9;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0" data-commission="${escape(c.id)}">
<h3 style="margin:.2rem 0">${escape(tt(`commissionKind_${c.kind}`, lang))}</h3><p>${escape(t("orderNumber", lang))} ${escape(c.order.number)}, ${dayText(c.order.date, lang)}</p><p>${escape(t("members", lang))}: ${escape(c.members.map((m) => m.name).join(", "))}${c.chair ? `; ${escape(t("chair", lang))}: ${escape(c.chair)}` : ""}</p>
<ul>${meetings}</ul>${form}</section>`;
    })
    .join("");
  return layout(frame, "commissions", `${noticeBox(d.notice)}${sections || `<p data-empty>${escape(t("empty", lang))}</p>`}${d.more}`);
}

/** The open vote electing the chair, recorded by the secretary at the meeting (R п.12, 23). */
export function electionForm(
  frame: ConsoleFrame,
  meetingId: string,
  commissionId: string,
  present: readonly { id: string; name: string }[],
): string {
  const { lang } = frame;
  const choices = ["for", "against", "abstain"].map((c) => [c, tt(`vote_${c}`, lang)] as [string, string]);
  return `<h2>${escape(t("electChair", lang))}</h2><form method="post" action="${action(frame, `commissions/${commissionId}/elections`)}">${csrf(frame)}
<input type="hidden" name="meetingId" value="${escape(meetingId)}">
<label for="candidate">${escape(t("candidate", lang))}</label>${select(
    "candidate",
    "candidate",
    present.map((m) => [m.id, m.name]),
  )}
${present.map((m) => `<label for="v-${escape(m.id)}">${escape(m.name)}</label>${select(`v-${m.id}`, `vote.${m.id}`, choices)}`).join("")}
<button class="button" type="submit">${escape(t("recordElection", lang))}</button></form>`;
}
