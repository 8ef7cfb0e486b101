// Bulk award of a cohort (M п.16): a CSV or JSON file of final attestation results becomes attestations
// and signed credentials. Rows are processed in chunks, each chunk in one transaction, so a crash loses at
// most the chunk in flight, and that chunk is redone on resume. The attestation (programme + learner +
// session) is the idempotency key: re-running a file, or resuming a batch, never issues twice.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { CredentialFormat, IssuedCredential } from "../db/repositories/credentials.js";
import type { AwardBatch, BatchRowResult, StoredRow } from "../db/repositories/award-batches.js";
import type { Attestation, Learner } from "../db/repositories/learners.js";
import type { Programme } from "../db/repositories/programmes.js";
import { runInTransaction } from "../db/transaction.js";
import { gradeResult } from "../domain/grading/letter-scale.js";
import type { Institution } from "../domain/institutions/institution.js";
import { checkAwardRows, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type AwardRow, type RawRow } from "../domain/qualifications/award-rows.js";
import { canAward } from "../domain/qualifications/programme.js";
import { AppError } from "../errors.js";
import { signAwards } from "./award-micro-qualification.js";
import type { Deps } from "./deps.js";
import { allocateStatusIndexes } from "./status-lists.js";

export const MAX_BATCH_ROWS = 50_000;
const CHUNK_SIZE = 500;

/** Reads a cohort CSV: UTF-8 (a BOM is allowed), comma or semicolon separated, header line first. */
export function readCohortCsv(bytes: Buffer): RawRow[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("FILE_ENCODING_INVALID", { offset: firstInvalidUtf8(bytes) });
  }
  text = text.replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as Record<string, string>[];
  } catch (error) {
    throw new AppError("FILE_MALFORMED", { reason: (error as Error).message });
  }
  const header = firstLine.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, "").toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new AppError(
      "FILE_COLUMNS_MISSING",
      { columns: missing.join(", ") },
      { details: { missing, known: [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] } },
    );
  return records;
}

function firstInvalidUtf8(bytes: Buffer): number {
  for (let end = 1; end <= bytes.length; end++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    } catch {
      return end - 1;
    }
  }
  return bytes.length;
}

export interface BatchQueue {
  enqueue(batchId: string): void;
}

/** Checks the file's rows and stores the batch; processing happens in the background (see AwardBatchRunner). */
export async function startAwardBatch(
  institution: Institution,
  programme: Programme,
  rows: readonly RawRow[],
  options: { format: CredentialFormat; fileName: string | null },
  actor: string,
  deps: Deps & { queue: BatchQueue },
): Promise<AwardBatch> {
  if (!canAward(programme.status)) throw new AppError("PROGRAMME_NOT_PUBLISHED", { code: programme.code, status: programme.status });
  if (rows.length === 0) throw new AppError("FILE_EMPTY");
  if (rows.length > MAX_BATCH_ROWS) throw new AppError("FILE_TOO_MANY_ROWS", { rows: rows.length, max: MAX_BATCH_ROWS });
  const checked = checkAwardRows(rows);
  if (checked.duplicates.length > 0) {
    const shown = checked.duplicates
      .slice(0, 5)
      .map((d) => d.rows.join("+"))
      .join(", ");
    throw new AppError(
      "FILE_DUPLICATE_ROWS",
      { rows: shown },
      { details: { duplicates: checked.duplicates.map((d) => ({ session: d.session, rows: d.rows })) } },
    );
  }
  const stored: StoredRow[] = [
    ...checked.valid.map((data): StoredRow => ({ kind: "ok", data })),
    ...checked.problems.map((p): StoredRow => ({ kind: "refused", row: p.row, code: p.code, message: p.message })),
  ].sort((a, b) => rowNumber(a) - rowNumber(b));
  const batch = await runInTransaction(deps.db, async () => {
    const created = await deps.repos.awardBatches.create({
      id: randomUUID(),
      institutionId: institution.id,
      programmeId: programme.id,
      format: options.format,
      rows: stored,
      fileName: options.fileName,
      createdBy: actor,
    });
    await deps.repos.audit.record(
      {
        actor,
        action: "award_batch.started",
        institutionId: institution.id,
        subject: created.id,
        details: { programme: programme.code, rows: rows.length, format: options.format },
      },
      deps.clock(),
    );
    return created;
  });
  deps.queue.enqueue(batch.id);
  return batch;
}

const rowNumber = (r: StoredRow) => (r.kind === "ok" ? r.data.row : r.row);

/** Processes every row of the batch not processed yet. Safe to call again after a crash. */
export async function processAwardBatch(batchId: string, deps: Deps, shouldStop: () => boolean = () => false): Promise<AwardBatch> {
  const batch = await deps.repos.awardBatches.find(batchId);
  if (!batch) throw new AppError("BATCH_NOT_FOUND", { batchId });
  if (batch.status === "completed" || batch.status === "failed") return batch;
  const institution = await deps.repos.institutions.findById(batch.institutionId);
  const programme = await deps.repos.programmes.findById(batch.programmeId);
  if (!institution || !programme) throw new Error(`batch ${batchId} refers to a missing institution or programme`);

  const now = deps.clock();
  if (!(await deps.repos.awardBatches.claim(batchId, now, new Date(now.getTime() - deps.config.batchStaleMs)))) return batch;
  try {
    const done = await deps.repos.awardBatches.doneRowNumbers(batchId);
    const pending = (await deps.repos.awardBatches.rows(batchId)).filter((r) => !done.has(rowNumber(r)));
    for (let start = 0; start < pending.length; start += CHUNK_SIZE) {
      if (shouldStop()) {
        // Stopping between chunks: hand the rest to whichever process starts next.
        await deps.repos.awardBatches.setStatus(batchId, "queued", deps.clock());
        return (await deps.repos.awardBatches.find(batchId))!;
      }
      await processChunk(batch, institution, programme, pending.slice(start, start + CHUNK_SIZE), deps);
      // SQLite has one connection: let the requests that queued behind this chunk run before the next one.
      if (deps.config.database.provider === "sqlite") await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await deps.repos.awardBatches.setStatus(batchId, "completed", deps.clock());
  } catch (error) {
    await deps.repos.awardBatches.setStatus(batchId, "failed", deps.clock(), (error as Error).message.slice(0, 500));
    throw error;
  }
  return (await deps.repos.awardBatches.find(batchId))!;
}

async function processChunk(
  batch: AwardBatch,
  institution: Institution,
  programme: Programme,
  chunk: readonly StoredRow[],
  deps: Deps,
): Promise<void> {
  await runInTransaction(deps.db, async () => {
    const results = new Map<number, BatchRowResult>();
    const fail = (row: number, errorCode: string, message: string, learnerId: string | null = null) =>
      results.set(row, { row, outcome: "failed", credentialId: null, learnerId, errorCode, message });

    const rows: AwardRow[] = [];
    for (const r of chunk) {
      if (r.kind === "refused") fail(r.row, r.code, r.message);
      else rows.push(r.data);
    }

    // Learners: found by IIN, registered when new.
    const learners = new Map(
      (
        await deps.repos.learners.findByIins(
          institution.id,
          rows.map((r) => r.iin),
        )
      ).map((l) => [l.iin, l]),
    );
    const newLearners: Learner[] = [];
    for (const r of rows) {
      if (learners.has(r.iin)) continue;
      const learner: Learner = {
        id: randomUUID(),
        institutionId: institution.id,
        fullName: r.fullName,
        iin: r.iin,
        curriculumId: null,
        email: r.email,
        holderDid: r.holderDid,
        createdAt: deps.clock(),
      };
      learners.set(r.iin, learner);
      newLearners.push(learner);
    }
    await deps.repos.learners.createMany(newLearners);

    // Attestations: the same result again is fine; a different one for the same session is a conflict.
    const existing = new Map(
      (await deps.repos.learners.findAttestations(programme.id, [...new Set(rows.map((r) => learners.get(r.iin)!.id))])).map((a) => [
        `${a.learnerId}\u0000${a.session}`,
        a,
      ]),
    );
    const attestations = new Map<number, Attestation>();
    const newAttestations: Attestation[] = [];
    for (const r of rows) {
      const learner = learners.get(r.iin)!;
      const graded = gradeResult(r.result);
      const found = existing.get(`${learner.id}\u0000${r.session}`);
      if (found) {
        if (found.letter !== graded.grade.letter || found.percent !== graded.percent) {
          fail(
            r.row,
            "ATTESTATION_CONFLICT",
            `a different result (${found.letter}) is already recorded for session "${r.session}"`,
            learner.id,
          );
          continue;
        }
        attestations.set(r.row, found);
        continue;
      }
      const attestation: Attestation = {
        id: randomUUID(),
        institutionId: institution.id,
        programmeId: programme.id,
        learnerId: learner.id,
        session: r.session,
        heldOn: r.heldOn,
        resultKind: r.result.kind,
        percent: graded.percent,
        letter: graded.grade.letter,
        gpa: graded.grade.gpa,
        passing: graded.grade.passing,
        createdAt: deps.clock(),
      };
      attestations.set(r.row, attestation);
      newAttestations.push(attestation);
    }
    await deps.repos.learners.createAttestations(newAttestations);

    // Credentials: one per passing attestation, unless it was issued before.
    const issuedBefore = new Map(
      (await deps.repos.credentials.findByAttestations([...attestations.values()].map((a) => a.id))).map((c) => [c.attestationId, c]),
    );
    const toIssue: { row: AwardRow; attestation: Attestation; learner: Learner }[] = [];
    for (const r of rows) {
      const attestation = attestations.get(r.row);
      if (!attestation) continue;
      const learner = learners.get(r.iin)!;
      const before = issuedBefore.get(attestation.id);
      if (before) {
        results.set(r.row, {
          row: r.row,
          outcome: "already_issued",
          credentialId: before.id,
          learnerId: learner.id,
          errorCode: null,
          message: null,
        });
      } else if (!attestation.passing) {
        fail(r.row, "RESULT_NOT_PASSING", `grade ${attestation.letter} does not award the micro-qualification (M п.16)`, learner.id);
      } else {
        toIssue.push({ row: r, attestation, learner });
      }
    }
    let issued: IssuedCredential[] = [];
    if (toIssue.length > 0) {
      const revocation = await allocateStatusIndexes(institution, "revocation", toIssue.length, deps);
      const suspension = await allocateStatusIndexes(institution, "suspension", toIssue.length, deps);
      issued = await signAwards(
        institution,
        toIssue.map((t) => ({ programme, attestation: t.attestation, learner: t.learner })),
        { revocation, suspension },
        batch.format,
        deps,
      );
      await deps.repos.credentials.createMany(issued);
    }
    issued.forEach((credential, i) => {
      const row = toIssue[i]!.row.row;
      results.set(row, {
        row,
        outcome: "issued",
        credentialId: credential.id,
        learnerId: credential.learnerId,
        errorCode: null,
        message: null,
      });
    });
    await deps.repos.awardBatches.recordChunk(
      batch.id,
      [...results.values()].sort((a, b) => a.row - b.row),
      deps.clock(),
    );
  });
}

/**
 * Runs award batches one after another in this process. On start it picks up batches that a stopped
 * process left unfinished; on close it finishes the chunk in flight and stops.
 */
export class AwardBatchRunner implements BatchQueue {
  private readonly waiting: string[] = [];
  private running: Promise<void> | null = null;
  private closing = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void },
  ) {}

  enqueue(batchId: string): void {
    if (this.closing || this.waiting.includes(batchId)) return;
    this.waiting.push(batchId);
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
  }

  /** Looks for abandoned batches now and then every `everyMs` (a batch whose process died is picked up). */
  start(staleMs = this.deps.config.batchStaleMs, everyMs = Math.min(30_000, staleMs)): void {
    const check = () =>
      void this.resumeUnfinished(staleMs).catch((err: unknown) => this.log.error({ err }, "could not look for unfinished award batches"));
    check();
    this.timer = setInterval(check, everyMs);
    this.timer.unref();
  }

  /** Queues batches left unfinished by a process that stopped more than `staleMs` ago. */
  async resumeUnfinished(staleMs = this.deps.config.batchStaleMs): Promise<number> {
    const stale = await this.deps.repos.awardBatches.unfinished(new Date(this.deps.clock().getTime() - staleMs));
    for (const batch of stale) this.enqueue(batch.id);
    if (stale.length > 0) this.log.info({ batches: stale.map((b) => b.id) }, "resuming unfinished award batches");
    return stale.length;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.closing = true;
    this.waiting.length = 0;
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (let next = this.waiting.shift(); next && !this.closing; next = this.waiting.shift()) {
      try {
        await processAwardBatch(next, this.deps, () => this.closing);
      } catch (error) {
        this.log.error({ err: error, batchId: next }, "award batch failed");
      }
    }
  }
}
