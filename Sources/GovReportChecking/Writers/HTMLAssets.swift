import GovReport

/// The HTML report's inline style sheet and script (the page loads nothing from elsewhere).
enum HTMLAssets {
    /// The start of a self-contained page up to and including `<body>`: the document's
    /// language, charset, viewport, the generating command, the title and `css` inline
    /// (the shared styles first), each line ending in `\n`.
    static func pageHead(title: String, generator: String, css extra: [String] = []) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"\(generator)\">\n<title>\(htmlEscape(title))</title>\n<style>\n"
        out += ([css] + extra).map { $0 + "\n" }.joined()
        return out + "</style>\n</head>\n<body>\n"
    }

    static let css = """
    :root { --err: #c62828; --err-bg: #ffd7d5; --warn: #a86400; --warn-bg: #ffefc2; --line: #c9ccd1; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 24px 32px 64px; color: #1d2125; background: #fff; line-height: 1.5;
      font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC",
        "Microsoft YaHei", sans-serif; }
    h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; }
    h3 { font-size: 15px; margin: 20px 0 6px; }
    .muted, small { color: #5f6670; font-weight: normal; }
    .totals span { display: inline-block; margin-right: 16px; }
    table { border-collapse: collapse; margin: 6px 0 12px; }
    th, td { border: 1px solid var(--line); padding: 3px 7px; vertical-align: middle; }
    th { background: #f1f3f5; font-weight: 600; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 3.2em; }
    td.blank { background: #fafafa; }
    td.label { max-width: 30em; }
    tr.row-missing td { color: #8a9099; font-style: italic; background: #f6f6f6; }
    td.cell-error { background: var(--err-bg); outline: 2px solid var(--err); outline-offset: -2px; font-weight: 700; }
    td.cell-warning { background: var(--warn-bg); outline: 2px dashed var(--warn); outline-offset: -2px; }
    .sev { display: inline-block; min-width: 3em; text-align: center; border-radius: 3px; padding: 0 6px;
      font-size: 12px; color: #fff; }
    .sev-error { background: var(--err); } .sev-warning { background: var(--warn); }
    table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
    table.sortable th[aria-sort="ascending"]::after { content: " ▲"; }
    table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
    table.sortable td.n { text-align: right; }
    tr.has-error td:first-child { border-left: 4px solid var(--err); }
    tr.has-warning td:first-child { border-left: 4px solid var(--warn); }
    article.report { border-top: 2px solid #dde1e6; margin-top: 28px; }
    ol.findings { padding-left: 1.4em; } ol.findings li { margin: 6px 0; }
    .rule { margin: 2px 0; } .detail { margin: 2px 0; color: #3b4148; font-size: 13px; }
    blockquote { margin: 4px 0; padding: 2px 10px; border-left: 3px solid #b8bec6; background: #f7f8fa; }
    .ok { color: #2e7d32; }
    details > summary { cursor: pointer; color: #3a5f9f; margin: 8px 0; }
    .tables { display: flex; flex-wrap: wrap; gap: 8px 28px; align-items: flex-start; }
    """

    /// Sorting the report list by a header click (numbers as numbers, text in Chinese order);
    /// `#sort=KEY:asc|desc` in the address sorts on load. Marks the body once it has run.
    static let script = """
    (function () {
      function value(cell, type) {
        var v = cell.getAttribute('data-sort');
        if (v === null) { v = cell.textContent; }
        return type === 'num' ? (parseFloat(v) || 0) : v;
      }
      function sortBy(table, col, dir) {
        var head = table.tHead.rows[0].cells, type = head[col].getAttribute('data-type') || 'text';
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a.cells[col], type), y = value(b.cells[col], type);
          var c = type === 'num' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
          return dir === 'desc' ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        for (var i = 0; i < head.length; i++) {
          head[i].setAttribute('aria-sort', i === col ? (dir === 'desc' ? 'descending' : 'ascending') : 'none');
        }
      }
      var tables = document.querySelectorAll('table.sortable');
      Array.prototype.forEach.call(tables, function (table) {
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
          th.addEventListener('click', function () {
            sortBy(table, col, th.getAttribute('aria-sort') === 'ascending' ? 'desc' : 'asc');
          });
        });
      });
      var m = /sort=([a-z_]+):(asc|desc)/.exec(window.location.hash);
      var list = document.getElementById('report-list');
      if (m && list) {
        var head = list.tHead.rows[0].cells;
        for (var i = 0; i < head.length; i++) {
          if (head[i].getAttribute('data-key') === m[1]) { sortBy(list, i, m[2]); }
        }
      }
      document.body.setAttribute('data-error-cells', String(document.querySelectorAll('td.cell-error').length));
      document.body.setAttribute('data-warning-cells', String(document.querySelectorAll('td.cell-warning').length));
      document.body.setAttribute('data-ready', '1');
    })();
    """
}
