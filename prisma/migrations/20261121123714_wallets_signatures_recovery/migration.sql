-- AlterTable
ALTER TABLE "DfnsUser" ADD COLUMN     "loginTokenExpiresAt" TIMESTAMP(3),
ADD COLUMN     "loginTokenSealed" TEXT;

-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL,
    "walletId" TEXT NOT NULL,
    "dfnsSignatureId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "messageHex" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "signature" TEXT,
    "verified" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingUserAction" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "challengeIdentifier" TEXT NOT NULL,
    "challenge" TEXT NOT NULL,
    "allowCredentials" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingUserAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingRecovery" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "challenge" JSONB NOT NULL,
    "temporaryTokenEncrypted" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingRecovery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryAttempt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Signature_dfnsSignatureId_key" ON "Signature"("dfnsSignatureId");

-- CreateIndex
CREATE INDEX "Signature_walletId_createdAt_idx" ON "Signature"("walletId", "createdAt");

-- CreateIndex
CREATE INDEX "PendingUserAction_userId_idx" ON "PendingUserAction"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PendingRecovery_userId_key" ON "PendingRecovery"("userId");

-- CreateIndex
CREATE INDEX "RecoveryAttempt_userId_createdAt_idx" ON "RecoveryAttempt"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "Wallet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingUserAction" ADD CONSTRAINT "PendingUserAction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingRecovery" ADD CONSTRAINT "PendingRecovery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryAttempt" ADD CONSTRAINT "RecoveryAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
