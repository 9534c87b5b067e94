// Request bodies read with a cap: a client cannot make the server hold more than `maxBytes` of one,
// whatever Content-Length says (or whether it says anything: a chunked body has none).

/** The body as text, or null when it is larger than `maxBytes` (reading stops there). */
export async function readTextWithin(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
