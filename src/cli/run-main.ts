// How a CLI entry ends: main's answer becomes the exit code, a failure one line on stderr.
export function runMain(program: string, main: () => Promise<number>, portHint: string): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        code === 'EADDRINUSE'
          ? `the port is already in use (${portHint})`
          : error instanceof Error
            ? error.message
            : String(error);
      process.stderr.write(`${program}: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
