import { completeTypedDataSignature } from "@/lib/dfns/typed-data-signatures";
import { completeUserActionSchema } from "@/lib/dfns/user-action-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Signs the stored typed data with the passkey's approval, verifies and keeps the signature.
export const POST = handler(
  { body: completeUserActionSchema, dfnsAction: "sign the typed data" },
  async ({ user, body, params }) => ({
    signature: await completeTypedDataSignature(user, String(params.walletId), body),
  }),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
