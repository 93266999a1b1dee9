import { parseArgs, type ParseArgsConfig } from 'node:util';

// What the command-line scripts share: failing with a message, and reading flags with a usage line.

/** Writes `message` to stderr and exits with status 1. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * Parses the command line (give `config` a `help` flag): an unknown or malformed flag exits 1 with
 * the usage, `--help` prints the usage and exits 0.
 */
export function commandLine<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  let args: ReturnType<typeof parseArgs<T>>;
  try {
    args = parseArgs(config);
  } catch (e) {
    fail(`${(e as Error).message}\n${usage}`);
  }
  if ((args.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return args;
}
