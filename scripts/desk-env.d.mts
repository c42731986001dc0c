export function deskProcessEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
