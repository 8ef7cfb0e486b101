// ESLint flat config: typescript-eslint's recommended rules, plus the layering of docs/architecture.md:
// domain/ stays pure, and each library is imported by its own folder only ("one door per library").
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const owners = {
  credentials: ["@veramo/*", "did-jwt*", "did-resolver", "web-did-resolver"],
  db: ["@prisma/*", "**/generated/**", "pg", "better-sqlite3"],
  http: ["fastify", "@fastify/*", "fastify-*"],
  documents: ["pdfkit"],
  openid4vc: ["@openid4vc/*", "dcql"],
  sso: ["openid-client"],
};
const pureOnly = [
  "node:fs",
  "node:net",
  "node:http",
  "node:https",
  "node:child_process",
  "**/db/**",
  "**/credentials/**",
  "**/http/**",
  "**/services/**",
];

function forbiddenFor(folder) {
  const patterns = Object.entries(owners)
    .filter(([owner]) => owner !== folder)
    .map(([owner, group]) => ({ group, message: `only src/${owner}/ may import this library` }));
  if (folder === "domain") patterns.push({ group: pureOnly, message: "domain/ is pure: no I/O and no outer layers" });
  return { "no-restricted-imports": ["error", { patterns }] };
}

const folders = ["domain", "credentials", "db", "http", "services", "documents", "openid4vc", "sso"];

export default tseslint.config(
  { ignores: ["dist/", "generated/", "node_modules/", "coverage/", "test-results/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "error",
    },
  },
  { files: ["src/*.ts"], rules: forbiddenFor("root") },
  // Tests beside the code may read fixtures from disk; the code under test may not.
  ...folders.map((folder) => ({ files: [`src/${folder}/**/*.ts`], ignores: ["src/**/*.test.ts"], rules: forbiddenFor(folder) })),
  { files: ["scripts/**", "bench/**", "test/**"], rules: { "no-console": "off" } },
  // The console's browser scripts: plain scripts, with the page's globals and uPlot.
  { files: ["web/**/*.js"], languageOptions: { sourceType: "script", globals: { ...globals.browser, uPlot: "readonly" } } },
);
