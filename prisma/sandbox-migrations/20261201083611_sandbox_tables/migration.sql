-- The local Dfns sandbox's tables, as its own migration. The app's first migrations
-- (20261121112512_init, 20261201071756_sandbox_transfers) created these same tables before the
-- sandbox had a folder of its own; they stay in the app's history (an applied migration is never
-- edited), so on any database that ran them this migration changes nothing. Every statement is
-- "if not there yet" for that reason. From here on, sandbox tables change only in
-- prisma/sandbox-migrations (npm run db:migration:create -- --sandbox <name>).

-- CreateTable
CREATE TABLE IF NOT EXISTS "sandbox_org" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jwtSecret" TEXT NOT NULL,
    "serviceAccountId" TEXT NOT NULL,
    "serviceAccountCredId" TEXT NOT NULL,
    "serviceAccountKeyPem" TEXT NOT NULL,
    "serviceAccountToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_org_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE IF NOT EXISTS "sandbox_user" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT,
    "registered" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE IF NOT EXISTS "sandbox_credential" (
    "uuid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "credId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "algorithm" TEXT,
    "signCount" INTEGER NOT NULL DEFAULT 0,
    "encryptedPrivateKey" TEXT,
    "origin" TEXT,
    "rpId" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_credential_pkey" PRIMARY KEY ("uuid")
);

-- CreateTable
CREATE TABLE IF NOT EXISTS "sandbox_token" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE IF NOT EXISTS "sandbox_wallet" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "name" TEXT,
    "address" TEXT,
    "externalId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_wallet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE IF NOT EXISTS "sandbox_key" (
    "id" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "curve" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE IF NOT EXISTS "sandbox_signature" (
    "id" TEXT NOT NULL,
    "walletId" TEXT NOT NULL,
    "requesterUserId" TEXT NOT NULL,
    "requesterToken" TEXT,
    "requestBody" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "signature" JSONB,
    "network" TEXT NOT NULL,
    "dateRequested" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dateSigned" TIMESTAMP(3),

    CONSTRAINT "sandbox_signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE IF NOT EXISTS "sandbox_transfer" (
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
CREATE TABLE IF NOT EXISTS "sandbox_solana_transaction" (
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
CREATE UNIQUE INDEX IF NOT EXISTS "sandbox_user_orgId_username_key" ON "sandbox_user"("orgId", "username");

-- CreateIndex
CREATE UNIQUE INDEX IF NOT EXISTS "sandbox_credential_credId_key" ON "sandbox_credential"("credId");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "sandbox_credential_userId_idx" ON "sandbox_credential"("userId");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "sandbox_token_userId_idx" ON "sandbox_token"("userId");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "sandbox_wallet_userId_idx" ON "sandbox_wallet"("userId");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "sandbox_signature_walletId_dateRequested_idx" ON "sandbox_signature"("walletId", "dateRequested");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "sandbox_transfer_walletId_dateRequested_idx" ON "sandbox_transfer"("walletId", "dateRequested");

-- CreateIndex
CREATE UNIQUE INDEX IF NOT EXISTS "sandbox_transfer_orgId_externalId_key" ON "sandbox_transfer"("orgId", "externalId");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "sandbox_solana_transaction_network_fromAddress_timestamp_idx" ON "sandbox_solana_transaction"("network", "fromAddress", "timestamp");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "sandbox_solana_transaction_network_toAddress_timestamp_idx" ON "sandbox_solana_transaction"("network", "toAddress", "timestamp");

-- AddForeignKey
DO $$ BEGIN
  ALTER TABLE "sandbox_credential" ADD CONSTRAINT "sandbox_credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "sandbox_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- AddForeignKey
DO $$ BEGIN
  ALTER TABLE "sandbox_wallet" ADD CONSTRAINT "sandbox_wallet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "sandbox_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- AddForeignKey
DO $$ BEGIN
  ALTER TABLE "sandbox_wallet" ADD CONSTRAINT "sandbox_wallet_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "sandbox_key"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- AddForeignKey
DO $$ BEGIN
  ALTER TABLE "sandbox_signature" ADD CONSTRAINT "sandbox_signature_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "sandbox_wallet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- AddForeignKey
DO $$ BEGIN
  ALTER TABLE "sandbox_transfer" ADD CONSTRAINT "sandbox_transfer_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "sandbox_wallet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
