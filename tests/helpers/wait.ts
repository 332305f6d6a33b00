/** Waits until `check` holds (polling), or fails naming what it waited for; generous, for busy machines. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  { intervalMs = 50, timeoutMs = 60_000 } = {},
) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  if (!(await check())) throw new Error(`Timed out waiting for ${what}`);
}
