// The browser's side of NextAuth's REST API: the three calls the pages make. Not `next-auth/react`,
// which (with the Babel runtime it brings) weighed 10 kB gzip on every page of the app.
// The same requests next-auth/react sends: a CSRF token, then a form POST with `json=true`.

const AUTH_API = "/api/auth";

async function postToNextAuth(
  path: string,
  fields: Record<string, string>,
): Promise<{ ok: boolean; url: string | null }> {
  const { csrfToken } = (await (await fetch(`${AUTH_API}/csrf`)).json()) as { csrfToken: string };
  const response = await fetch(`${AUTH_API}/${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
  const { url } = (await response.json()) as { url?: string };
  return { ok: response.ok, url: url ?? null };
}

/** Email + password. Null when signed in, else NextAuth's error code (`CredentialsSignin`, …). */
export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<string | null> {
  const { ok, url } = await postToNextAuth("callback/credentials", { email, password, callbackUrl });
  const error = url ? new URL(url, window.location.origin).searchParams.get("error") : null;
  return ok && !error ? null : (error ?? "Default");
}

/** GitHub, Google…: goes to the provider's consent page, which comes back to `callbackUrl`. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  const { url } = await postToNextAuth(`signin/${provider}`, { callbackUrl });
  window.location.href = url ?? callbackUrl;
}

/** Ends the session (clears the session cookie); the caller decides where to go next. */
export async function signOut(): Promise<void> {
  await postToNextAuth("signout", { callbackUrl: "/" });
}
