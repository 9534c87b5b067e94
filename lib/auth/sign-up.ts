import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict } from "@/lib/errors";
import { Email, NewPassword } from "./options";
import { hashPassword } from "./password";
import type { SessionUser } from "./session";

export const SignUpInput = z.object({
  email: Email,
  password: NewPassword,
  name: z
    .string()
    .trim()
    .max(100, { error: "Name must be at most 100 characters" })
    .optional()
    .transform((name) => name || null),
});
export type SignUpInput = z.output<typeof SignUpInput>;

const EXISTS = "An account with this email already exists. Sign in instead.";

/** Creates an email + password account. 409 when the email is taken (also when two race). */
export async function signUp(input: SignUpInput): Promise<SessionUser> {
  const prisma = await db();
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } }))
    throw conflict(EXISTS, { code: "email_taken" });
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        auditEvents: { create: { type: "auth.signed_up", detail: { provider: "credentials" } } },
      },
      select: { id: true, email: true, name: true, image: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EXISTS, { code: "email_taken" });
    throw error;
  }
}
