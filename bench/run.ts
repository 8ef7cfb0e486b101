// npm run bench [-- name…]: runs the named benchmarks (all when none is named) and prints their figures.
// Run by hand on a quiet machine; every benchmark measures its own baseline in the same run.
const benches: Record<string, () => Promise<void>> = {
  http: async () => (await import("./http-foundation.js")).run(),
  issue: async () => (await import("./issue.js")).run(),
  verify: async () => (await import("./verify.js")).run(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(", ")}`);
    process.exit(2);
  }
  console.log(`\n## ${name}`);
  await bench();
}
