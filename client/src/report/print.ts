// Fold-outs (<details>) open when the report is printed. Three ways in, as
// browsers differ: the print dialog fires beforeprint/afterprint; a print
// emulation (DevTools, a headless browser's PDF) may change only the print
// media query; and report.css shows a closed fold-out's content in print
// (details::details-content) where even that does not happen.

/** Opens every closed fold-out under `root` while the page prints, and closes those again afterwards. */
export function openFoldOutsWhenPrinted(root: ParentNode = document): () => void {
  let opened: HTMLDetailsElement[] = [];
  const open = () => {
    for (const d of root.querySelectorAll<HTMLDetailsElement>("details:not([open])")) {
      d.open = true;
      opened.push(d);
    }
  };
  const restore = () => {
    for (const d of opened) d.open = false;
    opened = [];
  };
  const media = window.matchMedia("print");
  const onMedia = (e: MediaQueryListEvent) => (e.matches ? open() : restore());
  window.addEventListener("beforeprint", open);
  window.addEventListener("afterprint", restore);
  media.addEventListener("change", onMedia);
  if (media.matches) open();
  return () => {
    window.removeEventListener("beforeprint", open);
    window.removeEventListener("afterprint", restore);
    media.removeEventListener("change", onMedia);
  };
}
