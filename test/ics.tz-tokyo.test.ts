process.env.TZ = "Asia/Tokyo";
// Node re-reads TZ when process.env.TZ is assigned; the first test proves it took effect in this process.
import { afterAll, describe, expect, it } from "vitest";
import { checkRoundTrip } from "./ics.roundtrip.ts";

describe("iCalendar round trip with the process in Asia/Tokyo", () => {
  afterAll(() => {
    delete process.env.TZ;
  });

  it("runs in Asia/Tokyo", () => {
    expect(new Date(0).getTimezoneOffset()).toBe(-540);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("Asia/Tokyo");
  });

  it("gives back the same instants, dates and text through ical.js and node-ical", () => {
    checkRoundTrip(300);
  });
});
