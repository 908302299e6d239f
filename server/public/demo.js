/*
 * Behaviour of the demo help-centre page. It lives in a file rather than in inline scripts so that the page
 * works under a strict Content-Security-Policy. Only the embed snippet (what customers paste) is inline.
 *
 * Everything here talks to the widget through the public `Frontdesk(command, ...args)` API, exactly as a
 * customer's own site would. The snippet defines a queueing stub before this deferred script runs, so these
 * calls work whether or not widget.js has loaded yet.
 */
(function () {
  'use strict';

  /** Calls the Frontdesk API if the embed snippet is on the page; does nothing otherwise. */
  function frontdesk() {
    if (typeof window.Frontdesk === 'function') {
      window.Frontdesk.apply(window, arguments);
    }
  }

  // "Contact support" buttons open the messenger.
  document.querySelectorAll('[data-open-messenger]').forEach(function (button) {
    button.addEventListener('click', function () {
      frontdesk('open');
    });
  });

  // The hero box and the suggestion chips hand the question to Kai in the messenger, pre-filled.
  function ask(text) {
    var question = (text || '').trim();
    if (question) {
      frontdesk('showNewMessage', question);
    } else {
      frontdesk('open');
    }
  }

  var form = document.querySelector('[data-ask-form]');
  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = form.querySelector('input');
      ask(input ? input.value : '');
    });
  }

  document.querySelectorAll('[data-ask]').forEach(function (chip) {
    chip.addEventListener('click', function () {
      ask(chip.getAttribute('data-ask'));
    });
  });

  // Live "open now" badges next to the opening hours, from GET /api/hours. This is an enhancement only:
  // if the endpoint is missing, needs sign-in or answers in another shape, the static hours stay as they are.
  function hoursEntries(data) {
    if (Array.isArray(data)) return data;
    var entries = [];
    if (data && typeof data === 'object') {
      Object.keys(data).forEach(function (key) {
        var value = data[key];
        if (Array.isArray(value)) {
          entries = entries.concat(value);
        } else if (value && typeof value === 'object') {
          entries.push(value.id ? value : Object.assign({ id: key }, value));
        }
      });
    }
    return entries;
  }

  function formatTime(iso, timeZone, withDay) {
    var date = new Date(iso);
    if (!iso || isNaN(date.getTime())) return '';
    var options = { hour: '2-digit', minute: '2-digit', hour12: false };
    if (withDay) options.weekday = 'short';
    try {
      return new Intl.DateTimeFormat('en-GB', Object.assign({ timeZone: timeZone }, options)).format(date);
    } catch (error) {
      // An unknown time zone: fall back to the visitor's own.
      return new Intl.DateTimeFormat('en-GB', options).format(date);
    }
  }

  function statusKey(id) {
    var key = String(id).toLowerCase();
    return key.indexOf('phone') !== -1 ? 'phone' : key;
  }

  function showHours(data) {
    hoursEntries(data).forEach(function (entry) {
      if (!entry || entry.id == null || typeof entry.openNow !== 'boolean') return;
      var badge = document.querySelector('[data-hours-status="' + statusKey(entry.id) + '"]');
      if (!badge) return;
      var text;
      if (entry.openNow) {
        var closes = formatTime(entry.nextCloseAt, entry.timeZone, false);
        text = closes ? 'Open now, until ' + closes : 'Open now';
      } else {
        var opens = formatTime(entry.nextOpenAt, entry.timeZone, true);
        text = opens ? 'Closed, opens ' + opens : 'Closed';
      }
      badge.textContent = text;
      badge.classList.toggle('status--open', entry.openNow);
      badge.classList.toggle('status--closed', !entry.openNow);
      badge.hidden = false;
    });
  }

  if (document.querySelector('[data-hours-status]') && typeof window.fetch === 'function') {
    window
      .fetch('/api/hours', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data) showHours(data);
      })
      .catch(function () {
        // Leave the static hours in place.
      });
  }
})();
