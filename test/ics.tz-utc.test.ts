process.env.TZ = "UTC";
// Node re-reads TZ when process.env.TZ is assigned; the first test proves it took effect in this process.
import { afterAll, describe, expect, it } from "vitest";
import { checkRoundTrip } from "./ics.roundtrip.ts";

describe("iCalendar round trip with the process in UTC", () => {
  afterAll(() => {
    delete process.env.TZ;
  });

  it("runs in UTC", () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("UTC");
  });

  it("gives back the same instants, dates and text through ical.js and node-ical", () => {
    checkRoundTrip(300);
  });
});
