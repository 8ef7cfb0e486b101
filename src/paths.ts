import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder (holding agent.yml, prisma/, schemas/, web/), from src/ or from dist/src/. */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, "agent.yml")) && existsSync(path.join(dir, "prisma"))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error("cannot find the project folder (agent.yml and prisma/) above the application");
}

export const projectRoot = findProjectRoot();
