-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "credentialFormat" TEXT NOT NULL DEFAULT 'vc+jwt';

