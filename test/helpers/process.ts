// Runs the real service entry point (src/main.ts) as a child process, as `npm start` would.
import { spawn, type ChildProcess } from "node:child_process";

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** The address printed by Fastify ("Server listening at …"). */
  address(): string;
}

export function startProcess(env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    async waitFor(pattern, timeoutMs = 30_000) {
      const start = Date.now();
      while (!pattern.test(output)) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}); output:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    address() {
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!found) throw new Error(`no address in output:\n${output}`);
      return found;
    },
  };
}
