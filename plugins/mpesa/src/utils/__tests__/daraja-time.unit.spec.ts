import { darajaTimestamp, stkPassword } from "../daraja-time"

describe("darajaTimestamp", () => {
  it.each([
    // 06:15:26 UTC is 09:15:26 in Nairobi
    ["2024-07-10T06:15:26Z", "20240710091526"],
    // the EAT day starts at 21:00 UTC the day before
    ["2024-12-31T21:00:00Z", "20250101000000"],
    ["2024-12-31T20:59:59Z", "20241231235959"],
    ["2024-02-28T22:00:00Z", "20240229010000"],
    ["2019-12-19T07:21:15.999Z", "20191219102115"],
  ])("%s → %s", (iso, expected) => {
    expect(darajaTimestamp(new Date(iso))).toBe(expected)
    expect(darajaTimestamp(Date.parse(iso))).toBe(expected)
  })

  it("is 14 digits for the current time", () => {
    expect(darajaTimestamp()).toMatch(/^\d{14}$/)
  })

  it("refuses an invalid date", () => {
    expect(() => darajaTimestamp(new Date("nope"))).toThrow(RangeError)
  })
})

describe("stkPassword", () => {
  it.each([
    ["1", "2", "3", "MTIz"],
    [
      "174379",
      "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
      "20240710091526",
      // printf '%s' "174379<passkey>20240710091526" | base64
      "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjQwNzEwMDkxNTI2",
    ],
  ])("base64(%s + passkey + %s)", (shortcode, passkey, timestamp, expected) => {
    expect(stkPassword(shortcode, passkey, timestamp)).toBe(expected)
  })
})
