-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "externalId" TEXT,
ALTER COLUMN "dfnsSignatureId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Signature_externalId_key" ON "Signature"("externalId");
