import type { ReactNode } from "react";
import { cardStyles } from "@/components/styles";

/** The card of the sign-in and sign-up pages: a title, one line under it, then the form. */
export function AuthCard({ title, lead, children }: { title: string; lead: ReactNode; children: ReactNode }) {
  return (
    <div className={cardStyles}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{lead}</p>
      <div className="mt-6">{children}</div>
    </div>
  );
}
