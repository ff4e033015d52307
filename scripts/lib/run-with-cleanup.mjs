/**
 * The frame of a benchmark script: run `main`, then undo what it set up (servers, databases,
 * folders), newest first, whether it finished, failed or was interrupted with Ctrl-C. `main` gets
 * `onCleanUp(step)` to register each undo as soon as there is something to undo.
 */
export async function runWithCleanup(main) {
  const steps = [];
  let cleaningUp = null;
  const cleanUp = () =>
    (cleaningUp ??= (async () => {
      for (const step of steps.splice(0).reverse()) await step().catch((error) => console.error(`clean-up: ${error.message}`));
    })());
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping and cleaning up…`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  try {
    await main((step) => steps.push(step));
    await cleanUp();
    process.exit(0);
  } catch (error) {
    if (!interrupted) console.error(`\nThe benchmark could not run: ${error.stack ?? error}`);
    await cleanUp();
    process.exit(1);
  }
}
