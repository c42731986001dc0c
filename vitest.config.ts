import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // scrypt at full cost takes 128 MiB and most of a core; two forks keep the 2-core machine usable.
    pool: 'forks',
    maxWorkers: 2,
  },
});
