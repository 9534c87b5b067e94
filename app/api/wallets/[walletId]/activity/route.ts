import { listActivity } from "@/lib/dfns/activity";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// The wallet's incoming and outgoing transfers (Dfns history + the app's own, newest first).
export const GET = handler({ dfnsAction: "read the wallet's activity" }, async ({ user, params }) =>
  listActivity(user, String(params.walletId)),
);

export const { POST, PUT, PATCH, DELETE } = onlyAllow("GET");
