import { listWalletAssets } from "@/lib/dfns/assets";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// The wallet's balances from Dfns; `refreshed: false` when Dfns does not answer in time.
export const GET = handler({ dfnsAction: "read the balances" }, async ({ user, params }) =>
  listWalletAssets(user, String(params.walletId)),
);

export const { POST, PUT, PATCH, DELETE } = onlyAllow("GET");
