import "server-only";
import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import { getAuthProviders } from "./options";
import { localPathOr } from "./paths";
import { getCurrentUser } from "./session";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * What the sign-in and sign-up pages share: where to go afterwards (a local path only), the
 * OAuth providers the server has configured, and NextAuth's `?error=`. A signed-in visitor is
 * sent straight on.
 */
export async function authPageContext(searchParams: SearchParams) {
  const params = await searchParams;
  const callbackUrl = localPathOr(first(params.callbackUrl), getEnv().appOrigin, "/wallet");
  if (await getCurrentUser()) redirect(callbackUrl);
  const { github, google } = getAuthProviders();
  return { callbackUrl, providers: { github, google }, error: first(params.error) };
}
