import Link from "next/link";
import { brand } from "@/lib/brand";
import { SignOutButton } from "./sign-out-button";
import { buttonStyles } from "./styles";

export function SiteHeader({ user }: { user: { email: string } | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight text-slate-900">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand text-sm text-white">
            {brand.name.charAt(0)}
          </span>
          {brand.name}
        </Link>
        <nav aria-label="Account" className="flex flex-wrap items-center gap-2 sm:gap-3">
          {user ? (
            <>
              <Link href="/wallet" className={buttonStyles.ghost}>
                Wallet
              </Link>
              <Link href="/credentials" className={buttonStyles.ghost}>
                Passkeys
              </Link>
              <span className="max-w-[16rem] truncate text-sm text-slate-600" data-testid="signed-in-email">
                <span className="sr-only">Signed in as </span>
                {user.email}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={buttonStyles.ghost}>
                Sign in
              </Link>
              <Link href="/sign-up" className={buttonStyles.primary}>
                Create account
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
