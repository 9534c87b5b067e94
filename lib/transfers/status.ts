// A transfer's status as the app stores it, and as people read it. Plain code for server and browser.

/**
 * The app's own two steps before Dfns has the transfer, then Dfns's statuses:
 * AwaitingApproval → Submitting → Pending → Executing → Broadcasted → Confirmed | Failed | Rejected.
 */
export type TransferStatus =
  "AwaitingApproval" | "Submitting" | "Pending" | "Executing" | "Broadcasted" | "Confirmed" | "Failed" | "Rejected";

/** Statuses that never change again. */
const SETTLED = new Set(["Confirmed", "Failed", "Rejected"]);

export const isSettled = (status: string) => SETTLED.has(status);

/** The word shown for a status: Dfns's Executing is still Pending to the user. */
export function statusLabel(status: string): string {
  switch (status) {
    case "AwaitingApproval":
      return "Waiting for your passkey";
    case "Submitting":
    case "Executing":
      return "Pending";
    default:
      return status;
  }
}
