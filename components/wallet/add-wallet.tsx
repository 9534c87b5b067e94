"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Spinner } from "@/components/spinner";
import { buttonStyles, cardStyles } from "@/components/styles";
import { runUserAction, userActionErrorMessage } from "@/lib/api/user-action";
import type { NetworkChoice, WalletView } from "@/lib/dfns/wallets";

/** Adds a wallet on one of the networks the app offers and the user has no wallet on yet. */
export function AddWallet({ networks }: { networks: NetworkChoice[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState(networks[0]?.network ?? "");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const ids = { title: useId(), network: useId() };
  // After a refresh the list shrinks: fall back to the first network still offered.
  const network = networks.some((n) => n.network === chosen) ? chosen : (networks[0]?.network ?? "");

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone("");
    try {
      const { wallet } = await runUserAction<{ wallet: WalletView }>({
        begin: "/api/wallets",
        beginBody: { network },
        complete: "/api/wallets/complete",
      });
      setDone(`Your ${wallet.networkName} wallet is ready.`);
      router.refresh();
    } catch (error) {
      setProblem(userActionErrorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={ids.title} className={cardStyles}>
      <h2 id={ids.title} className="text-lg font-semibold text-slate-900">
        Add a wallet
      </h2>
      <p role="status" aria-live="polite" className="mt-1 text-sm text-emerald-800">
        {done}
      </p>
      {networks.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">You have a wallet on every network this app offers.</p>
      ) : (
        <form onSubmit={add} className="mt-2 space-y-3">
          <p className="text-sm text-slate-600">
            A new wallet on another network, created by Dfns and approved with your passkey.
          </p>
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={ids.network} className="block text-sm font-medium text-slate-800">
                Network
              </label>
              <select
                id={ids.network}
                value={network}
                onChange={(event) => setChosen(event.target.value)}
                className="mt-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand focus:outline-none"
              >
                {networks.map((n) => (
                  <option key={n.network} value={n.network}>
                    {n.networkName}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={busy} className={buttonStyles.primary}>
              {busy && <Spinner />}
              {busy ? "Waiting for your passkey…" : "Add wallet"}
            </button>
          </div>
          <FormAlert message={problem} />
        </form>
      )}
    </section>
  );
}
