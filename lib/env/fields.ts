import { createPrivateKey } from "node:crypto";
import { z } from "zod";
import { isLoopback, parseAppOrigin } from "./passkey-domain";

// The value types of the configuration's variables, each with the message it gives when a value
// does not fit. Messages never repeat the value: it may be a secret.

/** An https:// URL, or http:// on this machine. */
export function httpUrl(message: string) {
  return z.string().refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
    } catch {
      return false;
    }
  }, message);
}

/** PEM with `\n` escapes (as one-line env values often are) turned back into newlines. */
export function unescapePem(value: string): string {
  return value.replace(/\\r/g, "").replace(/\\n/g, "\n").replace(/\r/g, "").trim();
}

function isPemPrivateKey(pem: string): boolean {
  if (!/^-----BEGIN ([A-Z]+ )?PRIVATE KEY-----\n[\s\S]+\n-----END ([A-Z]+ )?PRIVATE KEY-----$/.test(pem)) return false;
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

/** An unencrypted PEM private key, its newlines possibly written as `\n`. */
export const pemPrivateKey = (message: string) => z.string().transform(unescapePem).refine(isPemPrivateKey, message);

/** The app's origin (scheme, host, port) where passkeys can work, as a URL. */
export const appOrigin = z.string().transform((value, ctx) => {
  const origin = parseAppOrigin(value);
  if (origin instanceof URL) return origin;
  ctx.addIssue({ code: "custom", message: origin.problem });
  return z.NEVER;
});

const NETWORK = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A comma list of Dfns network names, trimmed, without blanks or duplicates; `none` is the empty
 * list. `atLeastOne`: a list that names nothing (e.g. `,`) is a mistake rather than none.
 */
export function networkList(options: { default: string; example?: string; atLeastOne?: boolean }) {
  const message = `must be a comma-separated list of Dfns network names, e.g. ${options.example ?? options.default}, or none`;
  return z
    .string()
    .default(options.default)
    .transform((value, ctx) => {
      if (value.toLowerCase() === "none") return [];
      const names = [...new Set(value.split(",").map((name) => name.trim()))].filter(Boolean);
      if ((options.atLeastOne && names.length === 0) || !names.every((name) => NETWORK.test(name))) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return names;
    });
}
