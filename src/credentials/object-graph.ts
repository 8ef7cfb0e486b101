// A loader for Veramo's YAML object-graph format (the format of @veramo/cli's agent.yml), written for us
// because @veramo/cli does not install offline. Nodes:
//   $require: "module?t=class|function|object&p=/pointer#Export"  with optional $args: [...]
//   $ref: "/json/pointer"   the object built at that place in the document (built once, shared)
//   $env: "NAME"            a value from the env map the caller passes (never process.env directly)
// Modules named in options.modules (for example "kualik:runtime") are resolved from that map, so the
// application can hand in objects it built itself, like the storage behind the key store.
import path from "node:path";
import { pathToFileURL } from "node:url";
import jsonpointer from "jsonpointer";

export interface ObjectGraphOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly modules?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Folder that "./relative" module paths resolve from. */
  readonly baseDir: string;
}

export class ObjectGraphError extends Error {
  constructor(pointer: string, message: string, options?: { cause?: unknown }) {
    super(`agent configuration at ${pointer || "/"}: ${message}`, options);
    this.name = "ObjectGraphError";
  }
}

type Kind = "class" | "function" | "object";

interface RequireSpec {
  readonly module: string;
  readonly exportName: string;
  readonly kind: Kind;
  readonly property: string | undefined;
}

export function parseRequire(spec: string, pointer = ""): RequireSpec {
  const hash = spec.lastIndexOf("#");
  const beforeHash = hash >= 0 ? spec.slice(0, hash) : spec;
  const exportName = hash >= 0 ? spec.slice(hash + 1) : "default";
  const question = beforeHash.indexOf("?");
  const module = question >= 0 ? beforeHash.slice(0, question) : beforeHash;
  const query = new URLSearchParams(question >= 0 ? beforeHash.slice(question + 1) : "");
  const kind = (query.get("t") ?? "class") as Kind;
  if (!["class", "function", "object"].includes(kind)) throw new ObjectGraphError(pointer, `unknown $require type t=${kind}`);
  if (!module) throw new ObjectGraphError(pointer, `$require "${spec}" names no module`);
  return { module, exportName: exportName || "default", kind, property: query.get("p") ?? undefined };
}

/** Builds the objects at the given pointers (for example {agent: "/agent"}) from a parsed document. */
export async function createObjects<T extends Record<string, string>>(
  document: unknown,
  wanted: T,
  options: ObjectGraphOptions,
): Promise<{ [K in keyof T]: unknown }> {
  const built = new Map<string, Promise<unknown>>();

  const loadModule = async (name: string, pointer: string): Promise<Record<string, unknown>> => {
    const provided = options.modules?.[name];
    if (provided) return provided;
    const target = name.startsWith(".") ? pathToFileURL(path.resolve(options.baseDir, name)).href : name;
    try {
      return (await import(target)) as Record<string, unknown>;
    } catch (cause) {
      throw new ObjectGraphError(pointer, `cannot load module ${name}: ${(cause as Error).message}`, { cause });
    }
  };

  const pick = (value: unknown, property: string | undefined, pointer: string): unknown => {
    if (property === undefined) return value;
    const picked: unknown = jsonpointer.get(value as object, property);
    if (picked === undefined) throw new ObjectGraphError(pointer, `nothing at p=${property}`);
    return picked;
  };

  // `chain` holds the $ref targets being built above this node: meeting one again is a cycle.
  const buildRef = (pointer: string, chain: ReadonlySet<string>): Promise<unknown> => {
    if (chain.has(pointer)) return Promise.reject(new ObjectGraphError(pointer, "circular $ref"));
    const cached = built.get(pointer);
    if (cached) return cached;
    const node: unknown = pointer === "" ? document : jsonpointer.get(document as object, pointer);
    if (node === undefined) return Promise.reject(new ObjectGraphError(pointer, "$ref points at nothing"));
    const promise = build(node, pointer, new Set([...chain, pointer]));
    built.set(pointer, promise);
    return promise;
  };

  const build = async (node: unknown, pointer: string, chain: ReadonlySet<string>): Promise<unknown> => {
    if (Array.isArray(node)) return Promise.all(node.map((item, i) => build(item, `${pointer}/${i}`, chain)));
    if (node === null || typeof node !== "object") return node;
    const record = node as Record<string, unknown>;

    if (typeof record.$ref === "string") return buildRef(record.$ref, chain);
    if (typeof record.$env === "string") {
      const value = options.env[record.$env];
      if (value === undefined) throw new ObjectGraphError(pointer, `$env ${record.$env} has no value`);
      return value;
    }
    if (typeof record.$require === "string") {
      const spec = parseRequire(record.$require, pointer);
      const mod = await loadModule(spec.module, pointer);
      const exported = mod[spec.exportName];
      if (exported === undefined) throw new ObjectGraphError(pointer, `${spec.module} has no export ${spec.exportName}`);
      const args = record.$args === undefined ? [] : await build(record.$args, `${pointer}/$args`, chain);
      if (!Array.isArray(args)) throw new ObjectGraphError(pointer, "$args must be a list");
      switch (spec.kind) {
        case "object":
          return pick(exported, spec.property, pointer);
        case "function": {
          if (typeof exported !== "function") throw new ObjectGraphError(pointer, `${spec.exportName} is not a function`);
          const result: unknown = await (exported as (...a: unknown[]) => unknown)(...args);
          return pick(result, spec.property, pointer);
        }
        case "class": {
          if (typeof exported !== "function") throw new ObjectGraphError(pointer, `${spec.exportName} is not a class`);
          const instance: unknown = new (exported as new (...a: unknown[]) => unknown)(...args);
          return pick(instance, spec.property, pointer);
        }
      }
    }
    const entries = await Promise.all(Object.entries(record).map(async ([k, v]) => [k, await build(v, `${pointer}/${k}`, chain)] as const));
    return Object.fromEntries(entries);
  };

  const result: Record<string, unknown> = {};
  for (const [name, pointer] of Object.entries(wanted)) result[name] = await buildRef(pointer, new Set());
  return result as { [K in keyof T]: unknown };
}
