import Link from "next/link";
import { buttonStyles, cardStyles } from "@/components/styles";
import { getCurrentUser } from "@/lib/auth/session";
import { brand } from "@/lib/brand";

const steps = [
  {
    title: "Sign in",
    body: "Create an account with your email and a password, or continue with GitHub or Google when they are enabled.",
  },
  {
    title: "Create a passkey and a recovery key",
    body: "Your device makes a passkey that only you can use. A recovery code is shown once: save it, it is how you get back in if you lose the device.",
  },
  {
    title: "Use your wallets",
    body: "Wallets are created for you on each configured network. Every signature needs your passkey; the app alone cannot move anything.",
  },
];

export default async function LandingPage() {
  const user = await getCurrentUser();

  return (
    <div className="mx-auto max-w-5xl px-4 py-12 sm:px-6 sm:py-20">
      <section aria-labelledby="hero-title" className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand">Non-custodial wallets</p>
        <h1 id="hero-title" className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          {brand.tagline}
        </h1>
        <p className="mt-5 text-lg leading-relaxed text-slate-600">
          {brand.name} gives each user their own wallets, held by Dfns and controlled by the user&apos;s passkey. You
          keep your own sign-in; the keys to the wallets never pass through this app.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          {user ? (
            <Link href="/wallet" className={buttonStyles.primary}>
              Go to your wallet
            </Link>
          ) : (
            <>
              <Link href="/sign-up" className={buttonStyles.primary}>
                Create your account
              </Link>
              <Link href="/sign-in" className={buttonStyles.secondary}>
                I already have an account
              </Link>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="how-title" className="mt-16 sm:mt-20">
        <h2 id="how-title" className="text-xl font-semibold text-slate-900">
          How it works
        </h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-3">
          {steps.map((step, index) => (
            <li key={step.title} className={cardStyles}>
              <span
                aria-hidden="true"
                className="grid size-9 place-items-center rounded-full bg-brand-soft text-sm font-bold text-brand-strong"
              >
                {index + 1}
              </span>
              <h3 className="mt-4 font-semibold text-slate-900">
                <span className="sr-only">Step {index + 1}: </span>
                {step.title}
              </h3>
              <p className="mt-2 text-sm leading-relaxed text-slate-600">{step.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
