// How long to wait before trying again, in words for the user. No server-only imports: the
// sign-in page uses it too.

/** Whole minutes, rounded up, at least one. */
export const minutesToWait = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

/** "about 12 minutes", "about 1 minute". */
export function waitInWords(minutes: number): string {
  return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
