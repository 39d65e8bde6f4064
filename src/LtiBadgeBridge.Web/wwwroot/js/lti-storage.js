// LTI Client Side postMessage storage (platform storage) for launches where third-party cookies are blocked.
// The page carries its parameters in data attributes of #lti-storage:
//   put: store the login state in the platform (lti.put_data), then go to the platform's authorization URL;
//   get: read the state back (lti.get_data) and post the launch form again with it.
(function () {
  'use strict';
  var settings = document.getElementById('lti-storage');
  if (!settings) { return; }
  var mode = settings.getAttribute('data-mode');
  var origin = settings.getAttribute('data-origin');
  var key = settings.getAttribute('data-key');
  var timeoutMs = 3000;

  function targetFrame() {
    var name = settings.getAttribute('data-target');
    var parentWindow = window.opener || window.parent;
    if (name && name !== '_parent') {
      try { if (parentWindow.frames[name]) { return parentWindow.frames[name]; } } catch (e) { /* cross-origin lookup refused */ }
    }
    if (!name) {
      // At launch the target is not known: Canvas uses a named forwarding frame, others the parent itself.
      try { if (parentWindow.frames['post_message_forwarding']) { return parentWindow.frames['post_message_forwarding']; } } catch (e) { /* ignore */ }
    }
    return parentWindow;
  }

  function newId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // Sends one message and resolves with the matching response from the platform's origin, or null on timeout.
  function ask(message) {
    return new Promise(function (resolve) {
      if (window === (window.opener || window.parent)) { resolve(null); return; }
      var id = newId();
      message.message_id = id;
      var timer = window.setTimeout(function () { window.removeEventListener('message', onMessage); resolve(null); }, timeoutMs);
      function onMessage(event) {
        if (event.origin !== origin || !event.data || event.data.message_id !== id) { return; }
        if (event.data.subject !== message.subject + '.response') { return; }
        window.clearTimeout(timer);
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      }
      window.addEventListener('message', onMessage);
      try { targetFrame().postMessage(message, origin); } catch (e) { window.clearTimeout(timer); resolve(null); }
    });
  }

  function supports(capabilities, subject) {
    var list = capabilities && capabilities.supported_messages;
    if (!Array.isArray(list)) { return false; }
    return list.some(function (m) { return m && m.subject === subject; });
  }

  function fail() {
    var status = document.getElementById('lti-storage-status');
    var failed = document.getElementById('lti-storage-failed');
    if (status) { status.hidden = true; }
    if (failed) { failed.hidden = false; }
  }

  if (mode === 'put') {
    var redirect = settings.getAttribute('data-redirect');
    ask({ subject: 'lti.capabilities' }).then(function (capabilities) {
      if (!supports(capabilities, 'lti.put_data')) { return null; }
      return ask({ subject: 'lti.put_data', key: key, value: settings.getAttribute('data-value') });
    }).then(function () {
      // Continue either way: the state cookie may still work.
      window.location.assign(redirect);
    });
  } else if (mode === 'get') {
    var form = document.getElementById('lti-storage-form');
    ask({ subject: 'lti.capabilities' }).then(function (capabilities) {
      if (!supports(capabilities, 'lti.get_data')) { return null; }
      return ask({ subject: 'lti.get_data', key: key });
    }).then(function (response) {
      if (!response || typeof response.value !== 'string' || response.value.length === 0 || response.error) { fail(); return; }
      form.elements['lti_storage_state'].value = response.value;
      form.submit();
    });
  }
}());
