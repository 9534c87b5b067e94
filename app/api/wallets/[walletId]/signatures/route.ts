import { beginMessageSignature, listMessageSignatures } from "@/lib/dfns/signatures";
import { signMessageSchema } from "@/lib/dfns/wallet-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Past signatures of one of the user's wallets, newest first.
export const GET = handler({ dfnsAction: "read the signatures" }, async ({ user, params }) => ({
  signatures: await listMessageSignatures(user, String(params.walletId)),
}));

// Starts signing a message with the wallet: the passkey challenge that approves it.
export const POST = handler(
  { body: signMessageSchema, dfnsAction: "start the signature" },
  async ({ user, body, params }) => ({
    action: await beginMessageSignature(user, String(params.walletId), body.message),
  }),
);

export const { PUT, PATCH, DELETE } = onlyAllow("GET", "POST");
