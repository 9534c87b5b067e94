// The one check of what a user asks to send: the recipient for the wallet's network, the amount
// for the asset's decimals and balance. The send form runs it as the user types; the server runs
// it again with the balance Dfns reports, so both say the same thing in the same words.
import { base58 } from "@scure/base";
import { isAddress } from "viem";
import type { TransferCheckCode } from "@/lib/errors/error-body";
import { networkInfo } from "@/lib/networks";
import { amountProblemMessage, formatAmount, parseAmount } from "./amount";

/** Longest recipient accepted (any network's address fits). */
export const RECIPIENT_MAX_LENGTH = 128;

/** An asset the wallet holds, as the app lists it (from Dfns's wallet assets). */
export interface WalletAsset {
  /** "native", or the kind and token address: "Erc20:0x…", "Spl:<mint>". */
  id: string;
  kind: "Native" | "Erc20" | "Spl" | "Spl2022";
  symbol: string;
  decimals: number;
  /** Balance in base units (a decimal string). */
  balance: string;
  /** The token's contract (Erc20) or mint (Spl); null for the native asset. */
  token: string | null;
}

export type TransferField = "asset" | "to" | "amount";

export interface TransferIssue {
  field: TransferField;
  code: TransferCheckCode;
  message: string;
}

export type CheckedTransfer = { ok: true; baseUnits: bigint } | { ok: false; issue: TransferIssue };

/** Why `to` is not an address on `network`, or null when it is one. */
export function recipientIssue(network: string, to: string): TransferIssue | null {
  const info = networkInfo(network);
  const address = to.trim();
  const invalid = (message: string): TransferIssue => ({ field: "to", code: "invalid_recipient", message });
  if (address === "") return invalid("Enter the address to send to.");
  switch (info.family) {
    case "evm":
      if (!/^0x[0-9a-fA-F]{40}$/.test(address)) {
        return invalid(
          `This is not a ${info.displayName} address: it starts with 0x followed by 40 hex characters. Check it and paste it again.`,
        );
      }
      // Mixed case carries an EIP-55 checksum: a typo in it means the address was mistyped.
      if (!isAddress(address, { strict: true })) {
        return invalid(
          "This address's capital letters don't match its checksum, so it was probably mistyped. Copy it again from its owner.",
        );
      }
      return null;
    case "solana":
      if (!isSolanaAddress(address)) {
        return invalid(
          `This is not a ${info.displayName} address: it is 32 to 44 letters and digits (base58). Check it and paste it again.`,
        );
      }
      return null;
    default:
      if (address.length > RECIPIENT_MAX_LENGTH || /\s/.test(address)) {
        return invalid(`This is not a ${info.displayName} address. Check it and paste it again.`);
      }
      return null;
  }
}

/** A Solana account address: base58 of a 32-byte public key. */
function isSolanaAddress(address: string): boolean {
  if (address.length < 32 || address.length > 44) return false;
  try {
    return base58.decode(address).length === 32;
  } catch {
    return false;
  }
}

/**
 * Checks a transfer of `amount` (as typed) of `asset` to `to` on `network`: the recipient first,
 * then the amount (format, sign, decimals) and whether the balance covers it. The network fee is
 * not known here; Dfns refuses a native transfer the balance cannot also pay the fee for.
 */
export function checkTransfer(args: {
  network: string;
  asset: WalletAsset;
  to: string;
  amount: string;
}): CheckedTransfer {
  const recipient = recipientIssue(args.network, args.to);
  if (recipient) return { ok: false, issue: recipient };
  const { asset } = args;
  const parsed = parseAmount(args.amount, asset.decimals);
  if (!parsed.ok) {
    const code =
      parsed.problem === "too_many_decimals" || parsed.problem === "not_positive" ? parsed.problem : "invalid_amount";
    return {
      ok: false,
      issue: { field: "amount", code, message: amountProblemMessage(parsed.problem, asset.decimals, asset.symbol) },
    };
  }
  if (parsed.baseUnits > BigInt(asset.balance)) {
    return {
      ok: false,
      issue: {
        field: "amount",
        code: "insufficient_funds",
        message: `That is more than your balance of ${formatAmount(asset.balance, asset.decimals)} ${asset.symbol}. Enter a smaller amount, or get more ${asset.symbol} first.`,
      },
    };
  }
  return { ok: true, baseUnits: parsed.baseUnits };
}
