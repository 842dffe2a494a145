import { describe, expect, it } from "vitest";

import { formatDue, parseDue } from "./due";

const now = new Date(2026, 4, 13, 10, 0, 0); // Wed May 13 2026, 10:00 local

describe("formatDue", () => {
  it("parses dates and date-times as local time", () => {
    expect(parseDue("2026-05-14")?.hasTime).toBe(false);
    expect(parseDue("2026-05-14T15:30:00")?.date.getHours()).toBe(15);
    expect(parseDue("nope")).toBeNull();
  });

  it("labels today, tomorrow, weekdays and later dates", () => {
    expect(formatDue("2026-05-13", { now })?.label).toBe("Today");
    expect(formatDue("2026-05-14", { now })?.label).toBe("Tomorrow");
    expect(formatDue("2026-05-15", { now })?.label).toMatch(/^Fri/);
    expect(formatDue("2026-12-10", { now })?.label).toMatch(/Dec 10|10 Dec/);
  });

  it("marks past due dates as overdue unless completed", () => {
    expect(formatDue("2026-05-12", { now })).toMatchObject({ label: "Overdue", tone: "overdue" });
    expect(formatDue("2026-05-13T09:00:00", { now })?.tone).toBe("overdue");
    expect(formatDue("2026-05-12", { now, completed: true })?.tone).toBe("done");
  });
});
