"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/auth/field";
import { Spinner } from "@/components/spinner";
import { buttonStyles } from "@/components/styles";
import type { Busy } from "./use-credentials";

interface Props {
  busy: Busy;
  onAdd: (name: string) => Promise<boolean>;
}

/** Names and creates a new passkey; an existing passkey then approves adding it. */
export function AddPasskeyForm({ busy, onAdd }: Props) {
  const [name, setName] = useState("");
  const adding = busy?.kind === "add";

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onAdd(name.trim())) setName("");
  }

  return (
    <form
      onSubmit={submit}
      className="mt-6 space-y-3 border-t border-slate-200 pt-6"
      aria-labelledby="add-passkey-title"
    >
      <h3 id="add-passkey-title" className="font-semibold text-slate-900">
        Add a passkey
      </h3>
      <p className="text-sm text-slate-600">
        A second passkey, on another device or in a password manager, keeps your wallet usable if you lose one. Your
        browser first creates the new passkey, then asks one of your current passkeys to approve it.
      </p>
      <Field
        name="passkey-name"
        label="Name of the new passkey"
        hint="Something that tells you where it lives, e.g. “Work laptop”."
        value={name}
        maxLength={64}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" disabled={busy !== null || name.trim() === ""} className={buttonStyles.primary}>
        {adding && <Spinner />}
        {adding ? "Follow your browser's prompts…" : "Add passkey"}
      </button>
    </form>
  );
}
