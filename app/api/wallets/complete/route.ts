import { completeUserActionSchema } from "@/lib/dfns/user-action-schema";
import { completeAddWallet } from "@/lib/dfns/wallets";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Creates the wallet the pending action stands for, with the passkey's approval.
export const POST = handler(
  { body: completeUserActionSchema, dfnsAction: "create the wallet" },
  async ({ user, body }) => ({
    wallet: await completeAddWallet(user, body),
  }),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
