import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { cardStyles } from "@/components/styles";
import { getAuthProviders } from "@/lib/auth/options";
import { localPathOr } from "@/lib/auth/paths";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = localPathOr(first(params.callbackUrl), "/wallet");
  if (await getCurrentUser()) redirect(callbackUrl);
  const { github, google } = getAuthProviders();

  return (
    <div className={cardStyles}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Create your account</h1>
      <p className="mt-2 text-sm text-slate-600">
        First your account with us; next you&apos;ll set up a passkey and your wallets.
      </p>
      <div className="mt-6">
        <SignUpForm providers={{ github, google }} callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
