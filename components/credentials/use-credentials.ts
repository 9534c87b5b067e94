"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, apiGet, apiPost } from "@/lib/api/client";
import { runUserAction, userActionErrorMessage } from "@/lib/api/user-action";
import type { CredentialView } from "@/lib/dfns/credentials";
import { createPasskey, describePasskeyError, type DfnsRegistrationChallenge } from "@/lib/passkeys";

// The credentials page's state: the list, and the two things a user does with it. Adding a passkey
// is WebAuthn "create" over Dfns's credential challenge (fetched ahead, so the prompt follows the
// click), then a user action an existing passkey approves. Deactivating is a user action too.

export type Busy = { kind: "add" } | { kind: "deactivate"; id: string } | null;

interface PreparedChallenge {
  challenge: DfnsRegistrationChallenge;
  challengeToken: string;
  fetchedAt: number;
}

/** Dfns's credential challenges live 5 minutes; one older than this is fetched again before use. */
const CHALLENGE_MAX_AGE_MS = 4 * 60 * 1000;

export function useCredentials(initial: CredentialView[]) {
  const [credentials, setCredentials] = useState(initial);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const prepared = useRef<PreparedChallenge | null>(null);

  const prepare = useCallback(async () => {
    const { challenge, challengeToken } = await apiPost<{
      challenge: DfnsRegistrationChallenge;
      challengeToken: string;
    }>("/api/credentials/challenge");
    prepared.current = { challenge, challengeToken, fetchedAt: Date.now() };
    return prepared.current;
  }, []);

  useEffect(() => {
    prepare().catch(() => {}); // fetched again on the click if this failed
  }, [prepare]);

  const reload = useCallback(async () => {
    setCredentials((await apiGet<{ credentials: CredentialView[] }>("/api/credentials")).credentials);
  }, []);

  const addPasskey = useCallback(
    async (name: string) => {
      setBusy({ kind: "add" });
      setError(null);
      setDone(null);
      try {
        const ready =
          prepared.current && Date.now() - prepared.current.fetchedAt < CHALLENGE_MAX_AGE_MS
            ? prepared.current
            : await prepare();
        prepared.current = null; // one passkey per challenge
        let credentialInfo;
        try {
          credentialInfo = await createPasskey(ready.challenge);
        } catch (cause) {
          setError(
            describePasskeyError(cause, {
              rpId: ready.challenge.rp.id,
              hostname: window.location.hostname,
              secureContext: window.isSecureContext,
            }).message,
          );
          return false;
        }
        const { credential } = await runUserAction<{ credential: CredentialView }>({
          begin: "/api/credentials/add",
          beginBody: { challengeToken: ready.challengeToken, name, credentialInfo },
          complete: "/api/credentials/add/complete",
        });
        await reload();
        setDone(`Passkey “${credential.name}” added. You can now use it to approve requests for your wallet.`);
        return true;
      } catch (cause) {
        setError(userActionErrorMessage(cause));
        return false;
      } finally {
        setBusy(null);
        prepare().catch(() => {});
      }
    },
    [prepare, reload],
  );

  const deactivate = useCallback(
    async (credential: CredentialView) => {
      setBusy({ kind: "deactivate", id: credential.id });
      setError(null);
      setDone(null);
      try {
        await runUserAction({
          begin: "/api/credentials/deactivate",
          beginBody: { credentialId: credential.id },
          complete: "/api/credentials/deactivate/complete",
        });
        await reload();
        setDone(`Passkey “${credential.name}” deactivated. It can no longer approve anything for your wallet.`);
      } catch (cause) {
        setError(userActionErrorMessage(cause));
        // The list may have changed elsewhere (e.g. the last-passkey check): show what Dfns says now.
        if (cause instanceof ApiError && cause.status === 409) await reload().catch(() => {});
      } finally {
        setBusy(null);
      }
    },
    [reload],
  );

  return { credentials, busy, error, done, addPasskey, deactivate };
}
