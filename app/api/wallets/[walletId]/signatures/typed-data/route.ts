import { beginTypedDataSignature } from "@/lib/dfns/typed-data-signatures";
import { signTypedDataSchema } from "@/lib/dfns/wallet-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Starts signing typed data (EIP-712) with an EVM wallet: checked, then the passkey challenge.
export const POST = handler(
  { body: signTypedDataSchema, dfnsAction: "start the signature" },
  async ({ user, body, params }) => ({
    action: await beginTypedDataSignature(user, String(params.walletId), body.typedData),
  }),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
