import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // scrypt at full cost takes 128 MiB and most of a core; two forks keep the 2-core machine usable.
    pool: 'forks',
    // The desk's clock is China time; the tests' clock starts at 02:20 local (18:20 UTC the day
    // before), the hours where a UTC date printed by mistake is a day off.
    env: { TZ: process.env.TZ ?? 'Asia/Shanghai' },
    maxWorkers: 2,
  },
});
