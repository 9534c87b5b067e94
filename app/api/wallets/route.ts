import { addWalletSchema } from "@/lib/dfns/wallet-schema";
import { beginAddWallet, listUserWallets } from "@/lib/dfns/wallets";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// The signed-in user's wallets, refreshed from Dfns when it answers (`refreshed: false`: stored ones).
export const GET = handler({}, ({ user }) => listUserWallets(user));

// Starts adding a wallet on a configured network: the passkey challenge that approves it.
export const POST = handler(
  { body: addWalletSchema, dfnsAction: "start creating the wallet" },
  async ({ user, body }) => ({
    action: await beginAddWallet(user, body.network),
  }),
);

export const { PUT, PATCH, DELETE } = onlyAllow("GET", "POST");
