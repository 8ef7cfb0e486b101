// The README's script table is the project's command surface: it must name every script package.json has.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("README", () => {
  it("lists every npm script", () => {
    const readme = readFileSync("README.md", "utf8");
    const scripts = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts);
    const named = (script: string) =>
      readme.includes(`npm run ${script}`) ||
      (script === "test" && readme.includes("npm test")) ||
      (script === "start" && readme.includes("npm start"));
    expect(scripts.filter((s) => !named(s))).toEqual([]);
  });

  it("names the two commands a newcomer needs", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });
});
