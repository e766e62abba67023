/* Draws the dashboard's charts from the data the page carries in json_script elements.
   Every label comes from the page (translated on the server); nothing here is user-facing text. */
(function () {
  "use strict";

  function data(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element || !window.echarts) {
      return;
    }
    var chart = window.echarts.init(element);
    chart.setOption(option);
    window.addEventListener("resize", function () {
      chart.resize();
    });
  }

  var founding = data("founding-chart-data");
  if (founding) {
    draw("chart-founding", {
      tooltip: {
        trigger: "axis",
        formatter: function (items) {
          var i = items[0].dataIndex;
          return (
            founding.names[i] + "<br>" +
            founding.labels.rate + "：" + founding.rates[i] + "<br>" +
            founding.labels.unionized + " / " + founding.labels.employers + "：" +
            founding.unionized[i] + " / " + founding.employers[i]
          );
        }
      },
      grid: { left: 40, right: 10, top: 20, bottom: 80 },
      xAxis: { type: "category", data: founding.names, axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: "value", max: 100 },
      series: [{ name: founding.labels.rate, type: "bar", data: founding.rates }]
    });
  }

  var forms = data("form-chart-data");
  if (forms) {
    draw("chart-forms", {
      tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
      legend: { type: "scroll", bottom: 0 },
      series: [{
        name: forms.labels.title,
        type: "pie",
        radius: ["35%", "65%"],
        data: forms.items.map(function (item) {
          return { name: item.name, value: item.value };
        })
      }]
    });
  }

  var months = data("month-chart-data");
  if (months) {
    draw("chart-months", {
      tooltip: { trigger: "axis" },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: "category", data: months.months },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ name: months.labels.series, type: "line", smooth: true, data: months.counts }]
    });
  }
})();
