import { readOptionsFromEnvironment, type SandboxOptions } from "./config";
import { PRODUCTION_REFUSAL, startSandbox } from "./server";

/** Command line entry: `npm run sandbox`. Reads X_SANDBOX_* variables. */

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}

if (process.env.NODE_ENV === "production") {
  exitWith(PRODUCTION_REFUSAL);
}

let options: SandboxOptions;
try {
  options = readOptionsFromEnvironment(process.env);
} catch (error) {
  exitWith(error instanceof Error ? error.message : String(error));
}

try {
  const sandbox = await startSandbox(options);
  const persistence = options.stateFile ? `state in ${options.stateFile}` : "state in memory";
  console.log(
    `X sandbox listening on ${sandbox.url} (tier ${options.tier ?? "basic"}, client ${options.client?.clientId ?? ""}, ${persistence})`,
  );

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void sandbox.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  exitWith(error instanceof Error ? error.message : String(error));
}
