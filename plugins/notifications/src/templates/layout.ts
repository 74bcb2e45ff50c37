import { escapeHtml } from "./engine"

export type LayoutInput = {
  lang: string
  subject: string
  body: string
  storeName: string
  storeUrl?: string
  logoUrl?: string
  brandColor: string
  address?: string
  help: string
  footer: string
  /** Hidden preview line shown by mail clients next to the subject. */
  preheader?: string
}

/**
 * The responsive frame around every email body: one 600px column that
 * shrinks to the screen on phones, inline styles only (mail clients drop
 * <style> blocks unpredictably; the media query is an enhancement).
 */
export function emailLayout(input: LayoutInput): string {
  const e = escapeHtml
  const brand = input.logoUrl
    ? `<img src="${e(input.logoUrl)}" alt="${e(input.storeName)}" height="40" style="height:40px;max-width:200px;border:0;display:block;">`
    : `<span style="font-size:20px;font-weight:bold;color:#ffffff;">${e(input.storeName)}</span>`
  const linkedBrand = input.storeUrl
    ? `<a href="${e(input.storeUrl)}" style="text-decoration:none;color:#ffffff;">${brand}</a>`
    : brand
  return `<!DOCTYPE html>
<html lang="${e(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${e(input.subject)}</title>
<style>
@media only screen and (max-width: 620px) {
  .container { width: 100% !important; }
  .content { padding: 20px 16px !important; }
  .button { display: block !important; text-align: center !important; }
}
</style>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;color:#18181b;">
<div style="display:none;max-height:0;overflow:hidden;">${e(input.preheader ?? "")}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" style="width:600px;max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden;">
<tr><td style="background:${e(input.brandColor)};padding:20px 32px;">${linkedBrand}</td></tr>
<tr><td class="content" style="padding:32px;">
${input.body}
</td></tr>
<tr><td style="padding:20px 32px;border-top:1px solid #eeeeee;font-size:12px;line-height:18px;color:#71717a;">
<p style="margin:0 0 8px;">${input.help}</p>
<p style="margin:0;">${input.footer}${input.address ? `<br>${e(input.address)}` : ""}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`
}
