-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "userId" TEXT;

-- AlterTable
ALTER TABLE "Learner" ADD COLUMN "curriculumId" TEXT;

-- CreateTable
CREATE TABLE "AcademicPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Curriculum" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Discipline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "curriculumId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "credits" REAL NOT NULL,
    "hours" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Discipline_curriculumId_fkey" FOREIGN KEY ("curriculumId") REFERENCES "Curriculum" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "data" JSONB NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "GradeScale" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "scale" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Commission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "orderDate" TEXT NOT NULL,
    "secretaryUserId" TEXT NOT NULL,
    "chairUserId" TEXT,
    "deputyUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CommissionMember" (
    "commissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("commissionId", "userId"),
    CONSTRAINT "CommissionMember_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommissionElection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commissionId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "candidateUserId" TEXT NOT NULL,
    "votes" JSONB NOT NULL,
    "elected" BOOLEAN NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommissionElection_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExpertGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "orderDate" TEXT NOT NULL,
    "members" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RecognitionApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "curriculumId" TEXT NOT NULL,
    "academicPeriodId" TEXT NOT NULL,
    "disciplineCodes" JSONB NOT NULL,
    "applicationText" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "forwardingDue" TEXT NOT NULL,
    "forwardedOn" TEXT,
    "expertGroupId" TEXT,
    "conclusionDue" TEXT,
    "concludedOn" TEXT,
    "conclusion" JSONB,
    "courses" JSONB NOT NULL,
    "gradeScaleCode" TEXT,
    "preparation" JSONB NOT NULL,
    "decision" JSONB,
    "meetingId" TEXT,
    "recordedOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApplicationDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT,
    "mediaType" TEXT,
    "content" BLOB,
    "sha256" TEXT,
    "credential" JSONB,
    "verification" JSONB,
    "verdict" TEXT,
    "issuerDid" TEXT,
    "override" JSONB,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApplicationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "RecognitionApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommissionMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "commissionId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "place" TEXT,
    "present" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "protocolNumber" INTEGER,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommissionMeeting_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "motion" JSONB,
    "motionVersion" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "tally" JSONB,
    "position" INTEGER NOT NULL,
    CONSTRAINT "MeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CommissionMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingVote" (
    "itemId" TEXT NOT NULL,
    "voterUserId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("itemId", "voterUserId"),
    CONSTRAINT "MeetingVote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MeetingItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TranscriptEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "curriculumId" TEXT NOT NULL,
    "disciplineCode" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "credits" REAL NOT NULL,
    "hours" INTEGER NOT NULL,
    "letter" TEXT NOT NULL,
    "gpa" REAL NOT NULL,
    "kind" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "basis" JSONB NOT NULL,
    "recordedOn" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_IssuedCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'micro_qualification',
    "programmeId" TEXT,
    "learnerId" TEXT NOT NULL,
    "attestationId" TEXT,
    "applicationId" TEXT,
    "format" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "jwt" TEXT,
    "issuedAt" DATETIME NOT NULL,
    "validUntil" DATETIME,
    "revocationListId" TEXT NOT NULL,
    "revocationIndex" INTEGER NOT NULL,
    "suspensionListId" TEXT NOT NULL,
    "suspensionIndex" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusReason" TEXT,
    "statusChangedAt" DATETIME,
    "holderToken" TEXT NOT NULL
);
INSERT INTO "new_IssuedCredential" ("attestationId", "document", "format", "holderToken", "id", "institutionId", "issuedAt", "jwt", "learnerId", "programmeId", "revocationIndex", "revocationListId", "status", "statusChangedAt", "statusReason", "suspensionIndex", "suspensionListId", "validUntil") SELECT "attestationId", "document", "format", "holderToken", "id", "institutionId", "issuedAt", "jwt", "learnerId", "programmeId", "revocationIndex", "revocationListId", "status", "statusChangedAt", "statusReason", "suspensionIndex", "suspensionListId", "validUntil" FROM "IssuedCredential";
DROP TABLE "IssuedCredential";
ALTER TABLE "new_IssuedCredential" RENAME TO "IssuedCredential";
CREATE UNIQUE INDEX "IssuedCredential_attestationId_key" ON "IssuedCredential"("attestationId");
CREATE UNIQUE INDEX "IssuedCredential_applicationId_key" ON "IssuedCredential"("applicationId");
CREATE UNIQUE INDEX "IssuedCredential_holderToken_key" ON "IssuedCredential"("holderToken");
CREATE INDEX "IssuedCredential_institutionId_issuedAt_idx" ON "IssuedCredential"("institutionId", "issuedAt");
CREATE INDEX "IssuedCredential_learnerId_idx" ON "IssuedCredential"("learnerId");
CREATE INDEX "IssuedCredential_programmeId_idx" ON "IssuedCredential"("programmeId");
CREATE UNIQUE INDEX "IssuedCredential_revocationListId_revocationIndex_key" ON "IssuedCredential"("revocationListId", "revocationIndex");
CREATE UNIQUE INDEX "IssuedCredential_suspensionListId_suspensionIndex_key" ON "IssuedCredential"("suspensionListId", "suspensionIndex");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AcademicPeriod_institutionId_code_key" ON "AcademicPeriod"("institutionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Curriculum_institutionId_code_key" ON "Curriculum"("institutionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Discipline_curriculumId_code_key" ON "Discipline"("curriculumId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "GradeScale_institutionId_code_key" ON "GradeScale"("institutionId", "code");

-- CreateIndex
CREATE INDEX "Commission_institutionId_idx" ON "Commission"("institutionId");

-- CreateIndex
CREATE INDEX "ExpertGroup_institutionId_idx" ON "ExpertGroup"("institutionId");

-- CreateIndex
CREATE INDEX "RecognitionApplication_institutionId_stage_idx" ON "RecognitionApplication"("institutionId", "stage");

-- CreateIndex
CREATE INDEX "RecognitionApplication_learnerId_idx" ON "RecognitionApplication"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "RecognitionApplication_institutionId_number_key" ON "RecognitionApplication"("institutionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionMeeting_commissionId_protocolNumber_key" ON "CommissionMeeting"("commissionId", "protocolNumber");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingItem_meetingId_applicationId_key" ON "MeetingItem"("meetingId", "applicationId");

-- CreateIndex
CREATE INDEX "TranscriptEntry_applicationId_idx" ON "TranscriptEntry"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "TranscriptEntry_learnerId_curriculumId_disciplineCode_key" ON "TranscriptEntry"("learnerId", "curriculumId", "disciplineCode");


-- CreateIndex
CREATE INDEX "AuditEvent_subject_at_idx" ON "AuditEvent"("subject", "at");
