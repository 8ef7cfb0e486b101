-- CreateTable
CREATE TABLE "VerificationDay" (
    "day" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("day", "institutionId")
);

