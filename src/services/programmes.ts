// Use cases of micro-qualification programmes: create, edit, approve, publish, retire.
import { randomUUID } from "node:crypto";
import { runInTransaction } from "../db/transaction.js";
import type { Programme } from "../db/repositories/programmes.js";
import type { Institution } from "../domain/institutions/institution.js";
import { checkProgramme, nextStatus, type ProgrammeAction, type ProgrammeContent } from "../domain/qualifications/programme.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";

function validated(content: ProgrammeContent, institution: Institution) {
  const { problems, workload } = checkProgramme(content, institution.kind);
  if (problems.length > 0 || !workload) {
    const summary = problems.map((p) => `${p.code} (${p.rule})`).join("; ");
    throw new AppError("PROGRAMME_INVALID", { count: problems.length, summary }, { details: { problems } });
  }
  return workload;
}

export async function findProgramme(institution: Institution, code: string, deps: Deps): Promise<Programme> {
  const programme = await deps.repos.programmes.find(institution.id, code);
  if (!programme) throw new AppError("PROGRAMME_NOT_FOUND", { code });
  return programme;
}

export async function createProgramme(
  institution: Institution,
  input: { code: string; content: ProgrammeContent },
  actor: string,
  deps: Deps,
): Promise<Programme> {
  const workload = validated(input.content, institution);
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    if (await deps.repos.programmes.find(institution.id, input.code)) throw new AppError("PROGRAMME_CODE_TAKEN", { code: input.code });
    const programme = await deps.repos.programmes.create({
      id: randomUUID(),
      institutionId: institution.id,
      code: input.code,
      content: input.content,
      credits: workload.credits,
      hours: workload.hours,
    });
    await deps.repos.audit.record({ actor, action: "programme.created", institutionId: institution.id, subject: programme.code }, now);
    return programme;
  });
}

/** Edits the content. An approved programme goes back to draft: the council approved the earlier text. */
export async function editProgramme(
  institution: Institution,
  code: string,
  input: { version: number; content: ProgrammeContent },
  actor: string,
  deps: Deps,
): Promise<Programme> {
  const workload = validated(input.content, institution);
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const programme = await findProgramme(institution, code, deps);
    const status = nextStatus(programme.status, "edit");
    if (!status) throw new AppError("PROGRAMME_TRANSITION_NOT_ALLOWED", { status: programme.status, action: "edit" });
    if (programme.version !== input.version)
      throw new AppError("PROGRAMME_VERSION_CONFLICT", { current: programme.version, sent: input.version });
    const updated = await deps.repos.programmes.update(programme.id, input.version, {
      status,
      content: input.content,
      credits: workload.credits,
      hours: workload.hours,
      approvalDecisionNumber: null,
      approvalDecisionDate: null,
      approvedAt: null,
    });
    if (!updated) throw new AppError("PROGRAMME_VERSION_CONFLICT", { current: "?", sent: input.version });
    await deps.repos.audit.record(
      { actor, action: "programme.edited", institutionId: institution.id, subject: code, details: { from: programme.status, to: status } },
      now,
    );
    return updated;
  });
}

export type StatusChange =
  | { readonly action: "approve"; readonly decisionNumber: string; readonly decisionDate: string }
  | { readonly action: "publish" }
  | { readonly action: "retire" };

export async function changeProgrammeStatus(
  institution: Institution,
  code: string,
  change: StatusChange,
  actor: string,
  deps: Deps,
): Promise<Programme> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const programme = await findProgramme(institution, code, deps);
    const action: ProgrammeAction = change.action;
    const status = nextStatus(programme.status, action);
    if (!status) throw new AppError("PROGRAMME_TRANSITION_NOT_ALLOWED", { status: programme.status, action });
    const updated = await deps.repos.programmes.update(programme.id, programme.version, {
      status,
      ...(change.action === "approve"
        ? { approvalDecisionNumber: change.decisionNumber, approvalDecisionDate: change.decisionDate, approvedAt: now }
        : {}),
      ...(change.action === "publish" ? { publishedAt: now } : {}),
      ...(change.action === "retire" ? { retiredAt: now } : {}),
    });
    if (!updated) throw new AppError("PROGRAMME_VERSION_CONFLICT", { current: "?", sent: programme.version });
    await deps.repos.audit.record(
      {
        actor,
        action: `programme.${action === "approve" ? "approved" : action === "publish" ? "published" : "retired"}`,
        institutionId: institution.id,
        subject: code,
        details: change.action === "approve" ? { decisionNumber: change.decisionNumber, decisionDate: change.decisionDate } : undefined,
      },
      now,
    );
    return updated;
  });
}
