import { brand } from "@/lib/brand";

/** The name of the downloaded file, e.g. `acme-wallet-recovery-code.txt`. */
export function recoveryCodeFileName(): string {
  const slug =
    brand.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "wallet";
  return `${slug}-recovery-code.txt`;
}

/** The text of the downloaded file: the code, whose it is, and what it is for. */
export function recoveryCodeFileText(args: { recoveryCode: string; username: string; createdAt?: Date }): string {
  const createdAt = (args.createdAt ?? new Date()).toISOString().slice(0, 10);
  return [
    `${brand.name} recovery code`,
    "",
    `Account:       ${args.username}`,
    `Recovery code: ${args.recoveryCode}`,
    `Created:       ${createdAt}`,
    "",
    "If you lose your passkey, this code lets you get back into your wallet.",
    `Keep it somewhere safe and private. ${brand.name} does not keep a copy and cannot show it again.`,
    "",
  ].join("\n");
}

/** Saves `text` as a file through the browser's download, without a server round trip. */
export function downloadTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
