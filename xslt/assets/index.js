/*
  index.js: sorting and filtering of the documents table on index.html
  (html/edition.xsl, fp:index-content). Progressive enhancement: without
  the script the table is complete, in the order of the collection.

  Sorting: every th with data-sort-type gets a button; the th carries
  aria-sort. Cells give their key in data-sort (numbers compare as numbers).
  Filtering: the controls in #document-filters (hidden until this runs)
  match the row's data-number, data-date, data-sender, data-recipient and
  data-year ('|' joins several names).
*/
(function () {
  'use strict';

  function normalise(s) {
    return String(s || '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  }

  function numberOf(s) {
    var m = /\d+/.exec(String(s || ''));
    return m ? parseInt(m[0], 10) : Number.POSITIVE_INFINITY;
  }

  function init() {
    var table = document.getElementById('documents-table');
    if (!table || !table.tBodies[0]) return;
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(body.rows);

    /* ----- Sorting ----- */
    var current = { column: -1, direction: 'none' };

    function keyOf(row, column, type) {
      var cell = row.cells[column];
      var key = cell ? (cell.getAttribute('data-sort') || cell.textContent) : '';
      return type === 'number' ? numberOf(key) : normalise(key);
    }

    function sortBy(column, direction) {
      var type = headers[column].getAttribute('data-sort-type');
      var sorted = rows.slice().sort(function (a, b) {
        var x = keyOf(a, column, type);
        var y = keyOf(b, column, type);
        var order = x < y ? -1 : x > y ? 1 : 0;
        if (order === 0) order = Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
        return direction === 'descending' ? -order : order;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (th, i) {
        if (!th.hasAttribute('data-sort-type')) return;
        th.setAttribute('aria-sort', i === column ? direction : 'none');
        var button = th.querySelector('button');
        if (button) button.setAttribute('data-direction', i === column ? direction : 'none');
      });
      current = { column: column, direction: direction };
    }

    headers.forEach(function (th, i) {
      if (!th.hasAttribute('data-sort-type')) return;
      var label = th.textContent;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.setAttribute('data-direction', 'none');
      var text = document.createElement('span');
      text.textContent = label;
      var icon = document.createElement('span');
      icon.className = 'sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      button.appendChild(text);
      button.appendChild(icon);
      th.textContent = '';
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var direction = current.column === i && current.direction === 'ascending' ? 'descending' : 'ascending';
        sortBy(i, direction);
      });
    });
    var caption = table.caption;
    if (caption) {
      var hint = document.createElement('span');
      hint.className = 'caption-hint';
      hint.textContent = ' (select a column heading to sort by it)';
      caption.appendChild(hint);
    }

    /* ----- Filtering ----- */
    var filters = document.getElementById('document-filters');
    if (!filters) return;
    var controls = Array.prototype.slice.call(filters.querySelectorAll('[data-filter]'));
    var status = document.getElementById('filter-status');

    function matches(row, field, value) {
      if (value === '') return true;
      var data = row.getAttribute('data-' + field) || '';
      if (field === 'sender' || field === 'recipient') return data.split('|').indexOf(value) >= 0;
      if (field === 'year') return data === value;
      if (field === 'number') {
        return normalise(data).indexOf(normalise(value)) === 0 || (/\d/.test(value) && numberOf(data) === numberOf(value));
      }
      return normalise(data).indexOf(normalise(value)) >= 0;
    }

    function update() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = controls.every(function (c) { return matches(row, c.getAttribute('data-filter'), c.value.trim()); });
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (status) {
        status.textContent = shown === rows.length
          ? 'Showing all ' + rows.length + (rows.length === 1 ? ' document.' : ' documents.')
          : 'Showing ' + shown + ' of ' + rows.length + (rows.length === 1 ? ' document.' : ' documents.');
      }
    }

    controls.forEach(function (c) {
      c.addEventListener(c.tagName === 'SELECT' ? 'change' : 'input', update);
    });
    var reset = document.getElementById('filter-reset');
    if (reset) {
      reset.addEventListener('click', function () {
        controls.forEach(function (c) { c.value = ''; });
        update();
      });
    }
    filters.hidden = false;
    update();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
