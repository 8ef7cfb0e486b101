-- CreateTable
CREATE TABLE "ApiIssuedCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "jwt" TEXT,
    "issuedAt" DATETIME NOT NULL,
    "statusListId" TEXT,
    "statusIndex" INTEGER,
    "statusPurpose" TEXT,
    "issuedBy" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "ApiIssuedCredential_institutionId_issuedAt_idx" ON "ApiIssuedCredential"("institutionId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiIssuedCredential_statusListId_statusIndex_key" ON "ApiIssuedCredential"("statusListId", "statusIndex");

