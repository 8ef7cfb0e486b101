// Commissions (R п.11–12, 21–23; M п.19), their elections and meetings with votes, and expert groups (R п.15, 26).
import type { Prisma } from "../../../generated/postgres/client.js";
import type { CommissionKind, VoteChoice } from "../../domain/recognition/commission.js";
import type { Db } from "../client.js";
import { uniqueViolation } from "../errors.js";
import { AppError } from "../../errors.js";
import { clientOf } from "../transaction.js";

export interface CommissionMemberRecord {
  readonly userId: string;
  readonly category: string;
}

export interface Commission {
  readonly id: string;
  readonly institutionId: string;
  readonly kind: CommissionKind;
  readonly orderNumber: string;
  readonly orderDate: string;
  readonly secretaryUserId: string;
  readonly chairUserId: string | null;
  readonly deputyUserId: string | null;
  readonly members: readonly CommissionMemberRecord[];
  readonly createdAt: Date;
}

export interface ElectionVote {
  readonly voterId: string;
  readonly choice: VoteChoice;
}

export interface Election {
  readonly id: string;
  readonly commissionId: string;
  readonly meetingId: string;
  readonly position: "chair" | "deputy";
  readonly candidateUserId: string;
  readonly votes: readonly ElectionVote[];
  readonly elected: boolean;
  readonly recordedBy: string;
  readonly createdAt: Date;
}

export interface ExpertGroupMember {
  readonly userId: string;
  readonly kind: "teacher" | "practitioner";
}

export interface ExpertGroup {
  readonly id: string;
  readonly institutionId: string;
  readonly name: string;
  readonly orderNumber: string;
  readonly orderDate: string;
  readonly members: readonly ExpertGroupMember[];
  readonly createdAt: Date;
}

export interface MeetingVoteRecord {
  readonly voterUserId: string;
  readonly choice: VoteChoice;
  readonly at: Date;
}

/** What is put to the vote: the disciplines to re-credit (empty with outcome "refuse"). */
export interface Motion {
  readonly outcome: "recognise" | "refuse";
  readonly disciplines: readonly {
    readonly code: string;
    readonly credits: number;
    readonly hours: number;
    readonly letter: string;
  }[];
  readonly note: string | null;
}

export interface MeetingItem {
  readonly id: string;
  readonly applicationId: string;
  readonly motion: Motion | null;
  readonly motionVersion: number;
  readonly outcome: "adopted" | "not_adopted" | null;
  readonly tally: Record<string, unknown> | null;
  readonly position: number;
  readonly votes: readonly MeetingVoteRecord[];
}

export interface Meeting {
  readonly id: string;
  readonly institutionId: string;
  readonly commissionId: string;
  readonly heldOn: string;
  readonly place: string | null;
  readonly present: readonly string[];
  readonly status: "open" | "closed";
  readonly protocolNumber: number | null;
  readonly closedAt: Date | null;
  readonly createdAt: Date;
  readonly items: readonly MeetingItem[];
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

type CommissionRow = Prisma.CommissionGetPayload<{ include: { members: true } }>;
const commissionFromRow = (row: CommissionRow): Commission => ({
  id: row.id,
  institutionId: row.institutionId,
  kind: row.kind as CommissionKind,
  orderNumber: row.orderNumber,
  orderDate: row.orderDate,
  secretaryUserId: row.secretaryUserId,
  chairUserId: row.chairUserId,
  deputyUserId: row.deputyUserId,
  members: [...row.members].sort((a, b) => a.position - b.position).map((m) => ({ userId: m.userId, category: m.category })),
  createdAt: row.createdAt,
});

const electionFromRow = (row: Prisma.CommissionElectionGetPayload<object>): Election => ({
  id: row.id,
  commissionId: row.commissionId,
  meetingId: row.meetingId,
  position: row.position as Election["position"],
  candidateUserId: row.candidateUserId,
  votes: row.votes as unknown as ElectionVote[],
  elected: row.elected,
  recordedBy: row.recordedBy,
  createdAt: row.createdAt,
});

const groupFromRow = (row: Prisma.ExpertGroupGetPayload<object>): ExpertGroup => ({
  id: row.id,
  institutionId: row.institutionId,
  name: row.name,
  orderNumber: row.orderNumber,
  orderDate: row.orderDate,
  members: row.members as unknown as ExpertGroupMember[],
  createdAt: row.createdAt,
});

type MeetingRow = Prisma.CommissionMeetingGetPayload<{ include: { items: { include: { votes: true } } } }>;
const meetingFromRow = (row: MeetingRow): Meeting => ({
  id: row.id,
  institutionId: row.institutionId,
  commissionId: row.commissionId,
  heldOn: row.heldOn,
  place: row.place,
  present: row.present as string[],
  status: row.status as Meeting["status"],
  protocolNumber: row.protocolNumber,
  closedAt: row.closedAt,
  createdAt: row.createdAt,
  items: [...row.items]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({
      id: i.id,
      applicationId: i.applicationId,
      motion: (i.motion as unknown as Motion | null) ?? null,
      motionVersion: i.motionVersion,
      outcome: i.outcome as MeetingItem["outcome"],
      tally: (i.tally as Record<string, unknown> | null) ?? null,
      position: i.position,
      votes: [...i.votes]
        .sort((a, b) => a.at.getTime() - b.at.getTime() || a.voterUserId.localeCompare(b.voterUserId))
        .map((v) => ({ voterUserId: v.voterUserId, choice: v.choice as VoteChoice, at: v.at })),
    })),
});

const meetingInclude = { items: { include: { votes: true } } } as const;

export function commissionsRepository(db: Db) {
  return {
    async create(data: Omit<Commission, "createdAt" | "chairUserId" | "deputyUserId">): Promise<Commission> {
      const row = await clientOf(db).commission.create({
        data: {
          id: data.id,
          institutionId: data.institutionId,
          kind: data.kind,
          orderNumber: data.orderNumber,
          orderDate: data.orderDate,
          secretaryUserId: data.secretaryUserId,
          members: { create: data.members.map((m, position) => ({ userId: m.userId, category: m.category, position })) },
        },
        include: { members: true },
      });
      return commissionFromRow(row);
    },
    async find(institutionId: string, id: string): Promise<Commission | null> {
      const row = await clientOf(db).commission.findFirst({ where: { id, institutionId }, include: { members: true } });
      return row ? commissionFromRow(row) : null;
    },
    async list(institutionId: string): Promise<Commission[]> {
      const rows = await clientOf(db).commission.findMany({
        where: { institutionId },
        include: { members: true },
        orderBy: { createdAt: "asc" },
      });
      return rows.map(commissionFromRow);
    },
    async setOfficer(id: string, position: "chair" | "deputy", userId: string): Promise<void> {
      await clientOf(db).commission.update({
        where: { id },
        data: position === "chair" ? { chairUserId: userId } : { deputyUserId: userId },
      });
    },
    async recordElection(data: Omit<Election, "createdAt">): Promise<Election> {
      return electionFromRow(await clientOf(db).commissionElection.create({ data: { ...data, votes: json(data.votes) } }));
    },
    async elections(commissionId: string): Promise<Election[]> {
      const rows = await clientOf(db).commissionElection.findMany({ where: { commissionId }, orderBy: { createdAt: "asc" } });
      return rows.map(electionFromRow);
    },

    async createExpertGroup(data: Omit<ExpertGroup, "createdAt">): Promise<ExpertGroup> {
      return groupFromRow(await clientOf(db).expertGroup.create({ data: { ...data, members: json(data.members) } }));
    },
    async findExpertGroup(institutionId: string, id: string): Promise<ExpertGroup | null> {
      const row = await clientOf(db).expertGroup.findFirst({ where: { id, institutionId } });
      return row ? groupFromRow(row) : null;
    },
    async listExpertGroups(institutionId: string): Promise<ExpertGroup[]> {
      const rows = await clientOf(db).expertGroup.findMany({ where: { institutionId }, orderBy: { createdAt: "asc" } });
      return rows.map(groupFromRow);
    },

    async createMeeting(data: {
      id: string;
      institutionId: string;
      commissionId: string;
      heldOn: string;
      place: string | null;
      present: readonly string[];
    }): Promise<Meeting> {
      const row = await clientOf(db).commissionMeeting.create({
        data: { ...data, present: json(data.present), status: "open" },
        include: meetingInclude,
      });
      return meetingFromRow(row);
    },
    async findMeeting(institutionId: string, id: string): Promise<Meeting | null> {
      const row = await clientOf(db).commissionMeeting.findFirst({ where: { id, institutionId }, include: meetingInclude });
      return row ? meetingFromRow(row) : null;
    },
    async listMeetings(commissionId: string): Promise<Meeting[]> {
      const rows = await clientOf(db).commissionMeeting.findMany({
        where: { commissionId },
        include: meetingInclude,
        orderBy: { createdAt: "asc" },
      });
      return rows.map(meetingFromRow);
    },
    async setAttendance(id: string, present: readonly string[]): Promise<void> {
      await clientOf(db).commissionMeeting.update({ where: { id }, data: { present: json(present) } });
    },
    async addItem(meetingId: string, data: { id: string; applicationId: string; position: number }): Promise<void> {
      try {
        await clientOf(db).meetingItem.create({ data: { ...data, meetingId } });
      } catch (error) {
        if (uniqueViolation(error))
          throw new AppError("APPLICATION_ALREADY_ON_AGENDA", { applicationId: data.applicationId }, { cause: error });
        throw error;
      }
    },
    async hasOpenItem(applicationId: string): Promise<boolean> {
      return (await clientOf(db).meetingItem.count({ where: { applicationId, outcome: null } })) > 0;
    },
    /** A new motion voids the votes cast on the previous one. */
    async setMotion(itemId: string, motion: Motion): Promise<void> {
      await clientOf(db).meetingVote.deleteMany({ where: { itemId } });
      await clientOf(db).meetingItem.update({ where: { id: itemId }, data: { motion: json(motion), motionVersion: { increment: 1 } } });
    },
    async castVote(itemId: string, voterUserId: string, choice: VoteChoice, at: Date): Promise<void> {
      try {
        await clientOf(db).meetingVote.create({ data: { itemId, voterUserId, choice, at } });
      } catch (error) {
        if (uniqueViolation(error)) throw new AppError("VOTE_ALREADY_CAST", { userId: voterUserId }, { cause: error });
        throw error;
      }
    },
    async decideItem(itemId: string, outcome: "adopted" | "not_adopted", tally: Record<string, unknown>): Promise<void> {
      await clientOf(db).meetingItem.update({ where: { id: itemId }, data: { outcome, tally: json(tally) } });
    },
    async closeMeeting(id: string, commissionId: string, at: Date): Promise<number> {
      const last = await clientOf(db).commissionMeeting.aggregate({ where: { commissionId }, _max: { protocolNumber: true } });
      const protocolNumber = (last._max.protocolNumber ?? 0) + 1;
      await clientOf(db).commissionMeeting.update({ where: { id }, data: { status: "closed", protocolNumber, closedAt: at } });
      return protocolNumber;
    },
  };
}

export type CommissionsRepository = ReturnType<typeof commissionsRepository>;
