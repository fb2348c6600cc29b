// geomap report: the table sorts and filters; a row and its arc on the map choose each other.
(function () {
    "use strict";
    var config = JSON.parse(document.getElementById("report-data").textContent);
    var map = window[config.map], container = document.getElementById(config.map);
    var body = document.querySelector(".report-table tbody");
    var rows = Array.prototype.slice.call(body.rows);
    var find = document.querySelector(".report-find"), type = document.querySelector(".report-type");
    var shown = document.querySelector(".report-shown"), selected = null;

    function paths(i) { return container ? container.querySelectorAll("path.geomap-f" + i) : []; }
    function flowOf(target) {
        var match = target && target.getAttribute && /(?:^|\s)geomap-f(\d+)(?:\s|$)/.exec(target.getAttribute("class") || "");
        return match ? parseInt(match[1], 10) : null;
    }
    function rowOf(i) {
        for (var k = 0; k < rows.length; k++) { if (rows[k].getAttribute("data-flow") === String(i)) { return rows[k]; } }
        return null;
    }

    function select(i, from) {
        if (selected !== null) {
            var old = rowOf(selected);
            if (old) { old.classList.remove("report-selected"); old.removeAttribute("aria-selected"); }
            paths(selected).forEach(function (p) { p.classList.remove("report-hl"); });
        }
        if (i === null || i === selected) { selected = null; if (container) { container.classList.remove("report-focus"); } return; }
        selected = i;
        var row = rowOf(i);
        if (row) {
            row.classList.add("report-selected");
            row.setAttribute("aria-selected", "true");
            if (from === "map") { row.scrollIntoView({block: "center"}); }
        }
        if (container) { container.classList.add("report-focus"); }
        paths(i).forEach(function (p) { p.classList.add("report-hl"); p.parentNode.appendChild(p); });
        var b = config.bounds[i];
        if (from === "table" && map && b && !map.getBounds().contains(b)) {
            map.fitBounds(map.getBounds().extend(L.latLngBounds(b)), {animate: false, padding: [20, 20]});
        }
    }

    body.addEventListener("click", function (event) {
        if (event.target.closest("a")) { return; }
        var row = event.target.closest("tr");
        if (row) { select(parseInt(row.getAttribute("data-flow"), 10), "table"); }
    });
    body.addEventListener("keydown", function (event) {
        var row = event.target.closest("tr");
        if (row && (event.key === "Enter" || event.key === " ")) {
            event.preventDefault();
            select(parseInt(row.getAttribute("data-flow"), 10), "table");
        }
    });
    if (container) {
        container.addEventListener("click", function (event) {
            var i = flowOf(event.target);
            if (i !== null) { if (i !== selected) { select(i, "map"); } else { var r = rowOf(i); if (r) { r.scrollIntoView({block: "center"}); } } }
        }, true);
    }

    function filter() {
        var words = find.value.toLowerCase().split(/\s+/).filter(Boolean), kind = type.value, count = 0;
        rows.forEach(function (row) {
            var text = row.textContent.toLowerCase();
            var keep = (!kind || row.getAttribute("data-type") === kind) &&
                words.every(function (w) { return text.indexOf(w) >= 0; });
            row.hidden = !keep;
            if (keep) { count++; }
            paths(row.getAttribute("data-flow")).forEach(function (p) { p.classList.toggle("geomap-off", !keep); });
        });
        shown.textContent = count === rows.length ? rows.length + " events" : count + " of " + rows.length + " events";
    }
    find.addEventListener("input", filter);
    type.addEventListener("change", filter);

    function sort(button) {
        var col = parseInt(button.getAttribute("data-col"), 10), numeric = button.hasAttribute("data-numeric");
        var dir = button.getAttribute("data-dir") === "asc" ? "desc" : "asc", sign = dir === "asc" ? 1 : -1;
        document.querySelectorAll(".report-sort").forEach(function (b) { b.removeAttribute("data-dir"); });
        button.setAttribute("data-dir", dir);
        function key(row) {
            var cell = row.cells[col], value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
            return numeric ? parseFloat(value) : value.toLowerCase();
        }
        rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            if (!numeric && (x === "") !== (y === "")) { return x === "" ? 1 : -1; }  // empty cells last
            var c = x < y ? -1 : x > y ? 1 : 0;
            return c * sign || parseInt(a.getAttribute("data-flow"), 10) - parseInt(b.getAttribute("data-flow"), 10);
        });
        rows.forEach(function (row) { body.appendChild(row); });
    }
    document.querySelectorAll(".report-sort").forEach(function (button) {
        button.addEventListener("click", function () { sort(button); });
        button.addEventListener("keydown", function (event) {
            if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(button); }
        });
    });

    function layout() { if (map) { map.invalidateSize({animate: false}); if (container.geomapFit) { container.geomapFit(); } } }
    window.addEventListener("beforeprint", function () { document.documentElement.classList.add("report-print"); layout(); });
    window.addEventListener("afterprint", function () { document.documentElement.classList.remove("report-print"); layout(); });
    if (document.documentElement.classList.contains("report-print")) { layout(); }
})();
