import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { cardStyles } from "@/components/styles";
import { authErrorMessage } from "@/lib/auth/messages";
import { getAuthProviders } from "@/lib/auth/options";
import { localPathOr } from "@/lib/auth/paths";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = localPathOr(first(params.callbackUrl), "/wallet");
  if (await getCurrentUser()) redirect(callbackUrl);
  const { github, google } = getAuthProviders();

  return (
    <div className={cardStyles}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600">Welcome back. Sign in to reach your wallets.</p>
      <div className="mt-6">
        <SignInForm
          providers={{ github, google }}
          callbackUrl={callbackUrl}
          initialError={authErrorMessage(first(params.error))}
        />
      </div>
    </div>
  );
}
