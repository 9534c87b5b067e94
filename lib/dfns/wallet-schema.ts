import { z } from "zod";

// What the browser sends to sign a message or add a wallet. The server builds the Dfns request
// from these fields alone; anything else in the body is dropped.

/** Long enough for a sign-in statement or a short agreement; short enough to read before signing. */
export const MESSAGE_MAX_LENGTH = 1000;

export const signMessageSchema = z.object({
  message: z
    .string()
    .max(MESSAGE_MAX_LENGTH, `must be at most ${MESSAGE_MAX_LENGTH} characters`)
    .refine((message) => message.trim().length > 0, "must not be empty"),
});

export const addWalletSchema = z.object({
  network: z
    .string()
    .min(1, "must not be empty")
    .max(64)
    .regex(/^[A-Za-z][A-Za-z0-9]*$/, "must be a Dfns network name, e.g. EthereumSepolia"),
});

/** Typed data (EIP-712) as the user pasted it: JSON text, checked by lib/typed-data/check.ts. */
export const signTypedDataSchema = z.object({
  typedData: z.string({ error: "must be the typed data's JSON text" }),
});
