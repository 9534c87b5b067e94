import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authPageContext } from "@/lib/auth/auth-page";
import { authErrorMessage } from "@/lib/auth/messages";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, providers, error } = await authPageContext(searchParams);
  return (
    <AuthCard title="Sign in" lead="Welcome back. Sign in to reach your wallets.">
      <SignInForm providers={providers} callbackUrl={callbackUrl} initialError={authErrorMessage(error)} />
    </AuthCard>
  );
}
