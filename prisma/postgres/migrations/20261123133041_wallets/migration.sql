-- CreateTable
CREATE TABLE "CredentialOffer" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "configurationId" TEXT NOT NULL,
    "offer" JSONB NOT NULL,
    "preAuthorizedCodeHash" TEXT NOT NULL,
    "txCodeHash" TEXT,
    "txCodeLength" INTEGER,
    "wrongTxCodes" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "accessTokenHash" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "holderDid" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CredentialOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WalletNonce" (
    "value" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "WalletNonce_pkey" PRIMARY KEY ("value")
);

-- CreateTable
CREATE TABLE "PresentationRequest" (
    "id" TEXT NOT NULL,
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
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PresentationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CredentialOffer_preAuthorizedCodeHash_key" ON "CredentialOffer"("preAuthorizedCodeHash");

-- CreateIndex
CREATE UNIQUE INDEX "CredentialOffer_accessTokenHash_key" ON "CredentialOffer"("accessTokenHash");

-- CreateIndex
CREATE INDEX "CredentialOffer_credentialId_idx" ON "CredentialOffer"("credentialId");

-- CreateIndex
CREATE UNIQUE INDEX "PresentationRequest_state_key" ON "PresentationRequest"("state");

