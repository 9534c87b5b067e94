// Runs once when a server starts, before it takes requests. The Node.js part lives in its own
// module so the Edge build of this file never sees Node APIs.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfiguration } = await import("./lib/startup");
    checkConfiguration();
  }
}
