/// The pages' style sheet and script, served from memory. The script only adds to pages
/// that work without it: id suggestions while typing, opening every explanation to print,
/// more rows in the what-if form.
enum Assets {
  static let css = """
    :root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #767676; --paper: #ffffff;
      --accent: #0b4f8a; --yes: #1b5e20; --no: #8b1a1a; --unknown: #6a4c00; --soft: #f2f4f7; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--paper); }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 1; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .5rem 1.5rem; background: #0b2545; color: #fff; }
    header.site a { color: #fff; }
    header.site a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
    .brand { font-weight: 700; margin: 0; }
    nav ul { display: flex; gap: 1.25rem; list-style: none; margin: 0; padding: 0; }
    .logout { margin-left: auto; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    footer.site { border-top: 1px solid var(--line); padding: .5rem 1.5rem; color: var(--muted); font-size: .9rem; }
    h1 { font-size: 1.75rem; margin: 1rem 0 .5rem; }
    h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
    h3 { font-size: 1.1rem; margin-bottom: .25rem; }
    code { font-family: ui-monospace, monospace; background: var(--soft); padding: 0 .2em; }
    .detail, .note { color: var(--muted); }
    .problem { border-left: 4px solid var(--no); padding: .5rem 1rem; background: #fbeaea; }
    form.search, form.inline { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1rem; margin: 1rem 0; }
    form.stacked { display: grid; gap: .5rem; max-width: 28rem; }
    .field { display: grid; gap: .2rem; }
    label { font-weight: 600; }
    input, select, button { font: inherit; padding: .4rem .6rem; border: 1px solid var(--line); border-radius: 3px; }
    button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
    .logout button { background: transparent; border-color: #fff; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
    th, td { text-align: left; padding: .35rem .75rem; border-bottom: 1px solid #c8c8c8; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--ink); }
    .status { font-weight: 700; white-space: nowrap; }
    .status-yes { color: var(--yes); } .status-no { color: var(--no); }
    .status-unknown { color: var(--unknown); } .status-error { color: var(--no); }
    .decision { border-top: 1px solid #c8c8c8; padding: .25rem 0; }
    .tree { list-style: none; padding-left: 1.25rem; margin: .25rem 0; }
    .explanation-root { margin: .25rem 0; }
    summary { cursor: pointer; }
    .mark { display: inline-block; width: 1.25em; font-weight: 700; }
    .mark-held { color: var(--yes); } .mark-failed { color: var(--no); }
    .mark-unknown { color: var(--unknown); } .mark-error { color: var(--no); } .mark-info { color: var(--muted); }
    .plan { border-left: 4px solid var(--soft); padding-left: 1rem; }
    .what-if, .what-if-result { background: var(--soft); padding: .5rem 1rem 1rem; margin-top: 2rem; }
    .what-if-result h2, .what-if h2 { margin-top: .5rem; }
    .award-row { display: flex; flex-wrap: wrap; align-items: flex-start; gap: .5rem 1rem; border: 1px solid var(--line); margin: .5rem 0; padding: .25rem 1rem .75rem; background: var(--paper); }
    .award-row legend { font-weight: 600; padding: 0 .25rem; }
    .field-problem { color: var(--no); font-weight: 600; max-width: 22rem; }
    input[aria-invalid="true"] { border: 2px solid var(--no); }
    button.add-row { background: var(--paper); color: var(--accent); }
    .pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
    @media (max-width: 50rem) { .pair { grid-template-columns: 1fr; } }
    figure { margin: 0; }
    .chart { max-width: 100%; height: auto; font-size: 13px; color: var(--ink); }
    .chart text { fill: var(--ink); }
    .fill-yes { fill: #7fb77e; } .fill-no { fill: #e8a0a0; } .fill-unknown { fill: #f0d58c; }
    .fill-none { fill: #d0d0d0; } .fill-error { fill: #e8a0a0; } .fill-plain { fill: #8fb3d9; }
    .chart .ink { stroke: var(--ink); stroke-width: 1.2; } .chart .dot { fill: var(--ink); }
    .reference h2 { margin-top: 2.5rem; }
    .reference h4 { font-size: 1.05rem; margin-bottom: 0; scroll-margin-top: 1rem; }
    .reference h4:target { background: #fff4cc; }
    progress { width: 20rem; max-width: 100%; height: 1.25rem; }
    @media print {
      header.site, footer.site form, form, .what-if, .skip, .print { display: none !important; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      .decision { break-inside: avoid; }
    }
    """

  static let script = """
    "use strict";
    (function () {
      // Learner ids while typing: the server's suggestions fill the input's datalist.
      document.querySelectorAll("input[data-suggest]").forEach(function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        var timer = null;
        input.addEventListener("input", function () {
          clearTimeout(timer);
          var prefix = input.value.trim();
          if (!prefix || !list) { return; }
          timer = setTimeout(function () {
            fetch(input.dataset.suggest + "?prefix=" + encodeURIComponent(prefix), { credentials: "same-origin" })
              .then(function (reply) { return reply.ok ? reply.json() : []; })
              .then(function (ids) {
                list.replaceChildren.apply(list, ids.map(function (id) {
                  var option = document.createElement("option");
                  option.value = id;
                  return option;
                }));
              })
              .catch(function () { /* suggestions are a convenience: the search works without them */ });
          }, 150);
        });
      });
      // Printing shows every explanation whole.
      function openAll() {
        document.querySelectorAll("details").forEach(function (details) { details.open = true; });
      }
      window.addEventListener("beforeprint", openAll);
      document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { openAll(); window.print(); });
      });
      // The what-if form has a few empty rows without a script; this adds more, up to the
      // server's limit, each a copy of the last with its numbers moved on and its values cleared.
      document.querySelectorAll("[data-add-row]").forEach(function (button) {
        var rows = button.form.querySelector("[data-award-rows]");
        var most = parseInt(rows.dataset.most, 10);
        function full() { return rows.querySelectorAll("[data-award-row]").length >= most; }
        button.hidden = full();
        button.addEventListener("click", function () {
          var all = rows.querySelectorAll("[data-award-row]");
          var last = all[all.length - 1];
          var from = String(all.length), to = String(all.length + 1);
          var row = last.cloneNode(true);
          row.querySelector("legend").textContent = "Award " + to;
          row.querySelectorAll(".field-problem").forEach(function (node) { node.remove(); });
          row.querySelectorAll("[id], [for], [name]").forEach(function (node) {
            ["id", "for", "name"].forEach(function (attribute) {
              var value = node.getAttribute(attribute);
              if (value) { node.setAttribute(attribute, value.replace("-" + from, "-" + to)); }
            });
          });
          row.querySelectorAll("input").forEach(function (input) {
            input.value = "";
            input.removeAttribute("aria-invalid");
            var described = (input.getAttribute("aria-describedby") || "").split(" ")
              .filter(function (id) { return id && id.indexOf("-problem") < 0; }).join(" ");
            if (described) { input.setAttribute("aria-describedby", described); } else { input.removeAttribute("aria-describedby"); }
          });
          rows.appendChild(row);
          row.querySelector("input").focus();
          button.hidden = full();
        });
      });
      // A what-if answer takes the focus, so that keyboard and screen-reader users hear it.
      var answer = document.getElementById("what-if-result");
      if (answer) { answer.focus(); }
    })();
    """
}
