/**
 * Lets the browser paint before the next synchronous stretch (the engine runs in one call), so a
 * progress bar really shows each stage. requestAnimationFrame never fires in a background tab: the
 * timer makes sure the run still goes on there.
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 50);
  });
}
