"use client";

import { signOut } from "@/lib/auth/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonStyles } from "./styles";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    try {
      await signOut();
      router.replace("/");
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <button type="button" onClick={onClick} disabled={pending} className={buttonStyles.secondary}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
