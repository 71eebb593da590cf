// Partner suggestions for the chosen domain, from exchange-service's matching (through the portal).
(function () {
  "use strict";
  const domain = document.getElementById("domain");
  const box = document.getElementById("suggestions");
  if (!domain || !box) return;
  domain.addEventListener("change", async () => {
    box.hidden = true;
    box.textContent = "";
    if (!domain.value) return;
    const response = await fetch("/app/requests/matches?domain=" + encodeURIComponent(domain.value));
    if (!response.ok) return;
    const matches = await response.json();
    const items = Array.isArray(matches) ? matches : (matches.items || []);
    if (items.length === 0) return;
    const list = document.createElement("ul");
    items.forEach(m => {
      const li = document.createElement("li");
      li.textContent = (m.party || m.partyCode || "") + (m.reason ? " — " + m.reason : "");
      list.appendChild(li);
    });
    box.appendChild(document.createTextNode(box.dataset.title || ""));
    box.appendChild(list);
    box.hidden = false;
  });
})();
