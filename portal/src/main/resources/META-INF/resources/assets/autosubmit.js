// A choice that changes the page (the contacts' party): its form is sent as soon as it changes. A file of its
// own because the Content-Security-Policy allows no inline script (the form keeps a button for no-script use).
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(select =>
    select.addEventListener("change", () => select.form.submit()));
})();
