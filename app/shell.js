// Runs before the first paint: the static shell of index.html shows its texts in the language
// chosen last on this device (the app keeps it under `vip.lang`), and hides the app until the
// app shows its first screen in the shell's place (see app/src/shell.rs).
(function () {
  // The languages of app/src/i18n/mod.rs (`Lang::ALL`) and those written right to left.
  var known = ['nl', 'en', 'ar', 'ti', 'fa-AF', 'uk'];
  var rtl = ['ar', 'fa-AF'];
  var lang = 'nl';
  try {
    var stored = localStorage.getItem('vip.lang');
    if (known.indexOf(stored) >= 0) lang = stored;
  } catch (e) {
    // no storage (a private window): Dutch
  }
  var html = document.documentElement;
  html.lang = lang;
  html.dir = rtl.indexOf(lang) >= 0 ? 'rtl' : 'ltr';
  html.setAttribute('data-shell', lang);
})();
