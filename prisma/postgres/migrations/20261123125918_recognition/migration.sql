-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "userId" TEXT;

-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "curriculumId" TEXT;

-- AlterTable
ALTER TABLE "IssuedCredential" ADD COLUMN     "applicationId" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'micro_qualification',
ALTER COLUMN "programmeId" DROP NOT NULL,
ALTER COLUMN "attestationId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AcademicPeriod" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AcademicPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Curriculum" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Curriculum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Discipline" (
    "id" TEXT NOT NULL,
    "curriculumId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "credits" DOUBLE PRECISION NOT NULL,
    "hours" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Discipline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "GradeScale" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "scale" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GradeScale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commission" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "orderDate" TEXT NOT NULL,
    "secretaryUserId" TEXT NOT NULL,
    "chairUserId" TEXT,
    "deputyUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionMember" (
    "commissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CommissionMember_pkey" PRIMARY KEY ("commissionId","userId")
);

-- CreateTable
CREATE TABLE "CommissionElection" (
    "id" TEXT NOT NULL,
    "commissionId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "candidateUserId" TEXT NOT NULL,
    "votes" JSONB NOT NULL,
    "elected" BOOLEAN NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionElection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertGroup" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "orderDate" TEXT NOT NULL,
    "members" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecognitionApplication" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "curriculumId" TEXT NOT NULL,
    "academicPeriodId" TEXT NOT NULL,
    "disciplineCodes" JSONB NOT NULL,
    "applicationText" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "forwardingDue" TEXT NOT NULL,
    "forwardedOn" TEXT,
    "expertGroupId" TEXT,
    "conclusionDue" TEXT,
    "concludedOn" TEXT,
    "conclusion" JSONB,
    "courses" JSONB NOT NULL,
    "gradeScaleCode" TEXT,
    "preparation" JSONB NOT NULL,
    "decision" JSONB,
    "meetingId" TEXT,
    "recordedOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecognitionApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationDocument" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT,
    "mediaType" TEXT,
    "content" BYTEA,
    "sha256" TEXT,
    "credential" JSONB,
    "verification" JSONB,
    "verdict" TEXT,
    "issuerDid" TEXT,
    "override" JSONB,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionMeeting" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "commissionId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "place" TEXT,
    "present" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "protocolNumber" INTEGER,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "motion" JSONB,
    "motionVersion" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "tally" JSONB,
    "position" INTEGER NOT NULL,

    CONSTRAINT "MeetingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingVote" (
    "itemId" TEXT NOT NULL,
    "voterUserId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingVote_pkey" PRIMARY KEY ("itemId","voterUserId")
);

-- CreateTable
CREATE TABLE "TranscriptEntry" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "curriculumId" TEXT NOT NULL,
    "disciplineCode" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "credits" DOUBLE PRECISION NOT NULL,
    "hours" INTEGER NOT NULL,
    "letter" TEXT NOT NULL,
    "gpa" DOUBLE PRECISION NOT NULL,
    "kind" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "basis" JSONB NOT NULL,
    "recordedOn" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TranscriptEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AcademicPeriod_institutionId_code_key" ON "AcademicPeriod"("institutionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Curriculum_institutionId_code_key" ON "Curriculum"("institutionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Discipline_curriculumId_code_key" ON "Discipline"("curriculumId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "GradeScale_institutionId_code_key" ON "GradeScale"("institutionId", "code");

-- CreateIndex
CREATE INDEX "Commission_institutionId_idx" ON "Commission"("institutionId");

-- CreateIndex
CREATE INDEX "ExpertGroup_institutionId_idx" ON "ExpertGroup"("institutionId");

-- CreateIndex
CREATE INDEX "RecognitionApplication_institutionId_stage_idx" ON "RecognitionApplication"("institutionId", "stage");

-- CreateIndex
CREATE INDEX "RecognitionApplication_learnerId_idx" ON "RecognitionApplication"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "RecognitionApplication_institutionId_number_key" ON "RecognitionApplication"("institutionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionMeeting_commissionId_protocolNumber_key" ON "CommissionMeeting"("commissionId", "protocolNumber");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingItem_meetingId_applicationId_key" ON "MeetingItem"("meetingId", "applicationId");

-- CreateIndex
CREATE INDEX "TranscriptEntry_applicationId_idx" ON "TranscriptEntry"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "TranscriptEntry_learnerId_curriculumId_disciplineCode_key" ON "TranscriptEntry"("learnerId", "curriculumId", "disciplineCode");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCredential_applicationId_key" ON "IssuedCredential"("applicationId");

-- AddForeignKey
ALTER TABLE "Discipline" ADD CONSTRAINT "Discipline_curriculumId_fkey" FOREIGN KEY ("curriculumId") REFERENCES "Curriculum"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionMember" ADD CONSTRAINT "CommissionMember_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionElection" ADD CONSTRAINT "CommissionElection_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDocument" ADD CONSTRAINT "ApplicationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "RecognitionApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionMeeting" ADD CONSTRAINT "CommissionMeeting_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CommissionMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingVote" ADD CONSTRAINT "MeetingVote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MeetingItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "AuditEvent_subject_at_idx" ON "AuditEvent"("subject", "at");
