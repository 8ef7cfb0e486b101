// Draws the dashboard's charts with uPlot from the figures the page carries (script#dashboard-data). The same
// figures are in the tables below the charts, so nothing depends on this script.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof uPlot === "undefined") return;
  var data = JSON.parse(source.textContent || "{}");
  var x = data.weeks.map(function (day) {
    return Date.parse(day + "T00:00:00+05:00") / 1000;
  });
  var bars = uPlot.paths.bars({ size: [0.6, 48] });
  function draw(elementId, values, label, colour) {
    var element = document.getElementById(elementId);
    if (!element) return;
    var width = Math.max(280, Math.min(element.clientWidth || 600, 960));
    new uPlot(
      {
        width: width,
        height: 220,
        legend: { show: true },
        scales: { x: { time: true }, y: { range: [0, Math.max(1, Math.max.apply(null, values)) * 1.15] } },
        axes: [{ stroke: "#333" }, { stroke: "#333" }],
        series: [{ label: data.labels.week }, { label: label, stroke: colour, fill: colour + "99", paths: bars, points: { show: false } }],
      },
      [x, values],
      element,
    );
    element.setAttribute("data-drawn", "true");
  }
  draw("chart-issued", data.issued, data.labels.issued, "#1f4e79");
  draw("chart-verified", data.verified, data.labels.verified, "#0b6b2f");
})();
