// What a command returns: the main function prints it and exits with its code, and tests
// call commands directly.
import { productVersion } from '../model/version.js';
export interface CommandResult {
  stdout: string;
  stderr?: string;
  exitCode: number;
}

/** The version tools reading our reports (SARIF, FHIR) are told. */
export const toolVersion = productVersion();
