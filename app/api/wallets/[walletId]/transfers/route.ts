import { beginTransfer } from "@/lib/dfns/transfers";
import { sendSchema } from "@/lib/dfns/transfer-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Starts a transfer: checks it, stores it, and answers the passkey challenge with what will be sent.
export const POST = handler({ body: sendSchema, dfnsAction: "prepare the transfer" }, async ({ user, body, params }) =>
  beginTransfer(user, String(params.walletId), body),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
