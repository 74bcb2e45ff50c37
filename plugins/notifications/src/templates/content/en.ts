import type { LocaleContent } from "./types"

export const en: LocaleContent = {
  labels: {
    item: "Item",
    quantity: "Qty",
    price: "Total",
    subtotal: "Subtotal",
    shipping: "Delivery",
    tax: "VAT included",
    discount: "Discount",
    total: "Total",
    deliverTo: "Delivering to",
    andMore: "and {{more_items}} more",
  },
  layout: {
    footer: "You are receiving this email because of your account or order at {{store_name}}.",
    help: "Questions? Reply to this email{% if support_phone %} or call {{support_phone}}{% endif %}.",
  },
  templates: {
    "order-placed": {
      subject: "Order #{{order_number}} confirmed",
      email: {
        heading: "Thank you for your order, {{customer_first_name}}!",
        paragraphs: [
          "We have received order <strong>#{{order_number}}</strong> placed on {{order_date}}. We will let you know as soon as it ships.",
        ],
        items: true,
        address: true,
        button: { label: "View your order", url: "order_url" },
      },
      sms: "{{store_name}}: Thank you {{customer_first_name}}! Order #{{order_number}} ({{order_total}}) is confirmed. We will text you when it ships.",
    },
    "payment-received": {
      subject: "Payment received for order #{{order_number}}",
      email: {
        heading: "Payment received",
        paragraphs: [
          "We have received your payment of <strong>{{payment_amount}}</strong>{% if payment_method %} by {{payment_method}}{% endif %} for order #{{order_number}}.",
          "{% if mpesa_receipt %}M-Pesa receipt: <strong>{{mpesa_receipt}}</strong>{% endif %}",
        ],
        items: true,
        button: { label: "View your order", url: "order_url" },
      },
      sms: "{{store_name}}: Payment of {{payment_amount}} received for order #{{order_number}}.{% if mpesa_receipt %} M-Pesa receipt {{mpesa_receipt}}.{% endif %} Thank you!",
    },
    "payment-failed": {
      subject: "Payment for order #{{order_number}} did not go through",
      email: {
        heading: "Your payment did not go through",
        paragraphs: [
          "We could not take the payment for order #{{order_number}} ({{order_total}}){% if failure_reason %}: {{failure_reason}}{% endif %}.",
          "Your order is saved. To try again, make sure your M-Pesa account has enough balance and your phone is on, then pay again from your order page and enter your M-Pesa PIN when prompted.",
        ],
        button: { label: "Pay again", url: "retry_url" },
      },
      sms: "{{store_name}}: Payment for order #{{order_number}} failed{% if failure_reason %} ({{failure_reason}}){% endif %}.{% if retry_url %} Pay again: {{retry_url}}{% else %} Your order is saved; please pay again.{% endif %}",
    },
    "order-shipped": {
      subject: "Order #{{order_number}} has shipped",
      email: {
        heading: "Your order is on its way",
        paragraphs: [
          "Order #{{order_number}} has shipped{% if carrier %} with {{carrier}}{% endif %}.",
          "{% if tracking_number %}Tracking number: <strong>{{tracking_number}}</strong>{% endif %}",
        ],
        address: true,
        button: { label: "Track your order", url: "tracking_url" },
      },
      sms: "{{store_name}}: Order #{{order_number}} has shipped{% if carrier %} with {{carrier}}{% endif %}.{% if tracking_number %} Tracking: {{tracking_number}}.{% endif %}",
    },
    "order-out-for-delivery": {
      subject: "Order #{{order_number}} is out for delivery",
      email: {
        heading: "Out for delivery",
        paragraphs: [
          "Order #{{order_number}} is out for delivery and should reach you today. Please keep your phone on so the rider can reach you.",
        ],
        address: true,
        button: { label: "Track your order", url: "tracking_url" },
      },
      sms: "{{store_name}}: Order #{{order_number}} is out for delivery today. Please keep your phone on.",
    },
    "order-delivered": {
      subject: "Order #{{order_number}} was delivered",
      email: {
        heading: "Delivered",
        paragraphs: ["Order #{{order_number}} has been delivered. Thank you for shopping with us!"],
        button: { label: "View your order", url: "order_url" },
      },
      sms: "{{store_name}}: Order #{{order_number}} has been delivered. Thank you for shopping with us!",
    },
    "order-cancelled": {
      subject: "Order #{{order_number}} was cancelled",
      email: {
        heading: "Your order was cancelled",
        paragraphs: [
          "Order #{{order_number}} ({{order_total}}) has been cancelled{% if cancel_reason %}: {{cancel_reason}}{% endif %}.",
          "If you already paid, the money will be returned to you.",
        ],
      },
      sms: "{{store_name}}: Order #{{order_number}} was cancelled{% if cancel_reason %} ({{cancel_reason}}){% endif %}. If you paid, we will refund you.",
    },
    "order-refunded": {
      subject: "Refund for order #{{order_number}}",
      email: {
        heading: "We have refunded you",
        paragraphs: [
          "We have refunded <strong>{{refund_amount}}</strong> for order #{{order_number}}{% if refund_reason %} ({{refund_reason}}){% endif %}. It can take a few days to reach your account.",
        ],
      },
      sms: "{{store_name}}: We refunded {{refund_amount}} for order #{{order_number}}. It can take a few days to reach you.",
    },
    welcome: {
      subject: "Welcome to {{store_name}}",
      email: {
        heading: "Welcome, {{customer_first_name}}!",
        paragraphs: [
          "Your {{store_name}} account is ready. You can follow your orders, save addresses and pay with M-Pesa in a few taps.",
        ],
        button: { label: "Start shopping", url: "store_url" },
      },
      sms: "Welcome to {{store_name}}, {{customer_first_name}}! Your account is ready.",
    },
    "password-reset": {
      subject: "Reset your {{store_name}} password",
      email: {
        heading: "Reset your password",
        paragraphs: ["Someone asked to reset the password for {{email}}. Use the button below to choose a new one."],
        button: { label: "Choose a new password", url: "reset_url" },
        after: ["If you did not ask for this, you can ignore this email: your password will not change."],
      },
      sms: "{{store_name}}: reset your password at {{reset_url}}",
    },
    "merchant-new-order": {
      subject: "New order #{{order_number}}: {{order_total}}",
      email: {
        heading: "New order #{{order_number}}",
        paragraphs: [
          "{{customer_name}} ({{customer_email}}{% if customer_phone %}, {{customer_phone}}{% endif %}) placed an order of <strong>{{order_total}}</strong> on {{order_date}}. Payment: {{payment_status}}.",
        ],
        items: true,
        address: true,
        button: { label: "Open in admin", url: "admin_order_url" },
      },
      sms: "New order #{{order_number}}: {{order_total}}, {{item_count}} item(s) from {{customer_name}}{% if customer_phone %} {{customer_phone}}{% endif %}.",
    },
  },
}
