-- CreateTable
CREATE TABLE "AwardBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "issued" INTEGER NOT NULL DEFAULT 0,
    "alreadyIssued" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "rows" JSONB NOT NULL,
    "fileName" TEXT,
    "createdBy" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "heartbeatAt" DATETIME
);

-- CreateTable
CREATE TABLE "AwardBatchRow" (
    "batchId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "credentialId" TEXT,
    "learnerId" TEXT,
    "errorCode" TEXT,
    "message" TEXT,

    PRIMARY KEY ("batchId", "row"),
    CONSTRAINT "AwardBatchRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "AwardBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AwardBatch_institutionId_createdAt_idx" ON "AwardBatch"("institutionId", "createdAt");

-- CreateIndex
CREATE INDEX "AwardBatch_status_idx" ON "AwardBatch"("status");

