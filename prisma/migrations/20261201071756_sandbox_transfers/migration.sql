-- CreateTable
CREATE TABLE "sandbox_transfer" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "walletId" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "requesterUserId" TEXT NOT NULL,
    "requesterToken" TEXT,
    "requestBody" JSONB NOT NULL,
    "externalId" TEXT,
    "asset" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "txHash" TEXT,
    "fee" TEXT,
    "dateRequested" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dateBroadcasted" TIMESTAMP(3),
    "dateConfirmed" TIMESTAMP(3),

    CONSTRAINT "sandbox_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_solana_transaction" (
    "signature" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "fromAddress" TEXT,
    "toAddress" TEXT NOT NULL,
    "lamports" TEXT NOT NULL,
    "fee" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "error" TEXT,
    "timestamp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_solana_transaction_pkey" PRIMARY KEY ("signature")
);

-- CreateIndex
CREATE INDEX "sandbox_transfer_walletId_dateRequested_idx" ON "sandbox_transfer"("walletId", "dateRequested");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_transfer_orgId_externalId_key" ON "sandbox_transfer"("orgId", "externalId");

-- CreateIndex
CREATE INDEX "sandbox_solana_transaction_network_fromAddress_timestamp_idx" ON "sandbox_solana_transaction"("network", "fromAddress", "timestamp");

-- CreateIndex
CREATE INDEX "sandbox_solana_transaction_network_toAddress_timestamp_idx" ON "sandbox_solana_transaction"("network", "toAddress", "timestamp");

-- AddForeignKey
ALTER TABLE "sandbox_transfer" ADD CONSTRAINT "sandbox_transfer_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "sandbox_wallet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
