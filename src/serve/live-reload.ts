/**
 * The live-reload client, served as a script file (never inline, so the
 * pages' Content-Security-Policy stays strict). It polls by loading a tiny
 * script that reports the build number, since `connect-src` is 'none'.
 */
export const RELOAD_PATH = '/__edition/reload.js';
export const VERSION_PATH = '/__edition/version.js';

export const reloadClient = `(function () {
  'use strict';
  var seen = null;
  function poll() {
    var s = document.createElement('script');
    s.src = '${VERSION_PATH}?t=' + Date.now();
    s.onload = function () {
      var v = window.__editionBuild;
      if (seen !== null && v !== seen) { location.reload(); return; }
      seen = v;
      s.remove();
      setTimeout(poll, 300);
    };
    s.onerror = function () { s.remove(); setTimeout(poll, 1000); };
    document.head.appendChild(s);
  }
  poll();
}());
`;

export function versionScript(build: number): string {
  return `window.__editionBuild = ${build};\n`;
}
