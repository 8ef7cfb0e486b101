-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Institution" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "bin" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "website" TEXT,
    "did" TEXT NOT NULL,
    "activeKid" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionKey" (
    "kid" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "InstitutionKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "passwordHash" TEXT,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "institutionId" TEXT,
    "roles" JSONB NOT NULL,
    "platformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "institutionId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "VeramoIdentifier" (
    "did" TEXT NOT NULL,
    "alias" TEXT,
    "provider" TEXT,
    "controllerKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VeramoIdentifier_pkey" PRIMARY KEY ("did")
);

-- CreateTable
CREATE TABLE "VeramoKey" (
    "kid" TEXT NOT NULL,
    "kms" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "publicKeyHex" TEXT NOT NULL,
    "meta" JSONB,
    "identifierDid" TEXT,

    CONSTRAINT "VeramoKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "VeramoService" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "serviceEndpoint" JSONB NOT NULL,
    "description" TEXT,
    "identifierDid" TEXT NOT NULL,

    CONSTRAINT "VeramoService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VeramoPrivateKey" (
    "alias" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "encryptedPrivateKeyHex" TEXT NOT NULL,

    CONSTRAINT "VeramoPrivateKey_pkey" PRIMARY KEY ("alias")
);

-- CreateIndex
CREATE UNIQUE INDEX "Institution_slug_key" ON "Institution"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_bin_key" ON "Institution"("bin");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_did_key" ON "Institution"("did");

-- CreateIndex
CREATE INDEX "InstitutionKey_institutionId_idx" ON "InstitutionKey"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_institutionId_idx" ON "Membership"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_institutionId_role_key" ON "Membership"("userId", "institutionId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_institutionId_idx" ON "ApiToken"("institutionId");

-- CreateIndex
CREATE INDEX "AuditEvent_institutionId_at_idx" ON "AuditEvent"("institutionId", "at");

-- CreateIndex
CREATE INDEX "VeramoIdentifier_alias_idx" ON "VeramoIdentifier"("alias");

-- CreateIndex
CREATE INDEX "VeramoKey_identifierDid_idx" ON "VeramoKey"("identifierDid");

-- CreateIndex
CREATE INDEX "VeramoService_identifierDid_idx" ON "VeramoService"("identifierDid");

-- AddForeignKey
ALTER TABLE "InstitutionKey" ADD CONSTRAINT "InstitutionKey_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VeramoKey" ADD CONSTRAINT "VeramoKey_identifierDid_fkey" FOREIGN KEY ("identifierDid") REFERENCES "VeramoIdentifier"("did") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VeramoService" ADD CONSTRAINT "VeramoService_identifierDid_fkey" FOREIGN KEY ("identifierDid") REFERENCES "VeramoIdentifier"("did") ON DELETE CASCADE ON UPDATE CASCADE;

