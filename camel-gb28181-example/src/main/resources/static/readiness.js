// Says "starting" until every listener of the platform is up (/actuator/health/readiness), then goes away.
(function () {
    const badge = document.getElementById("readiness");
    async function check() {
        let ready = false;
        try {
            const response = await fetch("/actuator/health/readiness", {headers: {Accept: "application/json"}});
            ready = response.ok && (await response.json()).status === "UP";
        } catch (e) {
            ready = false;
        }
        badge.hidden = ready;
        badge.textContent = ready ? "ready" : "starting…";
        badge.dataset.state = ready ? "ready" : "starting";
        if (!ready) {
            setTimeout(check, 1000);
        }
    }
    check();
})();
