-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Institution" (
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
    "credentialFormat" TEXT NOT NULL DEFAULT 'vc+jwt',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Institution" ("activeKid", "bin", "contactEmail", "contactPhone", "createdAt", "did", "id", "kind", "nameEn", "nameKk", "nameRu", "slug", "updatedAt", "website") SELECT "activeKid", "bin", "contactEmail", "contactPhone", "createdAt", "did", "id", "kind", "nameEn", "nameKk", "nameRu", "slug", "updatedAt", "website" FROM "Institution";
DROP TABLE "Institution";
ALTER TABLE "new_Institution" RENAME TO "Institution";
CREATE UNIQUE INDEX "Institution_slug_key" ON "Institution"("slug");
CREATE UNIQUE INDEX "Institution_bin_key" ON "Institution"("bin");
CREATE UNIQUE INDEX "Institution_did_key" ON "Institution"("did");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

