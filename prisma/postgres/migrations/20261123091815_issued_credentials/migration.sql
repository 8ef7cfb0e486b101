-- CreateTable
CREATE TABLE "IssuedCredential" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "attestationId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "jwt" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3),
    "revocationListId" TEXT NOT NULL,
    "revocationIndex" INTEGER NOT NULL,
    "suspensionListId" TEXT NOT NULL,
    "suspensionIndex" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusReason" TEXT,
    "statusChangedAt" TIMESTAMP(3),
    "holderToken" TEXT NOT NULL,

    CONSTRAINT "IssuedCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusList" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "length" INTEGER NOT NULL,
    "encodedList" TEXT NOT NULL,
    "allocated" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "signedJwt" TEXT,
    "signedJson" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialStatusEvent" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CredentialStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCredential_attestationId_key" ON "IssuedCredential"("attestationId");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCredential_holderToken_key" ON "IssuedCredential"("holderToken");

-- CreateIndex
CREATE INDEX "IssuedCredential_institutionId_issuedAt_idx" ON "IssuedCredential"("institutionId", "issuedAt");

-- CreateIndex
CREATE INDEX "IssuedCredential_learnerId_idx" ON "IssuedCredential"("learnerId");

-- CreateIndex
CREATE INDEX "IssuedCredential_programmeId_idx" ON "IssuedCredential"("programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCredential_revocationListId_revocationIndex_key" ON "IssuedCredential"("revocationListId", "revocationIndex");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCredential_suspensionListId_suspensionIndex_key" ON "IssuedCredential"("suspensionListId", "suspensionIndex");

-- CreateIndex
CREATE UNIQUE INDEX "StatusList_institutionId_purpose_sequence_key" ON "StatusList"("institutionId", "purpose", "sequence");

-- CreateIndex
CREATE INDEX "CredentialStatusEvent_credentialId_at_idx" ON "CredentialStatusEvent"("credentialId", "at");

