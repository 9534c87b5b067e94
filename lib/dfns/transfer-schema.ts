import { z } from "zod";
import { AMOUNT_MAX_LENGTH } from "@/lib/transfers/amount";
import { RECIPIENT_MAX_LENGTH } from "@/lib/transfers/transfer-input";

// What the browser sends to start a transfer. The server looks the asset up among what Dfns says
// the wallet holds, checks the recipient and amount (lib/transfers/transfer-input.ts) and builds
// the Dfns request itself; anything else in the body is dropped.

export const FEE_PRIORITIES = ["Slow", "Standard", "Fast"] as const;

export const sendSchema = z.object({
  /** "native", or a token as the assets route lists it ("Erc20:0x…", "Spl:<mint>"). */
  asset: z.string().min(1, "must name the asset to send").max(200),
  to: z
    .string()
    .trim()
    .min(1, "must be the address to send to")
    .max(RECIPIENT_MAX_LENGTH, `must be at most ${RECIPIENT_MAX_LENGTH} characters`),
  amount: z
    .string()
    .trim()
    .min(1, "must be the amount to send")
    .max(AMOUNT_MAX_LENGTH, `must be at most ${AMOUNT_MAX_LENGTH} characters`),
  /** Only where the network has fee priorities (EVM, Bitcoin); Standard when left out. */
  priority: z.enum(FEE_PRIORITIES).optional(),
});

export type SendInput = z.infer<typeof sendSchema>;
