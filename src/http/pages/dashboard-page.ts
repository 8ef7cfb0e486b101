// The dashboard: charts drawn by uPlot (web/console/dashboard.js) from the figures the page carries, the same
// figures as tables for screen readers and without scripts, and the applications by stage with the overdue ones.
import type { Dashboard } from "../../services/dashboard.js";
import { t, type PageTextKey } from "./messages.js";
import { type ConsoleFrame, layout, table } from "./registrar-pages.js";
import { escape, LOCALES } from "./verify-page.js";

export function renderDashboard(frame: ConsoleFrame, d: Dashboard): string {
  const { lang } = frame;
  const day = (iso: string) =>
    new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  const number = (n: number) => new Intl.NumberFormat(LOCALES[lang]).format(n);
  // JSON inside a script element: "<" escaped so that no text can close the element.
  const island = JSON.stringify({
    ...d,
    labels: { issued: t("chartIssued", lang), verified: t("chartVerified", lang), week: t("week", lang) },
  }).replace(/</g, "\\u003c");
  const series = (key: "issued" | "verified", title: PageTextKey) => `<section style="margin:1rem 0">
<h2 id="h-${key}">${escape(t(title, lang))}</h2>
<div id="chart-${key}" role="img" aria-labelledby="h-${key}" style="background:#fff;border:1px solid #d9d9d9;border-radius:.5rem;min-height:240px"></div>
<details><summary>${escape(t("dataTable", lang))}</summary>${table(
    lang,
    ["week", "count"],
    d.weeks.map((w, i) => [escape(day(w)), `<span data-${key}="${escape(w)}">${escape(number(d[key][i] ?? 0))}</span>`]),
    t(title, lang),
  )}</details>
</section>`;
  const stages = table(
    lang,
    ["stage", "count"],
    Object.entries(d.applications).map(([stage, n]) => [
      escape(t(`stage_${stage}` as PageTextKey, lang)),
      `<span data-stage-count="${escape(stage)}">${escape(number(n))}</span>`,
    ]),
    t("applicationsByStage", lang),
  );
  const overdue =
    d.overdue.length > 0
      ? `<h2>${escape(t("overdueApplications", lang))}</h2><ul data-overdue-list>${d.overdue
          .map(
            (o) =>
              `<li><a style="color:#a40e0e;font-weight:700" href="/console/orgs/${escape(frame.slug)}/recognition/${escape(o.id)}?lang=${lang}">${escape(t("number", lang))} ${escape(o.number)}</a></li>`,
          )
          .join("")}</ul>`
      : "";
  const head = `<link rel="stylesheet" href="/vendor/uplot/uPlot.min.css"><script src="/vendor/uplot/uPlot.iife.min.js" defer></script><script src="/web/console/dashboard.js" defer></script>`;
  return layout(
    frame,
    "navDashboard",
    `<script type="application/json" id="dashboard-data">${island}</script>${series("issued", "chartIssued")}${series("verified", "chartVerified")}<h2>${escape(t("applicationsByStage", lang))}</h2>${stages}${overdue}`,
    head,
  );
}
