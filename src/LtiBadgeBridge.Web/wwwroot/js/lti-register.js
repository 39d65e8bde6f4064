// Tells the platform that dynamic registration is finished, so it can close its registration dialog.
(function () {
  'use strict';
  var settings = document.getElementById('lti-register-close');
  if (!settings) { return; }
  var message = { subject: settings.getAttribute('data-subject') };
  var target = window.opener || window.parent;
  if (target && target !== window) {
    // The platform's origin is not known to this script; the message carries nothing secret.
    target.postMessage(message, '*');
  }
}());
