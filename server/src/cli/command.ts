// What a command returns: the main function prints it and exits with its code, and tests
// call commands directly.
export interface CommandResult {
  stdout: string;
  stderr?: string;
  exitCode: number;
}
