-- CreateTable
CREATE TABLE "Institution" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InstitutionKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" DATETIME,
    CONSTRAINT "InstitutionKey_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "passwordHash" TEXT,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "institutionId" TEXT,
    "roles" JSONB NOT NULL,
    "platformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    CONSTRAINT "ApiToken_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiToken_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "institutionId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "details" JSONB
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VeramoIdentifier" (
    "did" TEXT NOT NULL PRIMARY KEY,
    "alias" TEXT,
    "provider" TEXT,
    "controllerKeyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "VeramoKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "kms" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "publicKeyHex" TEXT NOT NULL,
    "meta" JSONB,
    "identifierDid" TEXT,
    CONSTRAINT "VeramoKey_identifierDid_fkey" FOREIGN KEY ("identifierDid") REFERENCES "VeramoIdentifier" ("did") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VeramoService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "serviceEndpoint" JSONB NOT NULL,
    "description" TEXT,
    "identifierDid" TEXT NOT NULL,
    CONSTRAINT "VeramoService_identifierDid_fkey" FOREIGN KEY ("identifierDid") REFERENCES "VeramoIdentifier" ("did") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VeramoPrivateKey" (
    "alias" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "encryptedPrivateKeyHex" TEXT NOT NULL
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

