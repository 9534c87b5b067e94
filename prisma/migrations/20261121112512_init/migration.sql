-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "DfnsUser" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dfnsUserId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DfnsUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Credential" (
    "id" TEXT NOT NULL,
    "dfnsUserId" TEXT NOT NULL,
    "dfnsUuid" TEXT NOT NULL,
    "credId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Wallet" (
    "id" TEXT NOT NULL,
    "dfnsUserId" TEXT NOT NULL,
    "dfnsWalletId" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "address" TEXT,
    "publicKey" TEXT NOT NULL,
    "name" TEXT,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Wallet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingRegistration" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dfnsUserId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "challenge" JSONB NOT NULL,
    "temporaryTokenEncrypted" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "type" TEXT NOT NULL,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "passwordHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "sandbox_org" (
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
CREATE TABLE "sandbox_user" (
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
CREATE TABLE "sandbox_credential" (
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
CREATE TABLE "sandbox_token" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_wallet" (
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
CREATE TABLE "sandbox_key" (
    "id" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "curve" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_signature" (
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

-- CreateIndex
CREATE UNIQUE INDEX "DfnsUser_userId_key" ON "DfnsUser"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DfnsUser_dfnsUserId_key" ON "DfnsUser"("dfnsUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_dfnsUuid_key" ON "Credential"("dfnsUuid");

-- CreateIndex
CREATE INDEX "Credential_dfnsUserId_idx" ON "Credential"("dfnsUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Wallet_dfnsWalletId_key" ON "Wallet"("dfnsWalletId");

-- CreateIndex
CREATE INDEX "Wallet_dfnsUserId_idx" ON "Wallet"("dfnsUserId");

-- CreateIndex
CREATE UNIQUE INDEX "PendingRegistration_userId_key" ON "PendingRegistration"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_createdAt_idx" ON "AuditEvent"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_user_orgId_username_key" ON "sandbox_user"("orgId", "username");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_credential_credId_key" ON "sandbox_credential"("credId");

-- CreateIndex
CREATE INDEX "sandbox_credential_userId_idx" ON "sandbox_credential"("userId");

-- CreateIndex
CREATE INDEX "sandbox_token_userId_idx" ON "sandbox_token"("userId");

-- CreateIndex
CREATE INDEX "sandbox_wallet_userId_idx" ON "sandbox_wallet"("userId");

-- CreateIndex
CREATE INDEX "sandbox_signature_walletId_dateRequested_idx" ON "sandbox_signature"("walletId", "dateRequested");

-- AddForeignKey
ALTER TABLE "DfnsUser" ADD CONSTRAINT "DfnsUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_dfnsUserId_fkey" FOREIGN KEY ("dfnsUserId") REFERENCES "DfnsUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Wallet" ADD CONSTRAINT "Wallet_dfnsUserId_fkey" FOREIGN KEY ("dfnsUserId") REFERENCES "DfnsUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingRegistration" ADD CONSTRAINT "PendingRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_credential" ADD CONSTRAINT "sandbox_credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "sandbox_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_wallet" ADD CONSTRAINT "sandbox_wallet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "sandbox_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_wallet" ADD CONSTRAINT "sandbox_wallet_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "sandbox_key"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_signature" ADD CONSTRAINT "sandbox_signature_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "sandbox_wallet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
