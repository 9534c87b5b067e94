import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { authPageContext } from "@/lib/auth/auth-page";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, providers } = await authPageContext(searchParams);
  return (
    <AuthCard
      title="Create your account"
      lead={<>First your account with us; next you&apos;ll set up a passkey and your wallets.</>}
    >
      <SignUpForm providers={providers} callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
