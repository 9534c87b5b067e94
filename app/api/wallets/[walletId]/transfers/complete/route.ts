import { completeTransfer } from "@/lib/dfns/transfers";
import { completeUserActionSchema } from "@/lib/dfns/user-action-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Sends the stored transfer with the passkey's approval (once, however often this is called).
export const POST = handler(
  { body: completeUserActionSchema, dfnsAction: "send the transfer" },
  async ({ user, body, params }) => ({
    transfer: await completeTransfer(user, String(params.walletId), body),
  }),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
