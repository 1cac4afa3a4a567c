// Entry point of the `forcebridge` command.
import { buildProgram } from './cli.js';

await buildProgram().parseAsync(process.argv);
