-- DropForeignKey
ALTER TABLE "RecoveryAttempt" DROP CONSTRAINT "RecoveryAttempt_userId_fkey";

-- DropTable
DROP TABLE "RecoveryAttempt";

-- CreateTable
CREATE TABLE "RateLimitAttempt" (
    "id" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateLimitAttempt_bucket_expiresAt_idx" ON "RateLimitAttempt"("bucket", "expiresAt");

-- CreateIndex
CREATE INDEX "RateLimitAttempt_expiresAt_idx" ON "RateLimitAttempt"("expiresAt");
