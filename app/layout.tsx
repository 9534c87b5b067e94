import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { CSSProperties, ReactNode } from "react";
import { SandboxBanner } from "@/components/sandbox-banner";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/auth/session";
import { brand } from "@/lib/brand";
import { getEnv } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: brand.name, template: `%s · ${brand.name}` },
  description: brand.tagline,
};

export const viewport: Viewport = { themeColor: brand.color };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request (the header shows who is signed in), never at build time.
  await connection();
  const user = await getCurrentUser();
  const sandbox = getEnv().dfns.mode === "sandbox";

  return (
    <html lang="en" style={{ "--brand": brand.color } as CSSProperties}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50"
        >
          Skip to content
        </a>
        <SandboxBanner sandbox={sandbox} />
        <SiteHeader user={user} />
        <main id="main" className="flex-1">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-500 sm:px-6">
            {brand.name} · wallets by{" "}
            <a href="https://www.dfns.co" className="underline underline-offset-4 hover:text-slate-700">
              Dfns
            </a>{" "}
            delegated signing, behind your passkey.
          </div>
        </footer>
      </body>
    </html>
  );
}
