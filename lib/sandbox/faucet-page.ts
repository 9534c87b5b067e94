// The faucet's page: self-contained HTML (inline style and script, no external assets), served
// at GET {sandbox}/sandbox/faucet?network=…&address=…, where the app's "Get test funds" link
// points in sandbox mode. Its buttons POST to the same URL.

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function faucetPage(options: { network: string; address: string; hasToken: boolean }): string {
  const network = escapeHtml(options.network);
  const address = escapeHtml(options.address);
  // JSON inside a <script>: `<` escaped so no value can close the script element.
  const data = JSON.stringify({ network: options.network, address: options.address }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox faucet: ${network}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #111; }
  code { word-break: break-all; background: #f3f3f3; padding: 0.1rem 0.3rem; border-radius: 4px; }
  button { font: inherit; padding: 0.5rem 1rem; margin: 0.5rem 0.5rem 0 0; border-radius: 6px; border: 1px solid #444; background: #fff; cursor: pointer; }
  button:disabled { opacity: 0.5; cursor: wait; }
  #result { margin-top: 1.5rem; }
  .error { color: #b00020; }
</style>
</head>
<body>
<h1>Test funds</h1>
<p>Local sandbox chain <strong>${network}</strong>. These funds exist on this computer only.</p>
<p>Address: <code>${address}</code></p>
<button type="button" data-asset="native">Get native coins</button>
${options.hasToken ? '<button type="button" data-asset="token">Get test tokens (SUSD)</button>' : ""}
<div id="result" role="status" aria-live="polite"></div>
<script>
const target = ${data};
const result = document.getElementById("result");
for (const button of document.querySelectorAll("button[data-asset]")) {
  button.addEventListener("click", async () => {
    for (const b of document.querySelectorAll("button")) b.disabled = true;
    result.className = "";
    result.textContent = "Sending…";
    try {
      const response = await fetch(location.pathname, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...target, asset: button.dataset.asset }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error && body.error.message || "The faucet did not answer");
      result.textContent = "Sent " + body.amount + " (smallest units). Transaction: " + body.txHash;
      result.dataset.txHash = body.txHash;
    } catch (error) {
      result.className = "error";
      result.textContent = error.message + ". Try again.";
    } finally {
      for (const b of document.querySelectorAll("button")) b.disabled = false;
    }
  });
}
</script>
</body>
</html>
`;
}
