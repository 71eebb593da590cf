// A "copy" button next to a read-only field (the private calendar URL). A file of its own because the
// Content-Security-Policy allows no inline script; without script the field can still be selected and copied.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(button => {
    const field = document.getElementById(button.dataset.copy);
    const status = document.getElementById("copy-status");
    button.hidden = false;
    button.addEventListener("click", () => {
      field.select();
      const done = () => { if (status) { status.textContent = button.dataset.copied; } };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(done, () => document.execCommand("copy") && done());
      } else if (document.execCommand("copy")) {
        done();
      }
    });
  });
})();
