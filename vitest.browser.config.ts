import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// npm run test:browser: GraphiQL in headless Chromium (Debian's chromium package). Same setup, other files (and
// none of the main suite's projects).
export default defineConfig({
  ...base,
  test: { ...base.test, projects: undefined, include: ['tests/browser/**/*.test.ts'], exclude: ['node_modules/**'] },
});
