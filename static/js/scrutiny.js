// Move focus to the error summary so screen-reader and keyboard users hear what went wrong.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
});

// Stacked tables (.table-stack, see scrutiny.css): on a phone each row reads as a card, and
// each cell is introduced by its column's heading, taken here from the table's header row.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table.table-stack").forEach(function (table) {
    var headings = Array.prototype.map.call(
      table.querySelectorAll("thead tr:last-child th"),
      function (th) {
        // A heading only screen readers hear (such as "Change" over a column of links) needs
        // no words on the card either.
        var hidden = th.querySelector(".visually-hidden");
        if (hidden && hidden.textContent.trim() === th.textContent.trim()) { return ""; }
        return th.textContent.trim();
      }
    );
    table.querySelectorAll("tbody tr, tfoot tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (i > 0 && headings[i] && !cell.hasAttribute("data-label")) {
          cell.setAttribute("data-label", headings[i]);
        }
      });
    });
  });
});
