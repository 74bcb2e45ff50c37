/**
 * Builds the default email bodies, as template sources (the same language a
 * merchant overrides them in), from a few blocks, so the HTML and the plain
 * text of each message always say the same thing.
 */

export type EmailLabels = {
  item: string
  quantity: string
  price: string
  subtotal: string
  shipping: string
  tax: string
  discount: string
  total: string
  deliverTo: string
  andMore: string
  /** How to pay an unpaid order by paybill (mpesa_paybill, mpesa_account, order_total). */
  payPaybill: string
  /** How to pay an unpaid order at a till (mpesa_till, order_total). */
  payTill: string
}

export type EmailBlocks = {
  heading: string
  paragraphs: string[]
  /** Show the line items and totals. */
  items?: boolean
  /** Show the delivery address and method. */
  address?: boolean
  /** A button: label and the variable holding its URL. */
  button?: { label: string; url: string }
  /** Paragraphs after the button, e.g. "ignore this if you did not ask". */
  after?: string[]
  /** While the order is unpaid: how to pay by M-Pesa paybill or till instead of the prompt. */
  payAnotherWay?: boolean
}

/** Both ways are conditional: the variables are empty once the order is paid or when the shop takes no paybill/till. */
const payAnotherWay = (l: EmailLabels, wrap: (s: string) => string) =>
  `{% if mpesa_paybill %}${wrap(l.payPaybill)}{% endif %}{% if mpesa_till %}${wrap(l.payTill)}{% endif %}`

const P = 'style="margin:0 0 16px;font-size:16px;line-height:24px;"'
const CELL = 'style="padding:8px 0;border-bottom:1px solid #eeeeee;font-size:14px;"'
const NUM = 'style="padding:8px 0;border-bottom:1px solid #eeeeee;font-size:14px;text-align:right;white-space:nowrap;"'

function itemsHtml(l: EmailLabels): string {
  return [
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;">',
    `<tr><th align="left" style="font-size:12px;color:#666666;padding:0 0 4px;">${l.item}</th><th align="right" style="font-size:12px;color:#666666;padding:0 0 4px;">${l.price}</th></tr>`,
    "{% for item in items %}",
    `<tr><td ${CELL}>{{ item.quantity }} × {{ item.title }}{% if item.variant %} <span style="color:#666666;">({{ item.variant }})</span>{% endif %}</td><td ${NUM}>{{ item.total }}</td></tr>`,
    "{% endfor %}",
    `{% if more_items %}<tr><td colspan="2" ${CELL}>${l.andMore}</td></tr>{% endif %}`,
    `<tr><td ${CELL}>${l.subtotal}</td><td ${NUM}>{{order_subtotal}}</td></tr>`,
    `<tr><td ${CELL}>${l.shipping}</td><td ${NUM}>{{shipping_total}}</td></tr>`,
    `{% if discount_total %}<tr><td ${CELL}>${l.discount}</td><td ${NUM}>-{{discount_total}}</td></tr>{% endif %}`,
    `<tr><td style="padding:8px 0;font-size:16px;font-weight:bold;">${l.total}</td><td style="padding:8px 0;font-size:16px;font-weight:bold;text-align:right;white-space:nowrap;">{{order_total}}</td></tr>`,
    `{% if tax_total %}<tr><td style="padding:0;font-size:12px;color:#666666;">${l.tax}</td><td style="padding:0;font-size:12px;color:#666666;text-align:right;white-space:nowrap;">{{tax_total}}</td></tr>{% endif %}`,
    "</table>",
  ].join("\n")
}

function itemsText(l: EmailLabels): string {
  return [
    "{% for item in items %}- {{ item.quantity }} x {{ item.title }}{% if item.variant %} ({{ item.variant }}){% endif %}: {{ item.total }}",
    "{% endfor %}{% if more_items %}- " + l.andMore + "\n{% endif %}" + l.subtotal + ": {{order_subtotal}}",
    `${l.shipping}: {{shipping_total}}`,
    `{% if discount_total %}${l.discount}: -{{discount_total}}\n{% endif %}${l.total}: {{order_total}}{% if tax_total %}\n${l.tax}: {{tax_total}}{% endif %}`,
  ].join("\n")
}

export function emailHtml(blocks: EmailBlocks, l: EmailLabels): string {
  const parts = [
    `<h1 style="margin:0 0 16px;font-size:22px;line-height:30px;">${blocks.heading}</h1>`,
    ...blocks.paragraphs.map((p) => `<p ${P}>${p}</p>`),
  ]
  if (blocks.payAnotherWay) {
    parts.push(payAnotherWay(l, (s) => `<p ${P}>${s}</p>`))
  }
  if (blocks.button) {
    parts.push(
      `{% if ${blocks.button.url} %}<p style="margin:24px 0;"><a href="{{${blocks.button.url}}}" class="button" style="display:inline-block;padding:12px 24px;border-radius:6px;background:{{brand_color}};color:#ffffff;text-decoration:none;font-weight:bold;">${blocks.button.label}</a></p>{% endif %}`
    )
  }
  if (blocks.items) {
    parts.push(itemsHtml(l))
  }
  if (blocks.address) {
    parts.push(
      `{% if shipping_address %}<p ${P}><strong>${l.deliverTo}:</strong> {{shipping_address}}{% if shipping_method %} ({{shipping_method}}){% endif %}</p>{% endif %}`
    )
  }
  for (const p of blocks.after ?? []) {
    parts.push(`<p ${P}>${p}</p>`)
  }
  return parts.join("\n")
}

const stripMarkup = (s: string) => s.replace(/<[^>]+>/g, "")

export function emailText(blocks: EmailBlocks, l: EmailLabels): string {
  const parts = [stripMarkup(blocks.heading), ...blocks.paragraphs.map(stripMarkup)]
  if (blocks.payAnotherWay) {
    parts.push(payAnotherWay(l, stripMarkup))
  }
  if (blocks.button) {
    parts.push(`{% if ${blocks.button.url} %}${blocks.button.label}: {{${blocks.button.url}}}{% endif %}`)
  }
  if (blocks.items) {
    parts.push(itemsText(l))
  }
  if (blocks.address) {
    parts.push(
      `{% if shipping_address %}${l.deliverTo}: {{shipping_address}}{% if shipping_method %} ({{shipping_method}}){% endif %}{% endif %}`
    )
  }
  parts.push(...(blocks.after ?? []).map(stripMarkup))
  return parts.join("\n\n")
}
