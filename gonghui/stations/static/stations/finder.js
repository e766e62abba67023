// The station finder: ask the browser for the worker's position (WGS-84, as every phone
// reports) and reload the list sorted by distance. A file of its own: the Content-Security-
// Policy allows no inline script. Without geolocation the worker picks a town instead.
(function () {
  "use strict";
  function start() {
    var button = document.getElementById("locate");
    if (!button) return;
    var status = document.getElementById("locate-status");
    button.addEventListener("click", function () {
      if (!navigator.geolocation) {
        status.textContent = "您的浏览器不能定位，请选择乡镇";
        return;
      }
      status.textContent = "正在定位…";
      navigator.geolocation.getCurrentPosition(
        function (pos) {
          var url = button.getAttribute("data-finder-url") +
            "?lat=" + pos.coords.latitude.toFixed(6) + "&lng=" + pos.coords.longitude.toFixed(6);
          window.location.assign(url);
        },
        function () { status.textContent = "未能定位（未授权或信号弱），请选择乡镇"; },
        { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 }
      );
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
