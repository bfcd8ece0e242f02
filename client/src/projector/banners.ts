// The banners at the top of the stage: the crisis of this round and the
// teacher's announcement (while one is set), with their text. Both texts may
// have been typed by the teacher, so they go in as userText.
import { h, userText } from "../common/dom.js";

export interface CrisisShown {
  round: number;
  title: string;
  text: string;
}

export function banners(announcement: string, crisis: CrisisShown | null): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (crisis) {
    out.push(
      h(
        "section",
        { class: "banner banner-crisis", "aria-label": "Crisis" },
        h("h2", { class: "banner-title" }, "Crisis: ", userText(crisis.title)),
        crisis.text ? h("p", { class: "banner-text" }, userText(crisis.text)) : null,
      ),
    );
  }
  if (announcement) {
    out.push(h("section", { class: "banner banner-announcement", "aria-label": "Announcement" }, h("h2", { class: "banner-title" }, "From your teacher"), h("p", { class: "banner-text" }, userText(announcement))));
  }
  return out;
}
