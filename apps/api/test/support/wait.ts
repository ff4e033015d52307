/** Waits for something that happens after the answer (a notice sent in the background). */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
