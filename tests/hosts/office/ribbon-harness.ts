/**
 * What every test of the ribbon function needs around it: the command's status lines kept out of the
 * test output, and the fake's Office/Excel globals removed after each test, even a failing one.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { FakeExcel } from '../../fakes/excel-fake';

export interface RibbonHarness {
  /** Installs the fake as the globals Office and Excel until the test ends (or `uninstall`). */
  install(fake: FakeExcel): void;
  uninstall(): void;
}

export function ribbonHarness(): RibbonHarness {
  let restore: (() => void) | null = null;
  const uninstall = () => {
    restore?.();
    restore = null;
  };
  beforeEach(() => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
    uninstall();
  });
  return {
    install(fake) {
      uninstall();
      restore = fake.install();
    },
    uninstall,
  };
}
