(function () {
  'use strict';
  var controls = document.getElementById('finding-controls');
  if (!controls) {
    return;
  }
  var byFile = document.getElementById('findings-by-file');
  var flat = document.getElementById('findings-flat');
  var shown = document.getElementById('findings-shown');
  var noMatch = document.getElementById('findings-no-match');
  var order = document.getElementById('finding-order');
  var filters = Array.prototype.slice.call(controls.querySelectorAll('select[data-filter]'));
  // In the order the page lists them, by file and line: sorting is stable, so ties keep that order.
  var findings = Array.prototype.slice.call(byFile.querySelectorAll('article.finding'));
  var fileSections = Array.prototype.slice.call(byFile.querySelectorAll('section.file'));

  function byAttribute(name, numeric) {
    return function (a, b) {
      var x = a.getAttribute(name);
      var y = b.getAttribute(name);
      if (numeric) {
        return Number(x) - Number(y);
      }
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }

  var orders = {
    severity: byAttribute('data-severity-rank', true),
    rule: byAttribute('data-rule', false)
  };

  function arrange() {
    var compare = orders[order.value];
    if (compare) {
      findings.slice().sort(compare).forEach(function (finding) {
        flat.appendChild(finding);
      });
    } else {
      findings.forEach(function (finding) {
        document.getElementById(finding.getAttribute('data-section')).appendChild(finding);
      });
    }
    byFile.hidden = Boolean(compare);
    flat.hidden = !compare;
  }

  function matches(finding) {
    return filters.every(function (select) {
      return select.value === '' || finding.getAttribute('data-' + select.getAttribute('data-filter')) === select.value;
    });
  }

  function filter() {
    var visible = 0;
    findings.forEach(function (finding) {
      finding.hidden = !matches(finding);
      if (!finding.hidden) {
        visible++;
      }
    });
    fileSections.forEach(function (section) {
      section.hidden = section.querySelector('article.finding:not([hidden])') === null;
    });
    shown.textContent = 'Showing ' + visible + ' of ' + findings.length + (findings.length === 1 ? ' finding' : ' findings');
    noMatch.hidden = visible > 0;
  }

  order.addEventListener('change', arrange);
  filters.forEach(function (select) {
    select.addEventListener('change', filter);
  });
  arrange();
  filter();
  controls.hidden = false;
})();
