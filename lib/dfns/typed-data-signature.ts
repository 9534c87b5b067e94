import "server-only";
import { verifyTypedData, type Hex } from "viem";
import type { CheckedTypedData } from "@/lib/typed-data/check";

// A Dfns `Eip712` signature as the app keeps it: the typed data the user approved (stored as its
// JSON text) and the server's own check, with viem, that the wallet's address signed it.

/** The typed data as stored in `Signature.message`: indented, what a reader looks for (the message) before the types. */
export const typedDataToText = ({ types, primaryType, domain, message }: CheckedTypedData): string =>
  JSON.stringify({ primaryType, domain, message, types }, null, 2);

/** The stored typed data's primary type and domain name, for a list; null if it is not typed data. */
export function typedDataSummary(text: string): { primaryType: string; domainName: string | null } | null {
  try {
    const { primaryType, domain } = JSON.parse(text) as Partial<CheckedTypedData>;
    return typeof primaryType === "string"
      ? { primaryType, domainName: typeof domain?.name === "string" ? domain.name : null }
      : null;
  } catch {
    return null;
  }
}

/** Whether `signature` is `address`'s EIP-712 signature of the stored typed data. */
export async function verifyTypedDataSignature(args: {
  address: string | null;
  text: string;
  signature: string;
}): Promise<boolean | null> {
  if (!args.address) return null;
  try {
    const { types, primaryType, domain, message } = JSON.parse(args.text) as CheckedTypedData;
    return await verifyTypedData({
      address: args.address as Hex,
      types,
      primaryType,
      domain: domain as never,
      message,
      signature: args.signature as Hex,
    });
  } catch {
    return false; // malformed signature or stored text: it does not verify
  }
}
