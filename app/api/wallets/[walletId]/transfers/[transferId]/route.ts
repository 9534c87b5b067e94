import { refreshTransfer } from "@/lib/dfns/transfers";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// One of the wallet's transfers, its status first asked of Dfns unless it has settled.
export const GET = handler({ dfnsAction: "read the transfer's status" }, async ({ user, params }) =>
  refreshTransfer(user, String(params.walletId), String(params.transferId)),
);

export const { POST, PUT, PATCH, DELETE } = onlyAllow("GET");
