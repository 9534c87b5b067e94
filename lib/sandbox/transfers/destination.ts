import { base58 } from "@scure/base";
import { isAddress } from "viem";
import { badRequest } from "../errors";
import type { NetworkFamily } from "../wallets";

/**
 * A destination address in the network's own format, normalized the way the sandbox stores
 * addresses (EVM lowercase). EVM: 0x + 20 bytes; mixed case must be a valid EIP-55 checksum (a
 * typo in a checksummed address is caught, not sent). Solana: base58 of 32 bytes.
 */
export function parseDestination(family: NetworkFamily, value: string, field = "to"): string {
  const label = field === "to" ? "destination address (to)" : field === "address" ? "address" : `${field} address`;
  if (family === "evm") {
    if (!isAddress(value, { strict: true })) {
      throw badRequest(
        /^0x[0-9a-fA-F]{40}$/.test(value)
          ? `Invalid ${label}: the mixed-case checksum (EIP-55) does not match; check the address`
          : `Invalid ${label}: expected 0x followed by 40 hexadecimal characters`,
        { field },
      );
    }
    return value.toLowerCase();
  }
  if (family === "solana") {
    let bytes: Uint8Array | undefined;
    try {
      bytes = base58.decode(value);
    } catch {
      bytes = undefined;
    }
    if (!bytes || bytes.length !== 32)
      throw badRequest(`Invalid ${label}: expected a base58 Solana address (32 bytes)`, { field });
    return value;
  }
  throw badRequest(`Transfers on ${family} networks are not supported by the sandbox`, { field: "network" });
}

const MAX_UINT256 = (1n << 256n) - 1n;

/** A positive whole number of the asset's smallest unit (wei, lamports, token base units). */
export function parseAmount(value: string, field = "amount"): bigint {
  if (!/^[1-9][0-9]*$/.test(value)) {
    throw badRequest(
      `Invalid ${field}: expected a positive whole number in the asset's smallest unit, as a string (e.g. "1000000")`,
      { field },
    );
  }
  const amount = BigInt(value);
  if (amount > MAX_UINT256) throw badRequest(`Invalid ${field}: too large`, { field });
  return amount;
}
