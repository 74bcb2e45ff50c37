import { C2B_STYLE, c2bMenuHtml, c2bPaymentsHtml } from "./c2b-html"
import { C2B_SCRIPT } from "./c2b-script"
import { PHONE_PAGE_SCRIPT } from "./script"

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f3f5f4; color: #1d2b22; }
  header { background: #2e7d32; color: white; padding: 12px 20px; display: flex; gap: 20px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; flex: 1; }
  main { display: flex; gap: 24px; padding: 20px; flex-wrap: wrap; align-items: flex-start; }
  .phone { width: 320px; min-height: 480px; border: 10px solid #222; border-radius: 32px; background: #fff; padding: 16px; box-sizing: border-box; }
  .phone h2 { font-size: 14px; text-align: center; margin: 0 0 12px; color: #2e7d32; }
  .prompt { border: 1px solid #cfd8d3; border-radius: 10px; padding: 12px; margin-bottom: 12px; background: #fafffa; }
  .prompt p { margin: 6px 0; }
  .to, .scripted { font-size: 12px; color: #5b6b61; }
  .row { display: flex; gap: 6px; margin-top: 8px; }
  .pin { width: 80px; padding: 6px; }
  button { padding: 6px 12px; border-radius: 6px; border: 0; cursor: pointer; }
  .pay { background: #2e7d32; color: white; }
  .cancel { background: #e0e0e0; }
  #reset { background: #fff3; color: white; }
  .logs { flex: 1; min-width: 420px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; background: white; }
  td { border-bottom: 1px solid #e3e7e5; padding: 4px 8px; vertical-align: top; word-break: break-all; }
  #flash { min-height: 1.2em; font-size: 13px; color: #2e7d32; }
`

/**
 * The dev-mode phone: incoming STK prompts with Pay/Cancel, the M-PESA menu
 * (Pay bill, Buy goods, Scan QR), an auto-approve toggle and a live log.
 */
export const phonePageHtml = (): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>M-Pesa phone (Daraja simulator)</title>
<style>${STYLE}${C2B_STYLE}</style>
</head>
<body>
<header>
  <h1>Daraja simulator: phone</h1>
  <label><input type="checkbox" id="auto-approve"> Auto-approve unscripted numbers</label>
  <span>Callback delay: <span id="delay"></span> ms</span>
  <button id="reset">Reset</button>
</header>
<main>
  <section class="phone">
    <h2>M-PESA</h2>
    <div id="flash"></div>
    <div id="prompts"></div>
    <p id="empty">No prompts. Start a payment in the shop; it appears here.</p>
    <p class="to">PIN that pays: <b id="pin-hint"></b>; any other PIN gives 2001.</p>
    ${c2bMenuHtml()}
  </section>
  <section class="logs">
    <h2>Requests and callbacks</h2>
    <table><tbody id="log"></tbody></table>
    ${c2bPaymentsHtml()}
  </section>
</main>
<script>${PHONE_PAGE_SCRIPT}${C2B_SCRIPT}</script>
</body>
</html>`
