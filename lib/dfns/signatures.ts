import "server-only";
import type { GenerateSignatureRequest, GenerateSignatureResponse } from "@dfns/sdk/generated/wallets/types";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma, Signature, Wallet } from "@/lib/generated/prisma/client";
import { conflict } from "@/lib/http";
import { networkInfo } from "@/lib/networks";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import { isDfnsUnavailable } from "./availability";
import { requireDfnsUser, withEndUserClient, type DfnsUserWithCredentials } from "./end-user";
import { encodeSignature, hexToMessage, messageToHex, verifyMessageSignature, type DfnsSignatureParts } from "./message-signature";
import { typedDataSummary, verifyTypedDataSignature } from "./typed-data-signature";
import { actionNotFound, beginUserAction, completeUserAction, waitingForApproval } from "./user-action";
import type { CompleteUserActionInput } from "./user-action-schema";
import { findUserWallet } from "./wallets";

// Delegated signing: the user types a message, the server asks Dfns to sign its UTF-8 bytes with
// one of the user's wallets, the user approves with the passkey, the server completes it, checks
// the signature itself and keeps it. Typed data (EIP-712) goes the same way
// (typed-data-signatures.ts) and is listed with the messages.

export interface SignatureView {
  id: string;
  walletId: string;
  /** `Message`, or `Eip712` (typed data). */
  kind: string;
  /** The message as typed, or the typed data's JSON text. */
  message: string;
  /** Typed data only: what to call it in a list. */
  typedData: { primaryType: string; domainName: string | null } | null;
  signature: string | null;
  /** null: not signed yet, or no check for this network. */
  verified: boolean | null;
  status: string;
  createdAt: string;
}

/** How many past signatures a wallet lists. */
export const SIGNATURE_LIST_LIMIT = 20;

const SIGN_MESSAGE = "SignMessage";
const EIP712 = "Eip712";
/** Dfns statuses of a request that may still become Signed ("Pending": waiting for a policy approval). */
const IN_PROGRESS = ["Pending", "Executing"];

/** Dfns's status of a signature a policy holds for an approval. */
export const AWAITING_APPROVAL = "Pending";

type SignMessageRequest = { walletId: string; body: { kind: "Message"; message: string } };

export function signatureView(row: Signature): SignatureView {
  return {
    id: row.id,
    walletId: row.walletId,
    kind: row.kind,
    message: row.message,
    typedData: row.kind === EIP712 ? typedDataSummary(row.message) : null,
    signature: row.signature,
    verified: row.verified,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Starts signing `message` with the user's wallet `walletId`: the challenge for the passkey. */
export async function beginMessageSignature(user: Pick<SessionUser, "id">, walletId: string, message: string): Promise<BrowserUserAction> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = requireActive(await findUserWallet(dfnsUser, walletId));
  const request: SignMessageRequest = { walletId: wallet.dfnsWalletId, body: { kind: "Message", message: messageToHex(message) } };
  return beginWalletSignature(dfnsUser, SIGN_MESSAGE, request);
}

/**
 * Completes the signature the pending action stands for, with the passkey's assertion: the stored
 * request (message and wallet) is what Dfns signs. An action begun for another wallet: 404.
 */
export async function completeMessageSignature(
  user: Pick<SessionUser, "id">,
  walletId: string,
  input: CompleteUserActionInput,
): Promise<SignatureView> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  const { result, request } = await completeWalletSignature<SignMessageRequest>(dfnsUser, wallet, SIGN_MESSAGE, input);
  const messageHex = request.body.message;
  return saveSignature(user, wallet, result, { kind: "Message", message: hexToMessage(messageHex), messageHex });
}

/** A Dfns signature request as stored for the passkey to approve. */
type SignatureRequest = { walletId: string; body: Prisma.InputJsonObject };

/** Asks Dfns for the passkey challenge of `request` and stores it as a pending action of `kind`. */
export function beginWalletSignature(dfnsUser: DfnsUserWithCredentials, kind: string, request: SignatureRequest): Promise<BrowserUserAction> {
  return beginUserAction({
    dfnsUser,
    kind,
    request,
    init: (client) => client.wallets.generateSignatureInit(request as unknown as GenerateSignatureRequest),
  });
}

/**
 * Sends the stored signature request of the user's pending action of `kind` with the passkey's
 * assertion: what Dfns signs is what was stored. An action begun for another wallet: 404.
 */
export function completeWalletSignature<Request extends SignatureRequest & Prisma.JsonObject>(
  dfnsUser: DfnsUserWithCredentials,
  wallet: Pick<Wallet, "dfnsWalletId">,
  kind: string,
  input: CompleteUserActionInput,
): Promise<{ result: GenerateSignatureResponse; request: Request }> {
  return completeUserAction<Request, GenerateSignatureResponse>({
    dfnsUser,
    kind,
    actionId: input.actionId,
    assertion: input.assertion,
    beforeClaim: (stored) => {
      if (stored.walletId !== wallet.dfnsWalletId) throw actionNotFound();
    },
    complete: (client, stored, signed) => client.wallets.generateSignatureComplete(stored as unknown as GenerateSignatureRequest, signed),
    // A policy holds the signature for an approval: kept as Dfns's Pending request, which the
    // list asks Dfns about again until it is signed, rejected or failed.
    onPolicyPending: (approval) => {
      if (!approval.signatureId) throw waitingForApproval(approval);
      return { id: approval.signatureId, status: "Pending" } as GenerateSignatureResponse;
    },
  });
}

/** The wallet, if it can sign now; else 409 in words. */
export function requireActive(wallet: Wallet): Wallet {
  if (wallet.status !== "Active") {
    throw conflict(`This wallet can't sign right now (its status is ${wallet.status}). Reload the page, or use another wallet.`, {
      code: "wallet_inactive",
    });
  }
  return wallet;
}

/** What was signed, as stored: the text shown to the user and the hex Dfns was asked to sign (or its digest). */
export type SignedContent = Pick<Signature, "kind" | "message" | "messageHex">;

/** Checks Dfns's answer for `content` against the wallet and stores it with an audit event. */
export async function saveSignature(
  user: Pick<SessionUser, "id">,
  wallet: Wallet,
  result: GenerateSignatureResponse,
  content: SignedContent,
): Promise<SignatureView> {
  const outcome = await signatureOutcome(wallet, content, result);
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const saved = await tx.signature.create({ data: { walletId: wallet.id, dfnsSignatureId: result.id, ...content, ...outcome } });
    await tx.auditEvent.create({
      data: { userId: user.id, type: "dfns.signature.created", detail: { walletId: wallet.id, signatureId: saved.id, status: saved.status } },
    });
    return saved;
  });
  return signatureView(row);
}

/**
 * The wallet's latest signatures, newest first. Those Dfns had not finished signing are asked
 * for again first (live Dfns may answer Pending); if Dfns does not answer they stay as stored.
 */
export async function listMessageSignatures(user: Pick<SessionUser, "id">, walletId: string): Promise<SignatureView[]> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  const prisma = await db();
  let rows = await latestSignatureRows(wallet.id);
  const unfinished = rows.filter((row) => IN_PROGRESS.includes(row.status));
  if (unfinished.length > 0) {
    try {
      await withEndUserClient(dfnsUser, async (client) => {
        for (const row of unfinished) {
          const current = await client.wallets.getSignature({ walletId: wallet.dfnsWalletId, signatureId: row.dfnsSignatureId });
          if (current.status === row.status) continue;
          await prisma.signature.update({ where: { id: row.id }, data: await signatureOutcome(wallet, row, current) });
        }
      });
      rows = await latestSignatureRows(wallet.id);
    } catch (error) {
      if (!isDfnsUnavailable(error)) throw error; // stored rows stay as they are until Dfns answers
    }
  }
  return rows.map(signatureView);
}

/** The latest signatures of each wallet (ids already resolved to the user's wallets), newest first. */
export async function latestSignatures(walletIds: string[]): Promise<Record<string, SignatureView[]>> {
  const lists = await Promise.all(walletIds.map(async (id) => [id, (await latestSignatureRows(id)).map(signatureView)] as const));
  return Object.fromEntries(lists);
}

async function latestSignatureRows(walletId: string): Promise<Signature[]> {
  return (await db()).signature.findMany({ where: { walletId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: SIGNATURE_LIST_LIMIT });
}

/** Status, encoded signature and the server's own verification of a Dfns signature answer. */
async function signatureOutcome(
  wallet: Pick<Wallet, "network" | "address" | "publicKey">,
  content: SignedContent,
  answer: { status: string; signature?: DfnsSignatureParts },
): Promise<Pick<Signature, "status" | "signature" | "verified">> {
  if (!answer.signature) return { status: answer.status, signature: null, verified: null };
  const signature = encodeSignature(answer.signature);
  const verified =
    content.kind === EIP712
      ? await verifyTypedDataSignature({ address: wallet.address, text: content.message, signature })
      : await verifyMessageSignature({
          verification: networkInfo(wallet.network).verification,
          address: wallet.address,
          publicKey: wallet.publicKey,
          messageHex: content.messageHex,
          signature,
        });
  return { status: answer.status, signature, verified };
}
