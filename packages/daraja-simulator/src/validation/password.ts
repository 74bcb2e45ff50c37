/** Password = base64(BusinessShortCode + Passkey + Timestamp). */
export const stkPassword = (shortcode: string, passkey: string, timestamp: string): string =>
  Buffer.from(`${shortcode}${passkey}${timestamp}`).toString("base64")
