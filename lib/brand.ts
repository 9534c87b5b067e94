/**
 * The brand, in one place. Replace these with your own: the name shows in the header, the page
 * titles and (by default) as the passkey's relying-party name; the colour drives every accent
 * through the `brand` colours declared in app/globals.css. The tab icon is app/icon.svg (same mark).
 */
export const brand = {
  name: "Acme Wallet",
  tagline: "A wallet behind a passkey, for every one of your users.",
  /** Any CSS colour. Lighter and darker shades are mixed from it in app/globals.css. */
  color: "#4f46e5",
} as const;
