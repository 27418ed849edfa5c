#!/usr/bin/env node
// The `thidua` command. The sources are TypeScript; tsx (installed with the project) compiles them on
// the fly and caches the result, so `npx thidua` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/faces/cli/main.ts');
await run();
