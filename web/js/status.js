// Shows whether the service answers. The page works without this script; it only adds the live status.
(function () {
  "use strict";
  var target = document.getElementById("service-status");
  if (!target || !window.fetch) {
    return;
  }
  fetch("/api/health", { headers: { Accept: "application/json" } })
    .then(function (response) {
      target.textContent = response.ok
        ? "Alla tjänster fungerar som de ska."
        : "Vi har just nu en driftstörning. Du kan fortfarande ringa eller mejla oss.";
    })
    .catch(function () {
      target.textContent = "Vi kunde inte kontrollera driftstatus just nu. Du kan fortfarande ringa eller mejla oss.";
    });
})();
