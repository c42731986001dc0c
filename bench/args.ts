// The command-line options of `npm run bench` and `npm run seed` ("--name value").

/** The value after `--name`, or undefined when the option is absent. */
export function textArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--name N` as a number, or the fallback when absent. */
export function numberArg(name: string, fallback: number): number;
export function numberArg(name: string): number | undefined;
export function numberArg(name: string, fallback?: number): number | undefined {
  const text = textArg(name);
  return text === undefined ? fallback : Number(text);
}
