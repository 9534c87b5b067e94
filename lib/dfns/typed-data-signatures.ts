import "server-only";
import { hashTypedData } from "viem";
import type { SessionUser } from "@/lib/auth/session";
import type { Prisma, Wallet } from "@/lib/generated/prisma/client";
import { badRequest } from "@/lib/http";
import { networkInfo } from "@/lib/networks";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import { checkTypedData, rootTypeOf, type CheckedTypedData } from "@/lib/typed-data/check";
import { requireDfnsUser } from "./end-user";
import { beginWalletSignature, completeWalletSignature, requireActive, type SignatureView } from "./signatures";
import { typedDataToText } from "./typed-data-signature";
import type { CompleteUserActionInput } from "./user-action-schema";
import { findUserWallet } from "./wallets";

// Signing typed data (EIP-712) with an EVM wallet, in the two steps of every user action. The
// server checks the pasted JSON (the same check the browser ran), builds Dfns's `Eip712` request
// from the checked typed data and stores it; completion sends the stored request, so what the
// passkey approved is what Dfns signs.

const SIGN_TYPED_DATA = "SignTypedData";

type Eip712Body = Pick<CheckedTypedData, "types" | "domain"> & { kind: "Eip712"; message: Prisma.JsonObject };
type SignTypedDataRequest = { walletId: string; body: Eip712Body };

/** Starts signing the typed data `text` (JSON) with the user's EVM wallet `walletId`. */
export async function beginTypedDataSignature(
  user: Pick<SessionUser, "id">,
  walletId: string,
  text: string,
): Promise<BrowserUserAction> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  const chainId = requireEvmChain(wallet);
  const checked = checkTypedData(text, { chainId, networkName: networkInfo(wallet.network).displayName });
  if (!checked.ok) throw badRequest(checked.problem, { code: "invalid_typed_data" });
  requireActive(wallet);
  const { types, domain, message } = checked.typedData;
  const request: SignTypedDataRequest = {
    walletId: wallet.dfnsWalletId,
    body: { kind: "Eip712", types, domain, message: message as Prisma.JsonObject },
  };
  return beginWalletSignature(dfnsUser, SIGN_TYPED_DATA, request);
}

/** Completes the pending typed-data signature with the passkey's assertion; verifies and keeps it. */
export async function completeTypedDataSignature(
  user: Pick<SessionUser, "id">,
  walletId: string,
  input: CompleteUserActionInput,
): Promise<SignatureView> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  return completeWalletSignature<SignTypedDataRequest>(
    user,
    dfnsUser,
    wallet,
    SIGN_TYPED_DATA,
    input,
    ({ body: { types, domain, message } }) => {
      // The check at begin made the primary type the one Dfns infers: the only type no other uses.
      const typedData: CheckedTypedData = { types, primaryType: rootTypeOf(types)!, domain, message };
      return {
        kind: "Eip712",
        message: typedDataToText(typedData),
        messageHex: hashTypedData(typedData as Parameters<typeof hashTypedData>[0]), // the digest the signature signs
      };
    },
  );
}

/** The wallet's EVM chain id; a wallet on another kind of network: 400 in words. */
function requireEvmChain(wallet: Pick<Wallet, "network">): number {
  const { chainId, displayName } = networkInfo(wallet.network);
  if (chainId === null) {
    throw badRequest(
      `Typed data (EIP-712) is signed with Ethereum-style wallets; your ${displayName} wallet can't sign it. Use one of your EVM wallets.`,
      {
        code: "typed_data_not_supported",
      },
    );
  }
  return chainId;
}
