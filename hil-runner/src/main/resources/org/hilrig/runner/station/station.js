// hil station: keeps the operator page current from the server's events and sends scans and aborts.
// Served from the jar; fetches nothing else. The focus stays in the serial field: a barcode scanner is a
// keyboard that types the serial and presses Enter.
(function () {
  'use strict';
  var csrf = document.body.dataset.csrf;
  var serial = document.getElementById('serial');
  var refusal = document.getElementById('refusal');
  var views = {};

  // a part of the page marked keeps-focus (the rework form, the technical details) may hold the focus while used
  function keepsFocus(el) { return el && el.closest && el.closest('.keeps-focus, details') !== null; }
  function focusSerial() { if (document.activeElement !== serial && !keepsFocus(document.activeElement)) { serial.focus(); } }
  serial.addEventListener('blur', function (e) { if (!keepsFocus(e.relatedTarget)) { setTimeout(focusSerial, 0); } });
  document.addEventListener('change', function (e) { if (!keepsFocus(e.target)) { setTimeout(focusSerial, 0); } });
  document.addEventListener('click', function (e) { if (!keepsFocus(e.target)) { setTimeout(focusSerial, 0); } });

  function post(url, fields) {
    var body = new URLSearchParams(fields || {});
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf } }).then(function (r) {
      return r.text().then(function (t) {
        var j = {};
        try { j = JSON.parse(t); } catch (e) { j = { error: t || ('HTTP ' + r.status) }; }
        return { ok: r.ok, status: r.status, body: j };
      });
    });
  }

  function refuse(text) {
    refusal.textContent = text;
    refusal.hidden = !text;
  }

  function chosenSocket() {
    var c = document.querySelector('input[name=socket]:checked');
    return c ? c.value : null;
  }

  function advance(from) {
    var radios = Array.prototype.slice.call(document.querySelectorAll('input[name=socket]'));
    var i = radios.findIndex(function (r) { return r.value === from; });
    for (var k = 1; k <= radios.length; k++) {
      var r = radios[(i + k) % radios.length];
      var v = views[r.value];
      if (!v || v.state !== 'running' && v.state !== 'aborting') { r.checked = true; return; }
    }
  }

  document.getElementById('scan-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var socket = chosenSocket();
    var sn = serial.value.trim();
    serial.value = '';
    if (!sn) { return; }
    post('/sockets/' + encodeURIComponent(socket) + '/scan',
      { product: document.getElementById('product').value, serial: sn }).then(function (r) {
      if (r.ok) { refuse(''); advance(socket); } else { refuse(r.body.error || ('refused (HTTP ' + r.status + ')')); }
      focusSerial();
    });
  });

  var reworkSerial = document.getElementById('rework-serial');
  var reworkNote = document.getElementById('rework-note');
  var reworkResult = document.getElementById('rework-result');
  document.getElementById('rework-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var sn = reworkSerial.value.trim();
    post('/units/' + encodeURIComponent(sn) + '/rework', { note: reworkNote.value }).then(function (r) {
      if (r.ok) {
        reworkResult.textContent = r.body.message;
        reworkResult.hidden = false;
        refuse('');
        reworkSerial.value = '';
        reworkNote.value = '';
      } else {
        reworkResult.hidden = true;
        refuse(r.body.error || ('refused (HTTP ' + r.status + ')'));
      }
      serial.focus();
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('.socket .abort'), function (b) {
    b.addEventListener('click', function () {
      var socket = b.closest('.socket').dataset.socket;
      b.disabled = true;
      post('/sockets/' + encodeURIComponent(socket) + '/abort').then(function (r) {
        if (!r.ok) { refuse(r.body.error); }
        focusSerial();
      });
    });
  });

  function seconds(ms) { return (ms / 1000).toFixed(1) + ' s'; }

  function render(v) {
    views[v.socket] = v;
    v.receivedAt = Date.now();
    var p = document.getElementById('socket-' + v.socket);
    if (!p) { return; }
    p.className = 'socket state-' + v.state + (v.verdict ? ' verdict-' + v.verdict : '');
    p.querySelector('.unit').textContent = v.serial ? 'Unit ' + v.serial + (v.unitStatus ? ': ' + v.unitStatus : '') : 'no unit';
    var banner = p.querySelector('.banner');
    banner.hidden = v.state !== 'done';
    p.querySelector('.verdict').textContent = v.verdict || '';
    p.querySelector('.why').textContent = v.why || '';
    p.querySelector('.technical').hidden = !v.detail;
    p.querySelector('.detail').textContent = v.detail || '';
    var busy = v.state === 'running' || v.state === 'aborting';
    p.querySelector('.progress').hidden = !busy;
    p.querySelector('.phase').textContent = v.state === 'aborting' ? 'Aborting: outputs to the safe state...' : v.phase || '';
    p.querySelector('.scenario').textContent = v.scenario
      ? 'Scenario ' + v.scenarioIndex + ' of ' + v.scenarioCount + ': ' + v.scenario + ' ' + (v.scenarioTitle || '') : '';
    p.querySelector('.step').textContent = v.step ? 'Step: ' + v.step : '';
    p.querySelector('.left').textContent = v.left && v.left.length ? 'Left: ' + v.left.join(', ') : (v.scenario ? 'Left: none' : '');
    var abort = p.querySelector('.abort');
    abort.hidden = v.state !== 'running';
    abort.disabled = false;
    tick();
  }

  function tick() {
    Object.keys(views).forEach(function (k) {
      var v = views[k];
      var p = document.getElementById('socket-' + k);
      if (!p) { return; }
      var busy = v.state === 'running' || v.state === 'aborting';
      p.querySelector('.elapsed').textContent = busy ? 'Elapsed: ' + seconds(v.elapsedMillis + Date.now() - v.receivedAt) : '';
    });
  }
  setInterval(tick, 250);

  var events = new EventSource('/events');
  events.addEventListener('socket', function (e) { render(JSON.parse(e.data)); });
  focusSerial();
}());
