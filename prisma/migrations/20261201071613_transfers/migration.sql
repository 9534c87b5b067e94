-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "walletId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "dfnsTransferId" TEXT,
    "request" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "token" TEXT,
    "symbol" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL,
    "amount" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "txHash" TEXT,
    "fee" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "broadcastAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_externalId_key" ON "Transfer"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_dfnsTransferId_key" ON "Transfer"("dfnsTransferId");

-- CreateIndex
CREATE INDEX "Transfer_walletId_createdAt_idx" ON "Transfer"("walletId", "createdAt");

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "Wallet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
