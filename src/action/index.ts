// The GitHub Action's entry point (bundled into dist/index.js by scripts/bundle.mjs).
import { run } from './run.js';

await run();
