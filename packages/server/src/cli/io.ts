export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit code for a user error (bad arguments or bad input). */
export const USER_ERROR = 2;
