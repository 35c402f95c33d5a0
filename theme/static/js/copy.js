/* Porto: a "Copy" button on each code block of a post. Loaded (deferred) only
   on pages with code; without it, or without the Clipboard API, the page reads
   the same. Its words come from the script tag's data-copy, data-copied and
   data-failed attributes (the theme writes them). */
(function (d) {
  var script = d.currentScript, clip = navigator.clipboard, live, blocks;
  if (!script || !clip) return;
  blocks = d.querySelectorAll(".post-content pre");
  if (!blocks.length) return;
  live = d.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  d.body.appendChild(live);
  function say(button, words) {
    button.textContent = live.textContent = words;
    setTimeout(function () {
      button.textContent = script.dataset.copy;
      live.textContent = "";
    }, 2000);
  }
  blocks.forEach(function (pre) {
    if (pre.closest(".linenos, .linenodiv")) return; // codehilite's line numbers
    var text = (pre.querySelector("code") || pre).textContent,
      button = d.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = script.dataset.copy;
    button.addEventListener("click", function () {
      clip.writeText(text.replace(/\n$/, "")).then(
        function () { say(button, script.dataset.copied); },
        function () { say(button, script.dataset.failed); }
      );
    });
    pre.appendChild(button);
  });
})(document);
