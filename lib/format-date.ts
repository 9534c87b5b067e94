// Dates as the pages show them, formatted by hand rather than with Intl.DateTimeFormat: the first
// formatter a page creates loads the browser's locale data, 20–40 ms of main thread on a desktop
// (four times that on Lighthouse's phone), which a formatter made when its module loads adds to
// the page's start-up task.

/** Month names as en-GB writes them in its "medium" date style. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
const twoDigits = (n: number) => String(n).padStart(2, "0");

/** "5 Mar 2026, 07:04 UTC": the same text on the server and in every browser, whatever their time zone. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}
