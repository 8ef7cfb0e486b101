-- CreateTable
CREATE TABLE "VerificationDay" (
    "day" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "VerificationDay_pkey" PRIMARY KEY ("day","institutionId")
);

