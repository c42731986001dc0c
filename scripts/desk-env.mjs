// The environment the desk's own process starts with (`npm start`, the bench's export).
// glibc gives each thread that allocates an arena of its own and keeps what is freed there; the
// desk's threads (SQLite, the worker threads, libuv's pool) would otherwise hold some 40 MB
// more after a bundle export. Two arenas cost nothing measurable here. Other systems ignore it.

/** @param {NodeJS.ProcessEnv} env */
export function deskProcessEnv(env = process.env) {
  return process.platform === 'linux' && !env.MALLOC_ARENA_MAX ? { ...env, MALLOC_ARENA_MAX: '2' } : env;
}
