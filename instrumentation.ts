// Next.js calls register() once when a server instance starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { prepareServer } = await import("@/lib/startup");
  await prepareServer();
}
