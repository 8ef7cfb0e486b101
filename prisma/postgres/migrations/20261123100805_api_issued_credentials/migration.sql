-- CreateTable
CREATE TABLE "ApiIssuedCredential" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "jwt" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "statusListId" TEXT,
    "statusIndex" INTEGER,
    "statusPurpose" TEXT,
    "issuedBy" TEXT NOT NULL,

    CONSTRAINT "ApiIssuedCredential_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiIssuedCredential_institutionId_issuedAt_idx" ON "ApiIssuedCredential"("institutionId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiIssuedCredential_statusListId_statusIndex_key" ON "ApiIssuedCredential"("statusListId", "statusIndex");

