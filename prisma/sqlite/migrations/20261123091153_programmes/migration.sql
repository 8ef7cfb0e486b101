-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "credits" REAL NOT NULL,
    "hours" INTEGER NOT NULL,
    "approvalDecisionNumber" TEXT,
    "approvalDecisionDate" TEXT,
    "approvedAt" DATETIME,
    "publishedAt" DATETIME,
    "retiredAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Programme_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Learner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "iin" TEXT NOT NULL,
    "email" TEXT,
    "holderDid" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Learner_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attestation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "session" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "resultKind" TEXT NOT NULL,
    "percent" REAL,
    "letter" TEXT NOT NULL,
    "gpa" REAL NOT NULL,
    "passing" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attestation_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attestation_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Programme_institutionId_status_idx" ON "Programme"("institutionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_institutionId_code_key" ON "Programme"("institutionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Learner_institutionId_iin_key" ON "Learner"("institutionId", "iin");

-- CreateIndex
CREATE INDEX "Attestation_institutionId_idx" ON "Attestation"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "Attestation_programmeId_learnerId_session_key" ON "Attestation"("programmeId", "learnerId", "session");

