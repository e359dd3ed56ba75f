/** Where a command writes, so the same code serves the terminal and in-process callers. */
export interface CliIo {
  /** Writes to standard output, as given (callers add newlines). */
  out(text: string): void;
  /** Writes to standard error, as given. */
  err(text: string): void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
};

/** Exit codes: 0 clean, 1 the input has errors (or a write failed), 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
