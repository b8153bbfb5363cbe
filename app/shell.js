// Runs before the first paint: the static shell of index.html shows its texts in the language
// chosen last on this device (the app keeps it under `vip.lang`), and hides the app until the
// app shows its first screen in the shell's place (see app/src/shell.rs).
(function () {
  var lang = 'nl';
  try {
    var stored = localStorage.getItem('vip.lang');
    if (stored === 'en' || stored === 'ar') lang = stored;
  } catch (e) {
    // no storage (a private window): Dutch
  }
  var html = document.documentElement;
  html.lang = lang;
  html.dir = lang === 'ar' ? 'rtl' : 'ltr';
  html.setAttribute('data-shell', lang);
})();
