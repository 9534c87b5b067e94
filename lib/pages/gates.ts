import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

// The page gates of the signed-in area, one function each, so every page asks the same question
// the same way: signed in (else the sign-in page, coming back here), and registered with Dfns or not.

/** Whether the user finished onboarding (has a Dfns user). Asked once per request. */
export const isRegistered = cache(async (userId: string): Promise<boolean> => {
  const prisma = await db();
  return (await prisma.dfnsUser.findUnique({ where: { userId }, select: { id: true } })) !== null;
});

/** For pages about an existing wallet account: the user, or a redirect to sign-in or onboarding. */
export async function requireRegisteredUser(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!(await isRegistered(user.id))) redirect("/onboarding");
  return user;
}

/** For onboarding: the user who has no wallet account yet; everyone else goes to the wallet. */
export async function requireUnregisteredUser(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (await isRegistered(user.id)) redirect("/wallet");
  return user;
}
