// The network map, drawn offline: countries from the world-atlas package (served by the portal),
// parties as points and agreements as lines from the register's GeoJSON. Equirectangular projection,
// framed on the parties.
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, title) {
    const node = document.createElementNS(NS, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (title) {
      const t = document.createElementNS(NS, "title");
      t.textContent = title;
      node.appendChild(t);
    }
    return node;
  }

  function frame(features) {
    const points = features.filter(f => f.geometry && f.geometry.type === "Point").map(f => f.geometry.coordinates);
    if (points.length === 0) return { x0: -180, x1: 180, y0: -60, y1: 85 };
    const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
    const pad = 8;
    return { x0: Math.min(...xs) - pad, x1: Math.max(...xs) + pad, y0: Math.min(...ys) - pad, y1: Math.max(...ys) + pad };
  }

  function path(rings, project) {
    return rings.map(ring => ring.map((p, i) => (i ? "L" : "M") + project(p).join(",")).join("") + "Z").join("");
  }

  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

  // The register's data comes through the portal from registry-service, which may be starting or busy: a refusal
  // (503 with Retry-After) or a dropped connection is tried again a few times instead of leaving the map empty.
  async function json(url, tries) {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(url, { headers: { Accept: "application/json, application/geo+json" } });
        if (response.ok) return await response.json();
        if (attempt >= tries || (response.status !== 503 && response.status < 500)) throw new Error(url + " answered " + response.status);
        const wait = Number(response.headers.get("Retry-After"));
        await pause(Math.min(Number.isFinite(wait) && wait > 0 ? wait * 1000 : 500 * attempt, 3000));
      } catch (e) {
        if (attempt >= tries) throw e;
        await pause(500 * attempt);
      }
    }
  }

  function status(svg, text) {
    const box = svg.parentElement.querySelector(".map-status");
    if (box) box.textContent = text || "";
  }

  // The frame needs the parties, so the data is awaited first and everything is drawn in one go; data-drawn is set
  // last (the number of features), so whoever waits for it sees the complete map, and "error" says it failed.
  async function draw(svg) {
    svg.setAttribute("aria-busy", "true");
    const [world, network] = await Promise.all([
      json("/vendor/world-atlas/countries-110m.json", 3),
      json(svg.dataset.source, 5)
    ]);
    const features = network.features || [];
    const box = frame(features);
    const width = 1000, height = Math.round(1000 * (box.y1 - box.y0) / (box.x1 - box.x0));
    const project = p => [((p[0] - box.x0) / (box.x1 - box.x0) * width).toFixed(1),
                          ((box.y1 - p[1]) / (box.y1 - box.y0) * height).toFixed(1)];
    svg.replaceChildren();
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const land = el("g", { class: "land" });
    topojson.feature(world, world.objects.countries).features.forEach(country => {
      const g = country.geometry;
      if (!g) return;
      const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      land.appendChild(el("path", { d: polygons.map(rings => path(rings, project)).join("") }, country.properties.name));
    });
    svg.appendChild(land);
    features.filter(f => f.geometry && f.geometry.type === "LineString").forEach(f => {
      const d = f.geometry.coordinates.map((p, i) => (i ? "L" : "M") + project(p).join(",")).join("");
      svg.appendChild(el("path", { d, class: "agreement", "data-reference": f.properties.reference || "" },
        f.properties.title || f.properties.reference || ""));
    });
    features.filter(f => f.geometry && f.geometry.type === "Point").forEach(f => {
      const [x, y] = project(f.geometry.coordinates);
      svg.appendChild(el("circle", { cx: x, cy: y, r: 6, class: "party", "data-code": f.properties.code || "" },
        f.properties.name || f.properties.code || ""));
    });
    svg.removeAttribute("aria-busy");
    status(svg, "");
    svg.dataset.drawn = String(features.length);
  }

  function start() {
    document.querySelectorAll("svg.map[data-source]").forEach(svg => draw(svg).catch(() => {
      svg.removeAttribute("aria-busy");
      status(svg, svg.dataset.unavailable);
      svg.dataset.drawn = "error";
    }));
  }

  // Deferred scripts run after parsing, but the map must not depend on where the tag sits.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
