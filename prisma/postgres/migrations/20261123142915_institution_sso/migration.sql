-- CreateTable
CREATE TABLE "InstitutionSso" (
    "institutionId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretSealed" TEXT NOT NULL,
    "emailDomain" TEXT,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstitutionSso_pkey" PRIMARY KEY ("institutionId")
);

