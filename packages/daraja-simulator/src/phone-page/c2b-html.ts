import { SANDBOX_MSISDN } from "../outcomes"

export const C2B_STYLE = `
  .menu { border-top: 1px solid #cfd8d3; margin-top: 12px; padding-top: 8px; }
  .menu h3 { font-size: 13px; margin: 10px 0 4px; color: #2e7d32; }
  .menu label { display: block; font-size: 12px; margin-top: 4px; }
  .menu input, .menu select, .menu textarea { width: 100%; box-sizing: border-box; padding: 5px; }
  .menu form { border: 1px solid #e3e7e5; border-radius: 8px; padding: 4px 8px 8px; margin-top: 8px; }
  .menu form button { margin-top: 8px; }
  #c2b-error { color: #b71c1c; font-size: 13px; min-height: 1em; }
  #c2b-result { color: #2e7d32; font-size: 13px; min-height: 1em; }
`

const field = (id: string, label: string, attrs: string): string =>
  `<label for="${id}">${label}</label><input id="${id}" data-testid="${id}" ${attrs}>`

/**
 * The phone's M-PESA menu: Pay Bill, Buy Goods and Scan QR. Every control
 * has a label and a `data-testid` equal to its id (README, "Phone page");
 * inputs that are sent carry the control API's field name as `name`.
 */
export const c2bMenuHtml = (): string => `
<section class="menu" aria-labelledby="menu-title">
  <h2 id="menu-title">Lipa na M-PESA</h2>
  ${field("payer-phone", "Paying phone number", `name="phone" inputmode="tel" autocomplete="off" value="${SANDBOX_MSISDN}"`)}
  <form data-channel="paybill" data-testid="paybill-form" aria-labelledby="paybill-title">
    <h3 id="paybill-title">Pay bill</h3>
    ${field("paybill-business-number", "Business number", 'name="businessNumber" inputmode="numeric" autocomplete="off"')}
    ${field("paybill-account-number", "Account number", 'name="accountNumber" autocomplete="off"')}
    ${field("paybill-amount", "Amount (KES)", 'name="amount" inputmode="numeric" autocomplete="off"')}
    <button type="submit" class="pay" id="paybill-submit" data-testid="paybill-submit">Pay bill</button>
  </form>
  <form data-channel="till" data-testid="till-form" aria-labelledby="till-title">
    <h3 id="till-title">Buy goods</h3>
    ${field("till-number", "Till number", 'name="tillNumber" inputmode="numeric" autocomplete="off"')}
    ${field("till-amount", "Amount (KES)", 'name="amount" inputmode="numeric" autocomplete="off"')}
    <button type="submit" class="pay" id="till-submit" data-testid="till-submit">Buy goods</button>
  </form>
  <form data-channel="qr" data-testid="qr-form" aria-labelledby="qr-title">
    <h3 id="qr-title">Scan QR</h3>
    <label for="qr-choose">QR codes generated here</label>
    <select id="qr-choose" data-testid="qr-choose"><option value="">Choose a QR code…</option></select>
    <label for="qr-code">QR code text</label>
    <textarea id="qr-code" data-testid="qr-code" name="qrCode" rows="3" autocomplete="off"></textarea>
    <button type="button" id="qr-read" data-testid="qr-read">Read QR</button>
    ${field("qr-type", "Pay to", "readonly")}
    ${field("qr-number", "Business or till number", "readonly")}
    ${field("qr-account-number", "Account number", "readonly")}
    ${field("qr-amount", "Amount (KES)", "readonly")}
    ${field("qr-merchant", "Merchant", "readonly")}
    <button type="submit" class="pay" id="qr-submit" data-testid="qr-submit">Pay</button>
  </form>
  <p id="c2b-result" data-testid="c2b-result" role="status"></p>
  <p id="c2b-error" data-testid="c2b-error" role="alert"></p>
</section>`

/** The C2B payments table, beside the request log. */
export const c2bPaymentsHtml = (): string => `
<h2 id="c2b-payments-title">C2B payments</h2>
<table id="c2b-payments" data-testid="c2b-payments" aria-labelledby="c2b-payments-title"><tbody id="c2b-payment-rows"></tbody></table>`
