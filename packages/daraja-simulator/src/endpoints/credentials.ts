import type { Sim } from "../context"
import { merchantDoesNotExist, wrongCredentials } from "../errors"
import type { Reply } from "../http/reply"
import { stkPassword } from "../validation/password"

/** Known shortcode and Password = base64(shortcode + passkey + timestamp), else 500.001.1001. */
export const checkStkCredentials = (
  sim: Sim,
  shortcode: string,
  password: string,
  timestamp: string
): Reply | undefined => {
  const merchant = sim.shortcodes.get(shortcode)
  if (!merchant) {
    return merchantDoesNotExist()
  }
  return stkPassword(shortcode, merchant.passkey, timestamp) === password
    ? undefined
    : wrongCredentials()
}
