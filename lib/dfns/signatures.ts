import "server-only";
import { randomUUID } from "node:crypto";
import type { DfnsDelegatedApiClient } from "@dfns/sdk";
import type { GenerateSignatureRequest, GenerateSignatureResponse } from "@dfns/sdk/generated/wallets/types";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma, Signature, Wallet } from "@/lib/generated/prisma/client";
import { isConnectionRefused } from "@/lib/errors";
import { conflict, HttpError } from "@/lib/http";
import { networkInfo } from "@/lib/networks";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import { isRefusal } from "./answers";
import { isDfnsUnavailable } from "./availability";
import { requireDfnsUser, withEndUserClient, type DfnsUserWithCredentials } from "./end-user";
import {
  encodeSignature,
  hexToMessage,
  messageToHex,
  verifyMessageSignature,
  type DfnsSignatureParts,
} from "./message-signature";
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

/** A signature sent to Dfns whose answer has not been stored yet (lost, or still on its way). */
const SUBMITTING = "Submitting";
/** A Submitting signature Dfns still does not have this long after: its approval can no longer arrive. */
const NEVER_RECEIVED_AFTER_MS = 10 * 60 * 1000;

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
export async function beginMessageSignature(
  user: Pick<SessionUser, "id">,
  walletId: string,
  message: string,
): Promise<BrowserUserAction> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = requireActive(await findUserWallet(dfnsUser, walletId));
  const request: SignMessageRequest = {
    walletId: wallet.dfnsWalletId,
    body: { kind: "Message", message: messageToHex(message) },
  };
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
  return completeWalletSignature<SignMessageRequest>(user, dfnsUser, wallet, SIGN_MESSAGE, input, ({ body }) => ({
    kind: "Message",
    message: hexToMessage(body.message),
    messageHex: body.message,
  }));
}

/** A Dfns signature request as stored for the passkey to approve. */
type SignatureRequest = { walletId: string; body: Prisma.InputJsonObject };

/**
 * Asks Dfns for the passkey challenge of `request` and stores it as a pending action of `kind`.
 * The request gets an `externalId` of its own: a signature whose answer is lost is found by it.
 */
export function beginWalletSignature(
  dfnsUser: DfnsUserWithCredentials,
  kind: string,
  request: SignatureRequest,
): Promise<BrowserUserAction> {
  const identified = { ...request, body: { ...request.body, externalId: randomUUID() } };
  return beginUserAction({
    dfnsUser,
    kind,
    request: identified,
    init: (client) => client.wallets.generateSignatureInit(identified as unknown as GenerateSignatureRequest),
  });
}

/**
 * Sends the stored signature request of the user's pending action of `kind` with the passkey's
 * assertion: what Dfns signs is what was stored. An action begun for another wallet: 404. The
 * signature is kept as Submitting before it is sent; if Dfns's answer is lost (timeout, reset,
 * 5xx) it is looked up by its `externalId`, here or when the list is next read: never asked twice.
 */
export async function completeWalletSignature<Request extends SignatureRequest & Prisma.JsonObject>(
  user: Pick<SessionUser, "id">,
  dfnsUser: DfnsUserWithCredentials,
  wallet: Wallet,
  kind: string,
  input: CompleteUserActionInput,
  contentOf: (request: Request) => SignedContent,
): Promise<SignatureView> {
  const prisma = await db();
  let submitted: Signature | null = null;
  try {
    const { result } = await completeUserAction<Request, GenerateSignatureResponse>({
      dfnsUser,
      kind,
      actionId: input.actionId,
      assertion: input.assertion,
      beforeClaim: (stored) => {
        if (stored.walletId !== wallet.dfnsWalletId) throw actionNotFound();
      },
      complete: async (client, stored, signed) => {
        const externalId = String((stored.body as { externalId?: unknown }).externalId ?? randomUUID());
        // Once, though this runs again when a stale token is replaced (withEndUserClient).
        submitted ??= await prisma.signature.create({
          data: { walletId: wallet.id, externalId, ...contentOf(stored), status: SUBMITTING },
        });
        return client.wallets.generateSignatureComplete(stored as unknown as GenerateSignatureRequest, signed);
      },
      // A policy holds the signature for an approval: kept as Dfns's Pending request, which the
      // list asks Dfns about again until it is signed, rejected or failed.
      onPolicyPending: (approval) => {
        if (!approval.signatureId) throw waitingForApproval(approval);
        return { id: approval.signatureId, status: "Pending" } as GenerateSignatureResponse;
      },
    });
    return signatureView(await recordSignature(user, wallet, submitted!, result));
  } catch (error) {
    const row = submitted as Signature | null;
    if (!row) throw error; // refused before anything was claimed or sent
    if (isRefusal(error) || isConnectionRefused(error)) {
      await prisma.signature.deleteMany({ where: { id: row.id, dfnsSignatureId: null } });
      throw error;
    }
    if (error instanceof HttpError && error.status === 202) throw error; // Dfns has it: the list finds it
    const found = await withEndUserClient(dfnsUser, (client) =>
      findByExternalId(client, wallet, row.externalId!),
    ).catch(() => null);
    if (found) return signatureView(await recordSignature(user, wallet, row, found));
    throw new HttpError(
      502,
      "signature_unconfirmed",
      "We sent your signature request to Dfns but didn't get its answer. Don't sign it again: reload the page in a moment and it appears in the list once Dfns has it.",
      { details: { signatureId: row.id } },
    );
  }
}

type SignatureAnswer = Pick<GenerateSignatureResponse, "id" | "status"> & { signature?: DfnsSignatureParts };

/** Dfns's answer for a Submitting row: checked against the wallet, stored, with an audit event. */
async function recordSignature(
  user: Pick<SessionUser, "id">,
  wallet: Wallet,
  row: Signature,
  answer: SignatureAnswer,
): Promise<Signature> {
  const outcome = await signatureOutcome(wallet, row, answer);
  return (await db()).$transaction(async (tx) => {
    const saved = await tx.signature.update({
      where: { id: row.id },
      data: { dfnsSignatureId: answer.id, ...outcome },
    });
    await tx.auditEvent.create({
      data: {
        userId: user.id,
        type: "dfns.signature.created",
        detail: { walletId: wallet.id, signatureId: saved.id, status: saved.status },
      },
    });
    return saved;
  });
}

/** Dfns's signature request with this `externalId` among the wallet's latest, if it has one. */
async function findByExternalId(
  client: DfnsDelegatedApiClient,
  wallet: Pick<Wallet, "dfnsWalletId">,
  externalId: string,
): Promise<SignatureAnswer | null> {
  const { items } = await client.wallets.listSignatures({ walletId: wallet.dfnsWalletId, query: { limit: 100 } });
  const found = items.find((item) => (item.requestBody as { externalId?: string }).externalId === externalId);
  return found ? (found as SignatureAnswer) : null;
}

/** The wallet, if it can sign now; else 409 in words. */
export function requireActive(wallet: Wallet): Wallet {
  if (wallet.status !== "Active") {
    throw conflict(
      `This wallet can't sign right now (its status is ${wallet.status}). Reload the page, or use another wallet.`,
      {
        code: "wallet_inactive",
      },
    );
  }
  return wallet;
}

/** What was signed, as stored: the text shown to the user and the hex Dfns was asked to sign (or its digest). */
export type SignedContent = Pick<Signature, "kind" | "message" | "messageHex">;

/**
 * The wallet's latest signatures, newest first. Those Dfns had not finished signing are asked
 * for again first (live Dfns may answer Pending); if Dfns does not answer they stay as stored.
 */
export async function listMessageSignatures(user: Pick<SessionUser, "id">, walletId: string): Promise<SignatureView[]> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  const prisma = await db();
  let rows = await latestSignatureRows(wallet.id);
  const unfinished = rows.filter((row) => IN_PROGRESS.includes(row.status) || row.status === SUBMITTING);
  if (unfinished.length > 0) {
    try {
      await withEndUserClient(dfnsUser, async (client) => {
        for (const row of unfinished) {
          if (row.status === SUBMITTING) {
            await settleSubmitting(user, client, wallet, row);
            continue;
          }
          const current = await client.wallets.getSignature({
            walletId: wallet.dfnsWalletId,
            signatureId: row.dfnsSignatureId!,
          });
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

/**
 * A signature whose answer was lost: stored as Dfns has it, or, once its approval can no longer
 * arrive and Dfns still does not have it, Failed (nothing was signed).
 */
async function settleSubmitting(
  user: Pick<SessionUser, "id">,
  client: DfnsDelegatedApiClient,
  wallet: Wallet,
  row: Signature,
): Promise<void> {
  const found = row.externalId ? await findByExternalId(client, wallet, row.externalId) : null;
  if (found) await recordSignature(user, wallet, row, found);
  else if (Date.now() - row.createdAt.getTime() >= NEVER_RECEIVED_AFTER_MS) {
    await (await db()).signature.update({ where: { id: row.id }, data: { status: "Failed" } });
  }
}

/** The latest signatures of each wallet (ids already resolved to the user's wallets), newest first. */
export async function latestSignatures(walletIds: string[]): Promise<Record<string, SignatureView[]>> {
  const lists = await Promise.all(
    walletIds.map(async (id) => [id, (await latestSignatureRows(id)).map(signatureView)] as const),
  );
  return Object.fromEntries(lists);
}

async function latestSignatureRows(walletId: string): Promise<Signature[]> {
  return (await db()).signature.findMany({
    where: { walletId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SIGNATURE_LIST_LIMIT,
  });
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
