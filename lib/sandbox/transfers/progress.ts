import type { SandboxTransfer } from "../../generated/prisma/client";

/** The fields a transfer's execution and its chain's receipt move forward. */
export type TransferProgress = Partial<
  Pick<SandboxTransfer, "status" | "reason" | "txHash" | "fee" | "dateBroadcasted" | "dateConfirmed">
>;
