import "server-only";
import QRCode from "qrcode";

/**
 * `text` as a QR code image: an SVG data URL made on the server, so the page needs no script
 * for it (the CSP allows data: images).
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
