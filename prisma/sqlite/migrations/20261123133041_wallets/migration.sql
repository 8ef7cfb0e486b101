-- CreateTable
CREATE TABLE "CredentialOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "configurationId" TEXT NOT NULL,
    "offer" JSONB NOT NULL,
    "preAuthorizedCodeHash" TEXT NOT NULL,
    "txCodeHash" TEXT,
    "txCodeLength" INTEGER,
    "wrongTxCodes" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "accessTokenHash" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "holderDid" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WalletNonce" (
    "value" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PresentationRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nonce" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "requestObject" TEXT NOT NULL,
    "resultKeyHash" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "requester" TEXT NOT NULL,
    "purpose" TEXT,
    "status" TEXT NOT NULL,
    "result" JSONB,
    "expiresAt" DATETIME NOT NULL,
    "respondedAt" DATETIME,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "CredentialOffer_preAuthorizedCodeHash_key" ON "CredentialOffer"("preAuthorizedCodeHash");

-- CreateIndex
CREATE UNIQUE INDEX "CredentialOffer_accessTokenHash_key" ON "CredentialOffer"("accessTokenHash");

-- CreateIndex
CREATE INDEX "CredentialOffer_credentialId_idx" ON "CredentialOffer"("credentialId");

-- CreateIndex
CREATE UNIQUE INDEX "PresentationRequest_state_key" ON "PresentationRequest"("state");

