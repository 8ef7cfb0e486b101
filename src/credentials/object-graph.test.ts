import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createObjects, ObjectGraphError, parseRequire } from "./object-graph.js";

class Counter {
  static made = 0;
  constructor(
    readonly start: number,
    readonly label?: string,
  ) {
    Counter.made++;
  }
}
const modules = {
  "test:mod": {
    Counter,
    makeResolvers: (prefix: string) => ({ web: `${prefix}-web`, key: `${prefix}-key` }),
    settings: { nested: { value: 42 } },
  },
};

describe("parseRequire", () => {
  it("reads module, query (before the hash) and export", () => {
    expect(parseRequire("@veramo/did-provider-key?t=function&p=/key#getDidKeyResolver")).toEqual({
      module: "@veramo/did-provider-key",
      exportName: "getDidKeyResolver",
      kind: "function",
      property: "/key",
    });
    expect(parseRequire("@veramo/core#Agent")).toMatchObject({ module: "@veramo/core", exportName: "Agent", kind: "class" });
  });
  it("refuses an unknown type", () => {
    expect(() => parseRequire("x?t=widget#Y")).toThrow(ObjectGraphError);
  });
});

describe("createObjects", () => {
  const yml = `
version: 3.0
counter:
  $require: test:mod#Counter
  $args: [7, { $env: LABEL }]
resolvers:
  $require: test:mod?t=function&p=/web#makeResolvers
  $args: [did]
value:
  $require: test:mod?t=object&p=/nested/value#settings
pair:
  - $ref: /counter
  - $ref: /counter
`;

  it("builds classes, calls functions, picks properties and reads $env from the given map", async () => {
    Counter.made = 0;
    const built = await createObjects(
      parse(yml),
      { counter: "/counter", resolvers: "/resolvers", value: "/value", pair: "/pair" },
      {
        env: { LABEL: "from-config" },
        modules,
        baseDir: ".",
      },
    );
    expect(built.counter).toBeInstanceOf(Counter);
    expect(built.counter).toMatchObject({ start: 7, label: "from-config" });
    expect(built.resolvers).toBe("did-web");
    expect(built.value).toBe(42);
    // A $ref builds its target once and shares it.
    const [a, b] = built.pair as Counter[];
    expect(a).toBe(b);
    expect(a).toBe(built.counter);
    expect(Counter.made).toBe(1);
  });

  it("names the place of a missing $env variable", async () => {
    await expect(createObjects(parse(yml), { counter: "/counter" }, { env: {}, modules, baseDir: "." })).rejects.toThrow(
      /at \/counter\/\$args\/1: \$env LABEL has no value/,
    );
  });

  it("names a missing export and a dangling $ref", async () => {
    await expect(createObjects({ x: { $require: "test:mod#Nope" } }, { x: "/x" }, { env: {}, modules, baseDir: "." })).rejects.toThrow(
      /has no export Nope/,
    );
    await expect(createObjects({ x: { $ref: "/missing" } }, { x: "/x" }, { env: {}, modules, baseDir: "." })).rejects.toThrow(
      /points at nothing/,
    );
  });

  it("refuses circular references", async () => {
    const doc = { a: { $require: "test:mod#Counter", $args: [{ $ref: "/a" }] } };
    await expect(createObjects(doc, { a: "/a" }, { env: {}, modules, baseDir: "." })).rejects.toThrow(/circular/);
  });

  it("loads real npm modules", async () => {
    const built = await createObjects(
      { box: { $require: "@veramo/kms-local#SecretBox", $args: ["ab".repeat(32)] } },
      { box: "/box" },
      { env: {}, baseDir: "." },
    );
    expect(typeof (built.box as { encrypt: unknown }).encrypt).toBe("function");
  });
});
