import { AWAITING_APPROVAL, completeMessageSignature } from "@/lib/dfns/signatures";
import { completeUserActionSchema } from "@/lib/dfns/user-action-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Signs the stored message with the passkey's approval, verifies and keeps the signature.
// 202 when a policy holds it for an approval: kept, and signed once approved.
export const POST = handler(
  { body: completeUserActionSchema, dfnsAction: "sign the message" },
  async ({ user, body, params }) => {
    const signature = await completeMessageSignature(user, String(params.walletId), body);
    return Response.json(
      { signature },
      { status: signature.status === AWAITING_APPROVAL ? 202 : 200, headers: { "cache-control": "no-store" } },
    );
  },
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
