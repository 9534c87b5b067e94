// Database rows → the response shapes of `@dfns/sdk` (its generated types are the contract).
import type { SandboxConfig } from "./config";

interface CredentialRow {
  uuid: string;
  credId: string;
  kind: string;
  name: string;
  publicKey: string;
  isActive: boolean;
  createdAt: Date;
  origin: string | null;
  rpId: string | null;
}

export function credentialItem(row: CredentialRow) {
  return {
    kind: row.kind,
    credentialId: row.credId,
    credentialUuid: row.uuid,
    dateCreated: row.createdAt.toISOString(),
    isActive: row.isActive,
    name: row.name,
    publicKey: row.publicKey,
    relyingPartyId: row.rpId ?? "",
    origin: row.origin ?? "",
  };
}

interface WalletRow {
  id: string;
  network: string;
  address: string | null;
  name: string | null;
  externalId: string | null;
  status: string;
  tags: string[];
  createdAt: Date;
  userId: string;
  key: { id: string; scheme: string; curve: string; publicKey: string };
}

export function walletItem(row: WalletRow, custodial: boolean) {
  return {
    id: row.id,
    network: row.network,
    ...(row.address ? { address: row.address } : {}),
    signingKey: {
      id: row.key.id,
      scheme: row.key.scheme,
      curve: row.key.curve,
      publicKey: row.key.publicKey,
      ...(custodial ? {} : { delegatedTo: row.userId }),
    },
    status: row.status,
    dateCreated: row.createdAt.toISOString(),
    ...(row.name ? { name: row.name } : {}),
    custodial,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    tags: row.tags,
  };
}

interface SignatureRow {
  id: string;
  walletId: string;
  requesterUserId: string;
  requesterToken: string | null;
  requestBody: unknown;
  status: string;
  signature: unknown;
  network: string;
  dateRequested: Date;
  dateSigned: Date | null;
}

export function signatureItem(row: SignatureRow, keyId: string) {
  return {
    id: row.id,
    walletId: row.walletId,
    keyId,
    network: row.network,
    requester: { userId: row.requesterUserId, ...(row.requesterToken ? { tokenId: row.requesterToken } : {}) },
    requestBody: row.requestBody,
    status: row.status,
    ...(row.signature ? { signature: row.signature } : {}),
    dateRequested: row.dateRequested.toISOString(),
    ...(row.dateSigned ? { dateSigned: row.dateSigned.toISOString() } : {}),
  };
}

/**
 * The `rp` a challenge announces (`behaviour.challengeRp`): the configured one, none (`rp` is
 * optional in the SDK's types), or another RP ID. Verification always uses the configured one,
 * as Dfns uses its Passkey Settings whatever a challenge says.
 */
export function announcedRp(config: SandboxConfig): { rp?: { id: string; name: string } } {
  const announced = config.behaviour.challengeRp;
  if (announced === "omitted") return {};
  return { rp: announced === "configured" ? { id: config.rp.id, name: config.rp.name } : announced };
}

/** The WebAuthn options part of registration, recovery and new-credential challenges. */
export function credentialCreationOptions(config: SandboxConfig, excludeCredIds: string[]) {
  return {
    ...announcedRp(config),
    supportedCredentialKinds: {
      firstFactor: ["Fido2", "Key", "PasswordProtectedKey"],
      secondFactor: ["Fido2", "Key", "PasswordProtectedKey"],
    },
    authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
    attestation: "none",
    pubKeyCredParams: [
      { type: "public-key", alg: -7 },
      { type: "public-key", alg: -257 },
    ],
    excludeCredentials: excludeCredIds.map((id) => ({ type: "public-key", id })),
    otpUrl: "",
  };
}

interface TransferRow {
  id: string;
  walletId: string;
  network: string;
  requesterUserId: string;
  requesterToken: string | null;
  requestBody: unknown;
  externalId: string | null;
  asset: unknown;
  status: string;
  reason: string | null;
  txHash: string | null;
  fee: string | null;
  dateRequested: Date;
  dateBroadcasted: Date | null;
  dateConfirmed: Date | null;
}

/** `TransferAssetResponse` / `GetTransferResponse`. */
export function transferItem(row: TransferRow) {
  return {
    id: row.id,
    walletId: row.walletId,
    network: row.network,
    requester: { userId: row.requesterUserId, ...(row.requesterToken ? { tokenId: row.requesterToken } : {}) },
    requestBody: row.requestBody,
    metadata: { asset: row.asset },
    status: row.status,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.txHash ? { txHash: row.txHash } : {}),
    ...(row.fee ? { fee: row.fee } : {}),
    dateRequested: row.dateRequested.toISOString(),
    ...(row.dateBroadcasted ? { dateBroadcasted: row.dateBroadcasted.toISOString() } : {}),
    ...(row.dateConfirmed ? { dateConfirmed: row.dateConfirmed.toISOString() } : {}),
    ...(row.externalId ? { externalId: row.externalId } : {}),
  };
}
