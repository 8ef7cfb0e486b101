// npm run award -- --org kaznu --programme DA-101 --file cohort.csv [--format vc+jwt|di] [--url http://localhost:3000]
// Uploads a cohort file to a running Kualik and shows the award's progress as a bar; prints the rows that
// failed at the end. The API token comes from KUALIK_TOKEN (a registrar's token, or the admin token).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    programme: { type: "string" },
    file: { type: "string" },
    format: { type: "string", default: "vc+jwt" },
    url: { type: "string", default: process.env.KUALIK_URL ?? "http://localhost:3000" },
  },
});
const token = process.env.KUALIK_TOKEN;
if (!values.org || !values.programme || !values.file || !token) {
  console.error(
    "usage: KUALIK_TOKEN=… npm run award -- --org <slug> --programme <code> --file <cohort.csv|cohort.json> [--format vc+jwt|di] [--url …]",
  );
  process.exit(2);
}
const base = values.url!.replace(/\/$/, "");
const auth = { authorization: `Bearer ${token}` };
const isJson = values.file.endsWith(".json");
const body = readFileSync(values.file);

const query = new URLSearchParams({ format: values.format!, fileName: path.basename(values.file) });
const started = await fetch(`${base}/orgs/${values.org}/programmes/${encodeURIComponent(values.programme)}/award-batches?${query}`, {
  method: "POST",
  headers: { ...auth, "content-type": isJson ? "application/json" : "text/csv", "accept-language": process.env.LANG?.slice(0, 2) ?? "en" },
  body,
});
const batch = (await started.json()) as { links?: { events: string; results: string }; title?: string; total?: number };
if (started.status !== 202 || !batch.links) {
  console.error(`refused (${started.status}): ${batch.title ?? JSON.stringify(batch)}`);
  process.exit(1);
}

interface Progress {
  status: string;
  total: number;
  processed: number;
  issued: number;
  alreadyIssued: number;
  failed: number;
  percent: number;
}

function draw(p: Progress): void {
  const width = 30;
  const filled = Math.round((p.percent / 100) * width);
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  process.stdout.write(
    `\r${bar} ${String(p.percent).padStart(3)}%  ${p.processed}/${p.total}  issued ${p.issued}, already ${p.alreadyIssued}, failed ${p.failed}  `,
  );
}

// Server-sent events: read "event:"/"data:" blocks until "done".
const events = await fetch(`${base}${batch.links.events}`, { headers: { ...auth, accept: "text/event-stream" } });
if (!events.body) throw new Error("no event stream");
const decoder = new TextDecoder();
let buffer = "";
let last: Progress | null = null;
outer: for await (const chunk of events.body as unknown as AsyncIterable<Uint8Array>) {
  buffer += decoder.decode(chunk, { stream: true });
  let end: number;
  while ((end = buffer.indexOf("\n\n")) >= 0) {
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    const event = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (!data) continue;
    last = JSON.parse(data) as Progress;
    draw(last);
    if (event === "done") break outer;
  }
}
process.stdout.write("\n");
if (last?.failed) {
  const failed = (await (await fetch(`${base}${batch.links.results}?outcome=failed&limit=1000`, { headers: auth })).json()) as {
    items: { row: number; errorCode: string; message: string }[];
  };
  for (const row of failed.items) console.log(`row ${row.row}: ${row.errorCode} — ${row.message}`);
}
process.exit(last?.status === "completed" ? 0 : 1);
