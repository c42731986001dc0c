export function deskProcessEnv(env: NodeJS.ProcessEnv): Record<string, string>;
